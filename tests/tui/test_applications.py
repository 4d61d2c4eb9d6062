"""The applications screen: the list, editing, status, deleting with a check."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.dialogs import (
    ApplicationForm,
    Confirm,
    StatusDialog,
)
from companion.tui.screens.applications import ApplicationsScreen
from tests.conftest import AppFactory
from tests.home_data import seed


def _text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector).render())  # type: ignore[attr-defined]


def _companies(app: object) -> list[str]:
    table = app.screen.query_one(DataTable)  # type: ignore[attr-defined]
    return [str(table.get_row_at(n)[1]) for n in range(table.row_count)]


async def test_an_empty_list_says_how_to_begin(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        assert not app.screen.query_one(DataTable).display
        assert "Press n to log one" in _text(app, "#applications-empty")
        assert app.screen.check_action("delete", ()) is False
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press(*"Acme", "tab", *"Designer", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        assert _companies(app) == ["Acme"]
        assert "1 of 5" in _text(app, "#applications-week")


async def test_edit_status_and_delete(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, urges=())
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert _companies(app) == ["Globex", "Acme", "Soylent"]  # the most recent first
        assert "Product designer at Acme" not in _text(app, "#application-detail")
        await pilot.press("down", "down")
        await pilot.pause()
        detail = _text(app, "#application-detail")
        assert "Design lead at Soylent" in detail
        assert "marked heard back Fri 20 Feb" in detail
        assert "Spoke with [bold]Dana[/], the hiring manager." in detail  # shown as typed
        await pilot.press("up", "e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press("tab", *"Lead designer", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        assert "Lead designer at Acme" in _text(app, "#application-detail")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        await pilot.press("down", "down", "enter")  # applied -> heard back -> interviewing
        await pilot.pause()
        assert "marked interviewing Tue 3 Mar" in _text(app, "#application-detail")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # the focus is on "Keep it"
        await pilot.pause()
        assert _companies(app) == ["Globex", "Acme", "Soylent"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert _companies(app) == ["Globex", "Soylent"]
        assert "1 of 5" in _text(app, "#applications-week")
    with Repository.open(db_path, clock, access="read") as repo:
        assert [a.company for a in repo.applications.all()] == ["Globex", "Soylent"]
