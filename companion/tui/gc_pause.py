"""Keeping Python's cyclic garbage collector out of the way of a keypress.

On a heavy history the app holds hundreds of thousands of objects (the main
file's tables, loaded parts, the widgets). A full (generation 2) collection
walks all of them and takes tens of milliseconds; when one starts between a
key and the frame it leads to, that frame is late.

- `freeze()` once the first screen has painted: everything loaded so far (the
  data, the app) goes to the permanent generation, so later collections only
  walk what was made since. The data stays in use for the whole run, so
  nothing collectable is kept; it costs no time (no collection is made).
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

    def freeze(self) -> None:
        """Once: move every object so far out of the collector's way."""
        if not self.frozen:
            self.frozen = True
            gc.freeze()

    def hold(self) -> bool:
        """Stop automatic collections until `release`; False if already held or disabled."""
        if self.holding or not gc.isenabled():
            return False
        gc.disable()
        self.holding = True
        return True

    def release(self) -> None:
        if self.holding:
            self.holding = False
            gc.enable()
