"""The first-run greeting, and the weekly applying goal dialog it shares with settings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from companion.domain.errors import FieldError
from companion.domain.settings import parse_weekly_goal
from companion.tui.context import app_of
from companion.tui.literal import literal
from companion.tui.widgets import TextField

WELCOME = (
    "The weeks after an interview are mostly waiting. companion keeps the dates for "
    "you (when to send a thank-you, when a check-in is polite, when to let it go) so "
    "you can stop refreshing your inbox."
)
GOAL_WHY = (
    "Until an offer is in writing, it helps to keep applying elsewhere. "
    "How many applications would you like to aim for each week?"
)


class WeeklyGoalScreen(ModalScreen[None]):
    """Ask for the weekly goal; saves it and closes, or closes on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "later", "Not now")]
    heading = "Weekly applying goal"
    intro: str | None = None
    save_label = "Save"
    later_label = "Cancel"

    def compose(self) -> ComposeResult:
        goal = app_of(self).repo.settings.get().weekly_goal
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            if self.intro:
                yield Static(Content(self.intro), classes="dialog-text")
            yield Static(Content(GOAL_WHY), classes="dialog-text")
            yield Label("Applications a week (0 to 50; 0 turns the reminder off)")
            yield TextField(str(goal), id="goal", restrict=r"\d*", max_length=2, compact=True)
            yield Static(id="goal-error", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button(self.save_label, id="save", variant="primary", compact=True)
                yield Button(self.later_label, id="later", compact=True)

    def on_mount(self) -> None:
        self.query_one("#goal-error").display = False
        self.query_one("#goal", TextField).focus()

    def on_input_submitted(self) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.action_later()

    def save(self) -> None:
        error = self.query_one("#goal-error", Static)
        try:
            goal = parse_weekly_goal(self.query_one("#goal", TextField).value)
        except FieldError as problem:
            error.update(literal(problem.message))
            error.display = True
            return
        app_of(self).repo.settings.update(weekly_goal=goal, welcomed=True)
        self.dismiss()

    def action_later(self) -> None:
        self.dismiss()


class WelcomeScreen(WeeklyGoalScreen):
    """Shown once, on a database that has never been opened in the app."""

    heading = "Welcome to companion"
    intro = WELCOME
    save_label = "Start"
    later_label = "Skip for now"

    def action_later(self) -> None:
        app_of(self).repo.settings.update(welcomed=True)
        self.dismiss()
