"""`companion check`: the checker over the live database, every history part included."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.cli.table_nouns import TABLE_NOUNS
from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.journal import new_entry
from companion.domain.practice import new_question
from companion.store.checker import UNCOUNTED
from companion.store.layout import Layout
from companion.store.lock import WriteLock
from companion.store.repository import SCHEMAS, Repository


@pytest.fixture
def filled(db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(Interview(company="Acme", role="Analyst", held_on=clock.today()))
        repo.questions.add(new_question("Why us?", clock.now(), interview_id=1))
        repo.journal.add(new_entry("Tired.", clock.now(), mood=2))
        repo.journal.add(new_entry("Better.", clock.now(), mood=4))
    return db_path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_sound_database_is_said_to_be_sound_with_what_it_holds(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled), "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"The database at {filled} is sound: 1 interview, 0 references,")
    assert "1 practice question," in out and "2 journal entries" in out


def test_every_problem_in_every_file_is_listed_and_nothing_is_changed(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main_file = orjson.loads(filled.read_bytes())
    main_file["questions"]["1"]["card"] = {}
    main_file["interviews"]["1"]["held_on"] = "9999-12-31"
    meta = main_file["meta"]["1"]
    meta["parts"]["debriefs"] = meta["commit"]  # named, and not JSON
    Layout(filled).part_file("debriefs", meta["commit"]).write_bytes(b'{"meta"')
    filled.write_bytes(orjson.dumps(main_file))
    journal = Layout(filled).part("journal")
    part = orjson.loads(journal.read_bytes())
    part["journal"]["2"]["mood"] = 0
    journal.write_bytes(orjson.dumps(part))
    before = _files(filled.parent)

    assert main(["--db", str(filled), "check"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == (
        f"The database at {filled} has 4 problems; its files are left exactly as they are:"
    )
    assert "- In the history part 'debriefs', it is not valid JSON" in out
    assert (
        "- In the main file, document 1 of table 'interviews' has 'held_on' = '9999-12-31'" in out
    )
    assert "- In the main file, document 1 of table 'questions' has no 'card.card_id' field." in out
    assert "- In the history part 'journal', document 2 of table 'journal' has 'mood' = 0" in out
    assert "No backup that loads" in lines[-1] or "To restore it, run:" in lines[-1]
    assert _files(filled.parent) == before


def test_checking_takes_no_lock_and_runs_while_the_app_writes(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = WriteLock(Layout(filled).lock)
    assert lock.acquire()
    try:
        assert main(["--db", str(filled), "check"]) == 0
    finally:
        lock.release()
    assert "is sound" in capsys.readouterr().out


def test_with_no_database_there_is_nothing_to_check_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "none" / "companion.json"
    assert main(["--db", str(path), "check"]) == 0
    assert "nothing to check" in capsys.readouterr().out
    assert not path.parent.exists()


def test_a_file_of_a_newer_companion_is_a_problem_named_not_a_crash(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled.write_bytes(orjson.dumps({"meta": {"1": {"schema_version": 99, "next_ids": {}}}}))
    assert main(["--db", str(filled), "check"]) == 1
    assert "written by a newer companion (schema version 99" in capsys.readouterr().out


def test_every_table_companion_keeps_is_named_in_words() -> None:
    """A new table must add its nouns, or check and restore would show its raw name."""
    assert set(SCHEMAS) - UNCOUNTED <= set(TABLE_NOUNS)
