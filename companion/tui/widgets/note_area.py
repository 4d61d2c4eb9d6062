"""A few lines of free text that follow the app's cursor-blink setting (off in tests)."""

from __future__ import annotations

from textual.widgets import TextArea


class NoteArea(TextArea):
    DEFAULT_CSS = """
    NoteArea {
        height: 4;
        min-height: 3;
    }
    """

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
