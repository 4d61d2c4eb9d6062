"""Reusable pieces, each with its own DEFAULT_CSS."""

from companion.tui.widgets.fields import TextField
from companion.tui.widgets.gentle_bar import GentleBar
from companion.tui.widgets.milestone_line import MilestoneLine
from companion.tui.widgets.note_area import NoteArea

__all__ = ["GentleBar", "MilestoneLine", "NoteArea", "TextField"]
