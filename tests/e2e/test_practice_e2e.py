"""The installed command: capture a question in the shell, then rehearse it in the app."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.services import summary as summaries
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env

pytestmark = pytest.mark.e2e


def test_a_question_from_the_shell_is_rehearsed_in_the_app(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    env = companion_env(clock.now().isoformat())
    added = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "question", "add", "Why [b]this[/b] team?"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)

    tmux.start([str(COMPANION), "--db", str(db_path), "practice"], env)
    screen = tmux.wait_for("Why [b]this[/b] team?")
    assert "Question 1 of 1" in screen
    tmux.send("Space")
    tmux.wait_for("How did it go?")
    tmux.send("3")
    screen = tmux.wait_for("You rehearsed one question.")
    assert "The next question comes up" in screen
    tmux.send("q")
    assert tmux.wait_for_exit() == 0

    assert Layout(db_path).part("reviews-2026-03").exists()
    with Repository.open(db_path, clock, access="read") as repo:
        (question,) = repo.questions.all()
        assert question.due > clock.now()
        assert summaries.summary(repo).practice_due == 0
