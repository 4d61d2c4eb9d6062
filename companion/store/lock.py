"""One writer at a time: an exclusive lock on a `.lock` file beside the database.

The lock file is opened without following a symbolic link and is never
truncated: a `companion.json.lock` planted as a link to another file (the
database itself, say) is refused, not emptied. The process id written into it
only makes the "in use" message friendlier. While the lock is held, `lost()`
says whether the file at the lock's path is still the one locked: if it was
removed (or replaced), a second companion could lock the new file and write,
so this one must stop writing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

from companion.domain.numbers import whole_number
from companion.store.errors import StoreError
from companion.store.files import make_private_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# The process id, padded: written over what is there without truncating the file.
_PID_WIDTH = 20


class UnsafeLockFile(StoreError):
    """The lock file is a link or not a plain file: companion will not use it."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        super().__init__(
            f"companion will not use the lock file {path}: it is {what}, where companion "
            "keeps a plain file of its own. Nothing was changed; remove it and try again."
        )


class WriteLock:
    """An advisory lock held for as long as this process may write the database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._identity: tuple[int, int] | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, waiting up to `wait` seconds. True when it is ours.

        Raises UnsafeLockFile when the lock file is a symbolic link, a hard link
        to another name, or not a plain file; OSError when it cannot be opened.
        """
        if self._fd is not None:
            return True
        make_private_dir(self.path.parent)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if self.path.is_symlink():
                raise UnsafeLockFile(self.path, "a symbolic link") from None
            raise error
        try:
            self._check(fd)
        except BaseException:
            os.close(fd)
            raise
        deadline = time.monotonic() + wait
        while True:
            if self._try_lock(fd):
                break
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.05)
        self._fd = fd
        status = os.fstat(fd)
        self._identity = (status.st_dev, status.st_ino)
        # A full disk must not stop companion from opening, nor leave the lock held.
        with contextlib.suppress(OSError):
            os.pwrite(fd, f"{os.getpid():<{_PID_WIDTH}}\n".encode(), 0)
        return True

    def _check(self, fd: int) -> None:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise UnsafeLockFile(self.path, "not a plain file")
        if status.st_nlink > 1:
            raise UnsafeLockFile(self.path, "a hard link to another file")

    @staticmethod
    def _try_lock(fd: int) -> bool:
        if fcntl is None:  # pragma: no cover - Windows
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def holder_pid(self) -> int | None:
        """The process that wrote its id into the lock file, if it says."""
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            text = os.read(fd, 64).decode("ascii", "replace")
        except OSError:
            return None
        finally:
            os.close(fd)
        return whole_number(text)

    def lost(self) -> bool:
        """While held: True when the lock's path no longer names the file that is locked
        (removed, or replaced by another), so another companion could take a lock there."""
        if self._fd is None:
            return False
        try:
            status = self.path.lstat()
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return (status.st_dev, status.st_ino) != self._identity

    def release(self) -> None:
        if self._fd is None:
            return
        os.close(self._fd)
        self._fd = None
        self._identity = None
