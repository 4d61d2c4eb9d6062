"""The installed command: a journal entry written in the shell is read in the app, exactly."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, tmux_session

pytestmark = pytest.mark.e2e

TEXT = "Calmer [bold]today[/] [@click=app.quit]x[/] 日本語 ✨"


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    with tmux_session(tmp_path, width=100, height=30) as session:
        yield session


def test_an_entry_from_the_shell_is_in_the_journal(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    env = companion_env(clock.now().isoformat())
    written = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "journal", TEXT, "--mood", "4", "--tag", "calm"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("Saved journal entry 1.")
    refused = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "journal", "More", "--mood", "7"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("companion: mood: '7' is not a mood")
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)

    tmux.start([str(COMPANION), "--db", str(db_path)], env)
    tmux.wait_for("Nothing needs you today.")
    tmux.send("j")
    screen = tmux.wait_for("1 entry · 0 debriefs")
    assert "Calmer [bold]today[/]" in screen
    assert "good" in screen and "calm" in screen
    assert "Mood  Mon 2 Feb" in screen
    tmux.send("Enter")
    screen = tmux.wait_for("mood 4 · good · calm")
    assert TEXT in screen
    tmux.send("Escape", "q")
    assert tmux.wait_for_exit() == 0
    with Repository.open(db_path, clock, access="read") as repo:
        assert [e.text for e in repo.journal.all()] == [TEXT]


def test_at_a_terminal_with_no_editor_it_says_how_to_finish(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    env = companion_env(clock.now().isoformat())
    env.pop("EDITOR", None)
    env.pop("VISUAL", None)
    tmux.start([str(COMPANION), "--db", str(db_path), "journal", "--mood", "3"], env)
    tmux.wait_for("press Ctrl-D on a new line to save it")
    tmux.send("Typed at the prompt", "Enter", "C-d")
    assert tmux.wait_for_exit() == 0
    assert "Saved journal entry 1." in tmux.screen()
    with Repository.open(db_path, clock, access="read") as repo:
        (entry,) = repo.journal.all()
    assert (entry.text, entry.mood) == ("Typed at the prompt", 3)
