"""Snapshots of the question asked at quit when the latest changes could not be saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.app import make_app
from tests.torture.disk import FlakyDisk


@pytest.mark.parametrize("theme", ["companion-dusk", "companion-dawn"])
def test_quit_guard(
    snap_compare: Any,
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    theme: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path, so the message is the same on every machine
    db_path = Path("companion.json")
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, theme=theme)
    app = make_app(db_path, clock, cursor_blink=False)
    disk = FlakyDisk(monkeypatch)

    async def quit_on_a_full_disk(pilot: Any) -> None:
        disk.fill()
        app.repo.settings.update(weekly_goal=7)
        await pilot.press("q")
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=quit_on_a_full_disk)
    finally:
        disk.free()
        app.close_repository()
