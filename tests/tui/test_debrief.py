"""The guided debrief, driven with Pilot: a whole one from home, and leaving half way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Select, Static

from companion.clock import FrozenClock
from companion.domain.debrief import DONE, Debrief
from companion.domain.fit import FitReflection
from companion.domain.interviews import Interview, new_interview
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
from companion.tui.screens.debrief import DebriefScreen
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.interview import InterviewScreen
from companion.tui.widgets import TextBox, TextField
from tests.conftest import AppFactory

TODAY = date(2026, 3, 3)


def add_acme(db_path: Path, clock: FrozenClock, **changes: object) -> int:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        interview, _ = repo.interviews.add(
            new_interview(
                company="Acme",
                role="Platform engineer",
                held_on=TODAY,
                interviewers=["Ana Ruiz"],
                **changes,  # type: ignore[arg-type]
            )
        )
    return interview.id or 0


def text(app: CompanionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def where(app: CompanionApp) -> str:
    return text(app, "#debrief-where")


def stored(db_path: Path, clock: FrozenClock) -> tuple[Interview, Debrief | None]:
    with Repository.open(db_path, clock, access="read") as repo:
        interview = repo.interviews.require(1)
        return interview, repo.debriefs.get(1)


async def open_from_home(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app.screen, HomeScreen)
    actions = text(app, "#actions")  # type: ignore[arg-type]
    assert "2. While it is fresh, jot down how the Acme interview went" in actions
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, DebriefScreen)


async def test_a_whole_debrief_from_home(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot)
        assert where(app) == "Held Tue 3 Mar · step 1 of 7: How it went"
        assert app.screen.focused is app.screen.query_one("#went")
        await pilot.press(*"Warm, [bold]a bit[/] rushed", "enter", "4", "enter")
        await pilot.pause()
        assert "step 2 of 7" in where(app)
        await pilot.press(*"Tell me about a conflict", "enter", *"- Why Acme?", "enter")
        await pilot.press(*"Where do you see yourself?", "ctrl+s")
        await pilot.pause()

        # Tripped up: one key makes the highlighted question a practice question.
        assert "step 3 of 7" in where(app)
        options = app.screen.query_one("#tripped", OptionList)
        assert options.option_count == 3
        assert app.screen.focused is options
        await pilot.press("t")
        await pilot.pause()
        assert "In your practice bank as question 1, ready now." in text(app, "#practised-note")
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("tab", *"Why should we hire you?", "enter")
        await pilot.pause()
        options = app.screen.query_one("#tripped", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(4)]
        assert prompts == [
            "✓ Tell me about a conflict  in practice",
            "✓ Why Acme?  in practice",
            "· Where do you see yourself?",
            "✓ Why should we hire you?  in practice",
        ]
        await pilot.press("ctrl+s", *"The migration story.", "tab")
        # What they talked about: the thank-you note builds on it.
        await pilot.press(*"the move to  dbt", "ctrl+s")
        await pilot.press(*"Spoke fast at first.", "ctrl+s")
        await pilot.pause()

        # Next steps: a date they gave becomes the interview's decision date.
        assert "step 6 of 7" in where(app)
        app.screen.query_one("#asked", Select).value = "yes"
        await pilot.pause()
        assert not app.screen.query_one("#reminder").display
        app.screen.query_one("#decision", TextField).focus()
        await pilot.press(*"+1w", "tab", *"By next Tuesday.", "ctrl+s")
        await pilot.pause()

        assert "step 7 of 7" in where(app)
        await pilot.press("4", "tab", "5", "tab", "tab", "3", "tab", "2", "tab")
        await pilot.press(*"Lovely team, long commute.", "ctrl+s")
        await pilot.pause()
        assert where(app) == "Held Tue 3 Mar · all the steps are done"
        summary = text(app, "#done-summary")
        assert "It felt good." in summary
        assert "4 questions noted; 3 are in your practice bank" in summary
        assert "They expect to decide by Tue 10 Mar; a polite check-in is welcome from" in summary
        assert "Wed 11 Mar" in summary
        assert not app.screen.query("#reminder")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "jot down how the Acme interview went" not in text(app, "#actions")

    interview, debrief = stored(db_path, clock)
    assert interview.debriefed_on == TODAY
    assert interview.decision_by == date(2026, 3, 10)
    assert interview.talked_about == "the move to dbt"
    assert interview.fit == FitReflection(
        work=4, culture=5, manager=3, commute=2, note="Lovely team, long commute."
    )
    assert debrief is not None
    assert debrief.step == DONE and debrief.completed
    assert debrief.went == "Warm, [bold]a bit[/] rushed"
    assert debrief.mood == 4
    assert debrief.questions == (
        "Tell me about a conflict",
        "Why Acme?",
        "Where do you see yourself?",
        "Why should we hire you?",
    )
    assert debrief.went_well == "The migration story."
    assert debrief.delivery == "Spoke fast at first."
    assert debrief.asked_next_steps is True
    assert debrief.next_steps == "By next Tuesday."
    with Repository.open(db_path, clock, access="read") as repo:
        questions = repo.questions.all()
        assert [q.text for q in questions] == [
            "Tell me about a conflict",
            "Why Acme?",
            "Why should we hire you?",
        ]
        assert all(q.interview_id == 1 and q.tags == ("debrief", "acme") for q in questions)
        assert repo.questions.due_count(clock.now()) == 3


async def test_leaving_half_way_loses_nothing_and_coming_back_resumes(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot)
        await pilot.press(*"Good, I think", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"Why us?", "enter", *"Half a thought")
        await pilot.press("escape")  # leave at step 2, without ctrl+s
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # The debrief is begun: rule 6 stops suggesting it.
        assert "jot down" not in text(app, "#actions")

        # From the interview's view, d comes back to step 2 with what was typed.
        await pilot.press("w")
        await pilot.pause()
        app.open_target("interview:1")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "Written down Tue 3 Mar." in text(app, "#debrief")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "step 2 of 7" in where(app)
        assert app.screen.query_one("#questions", TextBox).text == "Why us?\nHalf a thought"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#went", TextField).value == "Good, I think"
        await pilot.press("ctrl+s", "end", "enter", *"Another one")
        await pilot.pause()

    # Quitting the app (not leaving the debrief) keeps what was typed too.
    _, debrief = stored(db_path, clock)
    assert debrief is not None
    assert debrief.step == "questions"
    assert debrief.went == "Good, I think"
    assert debrief.questions == ("Why us?", "Half a thought", "Another one")
    assert not debrief.completed

    # A new day, a new start of the app: it still resumes at step 2.
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("debrief:1")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "step 2 of 7" in where(app)


async def test_a_bad_date_is_shown_in_place_and_nothing_of_the_step_is_saved(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("debrief:1")
        await pilot.pause()
        for _ in range(5):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert "step 6 of 7" in where(app)
        app.screen.query_one("#asked", Select).value = "no"
        await pilot.pause()
        reminder = app.screen.query_one("#reminder", Static)
        assert reminder.display
        assert "Next time, it is fine to ask about the next steps" in str(reminder.render())
        app.screen.query_one("#decision", TextField).focus()
        await pilot.press(*"someday", "ctrl+s")
        await pilot.pause()
        assert "step 6 of 7" in where(app)
        error = text(app, "#decision-error")
        assert error.startswith("Decision date: 'someday' is not a date")
        assert app.screen.focused is app.screen.query_one("#decision")
        await pilot.press("escape")  # asks once more
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    interview, debrief = stored(db_path, clock)
    assert interview.decision_by is None
    assert debrief is not None
    assert debrief.step == "next_steps"
    assert debrief.asked_next_steps is None


async def test_opening_and_leaving_at_once_saves_nothing(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "jot down how the Acme interview went" in text(app, "#actions")
    interview, debrief = stored(db_path, clock)
    assert interview.debriefed_on is None
    assert debrief is None


async def test_no_debrief_before_the_interview(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        repo.interviews.add(new_interview(company="Later", role="R", held_on=date(2026, 3, 9)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("interview:1")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "After the interview, d walks you through" in text(app, "#debrief")
        assert app.screen.check_action("debrief", ()) is False
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_a_question_typed_on_the_tripped_step_is_kept_without_enter(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("debrief:1")
        await pilot.pause()
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert "step 3 of 7" in where(app)
        assert "No questions noted" in text(app, "#tripped-empty")
        assert app.screen.focused is app.screen.query_one("#another")
        await pilot.press(*"What is your biggest weakness?", "ctrl+s")
        await pilot.pause()
        assert "step 4 of 7" in where(app)
    _, debrief = stored(db_path, clock)
    assert debrief is not None
    assert debrief.questions == ("What is your biggest weakness?",)
    assert debrief.practised_id("What is your biggest weakness?") == 1
