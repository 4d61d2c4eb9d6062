"""A gentle timer for answering out loud: a quiet bar that fills over about two minutes.

It reads the app's clock, so a frozen clock (tests, screenshots) holds it still.
Past the target it simply stays full and says the length is good; it never
flashes, changes colour or counts down.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.content import Content
from textual.widget import Widget

from companion.domain.practice import TARGET_ANSWER_TIME
from companion.tui.context import app_of


def clock_text(elapsed: timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


class AnswerTimer(Widget):
    DEFAULT_CSS = """
    AnswerTimer {
        height: 1;
        width: auto;
        color: $text-muted;
    }
    """

    def __init__(self, *, cells: int = 20, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cells = cells
        self.started: datetime | None = None
        self.stopped: datetime | None = None

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def start(self, at: datetime) -> None:
        self.started = at
        self.stopped = None
        self.refresh()

    def stop(self, at: datetime) -> timedelta:
        """Hold the timer where it is; returns how long the answer took."""
        if self.stopped is None:
            self.stopped = at
        self.refresh()
        return self.elapsed

    @property
    def elapsed(self) -> timedelta:
        if self.started is None:
            return timedelta(0)
        until = self.stopped or app_of(self).clock.now()
        return max(timedelta(0), until - self.started)

    def render(self) -> Content:
        elapsed = self.elapsed
        share = min(1.0, elapsed / TARGET_ANSWER_TIME)
        filled = round(self.cells * share)
        if self.stopped is not None:
            note = "your time"
        elif elapsed >= TARGET_ANSWER_TIME:
            note = "a good length; finish your thought"
        else:
            note = "about two minutes is plenty"
        return Content.assemble(
            ("━" * filled, "$primary 70%"),
            ("━" * (self.cells - filled), "$primary-muted 40%"),
            f"  {clock_text(elapsed)}  ",
            (note, "italic"),
        )
