"""How an answer grew: every version, newest first."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.practice import Question
from companion.tui.context import app_of
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import literal


class AnswerHistoryScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        app = app_of(self)
        today = app.clock.today()
        tz = app.clock.now().tzinfo
        question = self.question
        earlier = app.repo.questions.answer_history(question.id) if question.id else []
        versions = [*([question.answer] if question.answer else []), *reversed(earlier)]
        with VerticalScroll(classes="dialog"):
            yield Static("How your answer grew", classes="dialog-title")
            yield Static(literal(question.text), classes="dialog-text")
            if not versions:
                yield Static("No answer written yet.", classes="quiet")
            for number, version in enumerate(versions):
                day = friendly(version.written_at.astimezone(tz).date(), today)
                label = f"Now, since {day}" if number == 0 and question.answer else f"Written {day}"
                yield Static(label, classes="section-title")
                yield Static(literal(version.text))
            yield Static("Close with escape.", classes="quiet hint")
