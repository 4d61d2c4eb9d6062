"""Reusable pieces, each with its own DEFAULT_CSS.

Each is imported when first asked for (`from companion.tui.widgets import
NavBar` imports only nav_bar.py): home, the first screen, needs three of them,
and the text fields bring in Textual's TextArea.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.startup import lazy_exports

if TYPE_CHECKING:
    from companion.tui.widgets.answer_timer import AnswerTimer
    from companion.tui.widgets.breathing_box import BreathingBox
    from companion.tui.widgets.fields import TextBox, TextField, score_field
    from companion.tui.widgets.filtered_table import Column, FilteredTable
    from companion.tui.widgets.footer import Footer
    from companion.tui.widgets.gentle_bar import GentleBar
    from companion.tui.widgets.list_table import ListTable
    from companion.tui.widgets.lists import StillList
    from companion.tui.widgets.milestone_line import MilestoneLine
    from companion.tui.widgets.mood_line import MoodLine
    from companion.tui.widgets.nav_bar import NavBar
    from companion.tui.widgets.note_area import NoteArea
    from companion.tui.widgets.practice_stats import PracticeStatsPanel
    from companion.tui.widgets.question_notes import QuestionNotes
    from companion.tui.widgets.rubric_panel import RubricPanel
    from companion.tui.widgets.urge_chart import UrgeChart

MODULES = {
    "AnswerTimer": "answer_timer",
    "BreathingBox": "breathing_box",
    "Column": "filtered_table",
    "FilteredTable": "filtered_table",
    "Footer": "footer",
    "GentleBar": "gentle_bar",
    "ListTable": "list_table",
    "MilestoneLine": "milestone_line",
    "MoodLine": "mood_line",
    "NavBar": "nav_bar",
    "NoteArea": "note_area",
    "PracticeStatsPanel": "practice_stats",
    "QuestionNotes": "question_notes",
    "RubricPanel": "rubric_panel",
    "StillList": "lists",
    "TextBox": "fields",
    "TextField": "fields",
    "UrgeChart": "urge_chart",
    "score_field": "fields",
}

__all__ = [
    "AnswerTimer",
    "BreathingBox",
    "Column",
    "FilteredTable",
    "Footer",
    "GentleBar",
    "ListTable",
    "MilestoneLine",
    "MoodLine",
    "NavBar",
    "NoteArea",
    "PracticeStatsPanel",
    "QuestionNotes",
    "RubricPanel",
    "StillList",
    "TextBox",
    "TextField",
    "UrgeChart",
    "score_field",
]


__getattr__ = lazy_exports(__name__, MODULES)
