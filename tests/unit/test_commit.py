"""One commit point: parts under new names, then the main file that names them."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from tinydb.table import Table

from companion.clock import FrozenClock
from companion.domain.decks import Deck, DeckQuestion
from companion.domain.journal import Entry
from companion.store.backups import list_backups, list_kept
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile, ReadOnlyDatabase
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.store.manifest import read_manifest
from companion.store.migrations import SCHEMA_VERSION
from companion.store.repository import SCHEMAS, Repository
from companion.store.snapshot import export_json, snapshot_of
from companion.store.storage import MemoryStorage

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _journal(db: Database) -> Table:
    return db.part("journal").table("journal")


def _export(path: Path, clock: FrozenClock) -> bytes:
    db = Database.open(path, clock, access="read", schemas=SCHEMAS)
    try:
        return export_json(snapshot_of(db))
    finally:
        db.discard()


def test_a_save_writes_changed_parts_under_new_names_that_the_main_file_names(
    db_path: Path, clock: FrozenClock
) -> None:
    layout = Layout(db_path)
    db = Database.open(db_path, clock)
    db.insert(_journal(db), {"text": "one"})
    db.insert(db.part("log").table("log"), {"n": 1})
    db.flush()
    first = read_manifest(layout)
    assert first.commit == 1
    assert dict(first.parts) == {"journal": 1, "log": 1}
    assert sorted(p.name for p in layout.history.iterdir()) == ["journal.1.json", "log.1.json"]
    db.insert(_journal(db), {"text": "two"})
    db.flush()
    second = read_manifest(layout)
    # only the part that changed has a new file; the old one is gone
    assert dict(second.parts) == {"journal": 2, "log": 1}
    assert sorted(p.name for p in layout.history.iterdir()) == ["journal.2.json", "log.1.json"]
    db.main.table("notes").insert({"a": 1})
    db.flush()
    assert read_manifest(layout) == type(second)(3, {"journal": 2, "log": 1})
    db.close()


def test_the_list_of_files_stays_out_of_the_data(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.journal.add(Entry(text="x", written_at=clock.now()))
    on_disk = orjson.loads(db_path.read_bytes())["meta"]["1"]
    assert set(on_disk) == {"schema_version", "next_ids", "commit", "parts"}
    with Repository.open(db_path, clock, access="read") as repo:
        in_memory = repo.db.main.table("meta").get(doc_id=1)
        assert set(in_memory or {}) == {"schema_version", "next_ids"}
        exported = orjson.loads(export_json(snapshot_of(repo.db)))
    assert set(exported["main"]["meta"]["1"]) == {"schema_version", "next_ids"}


def test_a_failed_save_changes_nothing_the_database_reads(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The part is written, the main file is refused: the old files are what loads."""
    db = Database.open(db_path, clock)
    db.insert(_journal(db), {"text": "kept"})
    db.flush()
    db.insert(_journal(db), {"text": "not yet"})
    db.main.table("notes").insert({"n": 2})
    real = os.replace

    def no_main(source: object, target: object) -> None:
        if Path(str(target)) == db_path:
            raise OSError(28, "No space left on device")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", no_main)
    with pytest.raises(OSError):
        db.flush()
    monkeypatch.undo()
    reader = Database.open(db_path, clock, access="read")
    assert [d["text"] for d in _journal(reader).all()] == ["kept"]
    assert reader.main.table("notes").all() == []
    reader.discard()
    db.close()  # the changes were kept in memory and land now, whole
    reader = Database.open(db_path, clock, access="read")
    assert [d["text"] for d in _journal(reader).all()] == ["kept", "not yet"]
    assert len(reader.main.table("notes")) == 1
    reader.discard()
    layout = Layout(db_path)
    assert set(layout.history_files()) == set(layout.committed_parts().values())


def test_files_a_crash_left_are_removed_by_the_next_writer_not_by_a_reader(
    db_path: Path, clock: FrozenClock
) -> None:
    db = Database.open(db_path, clock)
    db.insert(_journal(db), {"text": "kept"})
    db.close()
    layout = Layout(db_path)
    named = layout.part("journal")
    unsaved = layout.part_file("journal", 2)  # written, then the crash before the main file
    superseded = layout.part_file("reviews-2026-01", 0)  # no longer named, not yet removed
    unsaved.write_bytes(named.read_bytes())
    superseded.write_bytes(named.read_bytes())
    mine = layout.history / "notes.txt"  # not a part's name: not companion's to remove
    mine.write_text("mine")
    Database.open(db_path, clock, access="read").discard()
    assert unsaved.exists() and superseded.exists()
    Database.open(db_path, clock).close()
    assert not unsaved.exists() and not superseded.exists()
    assert named.exists() and mine.exists()


def test_a_main_file_naming_a_missing_file_is_reported_and_nothing_is_removed(
    db_path: Path, clock: FrozenClock
) -> None:
    """A main file put back by hand without its history: the files beside it are not its
    own, so nothing is cleaned away, and reading the missing part says so."""
    db = Database.open(db_path, clock)
    db.insert(_journal(db), {"text": "old"})
    db.close()
    old_main = db_path.read_bytes()
    db = Database.open(db_path, clock)
    db.insert(_journal(db), {"text": "new"})
    db.close()
    newer = Layout(db_path).part("journal")
    db_path.write_bytes(old_main)
    db = Database.open(db_path, clock)
    assert newer.exists()
    with pytest.raises(BadDatabaseFile) as caught:
        db.part("journal")
    assert "missing, though the main file names it" in str(caught.value)
    assert "journal.1.json" in str(caught.value)
    db.close()
    assert newer.exists()


def test_a_reader_finds_the_files_of_a_save_made_after_it_opened(
    db_path: Path, clock: FrozenClock
) -> None:
    writer = Database.open(db_path, clock)
    writer.insert(_journal(writer), {"text": "one"})
    writer.main.table("notes").insert({"n": 1})
    writer.flush()
    reader = Database.open(db_path, clock, access="read")
    assert len(reader.main.table("notes")) == 1
    writer.insert(_journal(writer), {"text": "two"})
    writer.main.table("notes").insert({"n": 2})
    writer.flush()  # removes the file the reader's main file named
    # the reader reads the new main file with the new part: never a mix of the two saves
    assert [d["text"] for d in _journal(reader).all()] == ["one", "two"]
    assert len(reader.main.table("notes")) == 2
    reader.discard()
    writer.close()


def test_backups_keep_their_bytes_whatever_is_saved_after(
    db_path: Path, clock: FrozenClock
) -> None:
    """A backup hard-links the parts: a part file is never written again once named."""
    with Repository.open(db_path, clock) as repo:
        for text in ("a", "b"):
            repo.journal.add(Entry(text=text, written_at=clock.now()))
    clock.advance(timedelta(days=1))
    with Repository.open(db_path, clock) as repo:
        repo.journal.add(Entry(text="c", written_at=clock.now()))
    backup = list_backups(Layout(db_path))[0]
    linked = Layout(backup.path).part("journal")
    assert linked.stat().st_nlink == 1  # the live database has moved on to a new file
    frozen = linked.read_bytes()
    with Repository.open(db_path, clock) as repo:
        for entry in repo.journal.all():
            repo.journal.delete(entry.id or 0)
    assert linked.read_bytes() == frozen
    texts = [d["text"] for d in read_tables(linked)["journal"].values()]
    assert texts == ["a", "b"]


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        ('"commit": "x", "parts": {}', "commit = 'x'"),
        ('"commit": 1, "parts": []', "parts = []"),
        ('"commit": 1, "parts": {"../../etc/passwd": 1}', "part names are letters"),
        ('"commit": 1, "parts": {"journal": 5}', "up to 1"),
        ('"commit": 1, "parts": {"journal": true}', "generation True"),
    ],
)
def test_a_list_of_files_that_cannot_be_trusted_is_a_bad_file(
    db_path: Path, clock: FrozenClock, manifest: str, words: str
) -> None:
    db_path.parent.mkdir(parents=True)
    raw = f'{{"meta": {{"1": {{"schema_version": 2, "next_ids": {{}}, {manifest}}}}}}}'.encode()
    db_path.write_bytes(raw)
    with pytest.raises(BadDatabaseFile) as caught:
        Database.open(db_path, clock)
    assert words in str(caught.value)
    assert db_path.read_bytes() == raw


# The write path's shape


def test_storages_count_their_changes_and_never_save_themselves(
    db_path: Path, clock: FrozenClock
) -> None:
    db = Database.open(db_path, clock)
    storage = db.main.storage
    assert isinstance(storage, MemoryStorage)
    assert not storage.dirty
    before = db.changes
    db.main.table("notes").insert({"n": 1})
    assert storage.dirty and db.changes == before + 1
    assert not db_path.exists()  # written only when the database flushes
    db.flush()
    assert not storage.dirty and db_path.exists()
    db.close()
    with pytest.raises(ReadOnlyDatabase):  # a closed database takes no more changes
        db.main.table("notes").insert({"n": 2})


def test_a_deck_import_is_one_change_of_the_bank_whatever_its_size(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """Linear: the question table is written a fixed number of times, not once a question."""

    def writes_for(size: int) -> int:
        deck = Deck(
            name=f"Deck of {size}",
            questions=tuple(DeckQuestion(text=f"Question {i}?") for i in range(size)),
        )
        with Repository.open(tmp_path / str(size) / "c.json", clock) as repo:
            storage = repo.db.main.storage
            assert isinstance(storage, MemoryStorage)
            start = storage.version
            result = repo.questions.import_deck(deck, clock.now())
            assert result.added == size == repo.questions.count()
            return storage.version - start

    assert writes_for(1_000) == writes_for(10) <= 4


# Schema 1


def _schema1(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    shutil.copytree(FIXTURES / "schema1", folder)
    return folder / "companion.json"


def test_a_schema_1_database_reads_as_it_is(tmp_path: Path, clock: FrozenClock) -> None:
    path = _schema1(tmp_path)
    with Repository.open(path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 5
        (question,) = repo.questions.all()
        assert question.earlier_versions == 1
        assert [v.text for v in repo.questions.answer_history(question.id or 0)] == [
            "Because of the team."
        ]
        assert len(repo.questions.rehearsals_in(["2026-02", "2026-03"])) == 2
        assert [e.text for e in repo.journal.all()] == ["A calm evening after the interview."]
        assert len(repo.debriefs.all()) == 1
        assert repo.db.part_names() == [
            "answers",
            "debriefs",
            "journal",
            "reviews-2026-02",
            "reviews-2026-03",
        ]


def test_a_schema_1_database_is_upgraded_in_one_commit_that_rewrites_no_part(
    tmp_path: Path, clock: FrozenClock
) -> None:
    path = _schema1(tmp_path)
    layout = Layout(path)
    parts = {p.name: p.read_bytes() for p in layout.history.iterdir()}
    original = path.read_bytes()
    before = _export(path, clock)
    Repository.open(path, clock).close()
    meta = orjson.loads(path.read_bytes())["meta"]["1"]
    assert meta["schema_version"] == SCHEMA_VERSION
    assert meta["parts"] == {name.removesuffix(".json"): 0 for name in parts}
    assert {p.name: p.read_bytes() for p in layout.history.iterdir()} == parts
    assert _export(path, clock) == before
    (kept,) = list_kept(layout)
    assert kept.reason == "before an upgrade"
    assert kept.path.read_bytes() == original
    assert sorted(p.name for p in kept.path.with_suffix(".history").iterdir()) == sorted(parts)
    # the next change to a part gives it a generation's name; the old file goes
    with Repository.open(path, clock) as repo:
        repo.journal.add(Entry(text="Later.", written_at=datetime(2026, 3, 4, tzinfo=UTC)))
    assert layout.part("journal").name == f"journal.{read_manifest(layout).commit}.json"
    assert not (layout.history / "journal.json").exists()
    assert (layout.history / "answers.json").exists()


def test_files_of_a_first_save_that_never_reached_its_main_file_are_removed(
    db_path: Path, clock: FrozenClock
) -> None:
    layout = Layout(db_path)
    layout.history.mkdir(parents=True)
    orphan = layout.part_file("journal", 1)
    orphan.write_bytes(b'{"meta": {"1": {"schema_version": 2, "next_ids": {}}}, "journal": {}}')
    Database.open(db_path, clock, access="read").discard()
    assert orphan.exists()
    db = Database.open(db_path, clock)
    assert not orphan.exists()
    assert db.part_names() == []
    db.close()
    assert not db_path.exists()
