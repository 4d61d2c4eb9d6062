"""After a rejection or a move-on: one optional self-compassion prompt, kept in the journal.

Offered once, right after the outcome is saved; "Not now" (or escape) leaves
it. What is written becomes a journal entry about the interview, tagged
"self-compassion". The prompt is in domain/writing.py; the README says what
the study behind it found (Kreemers et al. 2020).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from companion.domain.errors import FieldError
from companion.domain.interviews import Interview
from companion.domain.journal import Entry, parse_entry_text
from companion.domain.writing import SELF_COMPASSION
from companion.services import writing
from companion.tui.context import app_of
from companion.tui.dialogs.form import FormScreen
from companion.tui.literal import line
from companion.tui.widgets import NoteArea

LABELS = {"kind-words": "Kind words"}


class KindWords(FormScreen[Entry]):
    """Dismisses with the journal entry written, or None."""

    def __init__(self, interview: Interview, title: str, note: str = "") -> None:
        super().__init__()
        self.interview = interview
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="kind-words-dialog"):
            yield Static(line(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="dialog-text quiet")
            yield Static(SELF_COMPASSION, classes="dialog-text")
            yield NoteArea(id="kind-words")
            yield Static(
                "Only if you like: it is kept in your journal. ctrl+s keeps it.",
                classes="quiet hint",
            )
            error = Static(id="kind-words-error", classes="field-error")
            error.display = False
            yield error
            yield from self.buttons("Keep it", "Not now")

    def on_mount(self) -> None:
        self.query_one("#kind-words", NoteArea).focus()

    def save(self) -> None:
        app = app_of(self)
        text = self.query_one("#kind-words", NoteArea).text
        if not text.strip():
            self.dismiss(None)
            return
        try:
            words = parse_entry_text(text, field="kind words")
        except FieldError as error:
            self.show_errors({"kind-words": error}, LABELS)
            return
        self.dismiss(writing.keep_kind_words(app.repo, self.interview.id, words))
