"""Where an export goes: a file the user named, or a new one, written whole or not at all.

A file the user named is replaced atomically (temp file, then rename). With no
name, the export takes a new name in the folder (`companion-export-DATE.json`,
then `-2`, `-3`, ...) and is created only if that name is still free, so it
never lands on a file the user did not name. Files are private (0600).

An export never lands on the database's own files (its main file, history,
lock or backups), whatever path or link names them. Its temporary file is
named for the process writing it (`.NAME.export-PID-*.tmp`): one that a
killed export left is removed by the next export into that folder, once no
process of that number runs.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from companion.domain.errors import FieldError
from companion.exports import ExportFormat
from companion.paths import database_path
from companion.store.errors import StoreError
from companion.store.files import remove_file, write_atomic, write_new
from companion.store.layout import Layout

FIELD = "output"
Shown = Callable[[Path], str]
_TEMP = re.compile(r"^\..+\.export-(\d+)-[^/]*\.tmp$")


def _temp_tag() -> str:
    return f"export-{os.getpid()}-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: it runs
        return True
    return True


def remove_dead_temp_files(folder: Path) -> None:
    """Temporary files of exports that were killed before they finished, in `folder`."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _running(int(match.group(1))):
            with contextlib.suppress(OSError):
                remove_file(entry)


def check_not_database(path: Path, database: Path | None, shown: Shown = str) -> None:
    """A FieldError when `path` is one of the database's own files."""
    if database is None:
        return
    what = Layout(database_path(database)).owner_of(path)
    if what is not None:
        raise FieldError(
            FIELD,
            f"{shown(path)} is {what}; an export never writes there. Name another file.",
        )


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


def write_named(
    path: Path, data: bytes, shown: Shown = str, *, database: Path | None = None
) -> None:
    """Write to a file the user named, replacing it if it is there (never one of
    `database`'s files)."""
    check_path(path, shown)
    check_not_database(path, database, shown)
    remove_dead_temp_files(path.parent)
    try:
        write_atomic(path, data, tag=_temp_tag())
    except OSError as error:
        raise _failed(path, error, shown) from None


def write_if_new(
    path: Path, data: bytes, shown: Shown = str, *, database: Path | None = None
) -> None:
    """Write to `path` only if no file is there; a FieldError if one is."""
    check_path(path, shown)
    check_not_database(path, database, shown)
    remove_dead_temp_files(path.parent)
    try:
        write_new(path, data, tag=_temp_tag())
    except FileExistsError:
        raise FieldError(FIELD, f"{shown(path)} already exists; it was left as it is.") from None
    except OSError as error:
        raise _failed(path, error, shown) from None


def write_default(
    folder: Path,
    export_format: ExportFormat,
    today: date,
    data: bytes,
    *,
    database: Path | None = None,
) -> Path:
    """Write under the first free default name in `folder`; returns the path."""
    while True:
        path = free_path(folder, export_format, today)
        try:
            write_if_new(path, data, database=database)
        except FieldError:
            if path.exists():
                continue  # taken a moment ago by someone else: take the next name
            raise
        return path
