"""Run the app from the command line and report what could not be saved.

The style sheets are parsed through the ones kept from the last run
(`tui/kept_styles.py`), and kept again when the app ends.

`COMPANION_EXIT_AFTER_PAINT=1` makes the app quit as soon as its first screen
has painted: the benchmarks (benchmarks/) time a cold start with it. It
changes nothing else.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import rich
import textual

from companion import kept_frame
from companion.clock import Clock
from companion.inert import visible
from companion.tui.app import CompanionApp, make_app
from companion.tui.kept_styles import KeptStyles, default_path

EXIT_AFTER_PAINT_ENV = "COMPANION_EXIT_AFTER_PAINT"

Ask = Callable[[str], bool]


NO_TERMINAL = (
    "companion's app needs a terminal to run in, and its input or output is not one "
    "(a pipe or a file?). Run it in a terminal, or use a command that prints, such as "
    "companion summary."
)


def has_terminal() -> bool:
    """Both the keyboard and the screen are a terminal: without one the app would wait
    for keys that never come, holding the lock. (A Textual driver named in the
    environment, such as the web driver `companion serve` runs the app with, talks
    over the streams instead.)"""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def ask_in_terminal(problem: str) -> bool:
    """After the app has gone: try to save again? Only asked of a person at a terminal."""
    if not sys.stdin.isatty():
        return False
    print(visible(problem), file=sys.stderr)
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


def keep_home_frame(app: CompanionApp, db_path: Path) -> bool:
    """Keep home's first frame for the next start to show at once, for as long as the
    summary it shows holds (companion/kept_frame.py); True when kept. Not when this start
    showed the kept one: it held for everything this frame was drawn from, so it is
    this frame, kept already."""
    drawn, frame = app.home_drawn_from, app.first_frame
    if drawn is None or frame is None or app.changes or app.crash is not None:
        return False
    if kept_frame.shown is not None:
        return False
    until = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=drawn.until_ns // 1000)
    files = frame_files()
    return kept_frame.keep(
        db_path, drawn.read_from, until, drawn.now, frame.text, frame.size, os.environ, files
    )


def frame_files() -> list[str]:
    """The files, besides the data, that shape home's frame: Textual and Rich, companion's
    styles and home's screen, and the keymap file (its keys are in the footer)."""
    from companion.paths import keymap_path
    from companion.tui.screens import home

    styles = Path(__file__).with_name(CompanionApp.CSS_PATH)
    drawn_by = (textual.__file__, rich.__file__, styles, home.__file__, keymap_path(os.environ))
    return [str(path) for path in drawn_by]


def run_app(
    db_path: Path, clock: Clock, start: str | None = None, ask: Ask = ask_in_terminal
) -> int:
    exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) == "1"
    terminal = has_terminal()
    # Opened first, so that a bad file is reported as such (exit 1) even with no terminal;
    # at a terminal, after home's first frame if home's kept summary still holds.
    try:
        app = make_app(
            db_path,
            clock,
            start=start,
            exit_after_paint=exit_after_paint,
            pause_gc=True,
            open_after_paint=terminal,
        )
    except BaseException:
        kept_frame.put_back()  # home's kept frame, shown before a file that now fails
        raise
    if not terminal:
        app.close_repository()
        if app.gc_pause is not None:
            app.gc_pause.release()
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    styles = KeptStyles.load(default_path())
    styles.install()
    try:
        app.run()
    finally:
        finish(app, ask)
        styles.save()
        keep_home_frame(app, db_path)
    if app.exit_problem:
        print(visible(app.exit_problem), file=sys.stderr)
        return 1
    if app.crash is not None:
        return 1
    return app.return_code or 0
