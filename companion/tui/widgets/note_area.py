"""A few lines of free text with a fixed height, for notes in forms."""

from __future__ import annotations

from companion.tui.widgets.fields import TextBox


class NoteArea(TextBox):
    DEFAULT_CSS = """
    NoteArea {
        height: 4;
        min-height: 3;
        max-height: 4;
    }
    """
