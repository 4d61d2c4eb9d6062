"""A disk that fills up and empties on demand, at the one place the store writes files."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from companion.store import files


class FlakyDisk:
    """Patches the store's atomic write: while full, every write fails with `error`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, error: int = errno.ENOSPC) -> None:
        self.full = False
        self.error = error
        self.refused: list[Path] = []
        monkeypatch.setattr("companion.store.commit.write_atomic", self._write)

    def _write(self, path: Path, data: bytes, **options: Any) -> None:
        if self.full:
            self.refused.append(path)
            raise OSError(self.error, os.strerror(self.error))
        files.write_atomic(path, data, **options)

    def fill(self) -> None:
        self.full = True

    def free(self) -> None:
        self.full = False
