"""Two instances: a second companion never overwrites the first one's changes, and says so.

Real processes: the first companion runs in tmux and holds the write lock; a
CLI write waits a moment, then exits 1 saying another companion has the file;
a second app opens read-only and says so on screen. The first one's changes
are all there at the end, and the file never changed while the others ran.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, running_with, tmux_available

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[list[Tmux]]:
    if not tmux_available():
        pytest.fail(
            "tmux is missing: `make test` installs it; install it with apt-get install tmux"
        )
    started: list[Tmux] = []
    yield started
    for session in started:
        session.kill()


def _goal_on_disk(db_path: Path) -> int | None:
    try:
        return int(orjson.loads(db_path.read_bytes())["settings"]["1"]["weekly_goal"])
    except (OSError, orjson.JSONDecodeError, KeyError):
        return None


def _wait_for(condition: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_second_companion_never_overwrites_the_first(
    sessions: list[Tmux], tmp_path: Path, db_path: Path, clock: FrozenClock
) -> None:
    env = companion_env(clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    older = tmp_path / "older.json"
    shutil.copy(db_path, older)

    first = Tmux(tmp_path)
    sessions.append(first)
    first.start([str(COMPANION), "--db", str(db_path)], env)
    first.wait_for("Welcome to companion")
    first.send("BSpace", "6", "Enter")
    first.wait_for("0 of 6")
    assert _wait_for(lambda: _goal_on_disk(db_path) == 6)
    (first_pid,) = running_with(str(db_path))
    settled = db_path.read_bytes()

    write = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "restore", str(older), "--yes"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert write.returncode == 1
    assert write.stderr.strip() == (
        f"another companion (process {first_pid}) is using {db_path}, so nothing was changed. "
        "Close it, or make the change there, and try again."
    )
    assert db_path.read_bytes() == settled

    second = Tmux(tmp_path)
    sessions.append(second)
    second.start([str(COMPANION), "--db", str(db_path)], env)
    second.wait_for("Just looking")  # the notice
    # The line on the home screen (the notice says the same, wrapped in its box). The
    # pane may show a frame the app drew before tmux gave it its size, so the line
    # is looked for until the app has drawn home at that size.
    read_only = f"Read-only: another companion (process {first_pid}) has it open."
    line = f"{read_only} Nothing you change here is saved."
    assert _wait_for(lambda: line in " ".join(second.screen().split())), second.screen()
    screen = second.screen()
    assert "Welcome" not in screen  # a welcome could not be saved, so it is not shown
    assert "0 of 6" in screen  # it shows the first one's data
    second.send("q")
    assert second.wait_for_exit() == 0
    assert db_path.read_bytes() == settled

    first.send("q")
    assert first.wait_for_exit() == 0
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.weekly_goal, settings.welcomed) == (6, True)
