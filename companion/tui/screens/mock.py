"""A mock interview: a few questions in a row, timed, with no notes until the end.

Opened over practice (`M`) or by `companion practice --mock [N] [--interview ID
| --tag T]`. Each question is answered out loud with the timer running; enter
moves on, and nothing is revealed. At the end, the questions and their times;
then either a look back at each with its notes, ticks and a rating (which goes
to the schedule, `r`), or "just a run-through" (`j`), which changes no
schedule.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from companion.domain.mock import (
    minutes_text,
    mock_sentence,
    start_mock,
)
from companion.domain.practice import RATING_WORDS, Question, Rating
from companion.domain.rubric import rubric_for
from companion.services import practice
from companion.tui.context import app_of
from companion.tui.literal import line, literal
from companion.tui.widgets import AnswerTimer, QuestionNotes, RubricPanel
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

ASKING, END, LOOK, DONE = "mock-asking", "mock-end", "mock-look", "mock-done"


class MockScreen(Screen[None]):
    TITLE = "Mock interview"
    DEFAULT_CSS = """
    MockScreen #mock-question {
        text-style: bold;
        margin: 1 0;
    }
    MockScreen #mock-timer {
        margin-bottom: 1;
    }
    MockScreen ContentSwitcher, MockScreen ContentSwitcher > Vertical {
        height: auto;
    }
    MockScreen .offer {
        margin-top: 1;
    }
    MockScreen #mock-revealed {
        height: auto;
    }
    MockScreen #mock-notes {
        width: 1fr;
        margin-right: 2;
    }
    MockScreen #mock-rubric {
        width: 34;
    }
    MockScreen #mock-times, MockScreen #mock-done-times {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Next question", tooltip="Done with this answer"),
        Binding(
            "r",
            "look_back",
            "Rate each",
            tooltip="Each with your notes; ratings go to your schedule",
        ),
        Binding("j", "run_through", "Just a run-through", tooltip="Changes no schedule"),
        Binding("1", "rate(1)", "Again", tooltip="It did not come"),
        Binding("2", "rate(2)", "Hard", tooltip="I got there, with effort"),
        Binding("3", "rate(3)", "Good", tooltip="It came well"),
        Binding("4", "rate(4)", "Easy", tooltip="It came easily"),
        Binding("t", "tick", "Tick", tooltip="Tick what your spoken answer had"),
        Binding("s", "skip", "Leave unrated", tooltip="This one changes no schedule"),
        Binding("escape", "leave", "Leave", tooltip="Back to practice; nothing is changed"),
    ]

    def __init__(self, questions: list[Question], about: str = "") -> None:
        super().__init__()
        self.questions = questions
        self.about = about
        self.run = start_mock(questions)
        self.index = 0
        self.state = ASKING

    @classmethod
    def for_next_interview(cls, app: CompanionApp, count: int = 5) -> MockScreen:
        questions, about = practice.mock_for(app.repo, count)
        return cls(questions, about)

    def compose(self) -> ComposeResult:
        yield NavBar("practice")
        with VerticalScroll(id="mock", classes="page"), ContentSwitcher(initial=ASKING):
            with Vertical(id=ASKING):
                yield Static(id="mock-progress", classes="quiet")
                yield Static(id="mock-question")
                yield AnswerTimer(id="mock-timer")
                yield Static(
                    "Answer out loud as you would in the room. Enter moves to the next "
                    "question; your notes stay hidden until the end.",
                    classes="quiet",
                )
            with Vertical(id=END):
                yield Static(id="mock-end-message", classes="headline")
                yield Static(id="mock-times")
                yield Static(
                    "Now look back at each with your notes: r rates each one (the ratings go "
                    "to your schedule), or j calls it just a run-through (nothing changes).",
                    classes="quiet offer",
                )
            with Vertical(id=LOOK):
                yield Static(id="mock-look-progress", classes="quiet")
                yield Static(id="mock-look-question", classes="headline")
                with Horizontal(id="mock-revealed"):
                    yield QuestionNotes(id="mock-notes")
                    yield RubricPanel(id="mock-rubric")
                yield Static("s leaves this one unrated.", classes="quiet offer")
            with Vertical(id=DONE):
                yield Static(id="mock-done-message", classes="headline")
                yield Static(id="mock-done-times")
                yield Static(
                    "Escape goes back to practice. Another mock is M there.", classes="quiet offer"
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if not self.questions:
            self.state = DONE
            self.query_one(ContentSwitcher).current = DONE
            self.query_one("#mock-done-message", Static).update(
                "No questions to ask yet. Add some in the bank (b) or from a starter deck "
                "(m in practice), then try again."
            )
            self.query_one("#mock-done-times", Static).display = False
            return
        self.ask()

    def on_screen_suspend(self) -> None:
        if self.state == ASKING:
            self.query_one(AnswerTimer).pause(app_of(self).clock.now())

    def on_screen_resume(self) -> None:
        if self.state == ASKING:
            self.query_one(AnswerTimer).resume(app_of(self).clock.now())

    def _switch(self, state: str) -> None:
        self.state = state
        self.query_one(ContentSwitcher).current = state
        self.query_one("#mock", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def ask(self) -> None:
        question = self.questions[self.index]
        about = f" · {self.about}" if self.about else ""
        self.query_one("#mock-progress", Static).update(
            line(f"Mock interview · Question {self.index + 1} of {len(self.questions)}{about}")
        )
        self.query_one("#mock-question", Static).update(literal(question.text))
        self.query_one(AnswerTimer).start(app_of(self).clock.now())
        self._switch(ASKING)

    def times(self) -> Content:
        rows = []
        any_rated = any(answer.rating for answer in self.run.answers)
        for number, (question, answer) in enumerate(
            zip(self.questions, self.run.answers, strict=True), start=1
        ):
            took = minutes_text(answer.answered_for or timedelta(0))
            rated = f"  {RATING_WORDS[answer.rating]}" if answer.rating else ""
            rows.append(
                Content.assemble(
                    (f"{number}. ", "$primary"),
                    (f"{took:>5}{rated:<7}  " if any_rated else f"{took:>5}  ", "$foreground 60%"),
                    line(question.text),
                )
            )
        return Content("\n").join(rows)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        read_only = app_of(self).repo.read_only
        match action:
            case "next":
                return self.state == ASKING
            case "look_back":
                return self.state == END and not read_only
            case "run_through":
                return self.state == END
            case "rate" | "skip":
                return self.state == LOOK
            case "tick":
                return self.state == LOOK and bool(self.query_one(RubricPanel).ticks)
            case "take_suggestion":
                return self.state == LOOK and self.query_one(RubricPanel).suggested is not None
        return True

    def action_next(self) -> None:
        if self.state != ASKING:
            return
        took = self.query_one(AnswerTimer).stop(app_of(self).clock.now())
        self.run = self.run.timed(self.index, took)
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.ask()
            return
        self.query_one("#mock-end-message", Static).update(
            f"The mock interview is done: {len(self.questions)} "
            f"question{'s' if len(self.questions) != 1 else ''} in {minutes_text(self.run.total)}."
        )
        self.query_one("#mock-times", Static).update(self.times())
        self._switch(END)

    def action_run_through(self) -> None:
        if self.state == END:
            self.finish(run_through=True)

    def action_look_back(self) -> None:
        if self.state == END:
            self.index = 0
            self.look()

    def look(self) -> None:
        question = self.questions[self.index]
        answer = self.run.answers[self.index]
        took = minutes_text(answer.answered_for or timedelta(0))
        self.query_one("#mock-look-progress", Static).update(
            Content(f"Looking back · {self.index + 1} of {len(self.questions)} · you took {took}")
        )
        self.query_one("#mock-look-question", Static).update(literal(question.text))
        linked, maybe = practice.fitting_stories(app_of(self).repo, question)
        self.query_one(QuestionNotes).show(question, linked, maybe)
        panel = self.query_one(RubricPanel)
        panel.show(rubric_for(question, answer.answered_for, linked))
        self._switch(LOOK)

    def action_rate(self, number: int) -> None:
        if self.state != LOOK:
            return
        app = app_of(self)
        question = self.questions[self.index]
        answer = self.run.answers[self.index]
        ticks = self.query_one(RubricPanel).kept
        rating = Rating(number)
        practice.rate(app.repo, question, rating, answer.answered_for, ticks, mock=True)
        self.run = self.run.rated(self.index, rating)
        self.after_look()

    def action_take_suggestion(self) -> None:
        suggested = self.query_one(RubricPanel).suggested
        if self.state == LOOK and suggested is not None:
            self.action_rate(int(suggested))

    def action_tick(self) -> None:
        self.query_one(RubricPanel).focus_ticks()

    def action_skip(self) -> None:
        if self.state == LOOK:
            self.after_look()

    def after_look(self) -> None:
        if self.focused is not None:
            self.set_focus(None)
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.look()
        else:
            self.finish(run_through=False)

    def finish(self, run_through: bool) -> None:
        self.query_one("#mock-done-message", Static).update(mock_sentence(self.run, run_through))
        self.query_one("#mock-done-times", Static).update(self.times())
        self._switch(DONE)

    def action_leave(self) -> None:
        if self.state == ASKING:
            app_of(self).notify(
                "The mock interview is put away; nothing in your schedule changed.",
                title="Mock interview",
                timeout=4,
            )
        self.app.pop_screen()
