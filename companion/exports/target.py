"""Where an export goes: a file the user named, or a new one, written whole or not at all.

A file the user named is replaced atomically (temp file, then rename). With no
name, the export takes a new name in the folder (`companion-export-DATE.json`,
then `-2`, `-3`, ...) and is created only if that name is still free, so it
never lands on a file the user did not name. Files are private (0600).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from companion.domain.errors import FieldError
from companion.exports import ExportFormat
from companion.store.errors import StoreError
from companion.store.files import write_atomic, write_new

FIELD = "output"
Shown = Callable[[Path], str]


class ExportFailed(StoreError):
    """The disk refused the export; nothing was written at the path."""


def free_path(folder: Path, export_format: ExportFormat, today: date) -> Path:
    """The first default name in `folder` that no file has yet."""
    number = 1
    while True:
        candidate = folder / export_format.file_name(today, number)
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        number += 1


def check_path(path: Path, shown: Shown = str) -> None:
    """A FieldError when `path` cannot hold an export: a folder, or in a missing folder.

    `shown` writes a path in the messages the way the user reads it (`~/...`).
    """
    if path.is_dir():
        raise FieldError(FIELD, f"{shown(path)} is a folder; name a file inside it.")
    if not path.parent.is_dir():
        raise FieldError(
            FIELD,
            f"the folder {shown(path.parent)} does not exist; name a file in a folder that does.",
        )


def _failed(path: Path, error: OSError, shown: Shown) -> ExportFailed:
    return ExportFailed(
        f"companion could not write {shown(path)} ({error.strerror or error}); "
        "nothing was written there."
    )


def write_named(path: Path, data: bytes, shown: Shown = str) -> None:
    """Write to a file the user named, replacing it if it is there."""
    check_path(path, shown)
    try:
        write_atomic(path, data)
    except OSError as error:
        raise _failed(path, error, shown) from None


def write_if_new(path: Path, data: bytes, shown: Shown = str) -> None:
    """Write to `path` only if no file is there; a FieldError if one is."""
    check_path(path, shown)
    try:
        write_new(path, data)
    except FileExistsError:
        raise FieldError(FIELD, f"{shown(path)} already exists; it was left as it is.") from None
    except OSError as error:
        raise _failed(path, error, shown) from None


def write_default(folder: Path, export_format: ExportFormat, today: date, data: bytes) -> Path:
    """Write under the first free default name in `folder`; returns the path."""
    while True:
        path = free_path(folder, export_format, today)
        try:
            write_if_new(path, data)
        except FieldError:
            if path.exists():
                continue  # taken a moment ago by someone else: take the next name
            raise
        return path
