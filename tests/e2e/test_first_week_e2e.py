"""A first week on a fresh database, as a person lives it (issue 14), in tmux.

The installed command runs once a day, the clock moved between runs with
COMPANION_FROZEN_NOW: the welcome on Monday, an interview logged for Thursday,
the prep the day before, the debrief on the day, a thank-you to each of the two
people met, a check-in, their reply, a verbal offer then a written one, accepting
it, and letting the other company know.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, Outcome
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, tmux_available

pytestmark = pytest.mark.e2e


def flat(screen: str) -> str:
    """The screen as one line of words: a sentence wrapped over two lines still reads whole."""
    return " ".join(screen.split())


def wait_for(tmux: Tmux, text: str, timeout: float = 20.0) -> str:
    """Like Tmux.wait_for, for a sentence the screen may wrap; returns the flat screen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = flat(tmux.screen())
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{tmux.screen()}")


class Week:
    """One app run after another on the same database, each on its own day."""

    def __init__(self, workdir: Path, db_path: Path) -> None:
        if not tmux_available():
            pytest.fail("tmux is missing: `make test` installs it")
        self.workdir = workdir
        self.db_path = db_path
        self.tmux: Tmux | None = None

    def open(self, now: str) -> Tmux:
        self.close()
        self.tmux = Tmux(self.workdir, width=80, height=24)
        self.tmux.start([str(COMPANION), "--db", str(self.db_path)], companion_env(now))
        return self.tmux

    def quit(self) -> None:
        assert self.tmux is not None
        self.tmux.send("q")
        assert self.tmux.wait_for_exit() == 0
        self.close()

    def close(self) -> None:
        if self.tmux is not None:
            self.tmux.kill()
            self.tmux = None

    def shell(self, now: str, *argv: str) -> str:
        done = subprocess.run(
            [str(COMPANION), "--db", str(self.db_path), *argv],
            capture_output=True,
            text=True,
            env=companion_env(now),
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture
def week(tmp_path: Path, db_path: Path) -> Iterator[Week]:
    lived = Week(tmp_path, db_path)
    yield lived
    lived.close()


MONDAY = "2026-03-02T09:30:00+00:00"
WEDNESDAY = "2026-03-04T09:30:00+00:00"
THURSDAY_EVENING = "2026-03-05T17:30:00+00:00"
CHECK_IN_DAY = "2026-03-19T10:00:00+00:00"
REPLY_DAY = "2026-03-23T10:00:00+00:00"
OFFER_DAY = "2026-03-24T10:00:00+00:00"
WRITTEN_DAY = "2026-03-26T10:00:00+00:00"


def test_a_first_week_from_welcome_to_an_accepted_offer(
    week: Week, db_path: Path, clock: FrozenClock
) -> None:
    # Monday: the welcome, then a calm day one that says how to begin
    tmux = week.open(MONDAY)
    wait_for(tmux, "Welcome to companion")
    tmux.send("C-s")  # Start, with the goal of 5
    screen = wait_for(tmux, "Nothing needs you today.")
    assert "n logs it" in screen
    tmux.send("n")
    wait_for(tmux, "Log an interview")
    tmux.send(*"Acme", "Tab", *"Engineer", "Tab", "Tab", "C-u", *"thu", "Tab", "Tab")
    tmux.send(*"Ana, Ben", "C-s")
    screen = wait_for(tmux, "on Thu 5 Mar")
    assert "coming up" in screen
    assert "held" not in screen
    tmux.send("h")
    screen = wait_for(tmux, "Coming up Acme · Engineer, on Thu 5 Mar")
    assert "Waiting to hear" not in screen
    week.quit()
    # another company, met last week, logged from a shell
    week.shell(MONDAY, "interview", "add", "--company", "Globex", "--role", "Analyst",
               "--on", "-1w")  # fmt: skip

    # Wednesday, the day before: one calm prep action
    tmux = week.open(WEDNESDAY)
    screen = wait_for(tmux, "Your Acme interview is on Thu 5 Mar: practise")
    assert "when they expect to decide" in screen
    week.quit()

    # Thursday evening, after the interview: the debrief, then a thank-you to each
    tmux = week.open(THURSDAY_EVENING)
    screen = wait_for(tmux, "jot down how the Acme interview went")
    assert "Send a short thank-you note to Ana and Ben at Acme" in screen
    found = re.search(r"(\d)\. While it is fresh, jot down how the Acme", screen)
    assert found is not None
    number = found.group(1)
    tmux.send(number)
    wait_for(tmux, "Saved as you go")
    tmux.send(*"It went well", "C-s")
    wait_for(tmux, "The questions they asked")
    tmux.send("Escape")
    screen = wait_for(tmux, "Send a short thank-you note to Ana and Ben")
    tmux.send("1")  # the thank-you opens its draft, to Ana first
    wait_for(tmux, "To Ana, by email")
    tmux.send("s")
    wait_for(tmux, "as sent today?")
    tmux.send("y")
    wait_for(tmux, "To Ben, by email")  # a thank-you to each person met
    tmux.send("s")
    wait_for(tmux, "as sent today?")
    tmux.send("y")
    screen = wait_for(tmux, "Waiting to hear from 2 interviews")
    assert "Send a short thank-you" not in screen
    week.quit()

    # Two weeks on: a check-in is welcome
    tmux = week.open(CHECK_IN_DAY)
    screen = wait_for(tmux, "A polite check-in with Ana or Ben at Acme is welcome")
    found = re.search(r"(\d)\. A polite check-in with Ana or Ben at Acme", screen)
    assert found is not None  # Globex, met a week before, may be welcome to one too
    tmux.send(found.group(1))  # the check-in's draft; i, its interview, logs it by hand
    wait_for(tmux, "A polite check-in · Acme · Engineer")
    tmux.send("i", "l")
    wait_for(tmux, "Log a contact")
    tmux.send("C-s")
    wait_for(tmux, "check-in sent")
    assert "Acme · Engineer" in flat(tmux.screen())
    week.quit()

    # Their reply
    tmux = week.open(REPLY_DAY)
    wait_for(tmux, "Good morning.")
    tmux.send("w")
    wait_for(tmux, "Acme · Engineer")
    rows = tmux.screen().splitlines()
    acme_first = next(i for i, r in enumerate(rows) if "Acme" in r) < next(
        i for i, r in enumerate(rows) if "Globex" in r
    )
    if not acme_first:
        tmux.send("Down")
    tmux.send("Enter")
    wait_for(tmux, "Contact log")
    tmux.send("l")
    screen = wait_for(tmux, "Log a contact")
    assert "they replied" in screen
    tmux.send("C-s")
    wait_for(tmux, "they replied")
    week.quit()

    # A verbal offer, with the day they would like an answer by
    tmux = week.open(OFFER_DAY)
    wait_for(tmux, "Good morning.")
    tmux.send("w")
    wait_for(tmux, "Acme · Engineer")
    if not acme_first:
        tmux.send("Down")
    tmux.send("Enter")
    wait_for(tmux, "Contact log")
    tmux.send("o")
    wait_for(tmux, "Where it stands")
    tmux.send("Down", "Down", "Enter")
    wait_for(tmux, "Mark it a verbal offer?")
    tmux.send("y")
    wait_for(tmux, "The offer · Acme")
    tmux.send(*"fri", "C-s")
    tmux.send("h")
    screen = wait_for(tmux, "Acme made a verbal offer: ask kindly to have it in writing.")
    assert "You have an offer to answer by Fri 27 Mar" in screen  # Globex, rule 12
    week.quit()

    # The written offer, accepted; then the other company is let know kindly
    tmux = week.open(WRITTEN_DAY)
    wait_for(tmux, "Good morning.")
    tmux.send("w")
    wait_for(tmux, "Acme · Engineer")
    rows = tmux.screen().splitlines()
    if next(i for i, r in enumerate(rows) if "Acme" in r) > next(
        i for i, r in enumerate(rows) if "Globex" in r
    ):
        tmux.send("Down")
    tmux.send("o")
    wait_for(tmux, "Where it stands")
    tmux.send("Down", "Enter")
    wait_for(tmux, "Mark it a written offer?")
    tmux.send("y")
    wait_for(tmux, "The offer · Acme")
    tmux.send("Escape", "o")
    wait_for(tmux, "Where it stands")
    tmux.send("Down", "Enter")
    wait_for(tmux, "Mark it accepted?")
    tmux.send("y")
    tmux.send("h")
    screen = wait_for(tmux, "You accepted Acme's offer: let the team at Globex know kindly")
    tmux.send("1")
    screen = wait_for(tmux, "Letting them know you withdraw · Globex")
    tmux.send("s")
    wait_for(tmux, "as sent today?")
    tmux.send("y")
    screen = wait_for(tmux, "Nothing needs you today.")
    assert "Applied this week" not in screen  # a written offer accepted: the goal rests
    week.quit()

    with Repository.open(db_path, clock, access="read") as repo:
        acme, globex = sorted(repo.interviews.all(), key=lambda i: i.company)
    assert acme.outcome == Outcome.ACCEPTED and acme.accepted_in_writing
    assert [c.to for c in acme.logged(ContactKind.THANK_YOU)] == [("Ana",), ("Ben",)]
    assert [c.kind for c in acme.contacts][-2:] == [ContactKind.FOLLOW_UP, ContactKind.REPLY]
    assert acme.offer.respond_by == date(2026, 3, 27)
    assert globex.outcome == Outcome.WITHDRAWN
    assert globex.logged(ContactKind.WITHDRAW)
