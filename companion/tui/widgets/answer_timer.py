"""A gentle timer for answering out loud: a quiet bar that fills over about two minutes.

It reads the app's clock, so a frozen clock (tests, screenshots) holds it still.
Past the target it simply stays full and says the length is good; it never
flashes, changes colour or counts down. The time gone is drawn bright, what
remains of the two minutes faint. Leaving the page pauses it (`pause`): the
time away is not answering time; `start` begins afresh with the next question.
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
        self.paused_at: datetime | None = None
        self.away = timedelta(0)

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def start(self, at: datetime) -> None:
        self.started = at
        self.stopped = None
        self.paused_at = None
        self.away = timedelta(0)
        self.refresh()

    def stop(self, at: datetime) -> timedelta:
        """Hold the timer where it is; returns how long the answer took."""
        if self.stopped is None:
            self.resume(at)
            self.stopped = at
        self.refresh()
        return self.elapsed

    def pause(self, at: datetime) -> None:
        """The page is left: the time from now until `resume` does not count."""
        if self.started is not None and self.stopped is None and self.paused_at is None:
            self.paused_at = at

    def resume(self, at: datetime) -> None:
        if self.paused_at is not None:
            self.away += max(timedelta(0), at - self.paused_at)
            self.paused_at = None
            self.refresh()

    @property
    def running(self) -> bool:
        return self.started is not None and self.stopped is None and self.paused_at is None

    @property
    def elapsed(self) -> timedelta:
        if self.started is None:
            return timedelta(0)
        until = self.stopped or self.paused_at or app_of(self).clock.now()
        return max(timedelta(0), until - self.started - self.away)

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
            ("━" * filled, "bold $primary"),
            ("━" * (self.cells - filled), "$foreground 15%"),
            f"  {clock_text(elapsed)}  ",
            (note, "italic"),
        )
