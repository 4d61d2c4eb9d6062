"""The installed command in tmux: home's thank-you action opens its draft, c copies it,
"I sent it" logs it, and the timeline moves to quiet."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, new_interview
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env

pytestmark = pytest.mark.e2e


def test_the_thank_you_from_home_to_sent(
    tmux: Tmux, db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        repo.interviews.add(
            new_interview(
                company="Acme",
                role="Data analyst",
                held_on=date(2026, 3, 2),
                interviewers=["Ana Ruiz"],
                talked_about="the move to a new data platform",
            )
        )
    env = {**companion_env(clock.now().isoformat()), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    tmux.start([str(COMPANION), "--db", str(db_path)], env)
    tmux.wait_for("1. Send a short thank-you note to Ana Ruiz at Acme")
    tmux.send("1")
    screen = tmux.wait_for("A thank-you note · Acme · Data analyst")
    assert "To Ana Ruiz, by email" in screen
    assert "Subject: Thank you for your time yesterday" in screen
    assert "Dear Ana," in screen

    tmux.send("c")
    tmux.wait_for("Copied.")
    copy = db_path.parent / "last-draft.txt"
    assert copy.read_text(encoding="utf-8").startswith("Subject: Thank you for your time")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    tmux.send("s")
    tmux.wait_for("as sent today?")
    tmux.send("y")
    tmux.wait_for("Logged: thank-you sent")
    tmux.send("w")
    screen = tmux.wait_for("Acme · Data analyst")
    assert "quiet" in screen
    assert "polite check-in from Mon 16 Mar" in screen
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    with Repository.open(db_path, clock, access="read") as repo:
        (contact,) = repo.interviews.require(1).contacts
    assert contact.kind == ContactKind.THANK_YOU
    assert contact.on == clock.today()
    assert "Dear Ana," in contact.text
