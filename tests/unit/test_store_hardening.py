"""Store bugs found by the torture tests (tests/torture), each pinned by a small test."""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.store import files
from companion.store.backups import list_backups, loads_cleanly, take_daily_backup
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile, DatabaseLocked, ReadOnlyDatabase
from companion.store.layout import Layout


def test_ids_stay_unique_across_parts_when_a_save_stops_half_way(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that wrote one file of two, then a crash: no id may be handed out again."""
    db = Database.open(db_path, clock)
    db.insert(db.part("log-01").table("log"), {"n": 1})
    db.flush()
    db.insert(db.part("log-01").table("log"), {"n": 2})
    written: list[Path] = []
    real = files.write_atomic

    def first_file_only(path: Path, data: bytes, **options: bool) -> None:
        if written:
            raise OSError(errno.EIO, "Input/output error")
        written.append(path)
        real(path, data, **options)

    monkeypatch.setattr("companion.store.commit.write_atomic", first_file_only)
    with pytest.raises(OSError):
        db.flush()
    monkeypatch.undo()
    db.discard()  # the process dies here

    db = Database.open(db_path, clock)
    new_id = db.insert(db.part("log-02").table("log"), {"n": 3})
    old_ids = [doc.doc_id for doc in db.part("log-01").table("log").all()]
    assert new_id not in old_ids
    db.close()


def test_temp_files_a_crash_left_anywhere_are_cleaned_up_by_the_next_writer(
    db_path: Path, clock: FrozenClock
) -> None:
    layout = Layout(db_path)
    db = Database.open(db_path, clock)
    db.insert(db.part("log").table("log"), {"n": 1})
    db.close()
    take_daily_backup(layout, clock.today() + timedelta(days=1))
    leftovers = [
        db_path.parent / f".{db_path.name}.x1.tmp",
        layout.history / ".log.json.x2.tmp",
        layout.backups / ".companion-2026-03-04.json.x3.tmp",
        layout.backups / "companion-2026-03-04.history" / ".log.json.x4.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half a write")
    mine = db_path.parent / ".notes.txt.tmp"  # not companion's: left alone
    mine.write_bytes(b"")
    Database.open(db_path, clock, access="read").close()
    assert all(p.exists() for p in leftovers)  # a reader never deletes
    Database.open(db_path, clock).close()
    assert [p for p in leftovers if p.exists()] == []
    assert mine.exists()


def test_a_backup_that_failed_half_way_is_made_whole_on_the_next_save(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A daily backup must not exist without its history, or restoring it drops the history."""
    db = Database.open(db_path, clock)
    db.insert(db.part("journal").table("journal"), {"text": "day one"})
    db.close()
    clock.advance(timedelta(days=1))
    db = Database.open(db_path, clock)
    db.insert(db.part("journal").table("journal"), {"text": "day two"})

    def no_links(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("companion.store.backups._link_or_copy", no_links)
    db.flush()  # the save goes ahead; the backup does not
    monkeypatch.undo()
    db.insert(db.part("journal").table("journal"), {"text": "later"})
    db.close()
    backups = list_backups(Layout(db_path))
    assert [b.day for b in backups] == [clock.today()]
    part = Layout(backups[0].path).part("journal")
    assert part.exists()
    # taken at the second save, whole: main file and history from the same moment
    texts = [d["text"] for d in orjson.loads(part.read_bytes())["journal"].values()]
    assert texts == ["day one", "day two"]


META = b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}}'


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (META + b', "settings": {"\xc2\xb2": {}}}', "'²' that is not a number"),
        (META + b', "settings": {"\xd9\xa3": {}}}', "that is not a number"),
        (META + b', "settings": {"01": {"weekly_goal": 3}}}', "'01' that is not a number"),
        (b'{"meta": {"1": {"schema_version": -1, "next_ids": {}}}}', "-1, which no companion"),
        (b'{"meta": {"1": {"schema_version": 1}}}', "next_ids = None"),
        (b'{"meta": {"1": {"schema_version": 1, "next_ids": []}}}', "next_ids = []"),
        (b'{"meta": {"1": {"schema_version": 1, "next_ids": {"x": "7"}}}}', "of 'x' as '7'"),
        (b'{"meta": {"1": {"schema_version": 1, "next_ids": {"x": 0}}}}', "of 'x' as 0"),
    ],
)
def test_files_that_looked_fine_until_the_first_write_are_reported_on_open(
    db_path: Path, clock: FrozenClock, raw: bytes, words: str
) -> None:
    """Each of these used to open, then fail with a traceback (or lose data) on a write."""
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(raw)
    with pytest.raises(BadDatabaseFile) as caught:
        Database.open(db_path, clock)
    assert words in str(caught.value)
    assert db_path.read_bytes() == raw
    assert not loads_cleanly(db_path)  # and never offered as a backup to restore


def test_an_insert_into_a_read_only_database_changes_nothing_in_memory(
    db_path: Path, clock: FrozenClock
) -> None:
    """TinyDB changes the tables before the storage refuses: refuse before that."""
    db = Database.open(db_path, clock)
    db.insert(db.main.table("things"), {"n": 1})
    db.close()
    reader = Database.open(db_path, clock, access="read")
    before = orjson.dumps(reader.main.storage.read())
    with pytest.raises(ReadOnlyDatabase):
        reader.insert(reader.main.table("things"), {"n": 2})
    with pytest.raises(ReadOnlyDatabase):
        reader.next_id("things")
    assert orjson.dumps(reader.main.storage.read()) == before
    assert not reader.dirty
    reader.close()


def test_a_full_disk_does_not_stop_the_lock_from_being_taken(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the process id into the lock file is a courtesy, not a condition."""

    def full(fd: int, length: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("companion.store.lock.os.ftruncate", full)
    db = Database.open(db_path, clock)
    assert db.writable
    with pytest.raises(DatabaseLocked):
        Database.open(db_path, clock)
    db.close()
    monkeypatch.undo()
    Database.open(db_path, clock).close()  # let go properly


def test_text_that_is_not_unicode_is_saved_with_replacement_characters(
    db_path: Path, clock: FrozenClock
) -> None:
    """Python makes lone surrogates of argv bytes that are not UTF-8; orjson refuses them."""
    db = Database.open(db_path, clock)
    db.insert(db.main.table("notes"), {"text": "caf\udce9 ?", "tags": ["\ud800"]})
    db.close()
    db = Database.open(db_path, clock, access="read")
    assert db.main.table("notes").get(doc_id=1) == {"text": "caf\ufffd ?", "tags": ["\ufffd"]}
    db.close()


def test_the_background_writer_survives_any_failure_and_says_so(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str | None] = []
    db = Database.open(db_path, clock, background=True)
    db.save_listener = heard.append
    failures = [ValueError("something unexpected")]
    real = files.dump_tables

    def flaky(tables: files.Tables) -> bytes:
        if failures:
            raise failures.pop()
        return real(tables)

    monkeypatch.setattr("companion.store.database.dump_tables", flaky)
    db.insert(db.main.table("notes"), {"text": "kept"})
    assert _wait_for(lambda: len(heard) >= 2, seconds=10)  # the retry comes after 1 s
    assert heard[0] is not None and "something unexpected" in heard[0]
    assert heard[1] is None
    assert b"kept" in db_path.read_bytes()
    db.close()


def _wait_for(predicate: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_the_app_opens_read_only_in_a_folder_it_may_not_write(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`auto` (the app) shows the data and says why it cannot save; `write` refuses."""
    db = Database.open(db_path, clock)
    db.insert(db.main.table("notes"), {"text": "mine"})
    db.close()

    def denied(self: object, wait: float = 0.0) -> bool:
        raise PermissionError(errno.EACCES, "Permission denied", str(db_path) + ".lock")

    monkeypatch.setattr("companion.store.lock.WriteLock.acquire", denied)
    shown = Database.open(db_path, clock, access="auto")
    assert not shown.writable
    assert shown.read_only_reason == (
        f"companion cannot write in {db_path.parent} (Permission denied)"
    )
    assert shown.main.table("notes").get(doc_id=1) == {"text": "mine"}
    shown.close()
    with pytest.raises(PermissionError):
        Database.open(db_path, clock, access="write")
