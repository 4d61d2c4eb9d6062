"""Dialogs of labelled fields: bad input is shown under its field, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from companion.domain.errors import FieldError
from companion.tui.context import app_of
from companion.tui.literal import literal

R = TypeVar("R")
T = TypeVar("T")

Errors = dict[str, FieldError]


def attempt(errors: Errors, key: str, parse: Callable[[], T]) -> T | None:
    """Run one field's parser; a FieldError is kept under `key` for the form to show."""
    try:
        return parse()
    except FieldError as error:
        errors[key] = error
        return None


FORM_CSS = """
.form-row {
    height: auto;
}
.form-row > Label {
    width: 16;
    color: $text-muted;
}
.form-row > Input, .form-row > Select, .form-row > Checkbox, .form-row > NoteArea {
    width: 1fr;
}
.form-row > Input, NoteArea {
    background: $panel;
}
.form-row > .beside {
    width: 1fr;
    color: $text-muted;
    margin-left: 2;
}
.field-error {
    margin-left: 16;
}
.form-hint {
    color: $text-muted;
    margin-left: 16;
}
"""


def form_row(label: str, widget: Widget, hint: str = "", beside: str = "") -> ComposeResult:
    """A label, its field, a hint under it or words beside it, and a hidden error line."""
    key = widget.id or ""
    with Horizontal(classes="form-row", id=f"{key}-row"):
        yield Label(label)
        yield widget
        if beside:
            yield Static(beside, classes="beside")
    if hint:
        yield Static(hint, classes="form-hint")
    error = Static(id=f"{key}-error", classes="field-error")
    error.display = False
    yield error


class FormScreen(ModalScreen[R | None]):
    """A modal form. Subclasses compose rows with `row()` and implement `save()`."""

    # Screen CSS (not DEFAULT_CSS), so that it outranks the app's `.dialog Input`;
    # Textual scopes it to the form's own type.
    CSS = FORM_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def row(self, label: str, widget: Widget, hint: str = "", beside: str = "") -> ComposeResult:
        return form_row(label, widget, hint, beside)

    def buttons(self, save_label: str = "Save", cancel_label: str = "Cancel") -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(cancel_label, id="cancel", compact=True)
            yield Button(save_label, id="save", variant="primary", compact=True)

    def clear_errors(self) -> None:
        for error in self.query(".field-error"):
            error.display = False

    def show_errors(self, errors: Errors, labels: dict[str, str]) -> None:
        """Each error under its field, naming the field; focus goes to the first."""
        self.clear_errors()
        first: str | None = None
        for key, error in errors.items():
            where = self.query_one(f"#{key}-error", Static)
            where.update(
                Content.assemble(
                    (f"{labels.get(key, error.field)}: ", "bold"), literal(error.message)
                )
            )
            where.display = True
            first = first or key
        if first is not None:
            self.query_one(f"#{first}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if app_of(self).repo.read_only:
            self.notify("This companion is read-only; nothing was saved.", title="Just looking")
            return
        self.save()

    def save(self) -> None:
        raise NotImplementedError
