"""Urges to check per day over two weeks: a bar chart, or one line of sparks."""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.widget import Widget

from companion.domain.dates import DAY_NAMES

SPARKS = "▁▂▃▄▅▆▇█"
BLOCKS = " ▁▂▃▄▅▆▇█"


def sparkline(counts: tuple[int, ...]) -> Content:
    """One cell a day; a quiet dot for a day with none."""
    top = max(counts, default=0) or 1
    cells: list[str | tuple[str, str]] = [
        "·" if n == 0 else (SPARKS[min(7, (n * 8 - 1) // top)], "$primary") for n in counts
    ]
    return Content.assemble(*cells)


def bars(counts: tuple[int, ...], today: date, rows: int = 4) -> Content:
    """Columns two cells apart, eighth blocks for the tops, day initials underneath."""
    top = max(counts, default=0) or 1
    eighths = [round(n * rows * 8 / top) for n in counts]
    lines: list[Content] = []
    for row in range(rows, 0, -1):
        cells: list[tuple[str, str] | str] = []
        for units in eighths:
            part = max(0, min(8, units - (row - 1) * 8))
            cells.append((BLOCKS[part], "$primary"))
            cells.append(" ")
        lines.append(Content.assemble(*cells))
    first = today - timedelta(days=len(counts) - 1)
    initials = [
        (DAY_NAMES[(first + timedelta(days=n)).weekday()][0] + " ") for n in range(len(counts))
    ]
    lines.append(Content("".join(initials)))
    return Content("\n").join(lines)


class UrgeChart(Widget):
    """`compact`: one line for home; otherwise a small bar chart."""

    DEFAULT_CSS = """
    UrgeChart {
        height: auto;
        width: auto;
        color: $text-muted;
    }
    """

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.compact = compact
        self.counts: tuple[int, ...] = ()
        self.today = date.min

    def show(self, counts: tuple[int, ...], today: date) -> None:
        self.counts = counts
        self.today = today
        self.refresh(layout=True)

    def render(self) -> Content:
        today_count = self.counts[-1] if self.counts else 0
        if self.compact:
            return Content.assemble(
                "Urges to check, two weeks  ",
                sparkline(self.counts),
                f"  {today_count} today",
            )
        return bars(self.counts, self.today)
