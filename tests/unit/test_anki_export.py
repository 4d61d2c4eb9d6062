"""`companion export --format anki`: an .apkg (a zip holding a SQLite collection), read back."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.practice import Star, new_question
from companion.store.repository import Repository

FIELD_SEPARATOR = "\x1f"  # how Anki joins a note's fields in its `flds` column


@dataclass(frozen=True)
class Note:
    guid: str
    fields: list[str]
    tags: list[str]


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def read_package(path: Path, scratch: Path) -> dict[str, Note]:
    """Open the package as Anki would: unzip the collection and read its notes table."""
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        archive.extract("collection.anki2", scratch)
    connection = sqlite3.connect(scratch / "collection.anki2")
    try:
        rows = connection.execute("SELECT guid, flds, tags FROM notes").fetchall()
        models = connection.execute("SELECT models FROM col").fetchone()[0]
        cards = connection.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        connection.close()
    if rows:
        assert "companion question" in models  # the note type, with its fields and templates
    assert cards == len(rows)  # one card a note: the question to answer
    notes = {}
    for guid, fields, tags in rows:
        note = Note(guid, fields.split(FIELD_SEPARATOR), tags.split())
        notes[note.fields[0]] = note
    return notes


def _seed(db_path: Path, clock: FrozenClock) -> None:
    now = clock.now()
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(Interview(company="Acme Corp", role="Analyst", held_on=clock.today()))
        repo.questions.add(
            new_question(
                "Tell me about a <b>conflict</b> & how it ended",
                now,
                tags=["team work", "conflict"],
                interview_id=1,
                went_wrong="I rambled\nand lost the thread",
                answer="First line\nsecond line with \x1b[31m an escape",
                star=Star(situation="Two leads <disagreed>", action="I set up a call", result=""),
            )
        )
        repo.questions.add(
            replace(
                new_question("Why this company?", now, hint="Show you read their work."),
                deck="motivation",
            )
        )
        repo.questions.add(new_question("A question with nothing else yet", now))


def _export(capsys: pytest.CaptureFixture[str], db_path: Path, output: Path) -> str:
    code = main(["--db", str(db_path), "export", "--format", "anki", "--output", str(output)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_one_note_a_question_with_its_answer_notes_and_tags(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    _seed(db_path, clock)
    out = _export(capsys, db_path, tmp_path / "q.apkg")
    assert "Open it with Anki" in out
    notes = read_package(tmp_path / "q.apkg", tmp_path)
    assert len(notes) == 3

    tricky = notes["Tell me about a &lt;b&gt;conflict&lt;/b&gt; &amp; how it ended"]
    _, answer, good, wrong, star = tricky.fields
    assert answer == "First line<br>second line with ␛[31m an escape"
    assert good == ""
    assert wrong == "I rambled<br>and lost the thread"
    assert star == "<b>Situation</b>: Two leads &lt;disagreed&gt;<br><b>Action</b>: I set up a call"
    assert tricky.tags == ["companion", "interview::Acme_Corp_1", "team_work", "conflict"]

    motivation = notes["Why this company?"]
    assert motivation.fields[2] == "Show you read their work."
    assert motivation.tags == ["companion", "deck::motivation"]

    bare = notes["A question with nothing else yet"]
    assert bare.fields[1:] == ["", "", "", ""]
    assert bare.tags == ["companion"]


def test_a_newer_export_keeps_each_notes_guid_so_anki_updates_it(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    _seed(db_path, clock)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    _export(capsys, db_path, tmp_path / "one.apkg")
    clock.advance(timedelta(days=2))
    with Repository.open(db_path, clock) as repo:
        question = repo.questions.get(2)
        assert question is not None
        repo.questions.improve_answer(question, "Because of their open data work.", clock.now())
        repo.questions.add(new_question("A new one", clock.now()))
    _export(capsys, db_path, tmp_path / "two.apkg")
    first = read_package(tmp_path / "one.apkg", tmp_path / "one")
    second = read_package(tmp_path / "two.apkg", tmp_path / "two")
    assert len(second) == 4
    for text, note in first.items():
        assert second[text].guid == note.guid
    assert second["Why this company?"].fields[1] == "Because of their open data work."
    assert second["A new one"].guid not in {note.guid for note in first.values()}
    assert len({note.guid for note in second.values()}) == 4


def test_the_package_leaves_nothing_in_the_temporary_folder(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The questions are private: no copy of the collection stays behind in /tmp."""
    _seed(db_path, clock)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    _export(capsys, db_path, tmp_path / "q.apkg")
    assert list(scratch.iterdir()) == []


def test_an_empty_bank_is_an_empty_deck(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _export(capsys, db_path, tmp_path / "q.apkg")
    assert read_package(tmp_path / "q.apkg", tmp_path) == {}


def test_the_apkg_suffix_chooses_anki_and_a_new_name_is_found_without_output(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _seed(db_path, clock)
    code = main(["--db", str(db_path), "export", "--output", str(tmp_path / "mine.apkg")])
    assert code == 0
    assert len(read_package(tmp_path / "mine.apkg", tmp_path)) == 3
    monkeypatch.chdir(tmp_path)
    code = main(["--db", str(db_path), "export", "--format", "anki"])
    assert code == 0
    assert (tmp_path / "companion-questions-2026-03-03.apkg").is_file()


def test_an_anki_package_is_not_printed(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code = main(["--db", str(db_path), "export", "--format", "anki", "--output", "-"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("companion: --output: Anki deck (.apkg) is a file, not text")
