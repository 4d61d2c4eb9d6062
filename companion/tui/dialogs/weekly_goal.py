"""The first-run greeting, and the weekly applying goal dialog it shares with the palette."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from companion.domain.settings import MAX_WEEKLY_GOAL, parse_weekly_goal
from companion.services import settings
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
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


class WeeklyGoalScreen(FormScreen[None]):
    """Ask for the weekly goal; saves it and closes, or closes on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Not now"),
        Binding("ctrl+s", "save", "Save"),
    ]
    heading = "Weekly applying goal"
    intro: str | None = None
    save_label = "Save"
    later_label = "Cancel"

    def compose(self) -> ComposeResult:
        goal = app_of(self).repo.settings.get().weekly_goal
        with VerticalScroll(classes="dialog", id="weekly-goal"):
            yield Static(self.heading, classes="dialog-title")
            if self.intro:
                yield Static(Content(self.intro), classes="dialog-text")
            yield Static(Content(GOAL_WHY), classes="dialog-text")
            yield from self.row(
                "Weekly goal",
                TextField(
                    str(goal),
                    id="goal",
                    restrict=r"\d*",
                    max_length=2,
                    compact=True,
                    classes="short",
                ),
                beside=f"a week, 0 to {MAX_WEEKLY_GOAL}; 0 turns it off",
            )
            yield from self.buttons(self.save_label, self.later_label)

    def on_mount(self) -> None:
        self.query_one("#goal", TextField).focus()

    def save(self) -> None:
        errors: Errors = {}
        goal = attempt(errors, "goal", lambda: parse_weekly_goal(self.value("goal")))
        if goal is None:
            self.show_errors(errors, {"goal": "Weekly goal"})
            return
        settings.set_weekly_goal(app_of(self).repo, goal)
        self.dismiss(None)


class WelcomeScreen(WeeklyGoalScreen):
    """Shown once, on a database that has never been opened in the app."""

    heading = "Welcome to companion"
    intro = WELCOME
    save_label = "Start"
    later_label = "Skip for now"

    def action_cancel(self) -> None:
        """Skip for now: no goal until one is set (settings, or the palette)."""
        if not app_of(self).repo.read_only:
            settings.finish_welcome(app_of(self).repo)
        self.dismiss(None)
