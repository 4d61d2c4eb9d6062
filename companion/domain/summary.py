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

from companion.domain.settings import Settings

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


@dataclass(frozen=True)
class Action:
    """One thing worth doing, in one sentence.

    `kind` names the rule (one of ACTION_ORDER); `due` orders actions of the
    same kind (earliest first); `target` tells the app what to open, such as
    "interview:3".
    """

    kind: str
    text: str
    due: date | None = None
    target: str | None = None


@dataclass(frozen=True)
class SummaryInputs:
    """Everything the summary reads, gathered by the repository from the main file."""

    settings: Settings = field(default_factory=Settings)
    actions: tuple[Action, ...] = ()
    applied_this_week: int = 0
    waiting: tuple[Waiting, ...] = ()


@dataclass(frozen=True)
class Summary:
    message: str
    actions: tuple[Action, ...]
    suggestion: str | None
    practice_due: int
    applied_this_week: int
    weekly_goal: int | None
    waiting: tuple[Waiting, ...] = ()


def restorative_suggestion(today: date) -> str:
    """Varies from day to day, stays the same all day."""
    return RESTORATIVE[today.toordinal() % len(RESTORATIVE)]


def order_actions(actions: tuple[Action, ...] | list[Action]) -> list[Action]:
    def rank(action: Action) -> tuple[int, date]:
        kind = ACTION_ORDER.index(action.kind) if action.kind in ACTION_ORDER else len(ACTION_ORDER)
        return kind, action.due or date.max

    return sorted(actions, key=rank)


def build_summary(inputs: SummaryInputs, today: date) -> Summary:
    actions = order_actions(inputs.actions)[:MAX_ACTIONS]
    return Summary(
        message=_message(len(actions)),
        actions=tuple(actions),
        suggestion=None if actions else restorative_suggestion(today),
        practice_due=0,
        applied_this_week=inputs.applied_this_week,
        weekly_goal=inputs.settings.weekly_goal or None,
        waiting=inputs.waiting,
    )


def _message(count: int) -> str:
    if count == 0:
        return NOTHING_TODAY
    if count == 1:
        return "One thing is worth doing today."
    return f"{count} things are worth doing today."
