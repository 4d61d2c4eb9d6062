"""The urge to check the inbox, noted when the user comes to breathe instead, and the choice
made after the breathing (leave it until the check-in, or look now)."""

from __future__ import annotations

from companion.domain.urges import Choice
from companion.store.repository import Repository


def note_urge(repo: Repository) -> int:
    """Note the urge now; returns its id, for the choice made after the breathing."""
    return repo.urges.note(repo.clock.now())


def choose(repo: Repository, urge_id: int, choice: Choice) -> None:
    """Keep the choice made after breathing through the urge `urge_id`."""
    repo.urges.choose(urge_id, choice)
