"""The console script (companion/script.py): the collector off for a short run, and a
quick exit that loses nothing: the data on disk, the exit code and every byte printed."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.store.lock import WriteLock
from companion.store.repository import Repository

SCRIPT = "import sys; from companion.script import run; sys.argv[0] = 'companion'; run()"


def _script(*argv: str, clock: FrozenClock) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COMPANION_FROZEN_NOW": clock.now().isoformat()}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv], capture_output=True, env=env, timeout=60
    )


def test_a_write_lands_on_disk_and_the_lock_is_let_go(db_path: Path, clock: FrozenClock) -> None:
    for company in ("Acme", "Globex"):
        result = _script(
            "--db", str(db_path), "apply", "--company", company, "--role", "Designer", clock=clock
        )
        assert result.returncode == 0, result.stderr
        assert b"Acme" in result.stdout or b"Globex" in result.stdout
    with Repository.open(db_path, clock) as repo:  # the write lock is free again
        assert sorted(a.company for a in repo.applications.all()) == ["Acme", "Globex"]
    lock = WriteLock(db_path.with_name(db_path.name + ".lock"))
    assert lock.acquire()
    lock.release()


def test_exit_codes_are_kept(db_path: Path, clock: FrozenClock) -> None:
    bad_date = _script(
        "--db", str(db_path), "apply", "--company", "A", "--role", "R", "--on", "soon", clock=clock
    )
    assert bad_date.returncode == 2
    assert b"applied on" in bad_date.stderr
    assert not db_path.exists()
    usage = _script("--db", str(db_path), "frobnicate", clock=clock)
    assert usage.returncode == 2
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text("{not json")
    broken = _script("--db", str(db_path), "summary", clock=clock)
    assert broken.returncode == 1
    assert str(db_path).encode() in broken.stderr
    assert db_path.read_text() == "{not json"


def test_every_byte_printed_reaches_a_pipe(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        for number in range(300):
            repo.settings.update(weekly_goal=number % 9)
            repo.urges.note(clock.now())
    result = _script("--db", str(db_path), "export", "--output", "-", clock=clock)
    assert result.returncode == 0, result.stderr
    exported = orjson.loads(result.stdout)
    assert len(exported["main"]["urges"]) == 300


def test_exit_functions_run_before_the_quick_exit(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    probe = (
        "import atexit, pathlib, sys\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
        "from companion.startup import leave\n"
        "print('last words', end='')\n"
        "leave(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert result.returncode == 3
    assert result.stdout == b"last words"
    assert marker.read_text() == "yes"


def test_the_app_and_other_threads_end_the_normal_way(monkeypatch: pytest.MonkeyPatch) -> None:
    from companion import startup

    monkeypatch.setitem(sys.modules, "companion.tui.launch", sys.modules[__name__])
    with pytest.raises(SystemExit) as caught:
        startup.leave(4)
    assert caught.value.code == 4


def test_the_app_gets_the_collector_back(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, clock: FrozenClock
) -> None:
    import companion.tui.launch as launch
    from companion.cli.context import Context
    from companion.cli.tui import launch_tui

    seen: list[bool] = []
    monkeypatch.setattr(launch, "run_app", lambda *args: seen.append(gc.isenabled()) or 0)
    gc.disable()
    try:
        assert launch_tui(Context(db_path, clock)) == 0
    finally:
        gc.enable()
    assert seen == [True]
