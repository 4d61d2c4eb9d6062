"""Keeping Python's cyclic garbage collector out of the way of a keypress.

On a heavy history the app holds hundreds of thousands of objects (the main
file's tables, loaded parts, the widgets). A full (generation 2) collection
walks all of them and takes tens of milliseconds; when one starts between a
key and the frame it leads to, that frame is late.

- From opening the database until the first screen has painted, no
  collection runs: loading a heavy main file makes hundreds of thousands of
  objects, and each full collection meanwhile would walk all of them again.
- `freeze()` once the first screen has painted: everything loaded so far (the
  data, the app) goes to the permanent generation, so later collections only
  walk what was made since. The data stays in use for the whole run; the
  little garbage the start made is kept too, and freezing costs no time.
- `hold()` when a key arrives and `release()` shortly after the frame it led to
  (`AFTER_FRAME`: Textual hands the frame to its writer thread, which needs
  the interpreter for a moment to write it, and a collection would keep it
  waiting). The collections that fell due meanwhile run then, while the
  person reads. A hold never lasts more than `MAX_HOLD` seconds, even with no
  frame (a key that changes nothing) or a stream of keys.

Only the running app does this (`companion` at a terminal), not tests.
"""

from __future__ import annotations

import gc

MAX_HOLD = 0.5  # seconds
AFTER_FRAME = 0.03  # seconds


class GcPause:
    def __init__(self) -> None:
        self.frozen = False
        self.holding = False
        self.holds = 0  # how many holds have begun: a timer releases only its own

    def freeze(self) -> None:
        """Once: move every object so far out of the collector's way."""
        if not self.frozen:
            self.frozen = True
            gc.freeze()

    def hold(self) -> int | None:
        """Stop automatic collections until `release`.

        Returns the new hold's number, or None when one is held already (or the
        collector was disabled by someone else).
        """
        if self.holding or not gc.isenabled():
            return None
        gc.disable()
        self.holding = True
        self.holds += 1
        return self.holds

    def release(self, hold: int | None = None) -> None:
        """Let collections run again; given a hold's number, only if that hold is current."""
        if self.holding and (hold is None or hold == self.holds):
            self.holding = False
            gc.enable()
