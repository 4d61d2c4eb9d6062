"""Persistence: TinyDB files written atomically, locked, backed up, versioned."""

from companion.store.errors import (
    BadDatabaseFile,
    DatabaseLocked,
    ReadOnlyDatabase,
    StoreError,
)
from companion.store.repository import Repository

__all__ = ["BadDatabaseFile", "DatabaseLocked", "ReadOnlyDatabase", "Repository", "StoreError"]
