"""How long an answer computed now holds, for the answers kept for the shell prompt
(`companion/answers.py`)."""

from __future__ import annotations

from datetime import datetime

from companion.domain.changes import next_change
from companion.store.repository import Repository


def valid_until(repo: Repository, now: datetime) -> datetime | None:
    """The first instant after `now` at which the clock alone may change what the
    repository's data shows; None when an answer from it must not be kept (it read
    a history part, which the kept answer's identity does not cover)."""
    if repo.db.loaded_parts():
        return None
    due = (card.due for card in repo.question_cards.all())
    settings = repo.settings.get()
    return next_change(now, due, settings.checkin_time, settings.day_starts)
