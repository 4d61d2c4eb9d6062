"""A reusable Pilot helper: type tricky text into an Input and check it shows literally.

    value = await type_into(pilot, "#goal", "[bold]5[/]")
    assert_on_screen(pilot.app, value)
    assert_no_control_characters(pilot.app)

Printable ASCII is typed as keys; everything else (escape sequences, bells,
emoji, other scripts) arrives as a paste, as a terminal may deliver it. The
field keeps what it accepts (a `restrict` pattern may refuse some, and
companion's TextField drops control characters); the screen must then show
that value character for character: nothing read as markup, and no control
character painted for the terminal to obey.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from textual.app import App
from textual.events import Key, Paste
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input

MARKUP_LIKE = (
    "[bold]loud[/bold]",
    "[/]",
    "[b]5[/b] and [i]6",
    "[link='https://example.com']click[/link]",
    "[red on white]x[/]",
    "$primary $text-muted",
    "\\[escaped] \\\\",
    ":smile: @click=app.quit",
    "&lt;b&gt; <b>html</b>",
)
CONTROL = (
    "\x1b[31mred\x1b[0m",
    "bell\x07ring",
    "back\x08space",
    "carriage\rreturn",
    "tab\there",
    "\x1b]0;title\x07",
    "del\x7fete",
)
UNICODE = ("été 日本 🙂", "\u200bzero\u200dwidth", "\u202eright-to-left")
TRICKY = MARKUP_LIKE + CONTROL + UNICODE


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_control(ch: str) -> bool:
    """A character a terminal acts on, or that reorders the text around it."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def _runs(text: str) -> list[tuple[bool, str]]:
    """Split `text` into runs of keys to press (printable ASCII) and runs to paste."""
    runs: list[tuple[bool, str]] = []
    for ch in text:
        printable = ch.isascii() and ch.isprintable()
        if runs and runs[-1][0] == printable:
            runs[-1] = (printable, runs[-1][1] + ch)
        else:
            runs.append((printable, ch))
    return runs


async def type_into(pilot: Pilot[object], selector: str, text: str) -> str:
    """Clear the Input at `selector`, type `text` into it, and return what it kept."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.clear()
    await pilot.pause()
    for printable, run in _runs(text):
        if printable:  # as key presses; the focused field sees them before any binding
            for ch in run:
                key = ch if ch.isalnum() else _character_to_key(ch)
                field.post_message(Key(key, ch))
        else:
            field.post_message(Paste(run))
    await pilot.pause()
    return field.value


def screen_lines(app: App[object]) -> list[str]:
    """The characters painted on the screen now, one string a row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def assert_on_screen(app: App[object], value: str, width: int | None = None) -> None:
    """`value` (less any control characters) is painted on one row as it is.

    In a field `width` cells wide, a longer value scrolls: its end is what shows.
    """
    visible = "".join(ch for ch in value if not is_control(ch))
    if width is not None and cell_len(visible) >= width:
        tail = ""
        for ch in reversed(visible):  # the end that fits beside the cursor, in cells
            if cell_len(ch + tail) >= width - 1:
                break
            tail = ch + tail
        visible = tail
    if not visible.strip():
        return
    rows = screen_lines(app)
    assert any(visible in row for row in rows), (
        f"{visible!r} is not on the screen as typed:\n" + "\n".join(rows)
    )


def assert_no_control_characters(app: App[object]) -> None:
    """Nothing that a terminal would act on (escape, bell, backspace...) is painted."""
    for row in screen_lines(app):
        bad = [ch for ch in row if is_control(ch)]
        assert not bad, f"control characters {bad!r} reach the terminal in {row!r}"
