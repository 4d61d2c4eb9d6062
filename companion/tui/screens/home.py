"""Home: the calm summary in place of an inbox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from companion.domain.dates import friendly
from companion.domain.summary import Summary
from companion.tui.context import app_of
from companion.tui.widgets import GentleBar


def greeting(hour: int) -> str:
    if hour < 5 or hour >= 18:
        return "Good evening."
    if hour < 12:
        return "Good morning."
    return "Good afternoon."


class HomeScreen(Screen[None]):
    TITLE = "Home"

    def compose(self) -> ComposeResult:
        yield Header(icon="~")
        with VerticalScroll(id="home", classes="page"):
            yield Static(id="today", classes="quiet")
            yield Static(id="message", classes="headline")
            yield Static(id="actions")
            yield Static(id="suggestion-title", classes="section-title")
            yield Static(id="suggestion")
            yield GentleBar("Applied this week", 0, 0, id="applied")
            yield Static(id="read-only", classes="quiet")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_summary()

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def refresh_summary(self) -> None:
        app = app_of(self)
        summary = app.repo.summary()
        now = app.clock.now()
        self.query_one("#today", Static).update(
            Content(f"{greeting(now.hour)} {friendly(now.date())}.")
        )
        self.show(summary)
        read_only = self.query_one("#read-only", Static)
        read_only.display = app.repo.read_only
        if app.repo.read_only:
            read_only.update(
                Content(f"Read-only: {app.repo.db.read_only_reason}. Nothing you do here is saved.")
            )

    def show(self, summary: Summary) -> None:
        self.query_one("#message", Static).update(Content(summary.message))
        actions = self.query_one("#actions", Static)
        actions.display = bool(summary.actions)
        actions.update(
            Content("\n").join(
                Content.assemble((f"{n}. ", "$primary"), action.text)
                for n, action in enumerate(summary.actions, start=1)
            )
        )
        has_suggestion = summary.suggestion is not None
        self.query_one("#suggestion-title", Static).display = has_suggestion
        self.query_one("#suggestion-title", Static).update("A kind use of the time")
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = has_suggestion
        suggestion.update(Content(summary.suggestion or ""))
        bar = self.query_one("#applied", GentleBar)
        bar.display = bool(summary.weekly_goal)
        bar.set_progress(summary.applied_this_week, summary.weekly_goal or 0)
