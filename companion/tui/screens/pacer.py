"""The urge to check the inbox: note it, breathe for a minute, then see what needs you.

The pacer draws the breath `breath_at(elapsed)` where `elapsed` comes from the
app's clock; a timer only asks it to look again. With a frozen clock every
frame is the same, and tests move the clock and call `tick()`.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from companion.domain.breathing import CYCLES, PHASE_SECONDS, Breath, breath_at
from companion.domain.summary import Summary
from companion.domain.urges import parking_note, trend_sentence
from companion.services import summary as summaries
from companion.services import urges
from companion.tui.context import app_of
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import line, literal
from companion.tui.widgets import BreathingBox, UrgeChart
from companion.tui.widgets.footer import Footer

TICK_SECONDS = 0.25


def counted(breath: Breath) -> Content:
    """The counted seconds of this phase: ● ● ○ ○."""
    return Content.assemble(
        *(("● ", "$primary") if n <= breath.count else "○ " for n in range(1, PHASE_SECONDS + 1))
    )


class PacerScreen(Dialog[None]):
    """Full screen and modal: while breathing, only its own keys apply."""

    TITLE = "Breathe"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Home"),
        Binding("enter", "leave", "Home", show=False),
        Binding("r", "again", "Breathe again"),
        Binding("1", "open(1)", "Open", key_display="1-3"),
        Binding("2", "open(2)", "", show=False),
        Binding("3", "open(3)", "", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def __init__(self, *, note: bool = True) -> None:
        super().__init__()
        self.note = note
        self.started: datetime | None = None
        self.breath: Breath | None = None
        self.summary: Summary | None = None

    @property
    def finished(self) -> bool:
        return self.summary is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="breathing", classes="page"):
            yield Static("I want to check my inbox", classes="dialog-title", id="pacer-title")
            yield Static(id="parking", classes="quiet")
            with Center(id="box-frame"):
                yield BreathingBox(id="box")
            with Center():
                yield Static(id="words", classes="headline")
            with Center():
                yield Static(id="count")
            with Center():
                yield Static(id="cycle", classes="quiet")
        with VerticalScroll(id="after", classes="page"):
            yield Static("That was a minute, well spent.", classes="quiet")
            yield Static(id="after-message", classes="headline")
            yield Static(id="after-actions")
            yield Static(id="after-suggestion")
            yield Static(id="after-parking", classes="quiet")
            yield Static("Urges you brought here instead, two weeks", classes="section-title")
            yield UrgeChart(id="urge-chart")
            yield Static(id="trend", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = app_of(self)
        if self.note and not app.repo.read_only:
            urges.note_urge(app.repo)
        note = parking_note(app.repo.settings.get().checkin_time, app.clock.now())
        noted = "Noted. " if self.note and not app.repo.read_only else ""
        self.query_one("#parking", Static).update(Content(noted + note))
        self.begin()
        self.set_interval(TICK_SECONDS, self.tick)

    def begin(self) -> None:
        self.started = app_of(self).clock.now()
        self.breath = None
        self.summary = None
        self.query_one("#breathing").display = True
        self.query_one("#after").display = False
        self.tick()
        self.refresh_bindings()

    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        return (app_of(self).clock.now() - self.started).total_seconds()

    def tick(self) -> None:
        """Look at the clock and draw the breath it says; finish after the last breath."""
        if self.finished:
            return
        breath = breath_at(self.elapsed())
        if breath.finished:
            self.finish()
            return
        if breath == self.breath:
            return
        self.breath = breath
        self.query_one("#box", BreathingBox).fill = breath.fill
        self.query_one("#words", Static).update(Content(breath.words))
        self.query_one("#count", Static).update(counted(breath))
        self.query_one("#cycle", Static).update(
            Content(f"breath {breath.cycle} of {CYCLES} · escape to stop")
        )

    def finish(self) -> None:
        app = app_of(self)
        summary = summaries.summary(app.repo)
        self.summary = summary
        self.query_one("#breathing").display = False
        self.query_one("#after").display = True
        self.query_one("#after-message", Static).update(literal(summary.message))
        actions = self.query_one("#after-actions", Static)
        actions.display = bool(summary.actions)
        actions.update(
            Content("\n").join(
                Content.assemble((f"{n}. ", "$primary"), line(action.text))
                for n, action in enumerate(summary.actions, start=1)
            )
        )
        suggestion = self.query_one("#after-suggestion", Static)
        suggestion.display = summary.suggestion is not None
        suggestion.update(
            Content.assemble(
                ("A kind use of the time: ", "$secondary"), literal(summary.suggestion or "")
            )
        )
        checkin = app.repo.settings.get().checkin_time
        parking = self.query_one("#after-parking", Static)
        parking.display = checkin is not None
        parking.update(Content(parking_note(checkin, app.clock.now())) if checkin else "")
        self.query_one("#urge-chart", UrgeChart).show(summary.urges, app.clock.today())
        counts = f"{summary.urges_today} today, {sum(summary.urges)} in two weeks."
        trend = trend_sentence(summary.urges)
        self.query_one("#trend", Static).update(Content(f"{counts} {trend or ''}".strip()))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "again":
            return self.finished
        if action == "open":
            return bool(self.summary and self.summary.actions)
        return True

    def action_leave(self) -> None:
        self.dismiss()

    def action_again(self) -> None:
        self.begin()

    def action_open(self, number: int) -> None:
        actions = self.summary.actions if self.summary else ()
        if not 1 <= number <= len(actions):
            return
        target = actions[number - 1].target
        app = app_of(self)
        self.dismiss()
        if target:
            app.open_target(target)
