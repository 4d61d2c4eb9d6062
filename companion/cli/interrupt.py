"""What a long change says when Ctrl-C stops it: whether it happened, in one sentence.

A change to the database is one commit (store/commit.py): the main file's
commit number on disk tells whether it was saved before the interrupt.
"""

from __future__ import annotations

from pathlib import Path

from companion.cli.context import Context
from companion.paths import database_path

INTERRUPTED = 130


def interrupted(ctx: Context, db_path: Path, start: int | None, done: str) -> int:
    """Say what an interrupted change left, and return the exit status for Ctrl-C.

    `start` is the commit number the database had when the change began (None
    when it was stopped before the database was opened); `done` is the sentence
    for a change that was saved.
    """
    if start is not None and _commit_on_disk(db_path) not in (start, None):
        ctx.err.write(f"Interrupted after it was saved: {done}\n")
    else:
        ctx.err.write("Interrupted before anything was saved: nothing was changed.\n")
    ctx.err.flush()
    return INTERRUPTED


def _commit_on_disk(db_path: Path) -> int | None:
    from companion.store.files import FileProblem
    from companion.store.layout import Layout
    from companion.store.manifest import read_manifest

    try:
        return read_manifest(Layout(database_path(db_path))).commit
    except (FileProblem, OSError):
        return None
