"""The four-day writing programme: today's prompt, about twenty minutes, skippable.

Opened from the journal (w). The writing is a journal entry tagged "writing
programme"; a skipped prompt is let go and the next waits for another day. It
never counts days in a row (domain/writing.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from companion.domain.errors import FieldError
from companion.domain.journal import Entry, parse_entry_text
from companion.domain.writing import (
    ABOUT_PROGRAMME,
    PROMPTS,
    Programme,
    begin_again,
    status_line,
    write_until,
)
from companion.services import writing
from companion.tui.context import app_of
from companion.tui.dialogs.form import FormScreen
from companion.tui.widgets import TextBox

LABELS = {"programme-text": "Writing"}


class WritingProgramme(FormScreen[Entry]):
    """Dismisses with the entry written, or None (closed, or the prompt skipped)."""

    def __init__(self) -> None:
        super().__init__()
        self.state: Programme | None = None

    def compose(self) -> ComposeResult:
        app = app_of(self)
        state = writing.programme(app.repo)
        if state.finished and not state.taken_today:
            state = begin_again(state)
            fresh = True
        else:
            fresh = False
        self.state = state
        prompt = state.prompt
        with VerticalScroll(classes="dialog wide", id="writing-programme"):
            number = f" · prompt {prompt} of {len(PROMPTS)}" if prompt else ""
            yield Static(f"Writing about the search{number}", classes="dialog-title")
            if prompt is None:
                yield Static(status_line(state), classes="dialog-text")
                with Horizontal(classes="buttons"):
                    yield Button("Close", id="cancel", variant="primary", compact=True)
                return
            if not state.started or fresh:
                yield Static(ABOUT_PROGRAMME, classes="dialog-text quiet")
            yield Static(PROMPTS[prompt - 1], classes="dialog-text")
            yield Static(
                f"About twenty minutes, {write_until(app.clock.now())}, or less. "
                "ctrl+s keeps it in your journal.",
                classes="dialog-text quiet",
            )
            yield TextBox(id="programme-text", classes="tall")
            error = Static(id="programme-text-error", classes="field-error")
            error.display = False
            yield error
            yield from self.buttons(
                "Keep it",
                "Not now",
                Button("Skip this prompt", id="skip", compact=True),
            )

    def on_mount(self) -> None:
        boxes = self.query("#programme-text")
        if boxes:
            boxes.first().focus()
        else:
            self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "skip":
            event.stop()
            self.skip()
            return
        super().on_button_pressed(event)

    def skip(self) -> None:
        app = app_of(self)
        if self.state is None or self.state.prompt is None or app.repo.read_only:
            return
        writing.skip_prompt(app.repo, self.state)
        app.notify("Skipped. The next prompt waits for another day.", title="Writing", timeout=4)
        self.dismiss(None)

    def save(self) -> None:
        app = app_of(self)
        if self.state is None or self.state.prompt is None:
            self.dismiss(None)
            return
        try:
            text = parse_entry_text(self.value("programme-text"), field="writing")
            saved = writing.write_prompt(app.repo, self.state, text)
        except FieldError as error:
            self.show_errors({"programme-text": error}, LABELS)
            return
        self.dismiss(saved)
