"""Snapshots of the calm home, the pacer, applications and settings, at 80x24 and 120x36."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.demo import demo_database
from companion.store.repository import Repository
from companion.tui.app import make_app
from companion.tui.screens.pacer import PacerScreen
from tests.conftest import AppFactory
from tests.home_data import FOLLOW_UP, THANK_YOU, inject_actions, seed

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


def test_home_empty_large(snap_compare: Any, build_app: AppFactory) -> None:
    """The 80x24 empty home is in test_shell_snapshots."""
    assert snap_compare(build_app(), terminal_size=(120, 36))


@SIZES
def test_home_busy(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """Thursday: two thank-you and check-in actions from elsewhere, and one to apply."""
    clock.advance(timedelta(days=2))
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",))
    inject_actions(monkeypatch, FOLLOW_UP, THANK_YOU)
    assert snap_compare(build_app(), terminal_size=size)


@SIZES
def test_home_nothing_due(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    db_path: Path,
    size: tuple[int, int],
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",) * 3 + ("2026-03-03",) * 2)
    assert snap_compare(build_app(), terminal_size=size)


def test_home_light_theme_busy(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock.advance(timedelta(days=2))
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",))
    inject_actions(monkeypatch, FOLLOW_UP, THANK_YOU)
    assert snap_compare(build_app(theme="companion-dawn"), terminal_size=(80, 24))


@SIZES
def test_pacer_breathing(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    size: tuple[int, int],
) -> None:
    """Six seconds in: the box is fully open, holding."""

    async def six_seconds_in(pilot: Any) -> None:
        await pilot.press("i", "enter")
        await pilot.pause()
        clock.advance(timedelta(seconds=6))
        pilot.app.screen.tick()

    app = build_app(checkin_time=time(17, 0))
    app.animation_level = "full"  # the moving pacer
    assert snap_compare(app, terminal_size=size, run_before=six_seconds_in)


@SIZES
def test_pacer_after_the_minute(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    db_path: Path,
    size: tuple[int, int],
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",) * 5)

    async def a_minute_later(pilot: Any) -> None:
        await pilot.press("i", "enter")
        await pilot.pause()
        clock.advance(timedelta(seconds=65))
        screen = pilot.app.screen
        assert isinstance(screen, PacerScreen)
        screen.tick()

    assert snap_compare(build_app(), terminal_size=size, run_before=a_minute_later)


@SIZES
def test_applications_list(
    snap_compare: Any,
    build_app: AppFactory,
    clock: FrozenClock,
    db_path: Path,
    size: tuple[int, int],
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02", "2026-03-03", "2026-02-26"), urges=())
    assert snap_compare(build_app(), terminal_size=size, press=["a", "up"])


def test_application_form_with_an_error(snap_compare: Any, build_app: AppFactory) -> None:
    app = build_app()
    assert snap_compare(
        app, terminal_size=(80, 24), press=["n", *"Acme", "tab", "tab", *"next week", "enter"]
    )


@SIZES
def test_settings(snap_compare: Any, build_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(checkin_time=time(17, 0)), terminal_size=size, press=["s"])


def test_settings_with_errors(snap_compare: Any, build_app: AppFactory) -> None:
    press = ["s", "backspace", *"60", "tab", *"5pm", "enter"]
    assert snap_compare(build_app(), terminal_size=(80, 24), press=press)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_demo_home(snap_compare: Any, clock: FrozenClock, size: tuple[int, int]) -> None:
    with demo_database(clock) as path:
        assert snap_compare(make_app(path, clock, cursor_blink=False), terminal_size=size)
