"""The one shape of a pick-one dialog: a title, a list, enter chooses, escape leaves it be."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.tui.dialogs.dialog import Dialog
from companion.tui.widgets.lists import StillList

T = TypeVar("T")

HINT = "Enter chooses; escape leaves it as it is."


class ChoiceDialog(Dialog[T | None], Generic[T]):
    """Dismissed with the value of the option chosen, or None on escape.

    `choices` pairs each value with what the user reads (a dialog that reads
    them from the data overrides `choices()`); `current` is highlighted at
    first. `text` (ours) is shown between the title and the list.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: Content | str,
        choices: Sequence[tuple[T, Content | str]],
        *,
        current: T | None = None,
        text: str = "",
        hint: str = HINT,
        dialog_id: str | None = None,
        wide: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self._choices = choices
        self.values: list[T] = []
        self.current = current
        self.text = text
        self.hint = hint
        self.dialog_id = dialog_id
        self.wide = wide

    def choices(self) -> Sequence[tuple[T, Content | str]]:
        return self._choices

    def compose(self) -> ComposeResult:
        choices = self.choices()
        self.values = [value for value, _ in choices]
        # Not a scroll: the list scrolls itself, and the title stays in sight.
        with Vertical(classes="dialog" if self.wide else "dialog narrow", id=self.dialog_id):
            yield Static(self.title_text, classes="dialog-title")
            if self.text:
                yield Static(self.text, classes="dialog-text quiet")
            yield StillList(*(Option(label) for _, label in choices), id="choices", compact=True)
            if self.hint:
                yield Static(self.hint, classes="quiet hint")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        if self.current in self.values:
            options.highlighted = self.values.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(self.values[event.option_index])

    def choose(self, value: T) -> None:
        """What choosing does: dismiss with the value (a dialog may act first)."""
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
