"""Saving a change that spans files as one commit, and tidying what a crash left.

A save (`write_commit`) writes each history part it changed under a new file
name (`<part>.<commit>.json`, flushed to disk), then replaces the main file,
which names those files: that one `rename` is the commit point. Only then are
the files it no longer names removed (`remove_unnamed`). A crash before the
commit point leaves new files nothing names; a crash after it leaves old files
nothing names; neither is ever read, and the next companion that opens the
database for writing removes them (`clean_history`).

Part files are never changed once written (a new version is a new file), so a
backup that hard-links them keeps its bytes whatever happens later.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from companion.store.files import fsync_dir, make_private_dir, remove_file, write_atomic
from companion.store.layout import Layout
from companion.store.manifest import Manifest, missing_files


def write_commit(
    layout: Layout, parts: Mapping[str, bytes], main: bytes, manifest: Manifest
) -> None:
    """Write the changed parts' files for `manifest`, then the main file (`main`, which
    holds `manifest`). Raises OSError when the disk refuses; then nothing has changed
    that the database reads."""
    if parts:
        make_private_dir(layout.history)
        for name, blob in parts.items():
            write_atomic(layout.part_file(name, manifest.commit), blob, sync_folder=False)
        fsync_dir(layout.history)
    write_atomic(layout.main, main)


def remove_unnamed(layout: Layout, before: Manifest, after: Manifest) -> None:
    """Remove the files `before` named and `after` does not (after the commit point)."""
    for name, generation in before.parts.items():
        if after.parts.get(name) != generation:
            # A leftover is removed by the next writer that opens the database.
            with contextlib.suppress(OSError):
                remove_file(layout.part_file(name, generation))


def clean_history(layout: Layout, manifest: Manifest) -> None:
    """Remove part files the main file does not name: what a crash left.

    Only when every file it names is there: a main file that names missing
    files is not the one these files belong with (a copy put back by hand, say),
    so nothing is removed and the missing part is reported when it is read.
    With no main file (a crash in the very first save) it names none.
    """
    if missing_files(manifest, layout):
        return
    named = set(manifest.files(layout).values())
    for path in layout.history_files():
        if path not in named:
            with contextlib.suppress(OSError):
                remove_file(path)
