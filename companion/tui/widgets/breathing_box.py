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
    DEFAULT_CSS = f"""
    BreathingBox {{
        height: {HEIGHTS[-1]};
        width: 100%;
        color: $primary;
    }}
    """

    fill: reactive[float] = reactive(0.0)
    """0 is the smallest box, 1 the largest."""

    def render(self) -> Content:
        level = round(max(0.0, min(1.0, self.fill)) * LEVELS)
        lines = box_lines(level)
        width = self.size.width or WIDTHS[-1]
        top = (HEIGHTS[-1] - len(lines)) // 2
        left = max(0, (width - len(lines[0])) // 2)
        shade = "on $primary 12%"
        rows: list[Content] = [Content("")] * top
        for number, line in enumerate(lines):
            if 0 < number < len(lines) - 1:
                row = Content.assemble(" " * left, line[0], (line[1:-1], shade), line[-1])
            else:
                row = Content(" " * left + line)
            rows.append(row)
        return Content("\n").join(rows)
