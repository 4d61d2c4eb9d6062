"""Opening the data, and what of the store the interfaces may know.

The TUI reaches the store only through `companion.services` (an import
contract checks it): the repository it reads through, the errors it catches
and the way to open it are here.
"""

from __future__ import annotations

from pathlib import Path

from companion.clock import Clock
from companion.store.database import Access as Access
from companion.store.errors import StoreError as StoreError
from companion.store.repository import Repository as Repository


def open_repository(
    path: Path,
    clock: Clock,
    *,
    access: Access = "write",
    lock_wait: float = 0.0,
    background: bool = False,
) -> Repository:
    """`write` takes the lock (waiting `lock_wait` seconds), `read` never writes,
    `auto` falls back to read-only when another companion has the data; with
    `background`, changes are written by a thread soon after they are made."""
    return Repository.open(path, clock, access=access, lock_wait=lock_wait, background=background)
