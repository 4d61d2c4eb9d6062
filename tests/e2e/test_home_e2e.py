"""The installed command in tmux: log an application, then breathe through an urge."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.services import summary as summaries
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env

pytestmark = pytest.mark.e2e


def test_apply_then_breathe(tmux: Tmux, db_path: Path, clock: FrozenClock) -> None:
    env = companion_env(clock.now().isoformat())
    logged = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "apply", "--company", "Acme", "--role", "Designer"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert logged.returncode == 0, logged.stderr
    assert "This week: 1 of 5." in logged.stdout
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    tmux.start([str(COMPANION), "--db", str(db_path), "breathe"], env)
    screen = tmux.wait_for("What is on your mind?")
    assert "Noted. Nothing is lost by waiting" in screen
    tmux.send("Enter")  # nothing to park
    tmux.wait_for("Breathe in")
    tmux.send("Escape")  # stop breathing: the choice
    tmux.wait_for("Look now")
    tmux.send("Escape")  # home, with no choice made
    # home shows the urge once its resume has made the summary again (the frame
    # before may still show home as it was when the breathing began)
    screen = tmux.wait_for("1 today")
    assert "Nothing needs you today." in screen
    assert "1 of 5" in screen
    tmux.send("q")
    assert tmux.wait_for_exit() == 3  # breathe, left with no choice: not "look now"
    with Repository.open(db_path, clock, access="read") as repo:
        assert summaries.summary(repo).urges_today == 1
