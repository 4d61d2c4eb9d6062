"""How it felt: work, culture, people, manager, commute and pay, 1 to 5, and a note (rule 7)."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from companion.domain.fit import (
    ASPECT_LABELS,
    ASPECT_QUESTIONS,
    ASPECTS,
    FitReflection,
    parse_score,
)
from companion.domain.interviews import Interview
from companion.services import interviews
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line
from companion.tui.widgets import NoteArea, TextField, score_field

LABELS = {**ASPECT_LABELS, "fit-note": "Note"}


class FitForm(FormScreen[bool]):
    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        fit = self.interview.fit
        with VerticalScroll(classes="dialog", id="fit-form"):
            yield Static(line(f"How it felt · {self.interview.title}"), classes="dialog-title")
            yield Static(
                "1 is poor, 5 is great; leave blank what you do not know yet.",
                classes="dialog-text",
            )
            for aspect in ASPECTS:
                score = fit.scores()[aspect]
                field = score_field(score, aspect, select_on_focus=True)
                yield from self.row(ASPECT_LABELS[aspect], field, beside=ASPECT_QUESTIONS[aspect])
            yield from self.row("Note", NoteArea(fit.note, id="fit-note"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one(f"#{ASPECTS[0]}", TextField).focus()

    def save(self) -> None:
        errors: Errors = {}
        scores = {
            aspect: attempt(errors, aspect, partial(parse_score, self.value(aspect), aspect))
            for aspect in ASPECTS
        }
        if errors:
            self.show_errors(errors, LABELS)
            return
        fit = FitReflection(**scores, note=self.query_one("#fit-note", NoteArea).text.strip())
        interviews.save_fit(app_of(self).repo, self.interview, fit)
        self.dismiss(True)
