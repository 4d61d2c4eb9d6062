"""A command whose answer is kept for the shell prompt (`companion/answers.py`):
printed from the kept answer while it holds, else computed and kept."""

from __future__ import annotations

from collections.abc import Callable

from companion import answers
from companion.cli.context import Context
from companion.services.access import Repository
from companion.services.kept import valid_until


def answer(ctx: Context, name: str, compute: Callable[[Repository], str]) -> str:
    """The text of the command kept as `name`: the kept one, or `compute(repo)` (kept
    for next time when it may be)."""
    db = str(ctx.db_path)
    now = ctx.clock.now()
    offset = now.utcoffset()
    if offset is not None:
        kept = answers.kept_answer(db, name, answers.epoch_ns(now), int(offset.total_seconds()))
        if kept is not None:
            return kept
    read_from = answers.identity(db)
    with ctx.open("read") as repo:
        text = compute(repo)
        until = valid_until(repo, now)
    if until is not None:
        answers.keep_answer(db, name, read_from, text, now, until)
    return text
