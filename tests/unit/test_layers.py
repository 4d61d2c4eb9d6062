"""The interfaces change data only through `companion.services`; the TUI never reaches into
the store's Database; each domain rule the summary counts by has one implementation."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.clock import FrozenClock
from companion.domain.practice import new_question
from companion.domain.practice_due import count_due
from companion.store.repository import Repository

PACKAGE = Path(__file__).resolve().parents[2] / "companion"
INTERFACES = ("cli", "tui")

# A store's methods that change data, called on a repository from an interface.
STORE_WRITE = re.compile(
    r"\brepo\.\w+\.(add|add_many|save|delete|update|record|record_many|remove|note|"
    r"improve_answer|set_suspended|import_deck|choose)\("
)


def _sources(*parts: str) -> dict[str, str]:
    return {
        str(path.relative_to(PACKAGE)): path.read_text(encoding="utf-8")
        for part in parts
        for path in sorted((PACKAGE / part).rglob("*.py"))
    }


def test_the_interfaces_change_data_only_through_the_services() -> None:
    found = [
        f"{name}: {match.group(0)}"
        for name, text in _sources(*INTERFACES).items()
        for match in STORE_WRITE.finditer(text)
    ]
    assert found == []


def test_the_tui_never_touches_the_database() -> None:
    found = [
        f"{name}:{number}"
        for name, text in _sources("tui").items()
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(r"\.db\b", line)
    ]
    assert found == []


def test_the_checks_above_catch_what_they_look_for() -> None:
    assert STORE_WRITE.search("app.repo.interviews.save(changed)")
    assert STORE_WRITE.search("repo.questions.record(moved, rehearsal)")
    assert not STORE_WRITE.search("repo.interviews.all()")
    assert re.search(r"\.db\b", "app.repo.db.changes")


MOMENT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


@settings(max_examples=25, deadline=None)
@given(
    offsets=st.lists(
        st.tuples(st.integers(-20_000, 20_000), st.booleans()), min_size=1, max_size=12
    ),
    probe=st.integers(-20_000, 20_000),
)
def test_stored_cards_are_due_exactly_when_their_questions_are(
    tmp_path_factory: pytest.TempPathFactory, offsets: list[tuple[int, bool]], probe: int
) -> None:
    """The summary counts due questions from the stored cards, by the same rule as a
    Question (`domain.practice_due.is_due`): the two always agree."""
    folder = tmp_path_factory.mktemp("due")
    clock = FrozenClock(MOMENT)
    with Repository.open(folder / "c.json", clock) as repo:
        for minutes, resting in offsets:
            question = new_question("Why us?", MOMENT, due=MOMENT + timedelta(minutes=minutes))
            added = repo.questions.add(question)
            if resting:
                repo.questions.set_suspended(added, True)
        now = MOMENT + timedelta(minutes=probe)
        from_cards = count_due(repo.question_cards.all(), now)
        assert from_cards == sum(q.is_due(now) for q in repo.questions.all())
        assert from_cards == repo.questions.due_count(now)
