"""Helpers for Pilot tests: waiting for a condition, reading what the user sees."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.widgets._toast import Toast


async def wait_until(
    pilot: Pilot[object], condition: Callable[[], bool], seconds: float = 8.0
) -> bool:
    """Let the app run until `condition()` holds; False if it never did."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def notices(app: App[object]) -> list[str]:
    """The text of every notification on screen now, title and message."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]
