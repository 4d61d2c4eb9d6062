"""Moving on is a ritual, not a deletion: a short reflection, then the interview is set down."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from companion.domain.interviews import Interview, Outcome
from companion.services import interviews
from companion.tui.context import app_of
from companion.tui.dialogs.form import FormScreen
from companion.tui.literal import line
from companion.tui.widgets import NoteArea

WHY = (
    "Hiring often takes longer than anyone expects, and you have done your part. "
    "Setting this down is not giving up: if they get in touch, it will be a pleasant "
    "surprise, and everything here comes back with it."
)
PROMPT = "What did this teach you? What will you carry forward?"


class MoveOnScreen(FormScreen[bool]):
    """Dismisses with True once the interview is set down."""

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="move-on"):
            yield Static(line(f"Moving on from {self.interview.title}"), classes="dialog-title")
            yield Static(WHY, classes="dialog-text")
            yield Static(PROMPT, classes="prompt")
            yield NoteArea(self.interview.reflection, id="reflection")
            yield Static(
                "A few words are enough, or none. ctrl+s moves on.",
                classes="quiet hint",
            )
            yield from self.buttons("Move on", "Not yet")

    def on_mount(self) -> None:
        self.query_one("#reflection", NoteArea).focus()

    def save(self) -> None:
        app = app_of(self)
        reflection = self.query_one("#reflection", NoteArea).text
        interviews.set_outcome(app.repo, self.interview, Outcome.MOVED_ON, reflection)
        self.dismiss(True)
