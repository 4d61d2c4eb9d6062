"""The B2/B5 baseline: a bare Textual app (Header, Static, Footer), started like companion.

It honours COMPANION_EXIT_AFTER_PAINT=1 the same way the companion app does:
quit once the first frame has gone to the terminal.
"""

from __future__ import annotations

import os

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

MARKER = "A bare Textual app."


class BareApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.exit_after_paint = os.environ.get("COMPANION_EXIT_AFTER_PAINT") == "1"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        painted = renderable is not None and not self._batch_count and screen is self.screen
        super()._display(screen, renderable)
        if self.exit_after_paint and painted:
            self.exit_after_paint = False
            self.exit()


if __name__ == "__main__":
    BareApp().run()
