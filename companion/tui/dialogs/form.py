"""The one shape of a form: labelled rows, errors in place, Cancel then Save, the read-only guard.

Every form in the app is a `FormScreen`: it composes its rows with `row()`
(a label in the one label column, the field, words beside it or a hint under
it, and a hidden error line) and its buttons with `buttons()`, and implements
`save()`. `save()` checks everything the user typed before it writes
anything: each field's parser runs through `attempt()`, and when any failed,
`show_errors()` puts each error under its field and the cursor on the first;
nothing is saved. Enter in a one-line field and ctrl+s save; escape cancels.
A domain error that `save()` lets through (a FieldError raised while saving)
is caught the same way and shown in place, under the field it names when the
form has one, else above the buttons: no traceback ever reaches a person.

A page that holds a form without being a dialog (settings, the debrief) uses
`form_row()` and `show_field_errors()` the same way. The look is the
"Forms and dialogs" block of the app's stylesheet (companion.tcss).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from companion.domain.errors import FieldError
from companion.tui.context import refuse_when_read_only
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import literal
from companion.tui.widgets.fields import TextField

R = TypeVar("R")
# The key of a form's own error line, for an error that names none of its fields.
FORM_ERROR = "form"
T = TypeVar("T")

Errors = dict[str, FieldError]


def attempt(errors: Errors, key: str, parse: Callable[[], T]) -> T | None:
    """Run one field's parser; a FieldError is kept under `key` for the form to show."""
    try:
        return parse()
    except FieldError as error:
        errors[key] = error
        return None


def form_row(label: str, widget: Widget, hint: str = "", beside: str = "") -> ComposeResult:
    """A label, its field, a hint under it or words beside it, and a hidden error line.

    The row, the error line and the field are found by the field's id: `#key-row`,
    `#key-error`, `#key`.
    """
    key = widget.id or ""
    with Horizontal(classes="form-row", id=f"{key}-row"):
        yield Label(label, classes="form-label")
        yield widget
        if beside:
            yield Static(beside, classes="form-beside")
    if hint:
        yield Static(hint, classes="form-hint")
    error = Static(id=f"{key}-error", classes="field-error")
    error.display = False
    yield error


def clear_field_errors(node: DOMNode) -> None:
    for error in node.query(".field-error"):
        error.display = False


def show_field_errors(node: DOMNode, errors: Errors, labels: Mapping[str, str]) -> None:
    """Each error under its field, naming the field; focus goes to the first."""
    clear_field_errors(node)
    first: str | None = None
    for key, error in errors.items():
        where = node.query_one(f"#{key}-error", Static)
        where.update(
            Content.assemble(
                (f"{labels.get(key, error.field.capitalize())}: ", "bold"), literal(error.message)
            )
        )
        where.display = True
        first = first or key
    if first is not None:
        fields = node.query(f"#{first}")
        if fields:
            field = fields.first()
            field.focus()
            field.scroll_visible()
        else:  # an error of the whole form, above its buttons
            node.query_one(f"#{first}-error").scroll_visible()


def field_value(node: DOMNode, key: str) -> str:
    """What the field `#key` holds as text: an Input's value, a text area's text, a
    Select's value ("" when blank)."""
    widget = node.query_one(f"#{key}")
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        value = widget.value
        return "" if value is Select.NULL else str(value)
    raise TypeError(f"#{key} is a {type(widget).__name__}, not a field with text")


class FormScreen(Dialog[R | None]):
    """A dialog of labelled fields. Subclasses compose rows with `row()`, end with
    `buttons()`, and implement `save()`, which dismisses with what was saved.

    `writes = False` for a form that only reads (the export), so that it works
    on a read-only companion too.
    """

    writes: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def row(self, label: str, widget: Widget, hint: str = "", beside: str = "") -> ComposeResult:
        return form_row(label, widget, hint, beside)

    def text_row(
        self,
        label: str,
        key: str,
        value: str = "",
        *,
        placeholder: str = "",
        short: bool = False,
        beside: str = "",
    ) -> ComposeResult:
        """A row holding a one-line field `#key` (filling the row, unless `short`)."""
        field = TextField(
            value,
            id=key,
            placeholder=placeholder,
            compact=True,
            classes="short" if short else None,
        )
        return form_row(label, field, beside=beside)

    def buttons(
        self, save_label: str = "Save", cancel_label: str = "Cancel", *before: Button
    ) -> ComposeResult:
        """The buttons row: any of the form's own first, then Cancel, then Save (primary);
        above it, the line for an error that names no field of the form."""
        error = Static(id=f"{FORM_ERROR}-error", classes="field-error")
        error.display = False
        yield error
        with Horizontal(classes="buttons"):
            yield from before
            yield Button(cancel_label, id="cancel", compact=True)
            yield Button(save_label, id="save", variant="primary", compact=True)

    def value(self, key: str) -> str:
        return field_value(self, key)

    def clear_errors(self) -> None:
        clear_field_errors(self)

    def show_errors(self, errors: Errors, labels: Mapping[str, str]) -> None:
        show_field_errors(self, errors, labels)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self.writes and refuse_when_read_only(self):
            return
        try:
            self.save()
        except FieldError as error:
            self.show_errors({self.error_key(error): error}, self.labels())

    def labels(self) -> Mapping[str, str]:
        """Each field's label by its key, for the errors (a form may say more)."""
        return {}

    def error_key(self, error: FieldError) -> str:
        """The field a domain error belongs under: the one whose key or label it names,
        else the form's own error line."""
        named = error.field.casefold().replace(" ", "-")
        for key, label in self.labels().items():
            if named in (key.casefold(), label.casefold().replace(" ", "-")):
                return key
        if self.query(f"#{named}-error"):
            return named
        return FORM_ERROR

    def save(self) -> None:
        raise NotImplementedError
