"""Every dialog: the boxes that open over a screen and close again.

Forms are `FormScreen`s (form.py: rows, errors in place, Cancel then Save,
the read-only guard); a pick-one list is a `ChoiceDialog` (choice.py); every
yes-or-no question is `Confirm` (confirm.py). Places and their sub-pages are
in `tui/screens/`. Each name is imported when first asked for
(`companion.startup.lazy_exports`); inside this package, modules import each
other directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.startup import lazy_exports

if TYPE_CHECKING:
    from companion.tui.dialogs.answer_history import AnswerHistoryScreen
    from companion.tui.dialogs.application import ApplicationForm, StatusDialog, log_application
    from companion.tui.dialogs.choice import ChoiceDialog
    from companion.tui.dialogs.confirm import Confirm
    from companion.tui.dialogs.contact import ContactForm
    from companion.tui.dialogs.decks import DeckPicker
    from companion.tui.dialogs.entry import EntryForm, write_entry
    from companion.tui.dialogs.export import ExportScreen
    from companion.tui.dialogs.fit import FitForm
    from companion.tui.dialogs.form import FormScreen
    from companion.tui.dialogs.help import HelpScreen
    from companion.tui.dialogs.interview import InterviewForm
    from companion.tui.dialogs.kind_words import KindWords
    from companion.tui.dialogs.move_on import MoveOnScreen
    from companion.tui.dialogs.offer import OfferForm
    from companion.tui.dialogs.outcome import OutcomeDialog
    from companion.tui.dialogs.parked import ParkedThoughts
    from companion.tui.dialogs.question import AnswerForm, QuestionForm
    from companion.tui.dialogs.quit_guard import QuitGuardScreen
    from companion.tui.dialogs.references import (
        InterviewReferences,
        ReferenceForm,
        ReferencesScreen,
    )
    from companion.tui.dialogs.story import StoryForm, StoryLinks
    from companion.tui.dialogs.weekly_goal import WeeklyGoalScreen, WelcomeScreen
    from companion.tui.dialogs.writing_programme import WritingProgramme

MODULES = {
    "AnswerForm": "question",
    "AnswerHistoryScreen": "answer_history",
    "ApplicationForm": "application",
    "ChoiceDialog": "choice",
    "Confirm": "confirm",
    "ContactForm": "contact",
    "DeckPicker": "decks",
    "EntryForm": "entry",
    "ExportScreen": "export",
    "FitForm": "fit",
    "FormScreen": "form",
    "HelpScreen": "help",
    "InterviewForm": "interview",
    "InterviewReferences": "references",
    "KindWords": "kind_words",
    "MoveOnScreen": "move_on",
    "OfferForm": "offer",
    "OutcomeDialog": "outcome",
    "ParkedThoughts": "parked",
    "QuestionForm": "question",
    "QuitGuardScreen": "quit_guard",
    "ReferenceForm": "references",
    "ReferencesScreen": "references",
    "StatusDialog": "application",
    "StoryForm": "story",
    "StoryLinks": "story",
    "WeeklyGoalScreen": "weekly_goal",
    "WelcomeScreen": "weekly_goal",
    "WritingProgramme": "writing_programme",
    "log_application": "application",
    "write_entry": "entry",
}

__all__ = [
    "AnswerForm",
    "AnswerHistoryScreen",
    "ApplicationForm",
    "ChoiceDialog",
    "Confirm",
    "ContactForm",
    "DeckPicker",
    "EntryForm",
    "ExportScreen",
    "FitForm",
    "FormScreen",
    "HelpScreen",
    "InterviewForm",
    "InterviewReferences",
    "KindWords",
    "MoveOnScreen",
    "OfferForm",
    "OutcomeDialog",
    "ParkedThoughts",
    "QuestionForm",
    "QuitGuardScreen",
    "ReferenceForm",
    "ReferencesScreen",
    "StatusDialog",
    "StoryForm",
    "StoryLinks",
    "WeeklyGoalScreen",
    "WelcomeScreen",
    "WritingProgramme",
    "log_application",
    "write_entry",
]

__getattr__ = lazy_exports(__name__, MODULES)
