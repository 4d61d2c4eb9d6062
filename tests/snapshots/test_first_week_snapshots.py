"""Snapshots of the first week (issue 14): home on day one and an interview still to
come, at 80x24 and at 60x20 (the -narrow breakpoint), and two offers side by side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.domain.fit import FitReflection
from companion.domain.interviews import Offer, Outcome, new_interview, set_outcome
from companion.store.repository import Repository
from tests.conftest import AppFactory

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


@pytest.mark.parametrize("size", SIZES)
def test_home_on_day_one(snap_compare: Any, build_app: AppFactory, size: tuple[int, int]) -> None:
    """A new database, welcomed: nothing needs you, and how to begin."""
    assert snap_compare(build_app(), terminal_size=size)


def _thursday(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(
                company="Acme",
                role="Platform engineer",
                held_on=date(2026, 3, 5),
                interviewers=["Ana", "Ben"],
                final_round=True,
                added_on=date(2026, 3, 2),
            )
        )


@pytest.mark.parametrize("size", SIZES)
def test_an_interview_coming_up(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock, size: tuple
) -> None:
    """On Tuesday, an interview on Thursday: coming up, on Thu 5 Mar, nothing to do yet."""
    _thursday(db_path, clock)
    assert snap_compare(build_app(), terminal_size=size, press=["w", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_home_with_an_interview_coming_up(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock, size: tuple
) -> None:
    """Home lists it under Coming up (and the final round's references heads-up)."""
    _thursday(db_path, clock)
    assert snap_compare(build_app(), terminal_size=size)


def test_two_offers_side_by_side(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for company, outcome, offer, fit in (
            (
                "Acme",
                Outcome.OFFER_WRITTEN,
                Offer(respond_by=date(2026, 3, 10), pay="52k", leave="25 days", remote="2 days"),
                FitReflection(work=4, people=5, commute=2),
            ),
            (
                "Globex",
                Outcome.OFFER_VERBAL,
                Offer(respond_by=date(2026, 3, 13), pay="55k", start_on=date(2026, 4, 6)),
                FitReflection(work=3, culture=4, pay=4),
            ),
        ):
            added, _ = repo.interviews.add(
                new_interview(company=company, role="Engineer", held_on=date(2026, 2, 20))
            )
            changed = set_outcome(added, outcome, date(2026, 3, 2))
            repo.interviews.save(replace(changed, offer=offer, fit=fit))
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["v"])
