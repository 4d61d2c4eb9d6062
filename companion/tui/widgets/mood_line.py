"""The mood over the last 30 days, one cell a day: a quiet line, with no score to keep."""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.widget import Widget

from companion.domain.dates import friendly
from companion.domain.mood import spark


class MoodLine(Widget):
    DEFAULT_CSS = """
    MoodLine {
        height: 1;
        width: 1fr;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.moods: tuple[float | None, ...] = ()
        self.today = date.min

    def show(self, moods: tuple[float | None, ...], today: date) -> None:
        self.moods = moods
        self.today = today
        self.refresh(layout=True)

    def render(self) -> Content:
        if not any(m is not None for m in self.moods):
            return Content("No moods noted in the last 30 days; an entry can carry one.")
        first = self.today - timedelta(days=len(self.moods) - 1)
        cells = Content.assemble(
            *((spark(m), "$foreground-muted" if m is None else "$primary") for m in self.moods)
        )
        return Content.assemble("Mood  ", (friendly(first, self.today), ""), " ", cells, " today")
