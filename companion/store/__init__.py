"""Persistence: TinyDB files written atomically, locked, backed up, versioned.

`Repository` is imported on first use: a command that only needs an error class
(`companion.store.errors`) must not pay for every store and the domain behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from companion.store.errors import (
    BadDatabaseFile,
    DatabaseLocked,
    ReadOnlyDatabase,
    StoreError,
)

if TYPE_CHECKING:
    from companion.store.repository import Repository

__all__ = ["BadDatabaseFile", "DatabaseLocked", "ReadOnlyDatabase", "Repository", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Repository":
        from companion.store.repository import Repository

        return Repository
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
