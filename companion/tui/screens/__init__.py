"""The app's places (home, the waiting room, practice, ...) and their sub-pages.

A place is a Destination in `tui/navigation.py`; a sub-page (an interview,
a journal entry, the debrief) is pushed over its place. Dialogs are in
`tui/dialogs/`. Each name is imported when first asked for
(`companion.startup.lazy_exports`): the first screen does not pay for the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.startup import lazy_exports

if TYPE_CHECKING:
    from companion.tui.screens.applications import ApplicationsScreen
    from companion.tui.screens.bank import BankScreen
    from companion.tui.screens.debrief import DebriefScreen, open_debrief
    from companion.tui.screens.draft import DraftScreen
    from companion.tui.screens.home import HomeScreen
    from companion.tui.screens.interview import InterviewScreen
    from companion.tui.screens.interview_actions import InterviewActions
    from companion.tui.screens.journal import JournalScreen
    from companion.tui.screens.journal_entry import EntryScreen, delete_item, edit_item
    from companion.tui.screens.pacer import PacerScreen
    from companion.tui.screens.practice import PracticeScreen
    from companion.tui.screens.settings import SettingsScreen
    from companion.tui.screens.waiting import WaitingScreen

MODULES = {
    "ApplicationsScreen": "applications",
    "BankScreen": "bank",
    "DebriefScreen": "debrief",
    "DraftScreen": "draft",
    "EntryScreen": "journal_entry",
    "HomeScreen": "home",
    "InterviewActions": "interview_actions",
    "InterviewScreen": "interview",
    "JournalScreen": "journal",
    "PacerScreen": "pacer",
    "PracticeScreen": "practice",
    "SettingsScreen": "settings",
    "WaitingScreen": "waiting",
    "delete_item": "journal_entry",
    "edit_item": "journal_entry",
    "open_debrief": "debrief",
}

__all__ = [
    "ApplicationsScreen",
    "BankScreen",
    "DebriefScreen",
    "DraftScreen",
    "EntryScreen",
    "HomeScreen",
    "InterviewActions",
    "InterviewScreen",
    "JournalScreen",
    "PacerScreen",
    "PracticeScreen",
    "SettingsScreen",
    "WaitingScreen",
    "delete_item",
    "edit_item",
    "open_debrief",
]

__getattr__ = lazy_exports(__name__, MODULES)
