"""Opening the data, and what of the store the interfaces may know.

The TUI reaches the store only through `companion.services` (an import
contract checks it): the repository it reads through (opened with
`Repository.open`), the errors it catches, and `write_new` (a file created whole,
private, never over another: the app's crash report) are here.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from companion.store.errors import StoreError as StoreError

if TYPE_CHECKING:
    from companion.store.database import Access as Access
    from companion.store.files import write_new as write_new
    from companion.store.repository import Repository as Repository

# Loaded when first used: home can be drawn before the database is opened, and
# before the store's modules are imported (tui/app.py, `make_app`).
MODULES = {
    "Access": "companion.store.database",
    "write_new": "companion.store.files",
    "Repository": "companion.store.repository",
}


def __getattr__(name: str) -> object:
    module = MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
