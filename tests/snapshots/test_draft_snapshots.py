"""Snapshots of the draft screen: a thank-you from home, and a check-in as a call script,
at 80x24 (and the thank-you at 120x36)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, log_contact, new_interview
from companion.store.repository import Repository
from tests.conftest import AppFactory

TODAY = date(2026, 3, 3)


@pytest.fixture
def seeded(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> AppFactory:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(
                company="Acme",
                role="Data analyst",
                held_on=TODAY,
                interviewers=["Ana Ruiz", "Ben Okafor"],
                decision_by=date(2026, 3, 13),
                talked_about="the move to a new data platform",
            )
        )
        globex = new_interview(
            company="Globex",
            role="Platform engineer",
            held_on=date(2026, 2, 10),
            interviewers=["Hank Scorpio"],
            decision_by=date(2026, 2, 20),
            contact_pref="phone",
        )
        repo.interviews.add(log_contact(globex, ContactKind.THANK_YOU, date(2026, 2, 11), TODAY))
    return build_app


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_thank_you_draft_from_home(
    snap_compare: Any, seeded: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(seeded(), terminal_size=size, press=["1"])


def test_check_in_as_a_call_script(snap_compare: Any, seeded: AppFactory) -> None:
    async def open_globex(pilot: Any) -> None:
        pilot.app.open_target("draft:2")
        await pilot.pause()

    assert snap_compare(seeded(), terminal_size=(80, 24), run_before=open_globex)
