"""Home's last first frame, shown again at once while the app starts.

The app's start is mostly Python importing Textual and companion and Textual
building home: hundreds of milliseconds on a slow machine, in which the person
looks at an empty terminal. Yet when nothing has changed since the last start,
home's first frame is already known: it is the one the last start wrote to the
terminal. So the app keeps those bytes (`companion.json.home-frame`, beside
the main file) and, at the next start, the console script writes them to the
terminal before importing anything else (`show_at_once`); Textual's own first
frame, written over it once the app runs, is the same.

What a kept frame shows is home's summary and settings, drawn at one terminal
size, by one Textual, in one environment. So it is kept under the rules of the
summary it shows (`companion/answers.py`: the main file's identity, the clock's
window up to the next instant that may change the summary, the clock's offset,
companion's version, a settled file), and with it what else shaped it
(`drawn_with`): the terminal's size, the environment variables Textual, Rich
and companion read to draw, Textual's installed files and the keymap file
(which names the footer's keys). A frame is shown only when every one of them
is as it was; anything else and the app starts as it always did.

The frame is shown only where the app runs at a terminal: plain `companion`,
with or without `--db`, standard input and output both terminals. The terminal
is then in the alternate screen, with its cursor hidden and line wrap off, and
its keys not echoed (a key pressed meanwhile waits, unseen, for the app). The
app's driver takes it from there (`take_over`, `tui/frame_driver.py`); should
the start end before that, `put_back` restores the terminal as it was.

The file holds bytes written to the terminal as they are, so it is read only as
every kept file is: a regular file of this user's no one else may read or write.
Its bytes are the ones Textual wrote, in which user text has already been made
inert.

This module imports nothing but `os` and `sys` at the top (and `termios` when it
shows a frame): the console script tries it before anything else.
"""

from __future__ import annotations

import os
import sys

from companion import answers

TYPE_CHECKING = False  # `typing` costs the start 8 ms
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime
    from typing import Any

    from companion.answers import Identity

HOME_FRAME = answers.HOME_FRAME
# What the environment says that changes what is drawn (its colours, its keys, where
# the keymap file is), and the prefixes of the ones Textual and companion read.
DRAWN_BY = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "HOME", "LANG")
DRAWN_BY_PREFIXES = ("TEXTUAL_", "COMPANION_", "XDG_CONFIG", "LC_")
# Not what is drawn: the benchmarks' quit after the first frame.
NOT_DRAWN_BY = ("COMPANION_EXIT_AFTER_PAINT",)
ENTER = "\x1b[?1049h\x1b[?25l\x1b[?7l"  # alternate screen, cursor hidden, no line wrap
LEAVE = "\x1b[?7h\x1b[?25h\x1b[?1049l"
SYNC_START, SYNC_END = "\x1b[?2026h", "\x1b[?2026l"


class Shown:
    """A frame written at the start: the terminal's settings before, to put back."""

    def __init__(self, fd: int, attrs: list[Any] | None) -> None:
        self.fd = fd
        self.attrs = attrs
        self.taken = False


shown: Shown | None = None


def environment_key(environ: Mapping[str, str]) -> str:
    """The environment variables that shape what is drawn, as one line."""
    names = sorted(
        name
        for name in environ
        if (name in DRAWN_BY or name.startswith(DRAWN_BY_PREFIXES)) and name not in NOT_DRAWN_BY
    )
    return repr([(name, environ[name]) for name in names])


def file_stamp(path: str) -> str:
    """A file's path with its size and modification time ("-" for none)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return f"{path!r} -"
    return f"{path!r} {st.st_size} {st.st_mtime_ns}"


def drawn_with(size: tuple[int, int], environ: Mapping[str, str], files: Sequence[str]) -> str:
    """What, besides the summary, a frame depends on: one line, compared whole."""
    width, height = size
    stamps = " ".join(file_stamp(path) for path in files)
    return f"{width}x{height} {environment_key(environ)} {stamps}".replace("\n", " ")


def encode(key: str, files: Sequence[str], frame: str) -> bytes:
    """A kept frame: the key it was drawn with, the files stamped, then the frame."""
    head = "\0".join([key, *files])
    return head.encode("utf-8", "surrogateescape") + b"\n" + frame.encode("utf-8")


def decode(data: bytes) -> tuple[str, list[str], bytes] | None:
    head, newline, frame = data.partition(b"\n")
    if not newline:
        return None
    try:
        key, *files = head.decode("utf-8", "surrogateescape").split("\0")
    except UnicodeDecodeError:
        return None
    return key, files, frame


# The console script's first look


def tui_start_db(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The main file when `argv` starts the app on home (nothing, or only `--db`),
    as the parser would find it; else None."""
    option: str | None = None
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) == 2:
        option, rest = rest[1], []
    elif len(rest) == 1 and rest[0].startswith("--db="):
        option, rest = rest[0].removeprefix("--db="), []
    if rest or (option is not None and (not option or option.startswith("-"))):
        return None
    return answers.db_of(option, environ)


def terminal_size(fd: int) -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        return None
    return size.columns, size.lines


def show_at_once(argv: Sequence[str], environ: Mapping[str, str]) -> bool:
    """Write home's kept frame to the terminal if this start would draw the same frame
    first; True when written (the app's driver then takes the terminal over)."""
    global shown
    if shown is not None or sys.platform == "win32" or environ.get("TEXTUAL_DRIVER"):
        return False
    if not (os.isatty(0) and os.isatty(1)):
        return False
    db = tui_start_db(argv, environ)
    size = terminal_size(1)
    if db is None or size is None:
        return False
    try:
        now_ns, offset = answers.clock_now(environ)
    except (ValueError, OverflowError):
        return False
    kept = answers.kept_until(db, HOME_FRAME, now_ns, offset)
    found = None if kept is None else decode(kept[0])
    if found is None:
        return False
    key, files, frame = found
    if key != drawn_with(size, environ, files):
        return False
    shown = Shown(1, hide_keys(0))
    written = write_all(1, ENTER.encode() + SYNC_START.encode() + frame + SYNC_END.encode())
    if not written:
        put_back()
    return written


def hide_keys(fd: int) -> list[Any] | None:
    """Stop the terminal echoing keys and waiting for whole lines (the app's driver
    does the rest); the settings before, or None when they could not be changed."""
    import termios

    try:
        before = termios.tcgetattr(fd)
        after = termios.tcgetattr(fd)
        after[3] &= ~(termios.ECHO | termios.ICANON)
        termios.tcsetattr(fd, termios.TCSANOW, after)
    except termios.error:
        return None
    return before


def write_all(fd: int, data: bytes) -> bool:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        return False
    return True


def take_over() -> Shown | None:
    """The app's driver starts: what was shown before it, once (None when nothing was),
    with the terminal's settings from before, which the driver restores as the app ends."""
    if shown is None or shown.taken:
        return None
    shown.taken = True
    return shown


def put_back() -> None:
    """The start ended before the app's driver took the terminal: leave the alternate
    screen and restore the terminal's settings."""
    global shown
    if shown is None or shown.taken:
        return
    was, shown = shown, None
    write_all(was.fd, LEAVE.encode())
    if was.attrs is not None:
        import termios

        try:
            termios.tcsetattr(0, termios.TCSANOW, was.attrs)
        except termios.error:
            pass


# Keeping (by the app, as it ends)


def keep(
    db: str | os.PathLike[str],
    read_from: Identity | None,
    until: datetime,
    now: datetime,
    frame: str,
    size: tuple[int, int],
    environ: Mapping[str, str],
    files: Sequence[str],
) -> bool:
    """Keep home's first `frame`, drawn at `now` from the summary of the main file
    read as `read_from`, which holds until `until`, at the terminal `size`; True
    when kept."""
    frame = frame.removeprefix(SYNC_START).removesuffix(SYNC_END)
    data = encode(drawn_with(size, environ, files), files, frame)
    return answers.keep_bytes(db, HOME_FRAME, read_from, data, now, until)
