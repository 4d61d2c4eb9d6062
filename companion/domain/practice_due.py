"""When a question is ready, and what the summary says about practice.

Kept apart from `practice` (which builds on the `fsrs` scheduler) so that the
summary, which only counts what today's plan offers, never loads the
scheduler: `is_due` takes anything with `suspended`, `due` and `by_day` (a
`Question`, or the fields the store reads from a stored card without building
the question).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from companion.domain.actions import Action
from companion.domain.dates import friendly
from companion.domain.interviews import Interview
from companion.domain.practice_days import PracticeDays


class DueCard(Protocol):
    """What deciding whether a question is ready needs."""

    @property
    def suspended(self) -> bool: ...

    @property
    def due(self) -> datetime: ...

    @property
    def by_day(self) -> bool: ...


def is_due(card: DueCard, now: datetime, days: PracticeDays | None = None) -> bool:
    """Ready by `now` (on its day, for a question scheduled in days), and not resting."""
    if card.suspended:
        return False
    return (days or PracticeDays.at(now)).ready(card.due, card.by_day, now)


def count_due(cards: Iterable[DueCard], now: datetime, days: PracticeDays | None = None) -> int:
    """How many are ready (before any daily limit)."""
    days = days or PracticeDays.at(now)
    return sum(1 for card in cards if is_due(card, now, days))


def practice_sentence(
    due: int, readying: Interview | None = None, today: date | None = None, for_it: int = 0
) -> str:
    """The summary's practice action, calm: no counts of days, no urgency. `readying` is
    the interview `for_it` of the questions are brought forward for."""
    said = "one question" if due == 1 else f"{due} questions"
    ready = "it is" if due == 1 else "they are"
    if readying is not None and for_it > 0:
        when = f"{readying.company} on {friendly(readying.held_on, today)}"
        if for_it >= due:
            return f"Practise {said} out loud, getting ready for {when}."
        some = "one of them" if for_it == 1 else f"{for_it} of them"
        return f"Practise {said} out loud, {some} for {when}."
    return f"Practise {said} out loud; {ready} ready when you are."


def practice_actions(
    due: int, readying: Interview | None = None, today: date | None = None, for_it: int = 0
) -> tuple[Action, ...]:
    """The summary's practice action, when today's practice offers something."""
    if due <= 0:
        return ()
    text = practice_sentence(due, readying, today, for_it)
    return (Action(kind="practice", text=text, target="practice"),)
