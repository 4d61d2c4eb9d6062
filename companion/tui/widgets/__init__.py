"""Reusable pieces, each with its own DEFAULT_CSS."""

from companion.tui.widgets.answer_timer import AnswerTimer
from companion.tui.widgets.breathing_box import BreathingBox
from companion.tui.widgets.fields import TextBox, TextField
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.gentle_bar import GentleBar
from companion.tui.widgets.milestone_line import MilestoneLine
from companion.tui.widgets.mood_line import MoodLine
from companion.tui.widgets.nav_bar import NavBar
from companion.tui.widgets.note_area import NoteArea
from companion.tui.widgets.practice_stats import PracticeStatsPanel
from companion.tui.widgets.urge_chart import UrgeChart

__all__ = [
    "AnswerTimer",
    "BreathingBox",
    "Footer",
    "GentleBar",
    "MilestoneLine",
    "MoodLine",
    "NavBar",
    "NoteArea",
    "PracticeStatsPanel",
    "TextBox",
    "TextField",
    "UrgeChart",
]
