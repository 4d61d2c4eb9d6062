"""The export dialog: from the palette, a format and a file, where it went, and errors inline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import orjson
import pytest
from icalendar import Calendar
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Button, RadioButton

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
from companion.tui.dialogs.export import ExportScreen, FormatChoice
from companion.tui.screens.home import HomeScreen
from companion.tui.widgets import TextField
from tests.conftest import AppFactory
from tests.export_data import fill


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's home, which is also the current folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.chdir(folder)
    return folder


def _text(app: CompanionApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    return str(widget.render()) if widget.display else ""


def _path_field(app: CompanionApp) -> TextField:
    return app.screen.query_one("#path", TextField)


async def _open(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Export")
    results = pilot.app.screen.query_one(CommandList)
    for _ in range(50):  # the palette searches in a worker
        if results.option_count:
            break
        await pilot.pause(0.05)
    assert "Export..." in str(results.get_option_at_index(0).prompt)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportScreen)


async def _type_path(pilot: Pilot[None], path: str) -> None:
    field = _path_field(pilot.app)  # type: ignore[arg-type]
    field.focus()
    field.value = ""
    await pilot.press(*path)


async def test_the_palette_opens_it_with_a_new_file_in_the_current_folder(
    build_app: AppFactory, home: Path, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    (home / "companion-export-2026-03-03.json").write_text("mine")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        assert _path_field(app).value == "~/companion-export-2026-03-03-2.json"
        assert app.screen.query_one(FormatChoice).has_focus
        await pilot.press("enter")
        await pilot.pause()
        written = home / "companion-export-2026-03-03-2.json"
        assert orjson.loads(written.read_bytes())["format"] == "companion-export"
        assert (home / "companion-export-2026-03-03.json").read_text() == "mine"
        assert "~/companion-export-2026-03-03-2.json" in _text(app, "#written")
        assert str(app.screen.query_one("#cancel", Button).label) == "Close"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_arrows_choose_the_format_and_the_default_name_follows(
    build_app: AppFactory, home: Path, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert _path_field(app).value == "~/companion-notes-2026-03-03.md"
        assert "questions and answers" in _text(app, "#format-about")
        await pilot.press("down")
        await pilot.pause()
        assert _path_field(app).value == "~/companion-calendar-2026-03-03.ics"
        assert [b.value for b in app.screen.query(RadioButton)] == [False, False, True, False]
        await pilot.press("enter")
        await pilot.pause()
        calendar = Calendar.from_ical((home / "companion-calendar-2026-03-03.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == 6  # five kind dates and the inbox check
        assert "The kind dates are in ~/companion-calendar" in _text(app, "#written")


async def test_the_questions_go_to_anki_from_the_dialog_too(
    build_app: AppFactory, home: Path, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert _path_field(app).value == "~/companion-questions-2026-03-03.apkg"
        await pilot.press("enter")
        await pilot.pause()
        with zipfile.ZipFile(home / "companion-questions-2026-03-03.apkg") as package:
            assert "collection.anki2" in package.namelist()
        assert "Your questions are in ~/companion-questions" in _text(app, "#written")


async def test_a_typed_name_is_kept_when_the_format_changes(
    build_app: AppFactory, home: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await _type_path(pilot, "notes/mine.md")
        app.screen.query_one(FormatChoice).focus()
        await pilot.press("down")
        await pilot.pause()
        assert _path_field(app).value == "notes/mine.md"


async def test_errors_are_inline_and_nothing_is_written(build_app: AppFactory, home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await _type_path(pilot, "missing/x.json")
        await pilot.press("enter")
        await pilot.pause()
        assert "The folder ~/missing does not exist" in _text(app, "#path-error")
        assert "does not exist" in _text(app, "#path-error")
        assert _text(app, "#written") == ""
        await _type_path(pilot, "")
        await pilot.press("enter")
        await pilot.pause()
        assert "Name a file" in _text(app, "#path-error")
        (home / "sub").mkdir()
        await _type_path(pilot, "sub")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is a folder" in _text(app, "#path-error")
        assert isinstance(app.screen, ExportScreen)
    assert sorted(p.name for p in home.rglob("*")) == ["sub"]


async def test_an_existing_file_is_replaced_only_when_asked_twice(
    build_app: AppFactory, home: Path, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    mine = home / "mine.json"
    mine.write_text("mine")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await _type_path(pilot, "~/mine.json")
        await pilot.press("enter")
        await pilot.pause()
        assert "already there. Press Export again to replace it" in _text(app, "#path-error")
        assert mine.read_text() == "mine"
        await pilot.press("x", "backspace")  # an edit asks again
        await pilot.press("enter")
        await pilot.pause()
        assert mine.read_text() == "mine"
        await pilot.click("#save")
        await pilot.pause()
        assert orjson.loads(mine.read_bytes())["format"] == "companion-export"
        assert "Everything is in ~/mine.json" in _text(app, "#written")
        assert _text(app, "#path-error") == ""


async def test_a_read_only_companion_can_export(
    build_app: AppFactory, home: Path, db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    with Repository.open(db_path, clock):  # another companion holds the lock
        app = build_app(welcomed=False)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.repo.read_only
            app.open_target("export")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert (home / "companion-export-2026-03-03.json").exists()
