"""How it ended, or where it stands: one choice from the outcomes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.interviews import Interview, Outcome
from companion.tui.literal import line

CHOICES = {
    Outcome.WAITING: "Still waiting to hear",
    Outcome.NEXT_ROUND: "Invited to a next round",
    Outcome.OFFER_VERBAL: "A verbal offer",
    Outcome.OFFER_WRITTEN: "A written offer",
    Outcome.ACCEPTED: "I accepted an offer",
    Outcome.REJECTED: "Not this time: they said no",
    Outcome.WITHDRAWN: "I withdrew",
    Outcome.MOVED_ON: "Move on, with a short reflection",
}


class OutcomeDialog(ModalScreen[Outcome | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("enter", "choose", "Choose"),
    ]

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        current = self.interview.outcome
        options = [
            Option(
                Content.assemble(
                    text, (" (now)", "$foreground-muted") if outcome == current else ""
                ),
                id=outcome.value,
            )
            for outcome, text in CHOICES.items()
        ]
        with Vertical(classes="dialog", id="outcome-dialog"):
            yield Static(line(f"Where it stands · {self.interview.title}"), classes="dialog-title")
            yield OptionList(*options, id="outcomes", compact=True)
            yield Static("enter chooses, escape leaves it as it is", classes="quiet hint")

    def on_mount(self) -> None:
        options = self.query_one("#outcomes", OptionList)
        options.highlighted = list(CHOICES).index(self.interview.outcome)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Outcome(event.option.id or Outcome.WAITING.value))

    def action_choose(self) -> None:
        options = self.query_one("#outcomes", OptionList)
        if options.highlighted is not None:
            self.dismiss(list(CHOICES)[options.highlighted])
