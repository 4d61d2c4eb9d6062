"""Files and the environment (issue 12): the lock, the database path, permissions, the
terminal, path bytes, the frozen clock variable and the editor's draft."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.journal import new_entry
from companion.store.database import Database
from companion.store.errors import LockLost
from companion.store.layout import Layout
from companion.store.lock import UnsafeLockFile, WriteLock
from companion.store.repository import Repository
from tests.conftest import AppFactory

COMPANION = [sys.executable, "-m", "companion"]


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


@pytest.fixture
def filled(db_path: Path, clock: FrozenClock) -> Path:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(Interview(company="Acme", role="Analyst", held_on=clock.today()))
    return db_path


def _add(db: Path) -> list[str]:
    return ["--db", str(db), "interview", "add", "--company", "B", "--role", "R", "--on", "today"]


def _env(clock: FrozenClock, **more: str) -> dict[str, str]:
    return {**os.environ, "COMPANION_FROZEN_NOW": clock.now().isoformat(), **more}


# The lock


def test_a_planted_lock_link_does_not_empty_its_target(
    filled: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    before = filled.read_bytes()
    lock = Layout(filled).lock
    lock.unlink()
    lock.symlink_to(filled)
    assert main(_add(filled)) == 1
    err = capsys.readouterr().err
    assert f"companion will not use the lock file {lock}: it is a symbolic link" in err
    assert filled.read_bytes() == before
    with pytest.raises(UnsafeLockFile):
        Database.open(filled, clock)
    shown = Repository.open(filled, clock, access="auto")  # the app: read-only, and why
    assert shown.read_only
    assert shown.db.read_only_reason == f"its lock file {lock} is a symbolic link"
    shown.close()
    assert filled.read_bytes() == before


def test_a_lock_file_hard_linked_to_the_database_is_refused_and_not_emptied(
    filled: Path, clock: FrozenClock
) -> None:
    before = filled.read_bytes()
    lock = Layout(filled).lock
    lock.unlink()
    os.link(filled, lock)
    with pytest.raises(UnsafeLockFile, match="a hard link to another file"):
        Database.open(filled, clock)
    assert filled.read_bytes() == before


def test_the_lock_file_is_never_truncated(db_path: Path) -> None:
    lock_path = Layout(db_path).lock
    lock_path.parent.mkdir(parents=True)
    kept = b"x" * 100
    lock_path.write_bytes(kept)
    lock = WriteLock(lock_path)
    assert lock.acquire()
    lock.release()
    written = lock_path.read_bytes()
    assert len(written) == len(kept)
    assert written.startswith(str(os.getpid()).encode())


def test_the_holder_is_named_from_the_lock_file(db_path: Path, clock: FrozenClock) -> None:
    first = Database.open(db_path, clock)
    second = WriteLock(Layout(db_path).lock)
    assert not second.acquire()
    assert second.holder_pid() == os.getpid()
    first.close()


def test_a_vanished_lock_file_stops_the_writer_and_lets_nothing_mix(
    filled: Path, clock: FrozenClock
) -> None:
    layout = Layout(filled)
    db = Database.open(filled, clock)
    db.insert(db.main.table("interviews"), {"company": "C", "role": "R", "held_on": "2026-03-03"})
    layout.lock.unlink()
    other = Database.open(filled, clock)  # a second companion finds no lock, and takes one
    before = filled.read_bytes()
    with pytest.raises(LockLost, match="was removed while companion was open"):
        db.flush()
    assert filled.read_bytes() == before
    with pytest.raises(LockLost):
        db.close()
    db.discard()
    other.close()


async def test_the_app_says_so_when_its_lock_file_vanishes(
    filled: Path, build_app: AppFactory
) -> None:
    from tests.torture.pilot_helpers import notices, wait_until

    app = build_app()
    before = filled.read_bytes()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        Layout(filled).lock.unlink()
        app.repo.settings.update(weekly_goal=9)
        assert await wait_until(pilot, lambda: any("Not saved yet" in n for n in notices(app)))
        assert app.repo.db.save_problem == str(LockLost(Layout(filled).lock))
        assert filled.read_bytes() == before
        app.quit_without_saving = True
        await pilot.press("q")
    assert filled.read_bytes() == before


# The database path


def test_a_symlinked_database_is_followed_and_locked_at_its_target(
    filled: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    link = tmp_path / "elsewhere" / "companion.json"
    link.parent.mkdir()
    link.symlink_to(filled)
    assert main(_add(link)) == 0
    assert link.is_symlink()
    with Repository.open(filled, clock, access="read") as repo:
        assert [i.company for i in repo.interviews.all()] == ["Acme", "B"]
    assert Layout(filled).lock.exists()
    assert not (link.parent / "companion.json.lock").exists()
    assert not (link.parent / "companion.history").exists()


def test_an_empty_db_option_is_refused_and_the_default_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", "", *_add(tmp_path)[2:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("companion: --db: is empty; name a database file")
    assert not (tmp_path / "xdg-data").exists()


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_database_that_is_not_a_file_is_refused_without_waiting(
    tmp_path: Path, clock: FrozenClock, kind: str
) -> None:
    path = tmp_path / "companion.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path = Path("/dev/null")
    for env in ({}, {"COMPANION_DB": str(path)}):
        argv = [] if env else ["--db", str(path)]
        result = subprocess.run(
            [*COMPANION, *argv, "summary"],
            capture_output=True,
            text=True,
            timeout=60,
            env=_env(clock, **env),
        )
        assert result.returncode == 2, result.stderr
        field = "COMPANION_DB" if env else "--db"
        assert result.stderr.startswith(f"companion: {field}: {path} is ")
        assert "not a file; name a database file." in result.stderr


def test_a_named_pipe_among_the_history_parts_is_refused_without_waiting(
    filled: Path, clock: FrozenClock
) -> None:
    with Repository.open(filled, clock) as repo:
        repo.journal.add(new_entry("A long day.", clock.now()))
    part = Layout(filled).part("journal")
    part.unlink()
    os.mkfifo(part)
    result = subprocess.run(
        [*COMPANION, "--db", str(filled), "journal", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(clock),
    )
    assert result.returncode == 1
    assert f"could not read its data file {part}: it is not a plain file" in result.stderr


# Permissions


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_existing_files_and_folders_are_made_private_with_a_note(
    filled: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = Layout(filled)
    clock.advance(timedelta(days=1))
    assert main(["--db", str(filled), "journal", "A day"]) == 0  # a part and a backup
    capsys.readouterr()
    opened = [filled, layout.lock, layout.part("journal"), *layout.backups.glob("*.json")]
    for path in opened:
        path.chmod(0o644)
    for folder in (layout.history, layout.backups):
        folder.chmod(0o755)
    layout.folder.chmod(0o755)

    assert main(["--db", str(filled), "summary"]) == 0  # reading changes nothing
    assert _mode(filled) == 0o644
    assert main(_add(filled)) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"companion made {len(opened) + 2} of its files and folders in ")
    assert err.count("\n") == 1
    assert all(_mode(path) == 0o600 for path in opened)
    assert _mode(layout.history) == _mode(layout.backups) == 0o700
    assert _mode(layout.folder) == 0o755  # a folder the user chose is theirs


def test_companions_own_data_folder_is_made_private(
    tmp_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from companion.paths import default_data_dir

    folder = default_data_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    assert main(_add(folder / "companion.json")[2:]) == 0
    assert _mode(folder) == 0o700
    assert "readable only by you" in capsys.readouterr().err


# The terminal


def test_the_app_refuses_to_start_without_a_terminal(tmp_path: Path, clock: FrozenClock) -> None:
    db = tmp_path / "companion.json"
    result = subprocess.run(
        [*COMPANION, "--db", str(db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(clock),
    )
    assert result.returncode == 2
    assert result.stderr.startswith("companion's app needs a terminal to run in")
    assert not db.exists()
    assert WriteLock(Layout(db).lock).acquire()  # and the lock was let go


# Path bytes


def test_path_bytes_that_are_not_utf8_open_the_file_named(
    tmp_path: Path, clock: FrozenClock
) -> None:
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    db = folder + b"/companion.json"
    for argv in (
        [b"interview", b"add", b"--company", b"Caf\xe9", b"--role", b"R", b"--on", b"today"],
        [b"summary"],
        [b"interview", b"list"],
    ):
        result = subprocess.run(
            [*map(os.fsencode, COMPANION), b"--db", db, *argv],
            capture_output=True,
            timeout=60,
            env=_env(clock),
        )
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
    assert Path(os.fsdecode(db)).is_file()
    assert [os.fsencode(p.name) for p in tmp_path.iterdir()] == [b"caf\xe9"]
    tables = orjson.loads(Path(os.fsdecode(db)).read_bytes())
    assert tables["interviews"]["1"]["company"] == "Caf\ufffd"  # text: readable


# The frozen clock variable


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T00:00", "9999-12-31T00:00:00+00:00"])
def test_a_bad_frozen_now_is_a_sentence_not_a_traceback(tmp_path: Path, value: str) -> None:
    result = subprocess.run(
        [*COMPANION, "--db", str(tmp_path / "c.json"), "summary"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COMPANION_FROZEN_NOW": value},
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"companion: COMPANION_FROZEN_NOW: {value!r} is not ")
    assert "Traceback" not in result.stderr


# The editor's draft


@pytest.fixture
def terminal() -> Iterator[int]:
    """A pseudo-terminal for standard input (the editor is for a person at one)."""
    master, slave = os.openpty()
    yield slave
    os.close(slave)
    os.close(master)


def _editor(tmp_path: Path, name: str, body: str) -> str:
    script = tmp_path / name
    script.write_text(f"import os, pathlib, signal, sys\npath = pathlib.Path(sys.argv[1])\n{body}")
    return f"{sys.executable} {script}"


def test_the_editors_draft_is_offered_back_after_a_crash(
    db_path: Path, clock: FrozenClock, tmp_path: Path, terminal: int
) -> None:
    crashing = _editor(
        tmp_path,
        "crash.py",
        "path.write_text('Dear diary, half written' + path.read_text())\n"
        "os.kill(os.getppid(), signal.SIGKILL)\n",
    )
    run = subprocess.run(
        [*COMPANION, "--db", str(db_path), "journal"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(clock, EDITOR=crashing),
        stdin=terminal,
    )
    assert run.returncode == -signal.SIGKILL
    (draft,) = db_path.parent.glob("companion.journal-draft-*.md")
    assert _mode(draft) == 0o600

    keeping = _editor(tmp_path, "keep.py", "assert path.read_text().startswith('Dear diary')\n")
    run = subprocess.run(
        [*COMPANION, "--db", str(db_path), "journal"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(clock, EDITOR=keeping),
        stdin=terminal,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith("An entry you had not saved (last changed ")
    assert run.stdout.startswith("Saved journal entry 1.")
    with Repository.open(db_path, clock, access="read") as repo:
        assert [entry.text for entry in repo.journal.all()] == ["Dear diary, half written"]
    assert not list(db_path.parent.glob("companion.journal-draft-*"))
