"""The terminal's habits in the app: keymap.toml, COMPANION_THEME, F1, ANSI themes, and the
calendar kept current from the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import Select

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.store.repository import Repository
from companion.tui.dialogs import HelpScreen
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.settings import SettingsScreen
from companion.tui.screens.waiting import WaitingScreen
from companion.tui.widgets import TextField
from companion.tui.widgets.nav_bar import NavBar
from tests.conftest import AppFactory
from tests.torture.pilot_helpers import notices, wait_until


@pytest.fixture
def keymap_file(tmp_path: Path) -> Path:
    """keymap.toml where companion looks for it: the config folder (XDG_CONFIG_HOME)."""
    folder = tmp_path / "xdg-config" / "companion"
    folder.mkdir(parents=True)
    return folder / "keymap.toml"


async def test_the_keymap_file_moves_the_app_keys(build_app: AppFactory, keymap_file: Path) -> None:
    keymap_file.write_text('# my keys\nwaiting = "f3"\nhome = "f2,g"\n\nhelp = "f9"\n')
    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert notices(app) == []
        await pilot.press("f3")
        assert isinstance(app.screen, WaitingScreen)
        await pilot.press("g")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w")  # its old key is free again
        assert isinstance(app.screen, HomeScreen)
        bar = str(app.screen.query_one(NavBar).render())
        assert " f2 Home " in bar
        assert " f3 Waiting " in bar
        await pilot.press("f9")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "f3          Waiting room" in shown
        await pilot.press("f9")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")  # moved away from ?: no help there
        assert isinstance(app.screen, HomeScreen)


async def test_a_bad_keymap_line_is_refused_with_file_and_line_and_the_rest_applies(
    build_app: AppFactory, keymap_file: Path
) -> None:
    keymap_file.write_text(
        'waiting = "f3"\n'  # 1: fine
        'hme = "f2"\n'  # 2: no such binding
        'practice = "ctrl+"\n'  # 3: not a key
        "journal = f4\n"  # 4: not TOML
        'bank = "p"\n'  # 5: p is practice's key
        'settings = "f6"\n'  # 6: fine
    )
    app = build_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        assert await wait_until(pilot, lambda: bool(notices(app)))
        shown = " ".join(notices(app)).replace("\n", " ")
        for line in (2, 3, 4, 5):
            assert f"{keymap_file}, line {line}:" in shown
        for line in (1, 6):
            assert f"line {line}:" not in shown
        assert "there is no binding 'hme'" in shown
        assert "'ctrl+' is not a key" in shown
        assert "already the key for 'practice'" in shown
        await pilot.press("f3")
        assert isinstance(app.screen, WaitingScreen)
        await pilot.press("f6")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape", "p")
        assert app.current_mode == "practice"


async def test_a_keymap_named_by_the_environment_is_used(
    build_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "keys.toml"
    elsewhere.write_text('waiting = "f7"\n')
    monkeypatch.setenv("COMPANION_KEYMAP", str(elsewhere))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        assert isinstance(app.screen, WaitingScreen)


async def test_f1_opens_and_closes_the_help_beside_question_mark(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w", "f1")  # a page with its own help key
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, WaitingScreen)
        await pilot.press("s", "tab")  # a text field has the focus: ? is typed there, F1 is help
        assert isinstance(app.focused, TextField)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_the_theme_from_the_environment_is_used_and_not_saved(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_THEME", "ansi-dark")
    app = build_app(theme="companion-dawn")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().theme == "companion-dawn"


async def test_a_theme_the_app_does_not_know_is_named_and_the_saved_one_kept(
    build_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_THEME", "neon")
    app = build_app(theme="companion-dawn")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert await wait_until(pilot, lambda: bool(notices(app)))
        assert "COMPANION_THEME: 'neon' is not a theme" in " ".join(notices(app))
        assert app.theme == "companion-dawn"


async def test_settings_offers_the_terminals_own_colours(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        select = app.screen.query_one("#theme", Select)
        offered = [value for _, value in select._options]
        assert offered == ["companion-dusk", "companion-dawn", "ansi-dark", "ansi-light"]
        select.value = "ansi-light"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.theme == "ansi-light"
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().theme == "ansi-light"


def _uids(path: Path) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


async def test_the_calendar_set_in_the_app_follows_every_change_in_the_app(
    build_app: AppFactory, tmp_path: Path, clock: FrozenClock
) -> None:
    ics = tmp_path / "kind.ics"
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        app.screen.query_one("#calendar", TextField).value = str(ics)
        await pilot.press("ctrl+s")
        assert await wait_until(pilot, ics.exists)
        assert _uids(ics) == set()
        app.repo.interviews.add(Interview(company="Acme", role="Dev", held_on=clock.today()))
        assert await wait_until(pilot, lambda: "interview-1-follow-up@companion" in _uids(ics))


async def test_a_calendar_path_the_app_cannot_use_is_refused_in_place(
    build_app: AppFactory, tmp_path: Path, db_path: Path, clock: FrozenClock
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        app.screen.query_one("#calendar", TextField).value = str(notes)
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#calendar-error").render())
        assert "is not a calendar" in error
    assert notes.read_text() == "mine\n"
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().calendar_path is None


async def test_the_app_brings_the_calendar_up_to_today_when_it_starts(
    build_app: AppFactory, tmp_path: Path, db_path: Path, clock: FrozenClock
) -> None:
    ics = tmp_path / "kind.ics"
    with Repository.open(db_path, clock) as repo:
        repo.db.after_main_saved.clear()  # saved the way a day-old calendar was: not since
        repo.interviews.add(Interview(company="Acme", role="Dev", held_on=clock.today()))
        repo.settings.update(calendar_path=str(ics))
    assert not ics.exists()
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(pilot, ics.exists)
        assert "interview-1-thank-you@companion" in _uids(ics)
