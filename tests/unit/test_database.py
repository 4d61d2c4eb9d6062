"""The database: round trips, crash safety, the lock, privacy, backups, bad files, migrations."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.domain.settings import Settings
from companion.store import files
from companion.store.backups import list_backups
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile, DatabaseLocked, ReadOnlyDatabase
from companion.store.layout import Layout
from companion.store.migrations import SCHEMA_VERSION
from companion.store.repository import SCHEMAS, Repository

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _write_settings(path: Path, clock: FrozenClock, **changes: object) -> None:
    with Repository.open(path, clock) as repo:
        repo.settings.update(**changes)


def test_round_trip(db_path: Path, clock: FrozenClock) -> None:
    _write_settings(db_path, clock, weekly_goal=7, theme="companion-dawn", welcomed=True)
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get() == Settings(
            weekly_goal=7, theme="companion-dawn", welcomed=True, goal_set_on=clock.today()
        )


def test_a_fresh_database_is_created_private(db_path: Path, clock: FrozenClock) -> None:
    _write_settings(db_path, clock, weekly_goal=3)
    assert _mode(db_path) == 0o600
    assert _mode(db_path.parent) == 0o700
    assert _mode(Layout(db_path).lock) == 0o600


def test_reading_creates_nothing(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get() == Settings()
    assert not db_path.parent.exists()


def test_opening_for_writing_without_changes_writes_no_database(
    db_path: Path, clock: FrozenClock
) -> None:
    Repository.open(db_path, clock).close()
    assert not db_path.exists()


def test_a_read_only_database_refuses_changes(db_path: Path, clock: FrozenClock) -> None:
    _write_settings(db_path, clock, weekly_goal=3)
    before = db_path.read_bytes()
    with Repository.open(db_path, clock, access="read") as repo, pytest.raises(ReadOnlyDatabase):
        repo.settings.update(weekly_goal=9)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_crash_during_a_save_keeps_the_previous_file(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    _write_settings(db_path, clock, weekly_goal=3)
    before = db_path.read_bytes()
    repo = Repository.open(db_path, clock)
    repo.settings.update(weekly_goal=11)
    real = getattr(os, step)

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError):
        repo.flush()
    monkeypatch.setattr(os, step, real)
    assert db_path.read_bytes() == before
    with Repository.open(db_path, clock, access="read") as reader:
        assert reader.settings.get().weekly_goal == 3
    repo.close()  # the change was kept in memory and lands now
    with Repository.open(db_path, clock, access="read") as reader:
        assert reader.settings.get().weekly_goal == 11


LOCK_PROBE = """
import sys
from pathlib import Path
from companion.clock import SystemClock
from companion.store.database import Database
from companion.store.errors import DatabaseLocked
try:
    db = Database.open(Path(sys.argv[1]), SystemClock(), access=sys.argv[2])
except DatabaseLocked as error:
    print("locked:", error)
    raise SystemExit(3)
print("writable" if db.writable else "read-only:", db.read_only_reason)
"""


def _probe(db_path: Path, access: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LOCK_PROBE, str(db_path), access],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_second_process_cannot_take_the_write_lock(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=4)
        locked = _probe(db_path, "write")
        assert locked.returncode == 3
        assert f"process {os.getpid()}" in locked.stdout
        assert "nothing was changed" in locked.stdout
        shared = _probe(db_path, "auto")
        assert shared.returncode == 0
        assert shared.stdout.startswith("read-only:")
        assert "another companion" in shared.stdout
    assert _probe(db_path, "write").stdout.startswith("writable")


def test_the_same_process_cannot_open_two_writers(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock), pytest.raises(DatabaseLocked):
        Repository.open(db_path, clock)


def test_the_first_write_of_each_day_backs_up_the_previous_file(
    db_path: Path, clock: FrozenClock
) -> None:
    _write_settings(db_path, clock, weekly_goal=1)
    assert list_backups(Layout(db_path)) == []  # nothing existed before the first write
    first = db_path.read_bytes()
    _write_settings(db_path, clock, weekly_goal=2)
    _write_settings(db_path, clock, weekly_goal=3)
    backups = list_backups(Layout(db_path))
    assert [b.day for b in backups] == [clock.today()]
    assert backups[0].path.read_bytes() == first
    assert _mode(backups[0].path) == 0o600
    assert _mode(backups[0].path.parent) == 0o700


def test_backups_keep_the_last_fourteen_days(db_path: Path, clock: FrozenClock) -> None:
    _write_settings(db_path, clock, weekly_goal=0)
    for day in range(1, 21):
        clock.advance(timedelta(days=1))
        _write_settings(db_path, clock, weekly_goal=day)
    backups = list_backups(Layout(db_path))
    assert len(backups) == 14
    assert backups[0].day == clock.today()
    assert backups[-1].day == clock.today() - timedelta(days=13)
    newest = orjson.loads(backups[0].path.read_bytes())
    assert newest["settings"]["1"]["weekly_goal"] == 19


BAD_FILES = {
    "empty": b"",
    "truncated": b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}}, "settings": {"1": {"week',
    "not json": b"weekly_goal = 5\n",
    "not an object": b"[]",
    "table not an object": b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}}, "settings": 3}',
    "newer schema": b'{"meta": {"1": {"schema_version": 99, "next_ids": {}}}}',
    "mistyped version": b'{"meta": {"1": {"schema_version": "one", "next_ids": {}}}}',
    "mistyped field": (
        b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}},'
        b' "settings": {"1": {"weekly_goal": "five"}}}'
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_reported_and_never_touched(
    db_path: Path, clock: FrozenClock, kind: str
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(BAD_FILES[kind])
    with pytest.raises(BadDatabaseFile) as caught:
        Repository.open(db_path, clock)
    message = str(caught.value)
    assert str(db_path) in message
    assert "left exactly as it is" in message
    assert "No backup that loads" in message
    assert db_path.read_bytes() == BAD_FILES[kind]
    # the lock was let go: once the file is fixed, it opens
    db_path.unlink()
    Repository.open(db_path, clock).close()


def test_a_bad_file_points_to_the_newest_backup_that_loads(
    db_path: Path, clock: FrozenClock
) -> None:
    _write_settings(db_path, clock, weekly_goal=1)
    clock.advance(timedelta(days=1))
    _write_settings(db_path, clock, weekly_goal=2)  # backs up yesterday's file
    clock.advance(timedelta(days=1))
    _write_settings(db_path, clock, weekly_goal=3)
    newest = list_backups(Layout(db_path))[0]
    newest.path.write_bytes(b"{ broken")  # the newest backup is bad too
    db_path.write_bytes(b"")
    with pytest.raises(BadDatabaseFile) as caught:
        Repository.open(db_path, clock)
    older = list_backups(Layout(db_path))[1]
    assert f"restore {older.day.isoformat()}" in str(caught.value)
    assert str(older.path) in str(caught.value)


def test_schema_0_files_are_migrated_and_the_original_kept(
    db_path: Path, clock: FrozenClock
) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema0.json", db_path)
    original = db_path.read_bytes()
    with Repository.open(db_path, clock) as repo:
        assert repo.settings.get().weekly_goal == 3
        assert repo.db.next_id("settings") == 2
    tables = orjson.loads(db_path.read_bytes())
    assert tables["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    backups = db_path.parent / "backups"
    kept = list(backups.glob(f"companion-before-schema-{SCHEMA_VERSION}-*.json"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == original


def test_a_schema_0_file_opened_for_reading_is_not_rewritten(
    db_path: Path, clock: FrozenClock
) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema0.json", db_path)
    original = db_path.read_bytes()
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 3
    assert db_path.read_bytes() == original


def test_ids_are_never_handed_out_twice(db_path: Path, clock: FrozenClock) -> None:
    db = Database.open(db_path, clock, schemas=SCHEMAS)
    table = db.main.table("things")
    ids = [db.insert(table, {"n": n}) for n in range(3)]
    table.remove(doc_ids=[ids[-1]])
    assert db.insert(table, {"n": 9}) == 4
    db.close()
    db = Database.open(db_path, clock, schemas=SCHEMAS)
    assert db.insert(db.main.table("things"), {"n": 10}) == 5
    db.close()


def test_history_parts_load_only_when_asked(db_path: Path, clock: FrozenClock) -> None:
    db = Database.open(db_path, clock)
    db.insert(db.part("journal").table("journal"), {"text": "first"})
    db.close()
    layout = Layout(db_path)
    assert layout.part("journal").exists()
    assert _mode(layout.history) == 0o700
    db = Database.open(db_path, clock, access="read")
    assert db._parts == {}
    assert db.part_names() == ["journal"]
    assert [d["text"] for d in db.part("journal").table("journal").all()] == ["first"]
    db.close()


def test_an_insert_skips_an_id_a_part_already_holds(db_path: Path, clock: FrozenClock) -> None:
    """After a save that wrote a part but not the main file, the id counter is behind."""
    db = Database.open(db_path, clock)
    table = db.part("journal").table("journal")
    table.insert({"text": "written before the counter moved"})
    assert db.insert(table, {"text": "next"}) == 2
    db.close()


def _wait_for(predicate: object, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def test_the_background_writer_saves_soon_after_a_change(db_path: Path, clock: FrozenClock) -> None:
    repo = Repository.open(db_path, clock, background=True)
    repo.settings.update(weekly_goal=8)

    def landed() -> bool:
        try:
            return orjson.loads(db_path.read_bytes())["settings"]["1"]["weekly_goal"] == 8
        except (OSError, orjson.JSONDecodeError, KeyError):
            return False

    assert _wait_for(landed)
    repo.close()


def test_the_background_writer_reports_a_full_disk_and_retries(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_settings(db_path, clock, weekly_goal=1)
    before = db_path.read_bytes()
    heard: list[str | None] = []
    repo = Repository.open(db_path, clock, background=True)
    repo.db.save_listener = heard.append
    real_write = files.write_atomic

    def full(path: Path, data: bytes, **options: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("companion.store.commit.write_atomic", full)
    repo.settings.update(weekly_goal=6)
    assert _wait_for(lambda: bool(heard))
    assert heard[0] is not None and "No space left on device" in heard[0]
    assert "kept in memory" in heard[0]
    assert db_path.read_bytes() == before
    monkeypatch.setattr("companion.store.commit.write_atomic", real_write)
    assert _wait_for(lambda: heard[-1] is None, seconds=10)
    repo.close()
    with Repository.open(db_path, clock, access="read") as reader:
        assert reader.settings.get().weekly_goal == 6


def test_insert_many_hands_out_ids_like_insert_in_one_change(
    db_path: Path, clock: FrozenClock
) -> None:
    db = Database.open(db_path, clock)
    table = db.part("journal").table("journal")
    table.insert({"text": "written before the counter moved"})  # id 1, the counter still at 1
    assert db.insert_many(table, ({"text": f"bulk {n}"} for n in range(3))) == [2, 3, 4]
    assert db.insert_many(table, []) == []
    assert db.insert(table, {"text": "one more"}) == 5
    db.close()
    db = Database.open(db_path, clock, access="read")
    texts = {d.doc_id: d["text"] for d in db.part("journal").table("journal").all()}
    assert texts == {
        1: "written before the counter moved",
        2: "bulk 0",
        3: "bulk 1",
        4: "bulk 2",
        5: "one more",
    }
    db.close()


def test_insert_many_refuses_a_read_only_database(db_path: Path, clock: FrozenClock) -> None:
    Database.open(db_path, clock).close()
    db = Database.open(db_path, clock, access="read")
    with pytest.raises(ReadOnlyDatabase):
        db.insert_many(db.main.table("things"), [{"n": 1}])
    db.close()


def test_replace_many_changes_every_document_or_none(db_path: Path, clock: FrozenClock) -> None:
    db = Database.open(db_path, clock)
    table = db.main.table("things")
    ids = db.insert_many(table, [{"n": 1}, {"n": 2}, {"n": 3}])
    assert table.get(doc_id=2) == {"n": 2}  # TinyDB's query cache must not keep the old one
    with pytest.raises(KeyError):
        db.replace_many(table, {1: {"n": 10}, 9: {"n": 90}})
    assert [d["n"] for d in table.all()] == [1, 2, 3]
    db.replace_many(table, {3: {"n": 30}, 1: {"n": 10}})
    assert [(d.doc_id, d["n"]) for d in table.all()] == [(1, 10), (2, 2), (3, 30)]
    assert table.search(lambda d: d["n"] > 5) == [{"n": 10}, {"n": 30}]
    db.close()
    db = Database.open(db_path, clock, access="read")
    assert [d["n"] for d in db.main.table("things").all()] == [10, 2, 30]
    assert ids == [1, 2, 3]
    db.close()


def test_update_one_merges_fields_into_one_document_and_saves_it(
    db_path: Path, clock: FrozenClock
) -> None:
    db = Database.open(db_path, clock)
    table = db.main.table("things")
    first = db.insert(table, {"n": 1, "kept": "yes"})
    db.insert(table, {"n": 2})
    assert table.get(doc_id=first) == {"n": 1, "kept": "yes"}  # cached before the change
    assert db.update_one(table, first, {"n": 10})
    assert not db.update_one(table, 99, {"n": 99})
    assert [(d.doc_id, dict(d)) for d in table.all()] == [
        (1, {"n": 10, "kept": "yes"}),
        (2, {"n": 2}),
    ]
    db.close()
    db = Database.open(db_path, clock, access="read")
    assert db.main.table("things").get(doc_id=first) == {"n": 10, "kept": "yes"}
    with pytest.raises(ReadOnlyDatabase):
        db.update_one(db.main.table("things"), first, {"n": 0})
    db.close()
