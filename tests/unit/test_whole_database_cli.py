"""`restore` takes only a whole database and asks first; `export` never lands on the
database's own files; kept copies are listed and rotated; hints are shell-quoted."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.store.backups import (
    KEEP_COPIES,
    KEEP_DAYS,
    keep_copy,
    list_backups,
    list_kept,
    restore_hint,
    rotate,
    take_daily_backup,
)
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.export_data import database_bytes, database_contents, fill


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock, tmp_path: Path) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    """A standard input that is a terminal, holding what the person types."""

    def isatty(self) -> bool:
        return True


def _two_days(db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> str:
    """A filled database changed again the next day: it has a backup; returns its day."""
    fill(db_path, clock)
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=11)
    return list_backups(Layout(db_path))[0].day.isoformat()


# What restore refuses


def test_restoring_the_live_file_itself_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    link = db_path.parent / "same.json"
    link.symlink_to(db_path)
    for named in (db_path, link):
        code, _out, err = run(capsys, "--db", str(db_path), "restore", str(named), "--yes")
        assert code == 2
        assert "it is the database itself" in err
        assert "Nothing was changed." in err
    assert database_bytes(db_path) == before


def test_restoring_a_copy_of_the_main_file_without_its_history_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    copy = tmp_path / "elsewhere" / "companion.json"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(copy), "--yes")
    assert code == 2
    assert "its history is not beside it" in err
    assert "A copy of the main file alone is not a whole database" in err
    assert database_bytes(db_path) == before


def test_a_schema_1_copy_without_its_history_is_refused_by_its_counters(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    """Schema 1 main files name no history files: the id counters tell what is missing."""
    copy = tmp_path / "old" / "companion.json"
    copy.parent.mkdir()
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "schema1" / "companion.json", copy)
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(copy), "--yes")
    assert code == 2
    assert "'answers', 'debriefs', 'journal', 'reviews'" in err
    assert "its history is not with it" in err
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"{}", "it holds no data"),
        (b'{"meta": {"1": {"schema_version": 2, "next_ids": {}}}}', "does not name its history"),
        (
            b'{"meta": {"1": {"schema_version": 2, "next_ids": {}, "commit": 1, "parts": {}}}}',
            "it holds no data",
        ),
        (
            b'{"meta": {"1": {"schema_version": 2, "next_ids": {}, "commit": 1, "parts": {}}},'
            b' "settings": {"1": {"weekly_goal": "many"}}}',
            "weekly_goal",
        ),
        (
            b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}},'
            b' "journal": {"1": {"text": "x", "written_at": "2026-03-01T10:00:00+00:00",'
            b' "mood": null, "tags": [], "interview_id": null}}}',
            "it looks like a history part",
        ),
        (b"[1, 2]", "an array"),
        (b"", "the file is empty"),
    ],
)
def test_restore_refuses_what_is_not_a_whole_database_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    tmp_path: Path,
    raw: bytes,
    words: str,
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    source = tmp_path / "source.json"
    source.write_bytes(raw)
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(source), "--yes")
    assert code == 2, err
    assert words in err
    assert err.rstrip().endswith("Nothing was changed.")
    assert "Traceback" not in err
    assert database_bytes(db_path) == before
    assert list_kept(Layout(db_path)) == []


def test_a_history_part_of_the_live_database_is_not_a_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    part = Layout(db_path).part("answers")
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(part), "--yes")
    assert code == 2
    assert "history part" in err and "Nothing was changed" in err
    assert database_bytes(db_path) == before


# Asking first


def test_restore_says_what_it_replaces_and_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = _two_days(db_path, clock, monkeypatch)
    before = database_bytes(db_path)
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, out, err = run(capsys, "--db", str(db_path), "restore", day)
    assert (code, err) == (0, "")
    assert f"Restoring {list_backups(Layout(db_path))[0].path} replaces everything" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["now", "after"] in lines
    assert ["interviews", "2", "2"] in lines
    assert ["practice", "questions", "2", "2"] in lines
    assert "Replace it? [y/N]" in out
    assert out.rstrip().endswith("Nothing was changed.")
    assert database_bytes(db_path) == before

    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, err = run(capsys, "--db", str(db_path), "restore", day)
    assert (code, err) == (0, "")
    assert "Restored" in out
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 4  # as the backup's day began


def test_restore_without_a_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = _two_days(db_path, clock, monkeypatch)
    before = database_bytes(db_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, _out, err = run(capsys, "--db", str(db_path), "restore", day)
    assert code == 2
    assert "add --yes" in err
    assert "Nothing was changed." in err
    assert database_bytes(db_path) == before


def test_restore_puts_back_a_database_that_does_not_load_and_keeps_its_files(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = _two_days(db_path, clock, monkeypatch)
    backup = list_backups(Layout(db_path))[0].path
    db_path.write_bytes(b'{"meta": ')
    code, out, err = run(capsys, "--db", str(db_path), "restore", day, "--yes")
    assert (code, err) == (0, "")
    assert "does not load" in out
    assert (
        database_contents(db_path)["history/answers"]
        == database_contents(backup)["history/answers"]
    )
    kept = list_kept(Layout(db_path))
    assert [k.reason for k in kept] == ["before a restore"]
    assert kept[0].path.read_bytes() == b'{"meta": '
    # the next writer removes the files the broken main file used
    Repository.open(db_path, clock).close()
    layout = Layout(db_path)
    assert set(layout.history_files()) == set(layout.committed_parts().values())


# Import


def test_import_hints_are_shell_quoted(
    capsys: pytest.CaptureFixture[str], clock: FrozenClock, tmp_path: Path
) -> None:
    db = tmp_path / "Application Support" / "companion.json"
    fill(db, clock)
    code, out, _ = run(capsys, "--db", str(db), "export", "-o", "my export.json")
    assert code == 0
    again = shlex.split(out.split("To bring it back: ")[1])
    assert again[:2] == ["companion", "import"]
    assert Path(again[2]).name == "my export.json"
    code, _, err = run(capsys, "--db", str(db), "import", "my export.json")
    assert code == 2
    assert shlex.join(["companion", "import", "my export.json", "--replace"]) in err
    code, out, _ = run(capsys, "--db", str(db), "import", "my export.json", "--replace")
    assert code == 0
    kept = list_kept(Layout(db))[0].path
    assert shlex.join(["companion", "restore", str(kept)]) in out


# Export onto the database's own files


@pytest.mark.parametrize("which", ["main", "lock", "part", "backup", "link", "dotted"])
def test_export_refuses_the_database_its_parts_lock_and_backups(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    which: str,
) -> None:
    _two_days(db_path, clock, monkeypatch)
    layout = Layout(db_path)
    link = Path.cwd() / "innocent.json"
    link.symlink_to(db_path)
    target = {
        "main": db_path,
        "lock": layout.lock,
        "part": layout.part("answers"),
        "backup": list_backups(layout)[0].path,
        "link": link,
        "dotted": db_path.parent / ".." / db_path.parent.name / db_path.name,
    }[which]
    before = database_bytes(db_path)
    lock_before = layout.lock.read_bytes()
    code, _out, err = run(capsys, "--db", str(db_path), "export", "-o", str(target))
    assert code == 2, err
    assert "an export never writes there" in err
    assert database_bytes(db_path) == before
    assert layout.lock.read_bytes() == lock_before
    assert list(db_path.parent.rglob("*.tmp")) == []


def test_a_killed_export_leaves_a_temp_file_the_next_export_removes(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    script = (
        "import os, sys\n"
        "from companion.store import files\n"
        "def stop(kind, path):\n"
        "    if kind == 'create':\n"
        "        os._exit(9)\n"
        "files.operation_observer = stop\n"
        "from companion.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, "--db", str(db_path), "export", "-o", "out.json"],
        capture_output=True,
        timeout=60,
        env={**os.environ},
    )
    assert killed.returncode == 9
    left = [p.name for p in Path.cwd().iterdir()]
    assert len(left) == 1 and left[0].startswith(".out.json.export-")  # a full copy, hidden
    code, _, err = run(capsys, "--db", str(db_path), "export", "-o", "other.json")
    assert (code, err) == (0, "")
    assert sorted(p.name for p in Path.cwd().iterdir()) == ["other.json"]


# Backups: kept copies, future dates, hints


def test_kept_copies_are_listed_and_the_newest_of_each_kind_kept(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    layout = Layout(db_path)
    start = clock.now()
    for minute in range(KEEP_COPIES + 3):
        keep_copy(layout, "before-import", start + timedelta(minutes=minute))
    keep_copy(layout, "before-restore", start)
    keep_copy(layout, "before-schema-2", start)
    kept = list_kept(layout)
    reasons = [k.reason for k in kept]
    assert reasons.count("before an import") == KEEP_COPIES
    assert reasons.count("before a restore") == 1
    assert reasons.count("before an upgrade") == 1
    newest = max(k.at for k in kept if k.reason == "before an import")
    assert newest == (start + timedelta(minutes=KEEP_COPIES + 2)).replace(tzinfo=None)
    # the rotated ones are gone, history and all
    assert len(list(layout.backups.glob("*.history"))) == len(kept) + len(list_backups(layout))
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert code == 0
    assert f"the newest {KEEP_COPIES}\nof each kind are kept" in out
    rows = [line for line in out.splitlines() if line.endswith(".json")]
    assert sum("before an import" in row for row in rows) == KEEP_COPIES


def test_a_backup_dated_in_the_future_is_never_the_newest(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = _two_days(db_path, clock, monkeypatch)
    layout = Layout(db_path)
    real = list_backups(layout)[0].path
    future = layout.backups / "companion-2031-01-01.json"
    shutil.copy(real, future)
    shutil.copytree(real.with_suffix(".history"), future.with_suffix(".history"))
    hint = restore_hint(layout, clock.today())
    assert f"restore {day}" in hint
    assert "2031" not in hint
    _code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert "2031-01-01" in out
    assert "dated after today" in out
    # and it never pushes out the days that are real
    for back in range(20, 0, -1):
        take_daily_backup(layout, clock.today() - timedelta(days=back))
    rotate(layout, clock.today())
    days = [b.day for b in list_backups(layout)]
    assert days[0].year == 2031
    assert len([d for d in days if d <= clock.today()]) == KEEP_DAYS


def test_the_restore_hint_is_shell_quoted(tmp_path: Path, clock: FrozenClock) -> None:
    db = tmp_path / "Application Support" / "it's mine" / "companion.json"
    hint = restore_hint(Layout(db), clock.today())
    assert shlex.quote(str(db)) in hint
    assert shlex.quote(str(db) + ".broken") in hint
    assert shlex.split(hint.split("example: ")[1].split(")")[0])[1] == str(db)


def test_the_hint_names_only_backups_up_to_today(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = _two_days(db_path, clock, monkeypatch)
    db_path.write_bytes(b"")
    code, _, err = run(capsys, "--db", str(db_path), "summary")
    assert code == 1
    command = err.split("To restore it, run: ")[1].strip()
    assert shlex.split(command) == ["companion", "--db", str(db_path), "restore", day]
