"""Writing that helps: the four-day programme's prompts, and the self-compassion prompt.

Both keep what is written as journal entries; the programme also keeps which
prompt each answered (or that it was skipped), in one batch with the entry.
"""

from __future__ import annotations

from companion.domain import writing
from companion.domain.journal import Entry, new_entry
from companion.domain.writing import PROGRAMME_TAG, SELF_COMPASSION_TAG, Programme
from companion.store.repository import Repository


def programme(repo: Repository) -> Programme:
    """Where the programme stands today."""
    return writing.programme(repo.writing.steps(), repo.clock.today())


def write_prompt(repo: Repository, state: Programme, text: str) -> Entry:
    """Keep today's writing in the journal and the prompt it answered, together.
    Raises FieldError (the text) before anything is saved."""
    entry = new_entry(text, repo.clock.now(), tags=(PROGRAMME_TAG,))
    with repo.batch():
        saved = repo.journal.add(entry)
        repo.writing.add(writing.step(state, repo.clock.today(), written=True, entry_id=saved.id))
    return saved


def skip_prompt(repo: Repository, state: Programme) -> None:
    """Let today's prompt go; the next one waits for a later day."""
    repo.writing.add(writing.step(state, repo.clock.today(), written=False))


def keep_kind_words(repo: Repository, interview_id: int | None, text: str) -> Entry:
    """The self-compassion prompt's answer, as a journal entry about the interview."""
    entry = new_entry(
        text, repo.clock.now(), tags=(SELF_COMPASSION_TAG,), interview_id=interview_id
    )
    return repo.journal.add(entry)
