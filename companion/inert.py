"""Text people typed or imported, made inert: nothing in it can steer a terminal.

What a person writes, pastes or imports (a company, a question from a shared
deck, a note) is stored exactly as written; it is only on its way to a screen
or a terminal that it passes through here, and every output does: the CLI's
streams (`cli/output.py`), the app's `tui/literal.py`, and a Markdown or
calendar export printed with `--output -`.

Each character a terminal would act on instead of showing, or that reorders
the text around it, becomes something visible:

- C0 controls (U+0000-U+001F, escape, bell, backspace, carriage return...)
  become their Unicode control pictures (U+2400 + code: ␛ ␇ ␈ ␍), one cell
  each; DEL (U+007F) becomes ␡.
- C1 controls (U+0080-U+009F; U+009B alone starts a sequence in some terminals,
  like escape and [) and the bidirectional embeddings, overrides and isolates
  (U+202A-U+202E, U+2066-U+2069, which make a terminal show the text around
  them in another order) have no pictures: they are written as their code
  point, `<U+009B>`, `<U+202E>`, the way `less` shows them.

Line breaks and tabs are kept where the place holds several lines (`visible`);
a Windows line end counts as one line break. In a place one line high (a table
cell, a list row, a title, a row the CLI prints) a line break or a tab is a
space instead (`one_line`), so that a name cannot end a row and start a false
one.

Both functions return text with no control character left (a second pass
changes nothing), and change nothing else: markup-like text such as
`[bold]x[/]` or `$x {y}` is plain text here, and the app shows it with
`textual.content.Content`, which never reads markup.
"""

from __future__ import annotations

# Embeddings, overrides and isolates reorder the text around them on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_KEPT = frozenset("\n\t")
_PICTURES: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in _KEPT},
    0x7F: "\u2421",
    **{code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)},
    **{ord(ch): f"<U+{ord(ch):04X}>" for ch in BIDI_CONTROLS},
}
_ONE_LINE = {**_PICTURES, ord("\n"): " ", ord("\t"): " "}
# Most text holds none of them: a look through a set (in C) spares it the translation.
_SHOWN = frozenset(map(chr, _PICTURES))
_SHOWN_OR_BREAK = frozenset(map(chr, _ONE_LINE))

# Escaped inside JSON strings: JSON escapes C0 itself; these it may carry raw.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (0x7F, *range(0x80, 0xA0), *(ord(ch) for ch in BIDI_CONTROLS))
}
_JSON_RAW = frozenset(map(chr, _JSON_ESCAPES))


def visible(text: str, *, keep_crlf: bool = False) -> str:
    """`text` for a place of several lines: line breaks and tabs kept, other controls shown.

    A Windows line end (CR LF) becomes a plain line break, or, with `keep_crlf`,
    stays as it is (a file format that needs it, like a calendar, printed):
    either way it only ends a line. A carriage return alone is shown (␍).
    """
    if _SHOWN.isdisjoint(text):
        return text
    if keep_crlf:
        return "\r\n".join(part.translate(_PICTURES) for part in text.split("\r\n"))
    return text.replace("\r\n", "\n").translate(_PICTURES)


def one_line(text: str) -> str:
    """`text` for a place one line high: line breaks and tabs as spaces, controls shown."""
    if _SHOWN_OR_BREAK.isdisjoint(text):
        return text
    return text.replace("\r\n", "\n").translate(_ONE_LINE)


def inert_json(text: str) -> str:
    """JSON text that means the same data and holds no raw control character.

    orjson escapes U+0000-U+001F itself and writes DEL, the C1 controls and the
    bidi controls as they are; as `\\uXXXX` escapes they read back to the same
    strings. They can only stand inside strings, so the replacement is safe.
    """
    if _JSON_RAW.isdisjoint(text):
        return text
    return text.translate(_JSON_ESCAPES)
