"""Full disk: a failed write keeps the old file, the app says so, keeps the change and retries.

The store's atomic write is made to fail with ENOSPC or EIO (tests/torture/disk.py).
Quitting while a save is failing asks what to do (the quit guard), so that a
clean exit after space returns loses nothing.
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.app import CompanionApp, make_app
from companion.tui.dialogs import QuitGuardScreen, WeeklyGoalScreen
from companion.tui.launch import finish
from companion.tui.screens.home import HomeScreen
from tests.conftest import AppFactory
from tests.torture.disk import FlakyDisk
from tests.torture.pilot_helpers import notices, wait_until

pytestmark = pytest.mark.slow


def _goal_on_disk(db_path: Path, clock: FrozenClock) -> int:
    with Repository.open(db_path, clock, access="read") as repo:
        return repo.settings.get().weekly_goal


async def _set_goal(pilot: object, app: CompanionApp, goal: str) -> None:
    app.action_weekly_goal()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, WeeklyGoalScreen)
    await pilot.press("backspace", "backspace", *goal, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO])
async def test_the_writer_says_it_could_not_save_and_then_that_all_is_saved(
    build_app: AppFactory,
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
) -> None:
    app = build_app(weekly_goal=5)
    before = db_path.read_bytes()
    disk = FlakyDisk(monkeypatch, error)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        disk.fill()
        await _set_goal(pilot, app, "9")
        assert await wait_until(pilot, lambda: any("Not saved yet" in n for n in notices(app)))
        shown = " ".join(notices(app))
        assert str(db_path) in shown
        assert "kept in memory" in shown
        assert db_path.read_bytes() == before
        assert app.repo.settings.get().weekly_goal == 9  # the change is still here
        disk.free()
        assert await wait_until(
            pilot, lambda: any("Everything is saved again" in n for n in notices(app))
        )
        assert _goal_on_disk(db_path, clock) == 9


async def test_quitting_on_a_full_disk_asks_and_loses_nothing_once_space_returns(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(weekly_goal=5)
    before = db_path.read_bytes()
    disk = FlakyDisk(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        disk.fill()
        await _set_goal(pilot, app, "12")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitGuardScreen)
        problem = str(app.screen.query_one("#guard-problem", Static).render())
        assert "could not save your latest changes" in problem
        assert "No space left on device" in problem
        assert "still here" in problem
        buttons = " ".join(str(b.label) for b in app.screen.query("Button"))
        assert buttons == "Keep the app open Quit without saving Try again"
        await pilot.press("q")  # asking again does not stack a second question
        await pilot.pause()
        assert len(app.screen_stack) == 2

        await pilot.press("r")  # still full
        await pilot.pause()
        assert isinstance(app.screen, QuitGuardScreen)
        assert "Still not saved" in str(app.screen.query_one("#guard-problem", Static).render())
        assert db_path.read_bytes() == before

        disk.free()
        await pilot.press("r")
        await pilot.pause()
    assert app.return_code == 0
    assert app.exit_problem is None
    assert _goal_on_disk(db_path, clock) == 12
    Repository.open(db_path, clock).close()  # the lock was let go


async def test_keeping_the_app_open_keeps_the_change_for_later(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(weekly_goal=5)
    disk = FlakyDisk(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        disk.fill()
        await _set_goal(pilot, app, "7")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitGuardScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "0 of 7" in str(app.screen.query_one("#applied").render())
        disk.free()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert _goal_on_disk(db_path, clock) == 7


async def test_quitting_without_saving_leaves_the_file_as_it_was_and_says_so(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(weekly_goal=5)
    before = db_path.read_bytes()
    disk = FlakyDisk(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        disk.fill()
        await _set_goal(pilot, app, "3")
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    disk.free()
    assert app.exit_problem is not None
    assert "quit without saving" in app.exit_problem
    assert str(db_path) in app.exit_problem
    assert db_path.read_bytes() == before
    Repository.open(db_path, clock).close()  # the lock was let go


def test_after_the_app_has_gone_the_terminal_offers_to_try_again(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A way out that skipped the quit guard (an error in the app) still loses nothing."""
    app = build_app(weekly_goal=5)
    disk = FlakyDisk(monkeypatch)
    disk.fill()
    app.repo.settings.update(weekly_goal=21)
    asked: list[str] = []

    def space_returns(problem: str) -> bool:
        asked.append(problem)
        disk.free()
        return True

    finish(app, ask=space_returns)
    assert len(asked) == 1
    assert "No space left on device" in asked[0]
    assert app.exit_problem is None
    assert _goal_on_disk(db_path, clock) == 21


def test_declining_to_try_again_reports_and_keeps_the_old_file(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(weekly_goal=5)
    before = db_path.read_bytes()
    disk = FlakyDisk(monkeypatch, errno.EIO)
    disk.fill()
    app.repo.settings.update(weekly_goal=21)
    finish(app, ask=lambda problem: False)
    assert app.exit_problem is not None
    assert "Input/output error" in app.exit_problem
    assert "intact" in app.exit_problem
    assert db_path.read_bytes() == before
    disk.free()
    app.repo.db.discard()


async def test_a_save_report_never_waits_for_the_screen(build_app: AppFactory) -> None:
    """At quit the UI thread waits for the writer thread: a report that waited for the
    UI in return would hang the app for good."""
    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        listener = app.repo.db.save_listener
        assert listener is not None
        reporter = threading.Thread(target=listener, args=("could not save (test)",))
        reporter.start()
        reporter.join(timeout=5)  # the event loop is blocked here, as in close()
        waited = reporter.is_alive()
        assert await wait_until(
            pilot, lambda: any("could not save (test)" in n for n in notices(app))
        )
        reporter.join()
    assert not waited


async def test_notices_show_a_path_with_brackets_as_it_is(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder may be called anything; a notice must not read it as markup (nor crash on it)."""
    db_path = tmp_path / "[bold]jobs[/] [/]" / "companion.json"
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    app = make_app(db_path, clock, cursor_blink=False)
    disk = FlakyDisk(monkeypatch)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        disk.fill()
        await _set_goal(pilot, app, "4")
        assert await wait_until(pilot, lambda: any("Not saved yet" in n for n in notices(app)))
        assert any("[bold]jobs[/] [/]" in n for n in notices(app))
        disk.free()
        await pilot.press("q")
        await pilot.pause()
    assert _goal_on_disk(db_path, clock) == 4
