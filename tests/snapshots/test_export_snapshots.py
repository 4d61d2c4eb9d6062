"""Snapshots of the export dialog: as it opens, once written, and with an error (80x24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.tui.widgets import TextField
from tests.conftest import AppFactory
from tests.export_data import fill


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder that is also the current one, so the default path reads the same anywhere."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.chdir(folder)
    return folder


async def _open(pilot: Any) -> None:
    pilot.app.open_target("export")
    await pilot.pause()


def test_export_dialog(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    """In the dark theme; the others are in the light one (the fixture's choice)."""
    fill(db_path, clock)
    app = build_app(theme="companion-dusk")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open)


def test_export_dialog_after_writing_the_calendar(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)

    async def export_calendar(pilot: Any) -> None:
        await _open(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=export_calendar)


def test_export_dialog_with_a_missing_folder(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)

    async def missing_folder(pilot: Any) -> None:
        await _open(pilot)
        field = pilot.app.screen.query_one("#path", TextField)
        field.value = "~/exports/companion.json"
        field.focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=missing_folder)
