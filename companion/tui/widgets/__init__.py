"""Reusable pieces, each with its own DEFAULT_CSS."""

from companion.tui.widgets.fields import TextField
from companion.tui.widgets.gentle_bar import GentleBar

__all__ = ["GentleBar", "TextField"]
