"""Reusable pieces, each with its own DEFAULT_CSS."""

from companion.tui.widgets.answer_timer import AnswerTimer
from companion.tui.widgets.fields import TextBox, TextField
from companion.tui.widgets.gentle_bar import GentleBar
from companion.tui.widgets.practice_stats import PracticeStatsPanel

__all__ = ["AnswerTimer", "GentleBar", "PracticeStatsPanel", "TextBox", "TextField"]
