"""The one confirmation dialog: asked before anything that cannot be undone.

Every question with a yes and a no is this dialog; a form is a FormScreen.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import line, literal


class Confirm(Dialog[bool]):
    """A question, what it is about, and two answers; the safe one has the focus.

    `subject` is the user's own text (a question, an entry's first line) and is
    shown literally, control characters made visible; `note` is ours, saying
    what follows. None of the three is read as markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep it"),
        Binding("y", "confirm", "Yes, go ahead"),
    ]

    def __init__(
        self,
        title: str,
        subject: Content | str = "",
        note: str = "",
        *,
        yes: str = "Delete",
        no: str = "Keep it",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.subject = literal(subject) if isinstance(subject, str) else subject
        self.note = note
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog narrow", id="confirm"):
            yield Static(line(self.title_text), classes="dialog-title")
            if self.subject:
                yield Static(self.subject, classes="dialog-text")
            if self.note:
                yield Static(literal(self.note), classes="dialog-text quiet")
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no", variant="primary", compact=True)
                yield Button(self.yes, id="yes", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)
