"""The app shell: first run, help, palette, quitting, read-only, theme."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.dialogs import HelpScreen, WelcomeScreen
from companion.tui.screens.home import HomeScreen
from tests.conftest import AppFactory


def _text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def test_first_run_greets_and_sets_the_weekly_goal(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("backspace", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "0 of 3" in str(app.screen.query_one("#applied").render())
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert settings.weekly_goal == 3
    assert settings.welcomed


async def test_a_goal_out_of_range_is_refused_in_place(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("backspace", "6", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        error = _text(app, "#goal-error")
        assert "'60' is not a goal" in error
        assert "0 to 50" in error
    with Repository.open(db_path, clock, access="read") as repo:
        assert not repo.settings.get().welcomed
        assert repo.settings.get().weekly_goal == 5


async def test_skip_for_now_means_no_goal_until_one_is_set(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#applied").display
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().welcomed
        assert repo.settings.get().weekly_goal == 0


async def test_home_shows_the_calm_empty_state(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, HomeScreen)
        assert _text(app, "#message") == "Nothing needs you today."
        assert _text(app, "#today") == "Good morning. Tue 3 Mar."
        assert _text(app, "#suggestion")


async def test_help_lists_every_key_and_closes(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        for expected in ("Home", "command palette", "ctrl+p", "quit", "this help"):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_offers_the_apps_own_commands(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Go to Home" in titles
        assert "Help" in titles
        assert "Set weekly applying goal" in titles


async def test_q_quits_and_lets_go_of_the_database(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    Repository.open(db_path, clock).close()  # the lock is free again


async def test_a_second_app_opens_read_only_and_says_so(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as first:
        first.settings.update(welcomed=True)
        first.flush()
        app = build_app(welcomed=False)
        async with app.run_test(size=(80, 24)):
            assert app.repo.read_only
            assert isinstance(app.screen, HomeScreen)  # no welcome: it could not be saved
            assert "Read-only" in _text(app, "#read-only")
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Set weekly applying goal" not in titles


async def test_the_theme_is_remembered(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app(theme="companion-dawn")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "companion-dawn"
        app.theme = "companion-dusk"
        await pilot.pause()
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().theme == "companion-dusk"
