"""How long an answer computed now holds, for the answers kept for the shell prompt
(`companion/answers.py`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from companion.domain.changes import next_change

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers


def valid_until(repo: Repository, now: datetime) -> datetime | None:
    """The first instant after `now` at which the clock alone may change what the
    repository's data shows; None when an answer from it must not be kept.

    An answer that read a history part is not kept: a main file of this schema
    names its parts (a new version of a part comes with a new main file), but one
    of schema 1, not yet upgraded, does not, and the older companion that wrote it
    rewrites its parts in place. The prompt's answers read none anyway."""
    if repo.db.loaded_parts():
        return None
    due = (card.due for card in repo.question_cards.all())
    settings = repo.settings.get()
    return next_change(now, due, settings.checkin_time, settings.day_starts)
