"""A TinyDB Storage that keeps one file's tables in memory.

TinyDB's own JSONStorage re-reads and rewrites the whole file on every
operation, in place. This one reads the file once (the `Database` does, with
orjson, checking its shape), serves every read from memory, and on a write
only tells the `Database`, which decides when the file is written and does it
atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from companion.store.files import Tables


class DataFile:
    """One file's tables in memory, and whether they have changed since last written."""

    def __init__(self, path: Path, tables: Tables) -> None:
        self.path = path
        self.tables = tables
        self.generation = 0
        self.written_generation = 0

    @property
    def dirty(self) -> bool:
        return self.generation != self.written_generation

    def touch(self) -> None:
        self.generation += 1


class CachedStorage(Storage):
    def __init__(self, file: DataFile, on_write: Callable[[DataFile], None]) -> None:
        self.file = file
        self._on_write = on_write

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self.file.tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.file.tables = data
        self._on_write(self.file)

    def close(self) -> None:
        pass
