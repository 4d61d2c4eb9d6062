"""Every text field in the app shows markup-like and control-character input literally.

TEXT_FIELDS lists each field and how to reach it; a test fails when a place in
the app has an Input that is not listed, so new forms are covered as they land.
The helper itself (tests/torture/literal_input.py) is checked first, on a tiny
app that shows typed text correctly and one that reads it as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from companion.tui.app import CompanionApp
from companion.tui.dialogs import (
    ApplicationForm,
    InterviewForm,
    QuestionForm,
    StoryForm,
    WeeklyGoalScreen,
    WelcomeScreen,
    log_application,
)
from companion.tui.navigation import DESTINATIONS
from companion.tui.screens.bank import BankScreen
from companion.tui.screens.journal import JournalScreen
from companion.tui.screens.pacer import PacerScreen
from companion.tui.screens.settings import SettingsScreen
from companion.tui.screens.stories import StoriesScreen
from companion.tui.widgets import TextField
from tests.conftest import AppFactory
from tests.torture.literal_input import (
    TRICKY,
    assert_no_control_characters,
    assert_on_screen,
    type_into,
)

pytestmark = pytest.mark.slow


class Echo(App[None]):
    """An Input and a line that shows what was submitted: literally, or (wrongly) as markup."""

    def __init__(self, literal: bool) -> None:
        super().__init__()
        self.literal = literal

    def compose(self) -> ComposeResult:
        yield TextField(id="field")
        yield Static(id="echo")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        shown = Content(event.value) if self.literal else event.value
        self.query_one("#echo", Static).update(shown)


async def test_the_helper_passes_text_shown_literally() -> None:
    app = Echo(literal=True)
    async with app.run_test(size=(100, 10)) as pilot:
        for text in TRICKY:
            value = await type_into(pilot, "#field", text)
            assert value, text
            assert_on_screen(app, value)
            await pilot.press("enter")
            await pilot.pause()
            app.query_one("#field", Input).clear()
            await pilot.pause()
            assert_on_screen(app, value)  # in the echo line, not the field
            assert_no_control_characters(app)


@pytest.mark.parametrize("text", ["[bold]loud[/bold]", "[b]5[/b] and [i]6", "$primary [red]x"])
async def test_the_helper_catches_text_read_as_markup(text: str) -> None:
    app = Echo(literal=False)
    async with app.run_test(size=(100, 10)) as pilot:
        value = await type_into(pilot, "#field", "x")  # move the echo off the field's own row
        await pilot.press("enter")
        value = await type_into(pilot, "#field", text)
        await pilot.press("enter")
        await pilot.pause()
        app.query_one("#field", Input).clear()
        await pilot.pause()
        with pytest.raises(AssertionError):
            assert_on_screen(app, value)


@dataclass(frozen=True)
class FieldCase:
    name: str
    screen: type
    selector: str
    welcomed: bool = True
    open: Callable[[CompanionApp], object] | None = None
    gone_after_enter: bool = False  # Enter moves on (the pacer's line): open it again


def _log_interview(app: CompanionApp) -> None:
    app.action_go("waiting")
    app.call_later(app.screen.run_action, "new")


def _new_question(app: CompanionApp) -> None:
    app.action_go("bank")
    app.call_later(app.screen.run_action, "new_question")


def _new_story(app: CompanionApp) -> None:
    app.action_go("bank")
    app.push_screen(StoriesScreen())
    app.call_later(lambda: app.screen.run_action("new_story"))


def _breathe(app: CompanionApp) -> None:
    if isinstance(app.screen, PacerScreen):
        app.pop_screen()
    app.open_target("breathe")


TEXT_FIELDS = (
    FieldCase("weekly goal, first run", WelcomeScreen, "#goal", welcomed=False),
    FieldCase("bank search", BankScreen, "#search", open=lambda app: app.action_go("bank")),
    FieldCase(
        "journal search", JournalScreen, "#search", open=lambda app: app.action_go("journal")
    ),
    FieldCase(
        "settings, weekly goal",
        SettingsScreen,
        "#weekly-goal",
        open=lambda app: app.action_go("settings"),
    ),
    FieldCase(
        "settings, check-in time",
        SettingsScreen,
        "#checkin-time",
        open=lambda app: app.action_go("settings"),
    ),
    FieldCase(
        "settings, your name",
        SettingsScreen,
        "#your-name",
        open=lambda app: app.action_go("settings"),
    ),
    FieldCase(
        "settings, retention",
        SettingsScreen,
        "#retention",
        open=lambda app: app.action_go("settings"),
    ),
    *(
        FieldCase(
            f"settings, {name}",
            SettingsScreen,
            f"#{name}",
            open=lambda app: app.action_go("settings"),
        )
        for name in ("daily-limit", "rest-days", "day-starts")
    ),
    FieldCase(
        "settings, calendar",
        SettingsScreen,
        "#calendar",
        open=lambda app: app.action_go("settings"),
    ),
    FieldCase(
        "settings, holidays of",
        SettingsScreen,
        "#country",
        open=lambda app: app.action_go("settings"),
    ),
    FieldCase("interview form, company", InterviewForm, "#company", open=_log_interview),
    FieldCase("interview form, held on", InterviewForm, "#held-on", open=_log_interview),
    FieldCase("interview form, talked about", InterviewForm, "#talked-about", open=_log_interview),
    FieldCase("question form, text", QuestionForm, "#text", open=_new_question),
    FieldCase("question form, tags", QuestionForm, "#tags", open=_new_question),
    FieldCase("interview form, tags", InterviewForm, "#interview-tags", open=_log_interview),
    FieldCase("story form, title", StoryForm, "#title", open=_new_story),
    FieldCase("story form, tags", StoryForm, "#tags", open=_new_story),
    FieldCase("application form, company", ApplicationForm, "#company", open=log_application),
    FieldCase(
        "breathing, what is on your mind",
        PacerScreen,
        "#thought",
        open=_breathe,
        gone_after_enter=True,
    ),
    FieldCase(
        "weekly goal, from the palette",
        WeeklyGoalScreen,
        "#goal",
        open=lambda app: app.action_weekly_goal(),
    ),
)


async def test_every_input_in_every_place_is_listed(build_app: AppFactory) -> None:
    listed = {(field.screen, field.selector) for field in TEXT_FIELDS}
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for destination in DESTINATIONS:
            app.action_go(destination.mode)
            await pilot.pause()
            for field in app.screen.query(Input):
                assert (type(app.screen), f"#{field.id}") in listed, (
                    f"add {type(app.screen).__name__} #{field.id} to TEXT_FIELDS"
                )


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f.name)
async def test_each_text_field_shows_tricky_input_literally(
    build_app: AppFactory, field: FieldCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a field that names a file (the calendar) saves it here
    app = build_app(welcomed=field.welcomed)
    async with app.run_test(size=(100, 30)) as pilot:
        if field.open:
            field.open(app)
            await pilot.pause()
        assert isinstance(app.screen, field.screen)
        for text in (*TRICKY, "[b]12[/b]", "4\x1b[2J2"):
            value = await type_into(pilot, field.selector, text)
            width = app.screen.query_one(field.selector, Input).content_size.width
            assert_on_screen(app, value, width)
            assert_no_control_characters(app)
            await pilot.press("enter")  # submit: an error or a save, shown literally
            await pilot.pause()
            assert_no_control_characters(app)
            if field.gone_after_enter or not isinstance(app.screen, field.screen):
                # saved and closed (or moved on): open it again
                if field.open is None:
                    break
                field.open(app)
                await pilot.pause()
