"""The app's places: one key each, shown in the top bar, the help and the palette.

A new screen plugs in by adding a Destination here; the app builds its modes,
bindings, help and palette commands from this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class Destination:
    key: str
    mode: str
    label: str
    about: str
    screen: Callable[[], Screen[None]]
    short: str = ""
    """A shorter label for the top bar, when `label` is long."""

    @property
    def tab(self) -> str:
        return self.short or self.label


def _home() -> Screen[None]:
    from companion.tui.screens.home import HomeScreen

    return HomeScreen()


def _waiting() -> Screen[None]:
    from companion.tui.screens.waiting import WaitingScreen

    return WaitingScreen()


def _practice() -> Screen[None]:
    from companion.tui.screens.practice import PracticeScreen

    return PracticeScreen()


def _bank() -> Screen[None]:
    from companion.tui.screens.bank import BankScreen

    return BankScreen()


def _journal() -> Screen[None]:
    from companion.tui.screens.journal import JournalScreen

    return JournalScreen()


def _applications() -> Screen[None]:
    from companion.tui.screens.applications import ApplicationsScreen

    return ApplicationsScreen()


def _settings() -> Screen[None]:
    from companion.tui.screens.settings import SettingsScreen

    return SettingsScreen()


DESTINATIONS: tuple[Destination, ...] = (
    Destination("h", "home", "Home", "what, if anything, needs you today", _home),
    Destination(
        "w",
        "waiting",
        "Waiting room",
        "your interviews and the next kind date",
        _waiting,
        "Waiting",
    ),
    Destination("p", "practice", "Practice", "today's questions, and mock interviews", _practice),
    Destination("b", "bank", "Questions", "add, edit and filter your questions", _bank),
    Destination("j", "journal", "Journal", "your entries, debriefs and mood", _journal),
    Destination(
        "a", "applications", "Applications", "the jobs you applied for", _applications, "Applying"
    ),
    Destination("s", "settings", "Settings", "goal, inbox check, practice, calendar", _settings),
)
