"""Form fields that follow the app's cursor-blink setting (off in tests and snapshots)."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

from companion.inert import BIDI_CONTROLS


def printable_text(text: str, *, newlines: bool = False) -> str:
    """`text` without what a terminal would act on instead of showing.

    Control characters (escape sequences, bells, backspaces) pasted into a
    field would otherwise be painted raw, and the terminal would obey them;
    a tab becomes a space. Joiners and other format characters that emoji and
    scripts need are kept, and so are line breaks where `newlines` allows them.
    """
    kept = "\t\n" if newlines else "\t"
    return "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch in kept or (unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS)
    )


class TextField(Input):
    """An Input that keeps only text it can show as typed (see `printable_text`)."""

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))

    def validate_value(self, value: str) -> str:
        return printable_text(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(printable_text(text), start, end)


class TextBox(TextArea):
    """Several lines of the user's own words: soft-wrapped, no line numbers, tab moves on.

    Like a TextField, it keeps only text it can show as typed, the text it opens
    with included (an imported answer may hold control characters). The cursor
    starts at the end, to go on writing; `cursor_at_end = False` starts it at the
    top, to read first.
    """

    cursor_at_end: ClassVar[bool] = True

    DEFAULT_CSS = """
    TextBox {
        height: auto;
        min-height: 2;
        max-height: 8;
        background: $panel;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    """

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,
        placeholder: str = "",
        classes: str | None = None,
    ) -> None:
        super().__init__(
            printable_text(text, newlines=True),
            id=id,
            classes=classes,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            compact=True,
            placeholder=placeholder,
        )

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
        if self.cursor_at_end:
            self.move_cursor(self.document.end)

    def replace(
        self, insert: str, start: Location, end: Location, *, maintain_selection_offset: bool = True
    ) -> EditResult:
        return super().replace(
            printable_text(insert, newlines=True),
            start,
            end,
            maintain_selection_offset=maintain_selection_offset,
        )

    def insert(
        self,
        text: str,
        location: Location | None = None,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        return super().insert(
            printable_text(text, newlines=True),
            location,
            maintain_selection_offset=maintain_selection_offset,
        )


def score_field(score: int | None, field_id: str, *, select_on_focus: bool = False) -> TextField:
    """A one-digit field for a score from 1 to 5 (a mood, how it felt), blank for none."""
    return TextField(
        "" if score is None else str(score),
        id=field_id,
        restrict=r"[1-5]?",
        max_length=1,
        compact=True,
        select_on_focus=select_on_focus,
        classes="digit",
    )
