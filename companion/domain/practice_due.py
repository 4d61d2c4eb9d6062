"""When a question is due, and what the summary says about practice.

Kept apart from `practice` (which builds on the `fsrs` scheduler) so that the
summary, which only counts what is due, never loads the scheduler: `is_due`
takes anything with `suspended` and `due` (a `Question`, or the two fields the
store reads from a stored card without building the question).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from companion.domain.actions import Action


class DueCard(Protocol):
    """What deciding whether a question is due needs."""

    @property
    def suspended(self) -> bool: ...

    @property
    def due(self) -> datetime: ...


def is_due(card: DueCard, now: datetime) -> bool:
    """Due by `now`, and not resting."""
    return not card.suspended and card.due <= now


def count_due(cards: Iterable[DueCard], now: datetime) -> int:
    return sum(1 for card in cards if is_due(card, now))


def practice_sentence(due: int) -> str:
    """The summary's practice action, calm: no counts of days, no urgency."""
    if due == 1:
        return "Practise one question out loud; it is ready when you are."
    return f"Practise {due} questions out loud; they are ready when you are."


def practice_actions(due: int) -> tuple[Action, ...]:
    """The summary's practice action, when something is due."""
    if due <= 0:
        return ()
    return (Action(kind="practice", text=practice_sentence(due), target="practice"),)
