"""The urge to check the inbox, noted when the user comes to breathe instead."""

from __future__ import annotations

from companion.store.repository import Repository


def note_urge(repo: Repository) -> None:
    repo.urges.note(repo.clock.now())
