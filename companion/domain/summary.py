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
    is_weekend,
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
# The interview itself comes first (rule 0's preparation on the eve and the day);
# then the notes whose window closes soonest. Rule 11's note is owed once an offer
# is accepted; an offer's own steps (in writing, deciding) come before check-ins.
ACTION_ORDER = (
    "prepare",
    "thank_you",
    "debrief",
    "references",
    "withdraw",
    "in_writing",
    "decide",
    "speed_up",
    "follow_up",
    "move_on",
    "feedback",
    "practice",
    "apply",
)


@dataclass(frozen=True)
class Day:
    """What the day's restorative suggestion must never contradict: the data and the hour."""

    today: date
    hour: int = 12
    applying: bool = True
    """A nudge to apply fits: a goal not met, no rest advised, no offer accepted, a weekday."""
    questions: int = 0
    """Questions in the bank."""
    interviews_held: bool = False
    """Some interview has been held (today or before)."""


# Drawn from the advice the product is built on (../shared/seeds): keep
# applying, keep networking, practise, personal projects, rest with people.
# Each with the condition of the day it fits.
PRACTISE = "Practise one question that tripped you up, out loud, once."
APPLY = "Apply somewhere new that genuinely interests you; it burns off nervous energy."
REACH_OUT = "Reach out to someone in your field for a short, friendly catch-up."
PROJECT = "Spend an hour on a personal project that shows what you can do."
WALK = "Go for a walk with a friend and talk about anything but job hunting."
JOB_AD = "Read a job ad you like and borrow its words for your next cover letter."
WENT_WELL = "Write down three things that went well in your last interview."
EVENING_OFF = "Take the evening off. Waiting is work too, and you are doing it well."
RESTORATIVE = (PRACTISE, APPLY, REACH_OUT, PROJECT, WALK, JOB_AD, WENT_WELL, EVENING_OFF)
ABOUT_APPLYING = frozenset({APPLY, JOB_AD})
EVENING_FROM = 17
WALK_HOURS = range(7, 21)


def part_of_day(hour: int) -> str:
    """ "morning", "afternoon" or "evening", as the home screen greets."""
    if hour < 5 or hour >= 18:
        return "evening"
    if hour < 12:
        return "morning"
    return "afternoon"


def fits(suggestion: str, day: Day) -> bool:
    """Whether the suggestion agrees with the data and the hour of `day`."""
    if suggestion in ABOUT_APPLYING:
        return day.applying
    if suggestion == PRACTISE:
        return day.questions > 0
    if suggestion == WENT_WELL:
        return day.interviews_held
    if suggestion == EVENING_OFF:
        return day.hour >= EVENING_FROM
    if suggestion == WALK:
        return day.hour in WALK_HOURS
    return True


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
    questions: int = 0
    """Questions in the bank (the day's suggestion never offers practice with none)."""
    interviews: int = 0
    """Interviews ever logged: with none, the summary says how to begin."""
    interviews_held: bool = False


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
    more: int = 0
    """Things worth doing beyond the ones shown (the waiting room holds them)."""
    first_day: bool = False
    """No interview logged yet: the summary leads with how to begin."""

    @property
    def urges_today(self) -> int:
        return self.urges[-1] if self.urges else 0

    @property
    def coming_up(self) -> tuple[Waiting, ...]:
        """The open interviews still to come (phase `upcoming`), soonest first."""
        return tuple(row for row in self.waiting if row.timeline.phase == "upcoming")

    @property
    def waiting_to_hear(self) -> tuple[Waiting, ...]:
        return tuple(row for row in self.waiting if row.timeline.phase != "upcoming")


@dataclass(frozen=True)
class Applying:
    """The applying part of the summary: the week's count, the goal, a nudge or rest."""

    applied: int
    goal: int | None
    actions: tuple[Action, ...]
    rest: str | None
    accepted: bool = False


def restorative_suggestion(day: Day) -> str:
    """One suggestion that fits the day's data and hour; varies from day to day.

    Reaching out and a personal project fit any day, so there is always one.
    """
    choices = [s for s in RESTORATIVE if fits(s, day)]
    return choices[day.today.toordinal() % len(choices)]


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
    since = inputs.settings.goal_counts_from(today)
    goal = None if accepted or since is None else inputs.settings.weekly_goal
    if goal is None or since is None:
        return Applying(applied, None, (), None, accepted=accepted)
    tired = burnout(inputs.applications, today, inputs.recent_replies)
    if tired is not None:
        return Applying(applied, goal, (), tired.text)
    nudge = applying_nudge(applied, goal, today, since)
    actions = (Action("apply", nudge, target="applications:new"),) if nudge else ()
    return Applying(applied, goal, actions, None)


def shown_actions(ordered: list[Action]) -> list[Action]:
    """The first three, except that an open offer always keeps a place: when none of
    its actions made the first three, its first takes the third place."""
    shown = ordered[:MAX_ACTIONS]
    if any(action.keep for action in shown):
        return shown
    kept = next((action for action in ordered if action.keep), None)
    if kept is None:
        return shown
    return [*shown[: MAX_ACTIONS - 1], kept]


def build_summary(inputs: SummaryInputs, today: date, hour: int = 12) -> Summary:
    """The summary of `today`, at `hour` o'clock local time (the suggestion fits it)."""
    applying = applying_part(inputs, today)
    gathered = [
        *inputs.actions,
        *applying.actions,
    ]
    ordered = order_actions(gathered)
    actions = shown_actions(ordered)
    day = Day(
        today=today,
        hour=hour,
        applying=(
            applying.goal is not None
            and applying.applied < applying.goal
            and applying.rest is None
            and not is_weekend(today)
        ),
        questions=inputs.questions,
        interviews_held=inputs.interviews_held,
    )
    return Summary(
        message=_message(len(actions)),
        actions=tuple(actions),
        suggestion=None if actions else restorative_suggestion(day),
        practice_due=inputs.practice_due,
        applied_this_week=applying.applied,
        weekly_goal=applying.goal,
        rest=applying.rest,
        checkin=checkin_line(inputs.settings.checkin_time),
        urges=urges_per_day(inputs.urge_days, today),
        waiting=inputs.waiting,
        more=len(ordered) - len(actions),
        first_day=inputs.interviews == 0,
    )


def _message(count: int) -> str:
    if count == 0:
        return NOTHING_TODAY
    if count == 1:
        return "One thing is worth doing today."
    return f"{count} things are worth doing today."
