"""The CLI's streams: everything a command prints passes through `companion.inert`.

A command writes to `ctx.out` and `ctx.err` (or `ctx.print`): these wrap the
process's stdout and stderr so that no control character of a name, a note or
a question from a shared deck reaches the terminal, whatever the command and
whether or not it thought of it. Line breaks and tabs pass (a command's own
layout), and so does a Windows line end, which only ends a line (a calendar
printed needs it). A command that lays user text out in rows makes it one line
first (`ctx.print_line`), and JSON goes out through `json_text`
(`ctx.print_json`), whose escapes keep the data exact.
"""

from __future__ import annotations

import io
from typing import TextIO

from companion.inert import inert_json, visible


class InertWriter(io.TextIOBase):
    """A text stream that writes to `stream` with every control character made visible."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.stream.write(visible(text, keep_crlf=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def json_text(data: object) -> str:
    """`data` as indented JSON whose strings hold their text exactly, as escapes if need be."""
    import orjson

    return inert_json(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
