"""Writing that helps: the four-day programme (one prompt a day, skippable, no streak)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.writing import (
    ABOUT_PROGRAMME,
    PROGRAMME_TAG,
    PROMPTS,
    SELF_COMPASSION,
    Step,
    begin_again,
    journal_line,
    programme,
    status_line,
    step,
    write_until,
)
from companion.services import summary as summaries
from companion.services import writing
from companion.store.repository import Repository

MONDAY = date(2026, 3, 2)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def test_the_programme_is_four_prompts_of_our_own() -> None:
    assert len(PROMPTS) == 4
    assert len(set(PROMPTS)) == 4
    for words in (*PROMPTS, SELF_COMPASSION, ABOUT_PROGRAMME):
        assert "!" not in words
        assert not re.search(r"\b(streak|cure|guarantee|proven)\b", words, re.IGNORECASE)


def test_one_prompt_a_day_and_the_next_waits_for_any_later_day() -> None:
    start = programme([], day(0))
    assert start.prompt == 1 and not start.started
    first = step(start, day(0), written=True, entry_id=7)
    assert programme([first], day(0)).prompt is None  # one a day
    # Three days missed cost nothing: prompt 2 is simply there when the user comes back.
    later = programme([first], day(4))
    assert later.prompt == 2
    skipped = step(later, day(4), written=False)
    assert programme([first, skipped], day(5)).prompt == 3


def test_after_the_four_it_can_begin_again() -> None:
    steps = [Step(1, n, day(n), written=n != 2) for n in range(1, 5)]
    done = programme(steps, day(9))
    assert done.finished and done.prompt is None
    again = begin_again(done)
    assert again.round == 2 and again.prompt == 1
    assert step(again, day(9), written=True).round == 2
    assert programme([*steps, step(again, day(9), written=True)], day(10)).prompt == 2
    with pytest.raises(ValueError):
        step(done, day(9), written=True)


def test_the_words_never_count_days_in_a_row() -> None:
    lines = [
        status_line(programme([], day(0))),
        status_line(programme([Step(1, 1, day(0), True)], day(0))),
        status_line(programme([Step(1, 1, day(0), True)], day(3))),
        status_line(programme([Step(1, n, day(n), True) for n in range(1, 5)], day(9))),
    ]
    for line in lines:
        assert not re.search(r"in a row|streak|missed|day \d+", line, re.IGNORECASE)
    assert journal_line(programme([], day(0))) == (
        "A four-day writing programme about your search, if you like: W."
    )
    assert journal_line(programme([Step(1, 1, day(0), True)], day(0))) is None
    assert "prompt 2 of 4" in (journal_line(programme([Step(1, 1, day(0), True)], day(1))) or "")


def test_twenty_minutes_is_said_as_a_time() -> None:
    assert write_until(datetime(2026, 3, 2, 17, 33, tzinfo=UTC)) == "until about 17:55"
    assert write_until(datetime(2026, 3, 2, 17, 40, tzinfo=UTC)) == "until about 18:00"


def test_the_writing_is_a_journal_entry_and_the_step_is_kept_beside_it(
    db_path: Path,
) -> None:
    clock = FrozenClock(datetime(2026, 3, 2, 18, 0, tzinfo=UTC))
    with Repository.open(db_path, clock) as repo:
        saved = writing.write_prompt(repo, writing.programme(repo), "It has been a long month.")
    clock.advance(timedelta(days=2))
    with Repository.open(db_path, clock) as repo:
        assert [e.tags for e in repo.journal.all()] == [(PROGRAMME_TAG,)]
        (first,) = repo.writing.steps()
        assert (first.prompt, first.written, first.entry_id) == (1, True, saved.id)
        state = writing.programme(repo)
        assert state.prompt == 2
        writing.skip_prompt(repo, state)
        assert writing.programme(repo).prompt is None
        assert len(repo.journal.all()) == 1  # a skip writes nothing in the journal


def test_the_summary_never_reads_the_programme(db_path: Path) -> None:
    clock = FrozenClock(datetime(2026, 3, 2, 18, 0, tzinfo=UTC))
    with Repository.open(db_path, clock) as repo:
        writing.skip_prompt(repo, writing.programme(repo))
    with Repository.open(db_path, clock, access="read") as repo:
        summaries.summary(repo)
        assert repo.db.loaded_parts() == []
