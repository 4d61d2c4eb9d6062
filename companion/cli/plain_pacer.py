"""Breathing in plain lines of text: one line a phase, then its pause.

For `companion breathe --plain`, a terminal that cannot draw the full screen
(TERM=dumb) and output that is not a terminal. Nothing here moves or colours
anything, and it does not import textual. The waiting is `sleep` until each
phase's time on `monotonic` (so a slow print does not stretch the breath);
both are passed in, so tests pace five minutes in no time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TextIO

from companion.domain.breathing import Pattern, plain_lines

Sleep = Callable[[float], None]
Monotonic = Callable[[], float]
# What `companion breathe --plain` waits with; tests put their own in their place.
SLEEP: Sleep = time.sleep
MONOTONIC: Monotonic = time.monotonic


def wants_plain(environ: Mapping[str, str], out: TextIO) -> bool:
    """Plain lines instead of the full screen: TERM=dumb, or output that is not a terminal."""
    if environ.get("TERM", "").strip().lower() == "dumb":
        return True
    isatty = getattr(out, "isatty", None)
    return not (callable(isatty) and isatty())


def pace(
    pattern: Pattern,
    out: TextIO,
    *,
    sleep: Sleep = time.sleep,
    monotonic: Monotonic = time.monotonic,
) -> bool:
    """Print each phase's line and wait out its seconds. False when stopped with Ctrl-C."""
    start = monotonic()
    due = 0.0
    try:
        for words, seconds in plain_lines(pattern):
            print(words, file=out, flush=True)
            due += seconds
            wait = start + due - monotonic()
            if wait > 0:
                sleep(wait)
    except KeyboardInterrupt:
        print("", file=out)
        return False
    return True
