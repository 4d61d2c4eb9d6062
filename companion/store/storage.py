"""A TinyDB Storage that keeps one file's tables in memory and counts its changes.

TinyDB's own JSONStorage re-reads and rewrites the whole file on every
operation, in place. This one is handed the tables once (the `Database` reads
them, with orjson, checking their shape), serves every read from memory, and
on a write keeps the new tables and counts the change. It never touches the
disk and knows nothing of the database above it: the `Database` asks each
storage whether it changed since it was last saved, and saves (TinyDB's
CachingMiddleware in shape: the layer above owns the flushes).

`Changes` counts the writes to every storage of one database, so that a writer
thread can wait for one, a screen can tell that nothing changed, and a store can
keep what it built from its documents until they change (`UntilChanged`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from tinydb.storages import Storage

from companion.store.files import Tables

T = TypeVar("T")


class Changes:
    """A count of changes that only goes up, and an event set by each one."""

    def __init__(self) -> None:
        self.count = 0
        self._event = threading.Event()

    def note(self) -> None:
        self.count += 1
        self._event.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a change since the last wait; True when there was one."""
        happened = self._event.wait(timeout)
        self._event.clear()
        return happened

    def wake(self) -> None:
        """Wake a waiter without a change (to let a writer stop)."""
        self._event.set()


class UntilChanged(Generic[T]):
    """A value built from the data, kept until the data changes (`Database.changes`): the
    places of the app read the same tables one after another (practice, then the bank:
    2,000 questions on a heavy history), and each read built them all again."""

    def __init__(self) -> None:
        self._kept: tuple[int, T] | None = None

    def get(self, changes: int, build: Callable[[], T]) -> T:
        """The value built at `changes` (the database's count now), built again if the
        data has changed since."""
        kept = self._kept
        if kept is None or kept[0] != changes:
            kept = self._kept = (changes, build())
        return kept[1]


class MemoryStorage(Storage):
    """One file's tables in memory, and how many times they changed.

    `refuse` is given when the database may not be written: every write
    raises what it returns, before anything changes.
    """

    def __init__(
        self,
        tables: Tables,
        changes: Changes,
        *,
        refuse: Callable[[], Exception] | None = None,
    ) -> None:
        self.tables = tables
        self._changes = changes
        self._refuse = refuse
        self.version = 0
        self.saved_version = 0

    @property
    def dirty(self) -> bool:
        return self.version != self.saved_version

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self.tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._check()
        self.tables = data
        self._changed()

    def put(self, table: str, docs: Mapping[str, dict[str, Any]]) -> None:
        """Set these documents (by id as text) in `table`, leaving the others as they are.

        TinyDB's own insert and update copy the whole table on every change;
        this changes only the documents given, so a rating costs the same in a
        month of 2,000 reviews as in one of 20. The caller clears the query
        cache of its `Table`.
        """
        self._check()
        self.tables.setdefault(table, {}).update(docs)
        self._changed()

    def mark_changed(self) -> None:
        """The tables are new to the disk (a migration, an import): save them."""
        self._check()
        self._changed()

    def refuse_writes(self, refuse: Callable[[], Exception]) -> None:
        """From now on every write raises what `refuse` returns (a closed database)."""
        self._refuse = refuse

    def saved(self, version: int) -> None:
        """The tables as they were at `version` are on disk."""
        self.saved_version = version

    def close(self) -> None:
        pass

    def _check(self) -> None:
        if self._refuse is not None:
            raise self._refuse()

    def _changed(self) -> None:
        self.version += 1
        self._changes.note()
