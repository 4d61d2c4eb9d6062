"""The row of places at the top of every page: one key each, the current one marked.

It replaces Textual's Header: the places are always in view, so the footer can
keep to the keys of the page itself and still fit in 80 columns.
"""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

from companion.tui.keymap import shown_key
from companion.tui.navigation import DESTINATIONS

BRAND = "companion"


class NavBar(Widget):
    DEFAULT_CSS = """
    NavBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Content:
        parts: list[Content] = []
        self._spans = []
        width = self.size.width or 80
        keys = {d.mode: shown_key(self.app, d.mode, d.key) for d in DESTINATIONS}
        total = sum(len(keys[d.mode]) + len(d.tab) + 3 for d in DESTINATIONS)
        offset = 0
        if width >= total + len(BRAND) + 4:
            brand = Content.assemble((f" {BRAND} ", "bold $primary"), " ")
            parts.append(brand)
            offset += brand.cell_length
        # Narrower than every label: each place by its key, the current one named too.
        named = width >= total
        for destination in DESTINATIONS:
            here = destination.mode == self.current
            label = destination.tab if named or here else ""
            item = Content.assemble(
                " ",
                (keys[destination.mode], "bold $accent" if here else "bold $primary"),
                " " if label else "",
                (label, "bold $text $boost" if here else ""),
                " ",
            )
            self._spans.append((offset, offset + item.cell_length, destination.mode))
            parts.append(item)
            offset += item.cell_length
        return Content("").join(parts)

    def on_click(self, event: Click) -> None:
        for start, end, mode in self._spans:
            if start <= event.x < end:
                self.app.switch_mode(mode)
                return
