"""Form fields that follow the app's cursor-blink setting (off in tests and snapshots)."""

from __future__ import annotations

from textual.widgets import Input, TextArea


class TextField(Input):
    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class TextBox(TextArea):
    """Several lines of the user's own words: soft-wrapped, no line numbers, tab moves on."""

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

    def __init__(self, text: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            compact=True,
            placeholder=placeholder,
        )

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
        self.move_cursor(self.document.end)
