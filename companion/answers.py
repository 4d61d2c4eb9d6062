"""Answers kept beside the database for the shell prompt: `summary --short` and
`interview list --json` printed without loading the data again.

A prompt or a tmux status line runs `companion summary --short` thousands of
times a day, and its answer changes only when the data changes or the clock
crosses a boundary the answer depends on. So the command that computes it also
keeps it, in a file beside the main file (`companion.json.summary-short`,
owner-only, written whole or not at all), with what it was computed from:

- the main file's identity (device, inode, size, and the modification and
  change times in nanoseconds): any write, by companion or anything else,
  gives a new one (a new inode and change time, which no program can set);
- the instant it was computed and the first instant it may differ
  (`domain.changes.next_change`: the next local midnight, the next hour, the
  next question due, the check-in and the end of its window), and the clock's
  offset from UTC (a new time zone or summer time makes it stale);
- the version of companion that computed it (anything else the code draws on,
  such as the `holidays` package's calendars, is bounded by the next hour).

A kept answer is printed only when all of them still hold; anything else (no
file, another identity, a clock outside the window, a file that does not read
back whole, another owner, group or world access, a file larger than any answer
is kept) means the answer is computed again: a kept answer is never trusted
beyond what it records. What it holds is printed through `companion.inert`
like everything else, so even a kept file written by hand cannot steer the
terminal.

Why the main file's identity stands for the whole database: every save is one
commit (`store/commit.py`) that writes the history parts it changed under new
names, then renames a new main file, which names them, into place. So every
commit gives the main file a new inode and change time, part files are never
changed in place, and a crash between the parts and the main file leaves the
main file, and so everything a reader sees, as it was. A restore, an import
and a schema upgrade each end in such a commit too. (The commit number the
main file holds would say the same, but reading it means parsing the main
file, which is what keeping the answer spares the prompt; and a file put back
by hand can carry a number seen before, where it cannot carry an old change
time.)

Timestamps are coarse (a file system keeps them to a tick, some to a second
or two), so two writes close together could leave the same identity. An answer
is therefore kept only when the main file had not changed for `SETTLE_NS`
before it was read and did not change while it was computed: any later write
then has a later change time.

This module imports nothing but `os`, `sys` and `time` at the top: the console
script tries it before anything else (`companion/script.py`).
"""

from __future__ import annotations

import os
import sys
import time

from companion import __version__
from companion.private_files import read_private, write_private

TYPE_CHECKING = False  # `typing` and `collections` cost the prompt 8 ms
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime
    from typing import TypeAlias

    Identity: TypeAlias = tuple[int, int, int, int, int]

FORMAT = "companion-answer 2"  # 2: the length in bytes
# What follows the global options, exactly, and the name of its file's suffix.
SUMMARY_SHORT = "summary-short"
INTERVIEW_LIST_JSON = "interview-list-json"
KEPT: dict[tuple[str, ...], str] = {
    ("summary", "--short"): SUMMARY_SHORT,
    ("interview", "list", "--json"): INTERVIEW_LIST_JSON,
}
# Home's summary, kept by the app for its next start (`services/kept_home.py`).
HOME_SUMMARY = "home-summary"
# Home's first frame as the terminal got it, written again at the next start
# (`companion/kept_frame.py`).
HOME_FRAME = "home-frame"
KEPT_NAMES = (*KEPT.values(), HOME_SUMMARY, HOME_FRAME)
SETTLE_NS = 3_000_000_000
# Larger than any answer kept (a kept file this big is not one of ours).
MAX_BYTES = 1 << 20
HEADER_LINES = 7


def wall_ns() -> int:
    """The wall clock, as the file system stamps files (never a frozen clock)."""
    return time.time_ns()


def identity(path: str | os.PathLike[str]) -> Identity | None:
    """The main file's identity, or None when there is no file to read."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def kept_path(db: str, name: str) -> str:
    return f"{db}.{name}"


# Reading


def kept_answer(db: str, name: str, now_ns: int, offset: int) -> str | None:
    """The answer kept for `name` beside `db`, if it still holds at `now_ns` (epoch
    nanoseconds) with the clock `offset` seconds from UTC; else None."""
    kept = kept_until(db, name, now_ns, offset)
    if kept is None:
        return None
    try:
        return kept[0].decode("utf-8")
    except UnicodeDecodeError:
        return None


def kept_until(db: str, name: str, now_ns: int, offset: int) -> tuple[bytes, int] | None:
    """The bytes kept for `name`, as `kept_answer` finds them, and the instant (epoch
    nanoseconds) until which they hold."""
    found = identity(db)
    if found is None:
        return None
    raw = read_private(kept_path(db, name), MAX_BYTES)
    if raw is None:
        return None
    parts = raw.split(b"\n", HEADER_LINES)
    if len(parts) != HEADER_LINES + 1:
        return None
    try:
        magic, version, key, ident, kept_offset, window, length = (
            part.decode("utf-8") for part in parts[:HEADER_LINES]
        )
        valid_from, valid_until = (int(part) for part in window.split(" "))
        holds = (
            magic == FORMAT
            and version == __version__
            and key == name
            and ident == " ".join(map(str, found))
            and int(kept_offset) == offset
            and valid_from <= now_ns < valid_until
            and int(length) == len(parts[HEADER_LINES])
        )
    except (UnicodeDecodeError, ValueError):
        return None
    return (parts[HEADER_LINES], valid_until) if holds else None


# Keeping


def keep_answer(
    db: str | os.PathLike[str],
    name: str,
    read_from: Identity | None,
    answer: str,
    now: datetime,
    until: datetime,
) -> bool:
    """Keep `answer` for `name`, computed at `now` from the main file whose identity
    was `read_from` just before it was read, until `until`; True when kept.

    Kept only when the file is as it was when read, and had settled by then.
    Nothing is raised: an answer that cannot be kept is computed again next time.
    """
    try:
        data = answer.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the data: computed each time
        return False
    return keep_bytes(db, name, read_from, data, now, until)


def may_keep(db: str | os.PathLike[str], read_from: Identity | None) -> bool:
    """Whether an answer computed from the main file read as `read_from` may be kept:
    the file is still that one, and had settled before it was read."""
    if read_from is None or identity(db) != read_from:
        return False
    _dev, _ino, _size, mtime_ns, ctime_ns = read_from
    return wall_ns() - max(mtime_ns, ctime_ns) >= SETTLE_NS


def keep_bytes(
    db: str | os.PathLike[str],
    name: str,
    read_from: Identity | None,
    data: bytes,
    now: datetime,
    until: datetime,
) -> bool:
    """`keep_answer`, of bytes."""
    db = os.fspath(db)
    if not may_keep(db, read_from):
        return False
    assert read_from is not None
    offset = now.utcoffset()
    if offset is None:
        return False
    header = (
        FORMAT,
        __version__,
        name,
        " ".join(map(str, read_from)),
        str(int(offset.total_seconds())),
        f"{epoch_ns(now)} {epoch_ns(until)}",
        str(len(data)),
    )
    kept = "\n".join(header).encode("utf-8") + b"\n" + data
    if len(kept) > MAX_BYTES:
        return False
    return write_private(kept_path(db, name), kept)


def epoch_ns(moment: datetime) -> int:
    """An aware moment as whole nanoseconds since the epoch (exact to the microsecond)."""
    from datetime import UTC, datetime, timedelta

    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1000


# The console script's first try


def clock_now(environ: Mapping[str, str]) -> tuple[int, int]:
    """Now, as `clock.clock_from_env` has it: epoch nanoseconds and the offset from UTC."""
    frozen = environ.get("COMPANION_FROZEN_NOW", "").strip()
    if frozen:
        from datetime import datetime

        moment = datetime.fromisoformat(frozen)
        if moment.tzinfo is None:
            moment = moment.astimezone()
        offset = moment.utcoffset()
        return epoch_ns(moment), int(offset.total_seconds()) if offset is not None else 0
    now_ns = time.time_ns()
    return now_ns, time.localtime(now_ns // 1_000_000_000).tm_gmtoff


def command_of(argv: Sequence[str]) -> tuple[str | None, str] | None:
    """(the `--db` given or None, the kept answer's name) when `argv` is exactly a
    command whose answer is kept, else None (anything else goes to the parser)."""
    db: str | None = None
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) >= 2:
        db, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--db="):
        db, rest = rest[0].removeprefix("--db="), rest[1:]
    if db is not None and (not db or db.startswith("-")):
        return None
    name = KEPT.get(tuple(rest))
    return None if name is None else (db, name)


def default_db(environ: Mapping[str, str]) -> str | None:
    """`paths.default_data_dir() / DB_FILENAME` on Linux, without importing platformdirs
    (17 ms): `$XDG_DATA_HOME` if absolute, else `$HOME/.local/share`. None where that
    would not surely be what platformdirs says (another system, no absolute HOME,
    root, Android): the parser's path finds it then. tests/unit/test_answers.py
    compares the two."""
    if sys.platform != "linux" or "ANDROID_DATA" in environ or os.geteuid() == 0:
        return None
    base = environ.get("XDG_DATA_HOME", "")
    if not base.startswith("/"):
        home = environ.get("HOME", "")
        if not home.startswith("/"):
            return None
        base = os.path.join(home.rstrip("/") or "/", ".local/share")
    return os.path.join(base, "companion", "companion.json")


def db_of(option: str | None, environ: Mapping[str, str]) -> str | None:
    """`paths.resolve_db_path`, as text, for the cases it can say without platformdirs."""
    text = option or environ.get("COMPANION_DB") or None
    if text is None:
        return default_db(environ)
    return os.path.expanduser(text) if text.startswith("~") else text


def answer_at_once(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The kept answer to this command line, if there is one that still holds."""
    command = command_of(argv)
    if command is None:
        return None
    option, name = command
    db = db_of(option, environ)
    if db is None:
        return None
    try:
        now_ns, offset = clock_now(environ)
    except (ValueError, OverflowError):
        return None
    return kept_answer(db, name, now_ns, offset)
