"""A pick list whose cursor stops at its ends.

Textual's OptionList wraps: up on the first row goes to the last. In a list of
interviews or references that jump loses the reader's place, so every list of
companion stops at the first and the last row instead.
"""

from __future__ import annotations

from typing import Literal

from textual import _widget_navigation
from textual.widgets import OptionList


class StillList(OptionList):
    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        found = _widget_navigation.find_next_enabled_no_wrap(
            self.options, anchor=self.highlighted, direction=direction
        )
        if found is not None:
            self.highlighted = found
