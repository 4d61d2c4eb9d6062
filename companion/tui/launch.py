"""Run the app from the command line and report what could not be saved."""

from __future__ import annotations

import sys
from pathlib import Path

from companion.clock import Clock
from companion.tui.app import make_app


def run_app(db_path: Path, clock: Clock, start: str | None = None) -> int:
    app = make_app(db_path, clock, start=start)
    try:
        app.run()
    finally:
        app.close_repository()
    if app.exit_problem:
        print(app.exit_problem, file=sys.stderr)
        return 1
    return 0
