"""Small files only their owner may read, written whole or not at all: the answers
kept beside the database (`companion/answers.py`), and what is kept in the cache
folder to start sooner (`companion/kept_code.py`, `companion/tui/kept_styles.py`).

A file is read only when it is a regular file of this user's that no one else may
read or write: anything else (a pipe, another owner, group or world access, a
file larger than any that is kept) reads as no file at all, and what it stood for
is made again.

This module imports nothing but `os`, `sys` and `stat`: the console script reads
the prompt's answer through it before anything else is imported.
"""

from __future__ import annotations

import os
import sys
from stat import S_ISREG

TYPE_CHECKING = False  # `typing` costs the prompt 8 ms
if TYPE_CHECKING:
    from collections.abc import Callable

APP_NAME = "companion"
FILE_MODE = 0o600


def cache_folder() -> str:
    """companion's folder in the user's cache folder (not created here): on Linux and
    the BSDs `$XDG_CACHE_HOME` or `~/.cache`, as the XDG spec and platformdirs say,
    without importing platformdirs; elsewhere platformdirs' answer."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            base = os.path.join(os.path.expanduser("~"), ".cache")
        return os.path.join(base, APP_NAME)
    from platformdirs import user_cache_dir

    return user_cache_dir(APP_NAME, appauthor=False)


def read_private(path: str, max_bytes: int) -> bytes | None:
    """The bytes of `path`, or None when it is not a private file of this user's no
    larger than `max_bytes`, or cannot be read."""
    try:
        # not blocking: whatever has the name (a pipe?) must not hold the reader
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            st = os.fstat(fd)
            if (
                not S_ISREG(st.st_mode)
                or st.st_uid != os.getuid()
                or st.st_mode & 0o077
                or st.st_size > max_bytes
            ):
                return None
            chunks = []
            left = st.st_size + 1  # one more: a file that grew since is seen to have
            while left > 0:
                chunk = os.read(fd, left)
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except OSError:
        return None
    return b"".join(chunks)


def write_private(path: str, data: bytes) -> bool:
    """Write `data` to `path` whole or not at all (a file beside it, renamed into
    place), readable by its owner only; False when it could not be written."""
    folder, base = os.path.split(path)
    temp = os.path.join(folder, f".{base}.{os.getpid()}.tmp")
    view = memoryview(data)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
    return True


def load_kept(path: str, max_bytes: int, decode: Callable[[bytes], object]) -> object | None:
    """What a kept file holds, decoded; None when it is not a private file of this
    user's or does not decode (whatever the decoder raises)."""
    raw = read_private(path, max_bytes)
    if raw is None:
        return None
    try:
        return decode(raw)
    except Exception:
        return None


def save_kept(path: str, data: bytes, max_bytes: int) -> bool:
    """Write a kept file (its folder made private if new); False when it could not be."""
    if len(data) > max_bytes:
        return False
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    except OSError:
        return False
    return write_private(path, data)
