"""A square that opens as you breathe in and closes as you breathe out."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

LEVELS = 4
# Rows and columns of the box at each level; cells are about twice as tall as wide.
HEIGHTS = tuple(3 + 2 * level for level in range(LEVELS + 1))
WIDTHS = tuple(6 + 6 * level for level in range(LEVELS + 1))


def box_lines(level: int) -> list[str]:
    height, width = HEIGHTS[level], WIDTHS[level]
    inner = width - 2
    return [
        "╭" + "─" * inner + "╮",
        *(["│" + " " * inner + "│"] * (height - 2)),
        "╰" + "─" * inner + "╯",
    ]


class BreathingBox(Widget):
    """Only the box: put it in a container of height `HEIGHTS[-1]` aligned to the middle."""

    DEFAULT_CSS = """
    BreathingBox {
        height: auto;
        width: auto;
        color: $primary;
    }
    """

    fill: reactive[float] = reactive(0.0, layout=True)
    """0 is the smallest box, 1 the largest."""

    def render(self) -> Content:
        level = round(max(0.0, min(1.0, self.fill)) * LEVELS)
        lines = box_lines(level)
        shade = "on $primary 12%"
        rows = [
            Content.assemble(line[0], (line[1:-1], shade), line[-1])
            if 0 < number < len(lines) - 1
            else Content(line)
            for number, line in enumerate(lines)
        ]
        return Content("\n").join(rows)
