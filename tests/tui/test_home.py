"""The calm home: acting on the summary, logging an application, the urge to check."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from companion.clock import FrozenClock
from companion.domain.summary import Action
from companion.store.repository import Repository
from companion.tui.app import make_app
from companion.tui.dialogs import ApplicationForm
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.pacer import PacerScreen
from companion.tui.screens.settings import SettingsScreen
from companion.tui.widgets import BreathingBox, GentleBar
from tests.conftest import AppFactory
from tests.home_data import FOLLOW_UP, THANK_YOU, inject_actions, seed


def _text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector).render())  # type: ignore[attr-defined]


async def test_the_urge_is_noted_then_breathed_through_then_answered(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    app = build_app(checkin_time=time(17, 0))
    app.animation_level = "full"  # the moving pacer (the tests' default is the still one)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        pacer = app.screen
        assert isinstance(pacer, PacerScreen)
        assert app.repo.urges.recent_days(clock.today(), 14) == [clock.today()]
        parking = _text(app, "#parking")
        assert parking.startswith("Noted. Your inbox check is at 17:00. Park the thought")
        assert pacer.stage == "mind"
        await pilot.press("enter")  # nothing on my mind: breathe
        await pilot.pause()
        assert _text(app, "#words") == "Breathe in"
        assert pacer.query_one(BreathingBox).fill == 0.25
        clock.advance(timedelta(seconds=5))
        pacer.tick()
        await pilot.pause()
        assert _text(app, "#words") == "Hold"
        assert pacer.query_one(BreathingBox).fill == 1.0
        clock.advance(timedelta(seconds=5))
        pacer.tick()
        await pilot.pause()
        assert _text(app, "#words") == "Breathe out"
        assert not pacer.finished
        clock.advance(timedelta(seconds=60))
        pacer.tick()
        await pilot.pause()
        assert pacer.finished
        assert not pacer.query_one("#breathing").display
        assert _text(app, "#after-message") == "Nothing needs you today."
        assert _text(app, "#trend") == "1 today, 1 in two weeks."
        await pilot.press("l")  # leave it until 17:00
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "1 today" in _text(app, "#urges")
        assert _text(app, "#checkin") == "Your inbox check is at 17:00."


async def test_the_pacer_can_be_left_at_once_and_the_urge_still_counts(
    build_app: AppFactory, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query_one("#urges").display  # no urges yet, no chart
        await pilot.press("i")
        await pilot.pause()
        assert "settings" in _text(app, "#parking")  # no check-in time yet
        await pilot.press("escape")  # from the line: home, nothing parked
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#urges").display
        await pilot.press("i", "enter", "r")  # breathing again is only offered at the end
        await pilot.pause()
        assert isinstance(app.screen, PacerScreen)
        assert not app.screen.finished
    assert len(app.repo.urges.recent_days(clock.today(), 14)) == 2


async def test_breathe_opens_the_app_on_the_pacer(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    app = make_app(db_path, clock, cursor_blink=False, start="breathe")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PacerScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    finally:
        app.close_repository()


async def test_an_application_is_logged_from_home(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press("enter")  # nothing typed yet
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert _text(app, "#company-error").startswith("Company: this is needed")
        assert app.repo.applications.all() == []
        await pilot.press(*"Acme [b]", "tab", *"Designer", "tab", *"yesterday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "1 of 5" in _text(app, "#applied")
    with Repository.open(db_path, clock, access="read") as repo:
        (saved,) = repo.applications.all()
    assert (saved.company, saved.role, saved.applied_on.isoformat()) == (
        "Acme [b]",
        "Designer",
        "2026-03-02",
    )


async def test_a_date_to_come_is_refused_in_the_form(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", *"Acme", "tab", *"Designer", "tab", *"+3d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert "Fri 6 Mar is still to come" in _text(app, "#applied-on-error")
        assert app.screen.focused is app.screen.query_one("#applied-on")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.repo.applications.all() == []


async def test_numbers_open_each_actions_target(
    build_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject_actions(
        monkeypatch, THANK_YOU, Action("feedback", "Ask for feedback", target="settings")
    )
    # set on Monday, behind an even pace on Tuesday: the apply action
    app = build_app(weekly_goal=14, goal_set_on=date(2026, 3, 2))
    async with app.run_test(size=(80, 24)) as pilot:
        actions = _text(app, "#actions")
        assert actions.startswith("1. Send a thank-you note")
        assert "2. Ask for feedback" in actions
        assert "3. Apply somewhere new today" in actions
        await pilot.press("1")  # there is no interview 1 in this database: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press("escape", "2")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.open_target("nowhere:7") is False
        assert app.open_target("home") is True
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_number_keys_are_offered_only_for_actions_there_are(
    build_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject_actions(monkeypatch, FOLLOW_UP)
    app = build_app()
    async with app.run_test(size=(80, 24)):
        bindings = app.screen.active_bindings
        assert "1" in bindings and bindings["1"].enabled
        assert app.screen.check_action("act", (2,)) is False


async def test_the_burnout_guard_shows_rest_on_home(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    with Repository.open(db_path, clock) as repo:
        seed(repo, clock, applied=("2026-03-02",) * 8 + ("2026-03-03",) * 8, urges=())
    app = build_app()
    async with app.run_test(size=(80, 24)):
        rest = _text(app, "#rest")
        assert "16 applications" in rest
        assert "more volume will help less than rest" in rest
        assert "16, past your goal of 5" in str(
            app.screen.query_one("#applied", GentleBar).render()
        )


async def test_settings_are_saved_when_every_field_is_accepted(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        # no field has the focus, so the place keys work here too
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("tab", "backspace", "8", "tab", *"17:30", "tab", *"85%")
        app.screen.query_one("#theme", Select).value = "companion-dawn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.theme == "companion-dawn"
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _text(app, "#checkin") == "Your inbox check is at 17:30."
        assert "0 of 8" in _text(app, "#applied")
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.weekly_goal, settings.checkin_time) == (8, time(17, 30))
    assert (settings.desired_retention, settings.theme) == (0.85, "companion-dawn")


async def test_a_rejected_field_saves_nothing(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "backspace", "9", "tab", *"25:00", "tab", *"0.5", "enter")
        await pilot.pause()
        assert "'25:00' is not a time" in _text(app, "#checkin-time-error")
        assert "out of range" in _text(app, "#retention-error")
        assert not app.screen.query_one("#weekly-goal-error").display
        assert app.screen.focused is app.screen.query_one("#checkin-time")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.weekly_goal, settings.checkin_time, settings.desired_retention) == (
        5,
        None,
        0.9,
    )


async def test_read_only_home_does_not_offer_to_log(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    with Repository.open(db_path, clock) as first:
        first.settings.update(welcomed=True)
        first.flush()
        app = build_app(welcomed=False)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.repo.read_only
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("i")  # breathing needs no saving
            await pilot.pause()
            assert isinstance(app.screen, PacerScreen)
            assert _text(app, "#parking").startswith("Nothing is lost by waiting")
            assert app.screen.stage == "breathing"  # nothing can be parked: no line


async def test_the_palette_offers_breathing_and_logging(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"I want to check my inbox", "Log an application", "Go to Applications"} <= set(
            commands
        )
        commands["Log an application"].callback()
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)


async def test_an_unknown_start_target_opens_home(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    app = make_app(db_path, clock, cursor_blink=False, start="nowhere:1")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    finally:
        app.close_repository()


async def test_a_thank_you_action_opens_its_draft(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    from companion.domain.interviews import Interview
    from companion.tui.screens.draft import DraftScreen

    with Repository.open(db_path, clock) as repo:
        saved, _ = repo.interviews.add(
            Interview(
                company="Acme", role="Engineer", held_on=clock.today(), interviewers=("Priya",)
            )
        )
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Priya" in _text(app, "#actions")
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert app.screen.interview_id == saved.id
        assert app.screen.made is not None
        assert app.screen.made.draft.body.startswith("Dear Priya,")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_home_points_quietly_at_what_the_actions_leave_out() -> None:
    from companion.domain.summary import Summary
    from companion.tui.screens.home import also_lines

    quiet = Summary("Nothing needs you today.", (), "A walk.", 0, 0, 5)
    assert also_lines(quiet) == []
    busy = Summary("One thing is worth doing today.", (), None, 4, 0, 5)
    assert also_lines(busy) == ["4 questions are ready to practise whenever you like: p."]
    practising = Summary(
        "One thing is worth doing today.", (Action("practice", "Practise 4"),), None, 4, 0, 5
    )
    assert also_lines(practising) == []
