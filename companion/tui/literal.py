"""User text for the screen, literally: never markup, and control characters made visible.

Textual's Content already never reads markup in plain text; this also turns
the control characters a terminal would act on (escape, bell, backspace, ...)
into their visible symbols (␛, ␇, ␈), so that what was typed or pasted is
what is shown and nothing can steer the terminal. Line breaks and tabs stay.
"""

from __future__ import annotations

from textual.content import Content

_KEEP = {"\n", "\t"}
_PICTURES = {
    **{chr(code): chr(0x2400 + code) for code in range(0x20) if chr(code) not in _KEEP},
    "\x7f": "\u2421",
}
_TABLE = str.maketrans(_PICTURES)


def visible(text: str) -> str:
    """The text with Windows line ends made plain and other control characters shown."""
    return text.replace("\r\n", "\n").translate(_TABLE)


def literal(text: str) -> Content:
    return Content(visible(text))


def line(text: str) -> Content:
    """User text in a place one line high: line breaks and tabs as spaces."""
    return Content(visible(text).replace("\n", " ").replace("\t", " "))
