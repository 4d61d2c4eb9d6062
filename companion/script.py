"""The `companion` console script: the CLI's `main`, with a quick start and a quick exit.

A printing command is a short run that loads a whole database into memory. The
cyclic garbage collector would walk those objects again and again while they
load, and at exit the interpreter would free them one by one; neither keeps
anything. So the script turns the collector off for the run and, once the
command is over, leaves with `os._exit` instead of a full teardown, but only
when that loses nothing:

- `main` has returned an exit code (the repository is closed by then: every
  command opens it in a `with` block, which writes and lets go of the lock);
- no other thread is running (nothing is left to finish its work);
- the app was never started (it runs long, with the collector on, and ends
  the normal way);
- the exit functions have run and stdout and stderr flushed without error
  (otherwise Python's own exit reports the error and sets the status, as it
  always did); a reader that closed the pipe early is not an error: what is
  left to print goes to the null device.

Anything else (an exception, `--help`, a usage error: `SystemExit`) ends the
normal way. `python -m companion` calls `main` directly.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn, TextIO


def run() -> NoReturn:
    gc.disable()
    from companion.cli.main import main

    code = main()
    leave(code)


def leave(code: int) -> NoReturn:
    """Exit with `code`: at once when nothing is left to do, else the normal way."""
    import threading

    if "companion.tui.launch" in sys.modules or threading.active_count() > 1:
        sys.exit(code)
    try:
        import atexit

        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                flush_unless_gone(stream)
    except BaseException:  # a full disk: Python's exit says so, as before
        sys.exit(code)
    os._exit(code)


def flush_unless_gone(stream: TextIO) -> None:
    """Flush; a reader that closed the pipe early (`| head -1`) is not an error."""
    try:
        stream.flush()
    except BrokenPipeError:
        from companion.cli.context import silence

        silence(stream)
