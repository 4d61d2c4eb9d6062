"""User text for the screen, literally: never markup, and control characters made visible.

Textual's Content never reads markup in plain text, but it paints control
characters as they are, and the terminal would obey them. `literal` shows
text of several lines (notes, answers, the journal) and `line` text in a
place one line high (a table cell, a list row, a title, a notification's
title); both go through `companion.inert` (what is made visible, and how, is
described there).
"""

from __future__ import annotations

from textual.content import Content

from companion.inert import one_line, visible

__all__ = ["line", "literal", "one_line", "visible"]


def literal(text: str) -> Content:
    """Several lines of user text: line breaks kept, control characters shown."""
    return Content(visible(text))


def line(text: str) -> Content:
    """User text in a place one line high: line breaks as spaces, control characters shown."""
    return Content(one_line(text))
