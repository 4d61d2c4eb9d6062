"""Snapshots of the waiting room, an interview, the add form with an error, the move-on ritual."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from companion.clock import FrozenClock
from tests.conftest import AppFactory
from tests.seed_interviews import seed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@pytest.fixture
def seeded(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> AppFactory:
    seed(db_path, clock)
    return build_app


@pytest.mark.parametrize("size", SIZES)
def test_waiting_room_every_phase(
    snap_compare: Any, seeded: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(seeded(), terminal_size=size, press=["w"])


def test_waiting_room_with_closed_ones_light_theme(snap_compare: Any, seeded: AppFactory) -> None:
    app = seeded(theme="companion-dawn")
    assert snap_compare(app, terminal_size=(80, 24), press=["w", "c"])


def test_waiting_room_empty(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["w"])


@pytest.mark.parametrize("size", SIZES)
def test_interview_detail(snap_compare: Any, seeded: AppFactory, size: tuple[int, int]) -> None:
    # the first row is Globex (check-in since Mon 23 Feb); the thank-you one is Acme
    assert snap_compare(seeded(), terminal_size=size, press=["w", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_interview_detail_on_the_day(
    snap_compare: Any, seeded: AppFactory, size: tuple[int, int]
) -> None:
    async def open_acme(pilot: Pilot[None]) -> None:
        await pilot.press("w")
        await pilot.pause()
        screen = pilot.app.screen
        ids = [row.interview.company for row in screen.rows]  # type: ignore[attr-defined]
        for _ in range(ids.index("Acme")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(seeded(), terminal_size=size, run_before=open_acme)


@pytest.mark.parametrize("size", SIZES)
def test_add_form_with_an_error(
    snap_compare: Any, seeded: AppFactory, size: tuple[int, int]
) -> None:
    async def bad_date(pilot: Pilot[None]) -> None:
        await pilot.press("w", "n")
        await pilot.pause()
        await pilot.press(
            *"Acme", "tab", *"Engineer", "tab", "tab", "ctrl+u", *"3rd March", "enter"
        )
        await pilot.pause()

    assert snap_compare(seeded(), terminal_size=size, run_before=bad_date)


@pytest.mark.parametrize("size", SIZES)
def test_move_on_ritual(snap_compare: Any, seeded: AppFactory, size: tuple[int, int]) -> None:
    async def ritual(pilot: Pilot[None]) -> None:
        await pilot.press("w")
        await pilot.pause()
        screen = pilot.app.screen
        ids = [row.interview.company for row in screen.rows]  # type: ignore[attr-defined]
        for _ in range(ids.index("Umbrella")):
            await pilot.press("down")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Ask when they decide.")
        await pilot.pause()

    assert snap_compare(seeded(), terminal_size=size, run_before=ritual)
