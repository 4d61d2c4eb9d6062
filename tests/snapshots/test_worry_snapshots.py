"""Snapshots of worry time: the line for the thought, the choice after breathing, the still
pacer, the parked thoughts at the check-in slot, and the writing that helps; at 80x24."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.services import worries
from companion.store.repository import Repository
from companion.tui.app import make_app
from companion.tui.screens.interview import InterviewScreen
from companion.tui.screens.pacer import PacerScreen
from tests.conftest import AppFactory
from tests.home_data import seed

SIZE = (80, 24)
CHECKIN = time(17, 0)


def test_the_line_for_the_thought(snap_compare: Any, build_app: AppFactory) -> None:
    app = build_app(checkin_time=CHECKIN)
    assert snap_compare(app, terminal_size=SIZE, press=["i", *"Did Acme write back?"])


def test_the_choice_after_breathing(
    snap_compare: Any, build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",) * 5)

    async def a_minute_later(pilot: Any) -> None:
        await pilot.press("i", *"Did Acme write back?", "enter")
        await pilot.pause()
        clock.advance(timedelta(seconds=65))
        screen = pilot.app.screen
        assert isinstance(screen, PacerScreen)
        screen.tick()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=a_minute_later)


def test_the_still_pacer(snap_compare: Any, build_app: AppFactory, clock: FrozenClock) -> None:
    """Reduced motion: the box keeps one size, no counting dots; only the words change."""

    async def six_seconds_in(pilot: Any) -> None:
        await pilot.press("i", "enter")
        await pilot.pause()
        clock.advance(timedelta(seconds=6))
        pilot.app.screen.tick()

    app = build_app(checkin_time=CHECKIN, reduced_motion=True)
    app.animation_level = "full"  # still because of the setting alone
    assert snap_compare(app, terminal_size=SIZE, run_before=six_seconds_in)


def test_the_cyclic_sigh(snap_compare: Any, build_app: AppFactory, clock: FrozenClock) -> None:
    async def into_the_long_breath_out(pilot: Any) -> None:
        await pilot.press("i", "enter")
        await pilot.pause()
        clock.advance(timedelta(seconds=6))
        pilot.app.screen.tick()

    app = build_app(checkin_time=CHECKIN, breathing_pattern="sigh")
    app.animation_level = "full"
    assert snap_compare(app, terminal_size=SIZE, run_before=into_the_long_breath_out)


def parked_at_the_check_in(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, checkin_time=CHECKIN)
        repo.interviews.add(Interview("Acme", "Product designer", date(2026, 2, 27)))
        for _ in range(3):
            worries.park(repo, "Did Acme write back?")
            clock.advance(timedelta(minutes=45))
        worries.park(repo, "What if I said the wrong thing about [bold]salary[/]?")
    clock.advance(timedelta(hours=5, minutes=20))  # 17:05


def test_the_parked_thoughts_at_the_check_in(
    snap_compare: Any, db_path: Path, clock: FrozenClock
) -> None:
    parked_at_the_check_in(db_path, clock)
    app = make_app(db_path, clock, cursor_blink=False)
    try:
        assert snap_compare(app, terminal_size=SIZE)
    finally:
        app.close_repository()


def test_the_second_parked_thought_is_shown_literally(
    snap_compare: Any, db_path: Path, clock: FrozenClock
) -> None:
    parked_at_the_check_in(db_path, clock)
    app = make_app(db_path, clock, cursor_blink=False)
    try:
        assert snap_compare(app, terminal_size=SIZE, press=["l"])
    finally:
        app.close_repository()


def test_how_did_it_turn_out(snap_compare: Any, db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, checkin_time=CHECKIN)
        worries.answer(repo, worries.park(repo, "Will Umbrella call?"), "let_go")
    clock.advance(timedelta(days=7, hours=8))
    app = make_app(db_path, clock, cursor_blink=False)
    try:
        assert snap_compare(app, terminal_size=SIZE)
    finally:
        app.close_repository()


def test_kind_words_after_a_rejection(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        acme, _ = repo.interviews.add(Interview("Acme", "Product designer", date(2026, 2, 27)))

    async def rejected(pilot: Any) -> None:
        pilot.app.push_screen(InterviewScreen(acme.id or 0))
        await pilot.pause()
        await pilot.press("o", "down", "down", "down", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("y")  # the outcome's confirm
        await pilot.pause()
        await pilot.press(*"You prepared well and it was their loss.")

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=rejected)


def test_the_writing_programme(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, press=["j", "W", *"Where to begin."])
