"""Text cut to a width in terminal cells: a wide character (東, 🙂) takes two, so a column
cut by characters would run over its neighbour. Used by the app's lists and the CLI's."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def shorten(text: str, width: int) -> str:
    """`text` if it fits in `width` cells, else cut to fit with an ellipsis at the end."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS
