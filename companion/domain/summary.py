"""The calm summary: a pure function of the data and today.

It is what the home screen and `companion summary` show in place of an inbox:
one calm sentence, at most three things worth doing (most time-sensitive
first), and when nothing is due, one restorative suggestion.

Each capability contributes actions from its own domain module; this module
only gathers them, orders them by `ACTION_ORDER` and keeps the first three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from companion.domain.actions import Action
from companion.domain.applications import (
    Application,
    applied_this_week,
    applying_nudge,
    burnout,
    offer_accepted,
)
from companion.domain.settings import Settings
from companion.domain.urges import checkin_line, urges_per_day

if TYPE_CHECKING:
    from companion.domain.waiting import Waiting

MAX_ACTIONS = 3
NOTHING_TODAY = "Nothing needs you today."

# Most time-sensitive first (etiquette.md and issue 6): a thank-you window
# closes in days, a debrief fades in a day or two, references need a heads-up
# before they are called; follow-ups and moving on can wait a little.
ACTION_ORDER = (
    "thank_you",
    "debrief",
    "references",
    "follow_up",
    "decide",
    "move_on",
    "feedback",
    "practice",
    "apply",
)

# Drawn from the advice the product is built on (../shared/seeds): keep
# applying, keep networking, practise, personal projects, rest with people.
RESTORATIVE = (
    "Practise one question that tripped you up, out loud, once.",
    "Apply somewhere new that genuinely interests you; it burns off nervous energy.",
    "Reach out to someone in your field for a short, friendly catch-up.",
    "Spend an hour on a personal project that shows what you can do.",
    "Go for a walk with a friend and talk about anything but job hunting.",
    "Read a job ad you like and borrow its words for your next cover letter.",
    "Write down three things that went well in your last interview.",
    "Take the evening off. Waiting is work too, and you are doing it well.",
)
# Not offered while the user should rest from applying, or has accepted an offer.
ABOUT_APPLYING = frozenset({RESTORATIVE[1], RESTORATIVE[5]})


@dataclass(frozen=True)
class SummaryInputs:
    """Everything the summary reads, gathered by the repository from the main file."""

    settings: Settings = field(default_factory=Settings)
    # Keep applying, the urge to check and worry time (the calm home).
    applications: tuple[Application, ...] = ()
    offer_accepted: bool = False
    """Some interview is `accepted` (etiquette.md, rule 8): the applying goal goes away."""
    recent_replies: int = 0
    """Employer answers in the last 7 days logged outside applications (the burnout guard)."""
    urge_days: tuple[date, ...] = ()
    """The local day of each urge to check noted in the last two weeks."""
    actions: tuple[Action, ...] = ()
    practice_due: int = 0
    waiting: tuple[Waiting, ...] = ()


@dataclass(frozen=True)
class Summary:
    message: str
    actions: tuple[Action, ...]
    suggestion: str | None
    practice_due: int
    applied_this_week: int
    weekly_goal: int | None
    """None when there is no goal: set to 0, or an offer is accepted."""
    waiting: tuple[Waiting, ...] = ()
    rest: str | None = None
    """The burnout guard's sentence, when the user should rest from applying."""
    checkin: str | None = None
    urges: tuple[int, ...] = ()
    """Urges noted on each of the last 14 days, oldest first (today last)."""

    @property
    def urges_today(self) -> int:
        return self.urges[-1] if self.urges else 0


@dataclass(frozen=True)
class Applying:
    """The applying part of the summary: the week's count, the goal, a nudge or rest."""

    applied: int
    goal: int | None
    actions: tuple[Action, ...]
    rest: str | None
    accepted: bool = False


def restorative_suggestion(today: date, *, applying: bool = True) -> str:
    """Varies from day to day, stays the same all day.

    With `applying` False the suggestions about applying are left out.
    """
    choices = [s for s in RESTORATIVE if applying or s not in ABOUT_APPLYING]
    return choices[today.toordinal() % len(choices)]


def order_actions(actions: tuple[Action, ...] | list[Action]) -> list[Action]:
    def rank(action: Action) -> tuple[int, date]:
        kind = ACTION_ORDER.index(action.kind) if action.kind in ACTION_ORDER else len(ACTION_ORDER)
        return kind, action.due or date.max

    return sorted(actions, key=rank)


def applying_part(inputs: SummaryInputs, today: date) -> Applying:
    """Rule 8 and the burnout guard: the weekly goal until an offer is accepted.

    The apply action is a nudge only when the week is a whole application
    behind an even pace over the days already gone (never on a Monday); after
    15 or more applications in a week with no answer, rest replaces it.
    """
    applied = applied_this_week(inputs.applications, today)
    accepted = inputs.offer_accepted or offer_accepted(inputs.applications)
    goal = None if accepted else inputs.settings.weekly_goal or None
    if goal is None:
        return Applying(applied, None, (), None, accepted=accepted)
    tired = burnout(inputs.applications, today, inputs.recent_replies)
    if tired is not None:
        return Applying(applied, goal, (), tired.text)
    nudge = applying_nudge(applied, goal, today)
    actions = (Action("apply", nudge, target="applications:new"),) if nudge else ()
    return Applying(applied, goal, actions, None)


def build_summary(inputs: SummaryInputs, today: date) -> Summary:
    applying = applying_part(inputs, today)
    gathered = [
        *inputs.actions,
        *applying.actions,
    ]
    actions = order_actions(gathered)[:MAX_ACTIONS]
    suggest_applying = not applying.accepted and applying.rest is None
    return Summary(
        message=_message(len(actions)),
        actions=tuple(actions),
        suggestion=None if actions else restorative_suggestion(today, applying=suggest_applying),
        practice_due=inputs.practice_due,
        applied_this_week=applying.applied,
        weekly_goal=applying.goal,
        rest=applying.rest,
        checkin=checkin_line(inputs.settings.checkin_time),
        urges=urges_per_day(inputs.urge_days, today),
        waiting=inputs.waiting,
    )


def _message(count: int) -> str:
    if count == 0:
        return NOTHING_TODAY
    if count == 1:
        return "One thing is worth doing today."
    return f"{count} things are worth doing today."
