"""The app's places: one key each, shown in the footer, the help and the palette.

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


def _home() -> Screen[None]:
    from companion.tui.screens.home import HomeScreen

    return HomeScreen()


def _waiting() -> Screen[None]:
    from companion.tui.screens.waiting import WaitingScreen

    return WaitingScreen()


DESTINATIONS: tuple[Destination, ...] = (
    Destination("h", "home", "Home", "what, if anything, needs you today", _home),
    Destination("w", "waiting", "Waiting room", "your interviews and the next kind date", _waiting),
)
