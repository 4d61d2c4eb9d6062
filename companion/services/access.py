"""Opening the data, and what of the store the interfaces may know.

The TUI reaches the store only through `companion.services` (an import
contract checks it): the repository it reads through (opened with
`Repository.open`), the errors it catches, and `write_new` (a file created whole,
private, never over another: the app's crash report) are here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.startup import lazy_exports
from companion.store.errors import StoreError as StoreError

if TYPE_CHECKING:
    from companion.store.database import Access as Access
    from companion.store.files import write_new as write_new
    from companion.store.repository import Repository as Repository

# Loaded when first used: home can be drawn before the database is opened, and
# before the store's modules are imported (tui/app.py, `make_app`).
SOURCE = "companion.store"
MODULES = {"Access": "database", "write_new": "files", "Repository": "repository"}

__getattr__ = lazy_exports(__name__, MODULES, SOURCE)
