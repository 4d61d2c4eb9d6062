"""The journal: write an entry, edit one, delete one."""

from __future__ import annotations

from collections.abc import Sequence

from companion.domain import journal as rules
from companion.domain.journal import Entry
from companion.store.repository import Repository


def write_entry(repo: Repository, entry: Entry) -> Entry:
    """Keep a new entry (made with `domain.journal.new_entry`); its interview must exist."""
    if entry.interview_id is not None:
        repo.interviews.require(entry.interview_id, "interview")
    return repo.journal.add(entry)


def edit_entry(
    repo: Repository,
    entry: Entry,
    *,
    text: str,
    mood: str | int | None,
    tags: Sequence[str],
    interview_id: int | None,
) -> Entry:
    """The entry as changed (marked edited now), saved when something did change;
    FieldError (nothing saved) for a bad value."""
    changed = rules.edit_entry(
        entry, repo.clock.now(), text=text, mood=mood, tags=tags, interview_id=interview_id
    )
    if changed != entry:
        repo.journal.save(changed)
    return changed


def delete_entry(repo: Repository, entry_id: int) -> None:
    repo.journal.delete(entry_id)
