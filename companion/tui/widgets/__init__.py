"""Reusable pieces, each with its own DEFAULT_CSS."""

from companion.tui.widgets.breathing_box import BreathingBox
from companion.tui.widgets.fields import TextField
from companion.tui.widgets.gentle_bar import GentleBar
from companion.tui.widgets.nav_bar import NavBar
from companion.tui.widgets.urge_chart import UrgeChart

__all__ = ["BreathingBox", "GentleBar", "NavBar", "TextField", "UrgeChart"]
