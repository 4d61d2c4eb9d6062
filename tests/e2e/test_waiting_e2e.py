"""The installed command in tmux: an interview added from a shell shows in the waiting room."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, tmux_session

pytestmark = pytest.mark.e2e


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    with tmux_session(tmp_path) as session:
        yield session


def test_an_interview_added_in_the_shell_waits_in_the_tui(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    env = companion_env(clock.now().isoformat())
    added = subprocess.run(
        [
            str(COMPANION),
            "--db",
            str(db_path),
            "interview",
            "add",
            "--company",
            "Acme",
            "--role",
            "Platform engineer",
            "--on",
            "-2d",
            "--with",
            "Ana Ruiz",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    assert "Next: thank-you still kind until Wed 4 Mar." in added.stdout
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)

    tmux.start([str(COMPANION), "--db", str(db_path)], env)
    tmux.wait_for("One thing is worth doing today.")
    tmux.send("w")
    screen = tmux.wait_for("Each interview with the next date")
    screen = tmux.wait_for("Acme · Platform engineer")
    assert "thank-you" in screen
    assert "thank-you still kind until Wed 4 Mar" in screen
    assert "days" not in screen

    tmux.send("l")
    tmux.wait_for("Log a contact")
    tmux.send("C-s")
    # held Sun 1 Mar, no date given: two weeks on is a Sunday, so the Monday after
    screen = tmux.wait_for("polite check-in from Mon 16 Mar")
    assert "quiet" in screen
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    with Repository.open(db_path, clock, access="read") as repo:
        (interview,) = repo.interviews.all()
    assert [c.kind for c in interview.contacts] == [ContactKind.THANK_YOU]
