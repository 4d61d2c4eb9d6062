"""The calm summary: a pure function of the data and today.

It is what the home screen and `companion summary` show in place of an inbox:
one calm sentence, at most three things worth doing (most time-sensitive
first), and when nothing is due, one restorative suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from companion.domain.settings import Settings

MAX_ACTIONS = 3
NOTHING_TODAY = "Nothing needs you today."

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
    kind: str
    text: str


@dataclass(frozen=True)
class SummaryInputs:
    """Everything the summary reads, gathered by the repository from the main file."""

    settings: Settings = field(default_factory=Settings)
    applied_this_week: int = 0


@dataclass(frozen=True)
class Summary:
    message: str
    actions: tuple[Action, ...]
    suggestion: str | None
    practice_due: int
    applied_this_week: int
    weekly_goal: int | None


def restorative_suggestion(today: date) -> str:
    """Varies from day to day, stays the same all day."""
    return RESTORATIVE[today.toordinal() % len(RESTORATIVE)]


def build_summary(inputs: SummaryInputs, today: date) -> Summary:
    actions: list[Action] = []
    suggestion = None if actions else restorative_suggestion(today)
    message = NOTHING_TODAY if not actions else _count_sentence(len(actions))
    goal = inputs.settings.weekly_goal or None
    return Summary(
        message=message,
        actions=tuple(actions[:MAX_ACTIONS]),
        suggestion=suggestion,
        practice_due=0,
        applied_this_week=inputs.applied_this_week,
        weekly_goal=goal,
    )


def _count_sentence(count: int) -> str:
    return (
        "One thing is worth doing today."
        if count == 1
        else f"{count} things are worth doing today."
    )
