"""Run the app from the command line and report what could not be saved."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from companion.clock import Clock
from companion.tui.app import CompanionApp, make_app

Ask = Callable[[str], bool]


def ask_in_terminal(problem: str) -> bool:
    """After the app has gone: try to save again? Only asked of a person at a terminal."""
    if not sys.stdin.isatty():
        return False
    print(problem, file=sys.stderr)
    try:
        answer = input("Press Enter to try again, or type q and Enter to quit without saving: ")
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() not in ("q", "quit")


def finish(app: CompanionApp, ask: Ask = ask_in_terminal) -> None:
    """Close the database once the app has stopped, retrying the last save while asked to.

    The app asks at quit (the quit guard); this covers the ways out that skip
    it, such as an error inside the app.
    """
    app.close_repository()
    while app.exit_problem and app.unsaved_changes and ask(app.exit_problem):
        app.close_repository()


def run_app(
    db_path: Path, clock: Clock, start: str | None = None, ask: Ask = ask_in_terminal
) -> int:
    app = make_app(db_path, clock, start=start)
    try:
        app.run()
    finally:
        finish(app, ask)
    if app.exit_problem:
        print(app.exit_problem, file=sys.stderr)
        return 1
    return 0
