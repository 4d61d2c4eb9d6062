"""Form fields that follow the app's cursor-blink setting (off in tests and snapshots)."""

from __future__ import annotations

import unicodedata

from textual.widgets import Input

# Embeddings, overrides and isolates reorder the text around them on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable_text(text: str) -> str:
    """`text` without what a terminal would act on instead of showing.

    Control characters (escape sequences, bells, backspaces) pasted into a
    field would otherwise be painted raw, and the terminal would obey them;
    a tab becomes a space. Joiners and other format characters that emoji and
    scripts need are kept.
    """
    return "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch == "\t" or (unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS)
    )


class TextField(Input):
    """An Input that keeps only text it can show as typed (see `printable_text`)."""

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))

    def validate_value(self, value: str) -> str:
        return printable_text(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(printable_text(text), start, end)
