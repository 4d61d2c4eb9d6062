"""companion's files readable only by the user: 0600 files, 0700 folders, existing ones too.

Files and folders companion creates are private from the start (store/files.py).
Ones that already exist may not be: copied from another machine, unpacked from
an archive, made by an older version or by hand. The writer tightens them when
it takes the lock, and says which it changed. The folder holding the database
is tightened only when it is companion's own data folder: `--db /tmp/x.json`
must not change /tmp.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from companion.store.files import DIR_MODE, FILE_MODE
from companion.store.layout import Layout


def _entries(folder: Path) -> Iterator[Path]:
    with contextlib.suppress(OSError):
        yield from folder.iterdir()


def _candidates(layout: Layout, own_folder: bool) -> Iterator[tuple[Path, int]]:
    if own_folder:
        yield layout.folder, DIR_MODE
    yield layout.main, FILE_MODE
    yield layout.lock, FILE_MODE
    for folder in (layout.history, layout.backups):
        yield folder, DIR_MODE
        for entry in _entries(folder):
            if entry.suffix == ".history":
                yield entry, DIR_MODE
                for part in _entries(entry):
                    yield part, FILE_MODE
            else:
                yield entry, FILE_MODE


def tighten(layout: Layout, *, own_folder: bool) -> list[Path]:
    """Take the group's and others' permissions off companion's files and folders
    (never following a link); returns the ones changed."""
    changed = []
    for path, mode in _candidates(layout, own_folder):
        try:
            status = os.lstat(path)
        except OSError:
            continue
        wanted = stat.S_ISDIR if mode == DIR_MODE else stat.S_ISREG
        if not wanted(status.st_mode) or not stat.S_IMODE(status.st_mode) & 0o077:
            continue
        try:
            path.chmod(stat.S_IMODE(status.st_mode) & mode)
        except OSError:
            continue
        changed.append(path)
    return changed


def tightened_note(paths: list[Path]) -> str:
    """One line saying what was made private."""
    if len(paths) == 1:
        return f"companion made {paths[0]} readable only by you (it was open to others)."
    folder = os.path.commonpath([str(path) for path in paths])
    return (
        f"companion made {len(paths)} of its files and folders in {folder} readable only "
        "by you (they were open to others)."
    )
