"""Snapshots of the journal (list, entry, form, empty) and of each step of the debrief."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from companion.clock import FrozenClock
from companion.domain.debrief import (
    DONE,
    STEPS,
    go_to,
    record_delivery,
    record_how,
    record_next_steps,
    record_questions,
    record_well,
    start_debrief,
)
from companion.domain.debrief import record_impressions as impressions
from companion.domain.journal import new_entry
from companion.services.debrief import practise_tripped, save_debrief
from companion.store.repository import Repository
from tests.conftest import AppFactory
from tests.seed_interviews import seed
from tests.seed_journal import seed_journal

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@pytest.fixture
def journal(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> AppFactory:
    seed_journal(db_path, clock)
    return build_app


def debrief_at(db_path: Path, clock: FrozenClock, step: str) -> None:
    """Acme, held today, with a debrief written up to `step` and resumed there."""
    seed(db_path, clock)
    now = clock.now()
    with Repository.open(db_path, clock) as repo:
        acme = repo.interviews.require(1)
        debrief = record_how(start_debrief(acme, now), "Warm, a bit [bold]rushed[/].", 4, now)
        debrief = record_questions(
            debrief,
            "Tell me about a conflict\nWhy Acme?\nWhere do you see yourself in five years?",
            now,
        )
        debrief = save_debrief(repo, debrief, acme)
        debrief, _ = practise_tripped(repo, debrief, acme, "Tell me about a conflict")
        debrief = record_well(debrief, "The migration story landed; they asked follow-ups.", now)
        debrief = record_delivery(debrief, "Spoke fast at first, calmer by the end.", now)
        debrief, acme = record_next_steps(
            debrief, acme, asked="no", decision_by="", said="", today=clock.today(), now=now
        )
        acme = impressions(
            acme,
            {"company": "4", "job": "5", "manager": "3", "commute": "2"},
            "Lovely team; the commute is long.",
        )
        save_debrief(repo, go_to(debrief, step, now), acme)


@pytest.mark.parametrize("step", [*STEPS, DONE])
def test_each_debrief_step(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock, step: str
) -> None:
    debrief_at(db_path, clock, step)

    async def open_it(pilot: Pilot[None]) -> None:
        pilot.app.open_target("debrief:1")  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=open_it)


def test_the_first_debrief_step_from_home_wide(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    assert snap_compare(build_app(), terminal_size=(120, 36), press=["2"])


def test_a_debrief_step_with_an_error(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    debrief_at(db_path, clock, "next_steps")

    async def bad_date(pilot: Pilot[None]) -> None:
        pilot.app.open_target("debrief:1")  # type: ignore[attr-defined]
        await pilot.pause()
        pilot.app.screen.query_one("#decision").focus()
        await pilot.press("ctrl+u", *"next week", "ctrl+s")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=bad_date)


@pytest.mark.parametrize("size", SIZES)
def test_the_journal_list(snap_compare: Any, journal: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(journal(), terminal_size=size, press=["j"])


def test_the_journal_list_light_theme_filtered(snap_compare: Any, journal: AppFactory) -> None:
    app = journal(theme="companion-dawn")
    assert snap_compare(app, terminal_size=(80, 24), press=["j", "slash", *"friends"])


def test_the_journal_empty(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["j"])


@pytest.mark.parametrize("size", SIZES)
def test_an_entry(snap_compare: Any, journal: AppFactory, size: tuple[int, int]) -> None:
    # The fourth row: markup-like text and Unicode, shown as typed.
    assert snap_compare(journal(), terminal_size=size, press=["j", "down", "down", "down", "enter"])


def test_a_debrief_in_the_journal(snap_compare: Any, journal: AppFactory) -> None:
    assert snap_compare(journal(), terminal_size=(80, 24), press=["j", "end", "enter"])


def test_the_entry_form(snap_compare: Any, journal: AppFactory) -> None:
    async def write(pilot: Pilot[None]) -> None:
        await pilot.press("j", "n")
        await pilot.pause()
        await pilot.press(*"Long day. [i]Still[/i] here.", "tab", "3", "tab", *"calm")
        await pilot.pause()

    assert snap_compare(journal(), terminal_size=(80, 24), run_before=write)


def test_a_long_entry_scrolls(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        text = "\n\n".join(
            f"Paragraph {n}: waiting is work too, and writing it down helps. " * 3
            for n in range(1, 40)
        )
        repo.journal.add(new_entry(text, clock.now() - timedelta(hours=2), mood=3))
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["j", "enter", "pagedown"])


def test_a_debrief_step_light_theme(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    debrief_at(db_path, clock, "next_steps")

    async def open_it(pilot: Pilot[None]) -> None:
        pilot.app.open_target("debrief:1")  # type: ignore[attr-defined]
        await pilot.pause()

    app = build_app(theme="companion-dawn")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_it)
