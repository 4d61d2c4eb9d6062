"""Full disk: a failed write keeps the old file, the app says so, keeps the change and retries.

The store's atomic write is made to fail with ENOSPC or EIO (tests/torture/disk.py).
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.app import CompanionApp, make_app
from companion.tui.screens.welcome import WeeklyGoalScreen
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
