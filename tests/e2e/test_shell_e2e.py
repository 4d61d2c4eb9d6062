"""The installed command in tmux: first run, help, quit, and the data left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, running_with, tmux_session

pytestmark = pytest.mark.e2e


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    with tmux_session(tmp_path) as session:
        yield session


def test_first_run_help_and_quit(tmux: Tmux, db_path: Path, clock: FrozenClock) -> None:
    assert COMPANION.exists(), f"the companion command is not installed at {COMPANION}"
    tmux.start([str(COMPANION), "--db", str(db_path)], companion_env(clock.now().isoformat()))
    tmux.wait_for("Welcome to companion")
    tmux.send("Enter")
    screen = tmux.wait_for("Nothing needs you today.")
    assert "Good morning. Tue 3 Mar." in screen
    assert running_with(str(db_path))
    tmux.send("?")
    tmux.wait_for("Go to")
    tmux.send("End")  # the list of places grows; the last keys may be below the fold
    tmux.wait_for("Everywhere")
    tmux.wait_for("command palette")
    tmux.send("Escape")
    tmux.wait_for("A kind use of the time")
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    assert running_with(str(db_path)) == []
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert settings.welcomed
    assert settings.weekly_goal == 5


def test_a_bad_database_is_reported_before_the_app_starts(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"{ not json")
    tmux.start([str(COMPANION), "--db", str(db_path)], companion_env(clock.now().isoformat()))
    assert tmux.wait_for_exit() == 1
    screen = tmux.screen()
    assert "left exactly as it is" in screen
    assert db_path.read_bytes() == b"{ not json"
