"""What can go wrong with the user's data, each with a message a person can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The data could not be read or written. The CLI exits 1 with `str(error)`."""


class BadDatabaseFile(StoreError):
    """A file that does not load. It is never written to.

    `restore_hint` is filled in by the database, which knows where the backups are.
    """

    def __init__(self, path: Path, problem: str, restore_hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.restore_hint = restore_hint
        super().__init__(self._message())

    def _message(self) -> str:
        text = (
            f"companion could not read its data file {self.path}: {self.problem}. "
            "The file has been left exactly as it is."
        )
        return f"{text}\n{self.restore_hint}" if self.restore_hint else text

    def with_hint(self, hint: str) -> BadDatabaseFile:
        return BadDatabaseFile(self.path, self.problem, hint)


class DatabaseLocked(StoreError):
    """Another companion holds the write lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        who = f"another companion (process {pid})" if pid else "another companion"
        super().__init__(
            f"{who} is using {path}, so nothing was changed. "
            "Close it, or make the change there, and try again."
        )


class ReadOnlyDatabase(StoreError):
    """A change was asked of a database opened for reading."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path} is open read-only ({reason}), so the change was not saved.")


class SaveFailed(StoreError):
    """Writing to disk failed; the change is still in memory and will be retried."""


class LockLost(StoreError):
    """The lock file was removed (or replaced) while this companion held it: another one
    could have taken a new lock and be writing, so this one writes nothing more."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The lock file {path} was removed while companion was open, so another "
            "companion could be writing the same data now. To keep the two from mixing, "
            "this one has stopped saving: quit it and open companion again."
        )
