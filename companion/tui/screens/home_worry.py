"""Home's worry-time block: from the check-in slot on, the parked thoughts, offered once.

Kept apart from home.py so that the other things home shows change without
touching it. Before the slot nothing is read: the parked thoughts are in a
history part of their own, and the app's start does not load it.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static

from companion.domain.worries import slot_has_come
from companion.services import worries
from companion.tui.context import app_of

# The hint under the urge chart, when the breathing chosen in settings is the cyclic sigh.
SIGH_HINT = "Feel like checking your inbox? Press i and breathe for five minutes instead."


def show_urge_hint(home: Screen[None]) -> None:
    """Say how long the breathing is: the cyclic sigh takes five minutes, not one."""
    from companion.tui.screens.home import URGE_HINT

    sigh = app_of(home).settings.breathing_pattern == "sigh"
    home.query_one("#urge-hint", Static).update(SIGH_HINT if sigh else URGE_HINT)


def offer_parked_thoughts(home: Screen[None]) -> None:
    """Open the check-in's parked thoughts over home, if the slot has come and any wait."""
    app = app_of(home)
    if app.opens_after_paint:
        return  # offered once the data is open (home's `on_data_opened`)
    if app.repo.read_only or app.screen is not home:
        return
    if not slot_has_come(app.clock.now(), app.repo.settings.get().checkin_time):
        return  # nothing is read before the slot
    offer = worries.offer(app.repo)
    if not offer:
        return
    from companion.tui.dialogs import ParkedThoughts

    def answered(target: str | None) -> None:
        if target:
            app.open_target(target)

    app.push_screen(ParkedThoughts(offer, app.repo.interviews.all()), answered)
