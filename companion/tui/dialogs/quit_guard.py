"""The question asked at quit when the latest changes could not be written.

Quitting normally saves everything first. When that save fails (a full disk,
a folder that became read-only), the changes are still in memory: the user
chooses to try again (after freeing space), to quit anyway, or to stay.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from companion.tui.context import app_of
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import literal

QuitChoice = Literal["saved", "discard", "stay"]

HINT = (
    "If the disk is full, free some space, then try again. Quitting without saving "
    "loses only what changed since the last save."
)


class QuitGuardScreen(Dialog[QuitChoice]):
    """Dismissed with "saved" (quit now), "discard" (quit anyway) or "stay"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Try again"),
        Binding("escape", "stay", "Keep the app open"),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quit-guard"):
            yield Static("Not saved yet", classes="dialog-title")
            yield Static(literal(self.problem), id="guard-problem", classes="dialog-text")
            yield Static(HINT, classes="dialog-text quiet")
            with Horizontal(classes="buttons"):
                yield Button("Keep the app open", id="stay", compact=True)
                yield Button("Quit without saving", id="discard", compact=True)
                yield Button("Try again", id="retry", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            self.action_retry()
        elif event.button.id == "discard":
            self.dismiss("discard")
        else:
            self.action_stay()

    def action_retry(self) -> None:
        problem = app_of(self).save_now()
        if problem is None:
            self.dismiss("saved")
            return
        self.problem = problem
        self.query_one("#guard-problem", Static).update(literal(f"Still not saved. {problem}"))

    def action_stay(self) -> None:
        self.dismiss("stay")
