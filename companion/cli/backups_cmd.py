"""`companion backups` and `companion restore`: the daily copies, and putting one back."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from companion.cli.context import LOCK_WAIT_SECONDS, Context
from companion.cli.errors import UsageError
from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.paths import user_path
from companion.store.backups import list_backups, list_kept, restore
from companion.store.errors import DatabaseLocked, StoreError
from companion.store.files import FileProblem
from companion.store.layout import Layout
from companion.store.lock import WriteLock
from companion.store.snapshot import is_export_file


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "backups",
        help="list the automatic daily backups",
        description="List the daily backups (the last 14 days), newest first.",
    )
    listing.set_defaults(handler=run_list)
    putting = commands.add_parser(
        "restore",
        help="put a backup back in place of the database",
        description=(
            "Restore a daily backup (by its date, YYYY-MM-DD) or a backup file. "
            "The current database is copied into the backups folder first."
        ),
    )
    putting.add_argument("backup", metavar="DATE|FILE", help="a backup's date or its file")
    putting.set_defaults(handler=run_restore)


def _size(num_bytes: int) -> str:
    if num_bytes < 1024:
        return f"{num_bytes} B"
    if num_bytes < 1024 * 1024:
        return f"{num_bytes / 1024:.0f} KB"
    return f"{num_bytes / 1024 / 1024:.1f} MB"


KEPT_REASONS = {
    "replaced": "before a restore",
    "before-import": "before an import",
}


def _reason(label: str) -> str:
    if label.startswith("before-schema-"):
        return "before an upgrade"
    return KEPT_REASONS.get(label, label.replace("-", " "))


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    layout = Layout(ctx.db_path)
    backups = list_backups(layout)
    kept = list_kept(layout)
    if not backups:
        ctx.print(
            "No daily backups yet. The first is made before the first change of a day, "
            f"in {layout.backups}."
        )
    today = ctx.clock.today()
    for backup in backups:
        when = friendly(backup.day, today)
        ctx.print_line(
            f"{backup.day.isoformat()}  {when:<16} {_size(backup.size):>8}  {backup.path}"
        )
    if kept:
        ctx.print()
        ctx.print(
            "Copies kept before a restore, an import or an upgrade (restore one by its file):"
        )
        for copy in kept:
            when = f"{friendly(copy.at.date(), today)} {copy.at:%H:%M}"
            reason = _reason(copy.label)
            ctx.print_line(f"{when:<22} {reason:<18} {_size(copy.size):>8}  {copy.path}")
    return 0


def _find(layout: Layout, wanted: str) -> Path:
    try:
        day = date.fromisoformat(wanted)
    except ValueError:
        path = user_path(wanted)
        try:
            if path.is_file():
                return path
        except OSError:  # a name too long for the system, say: not a file we can use
            pass
        raise FieldError(
            "backup", f"{wanted!r} is neither a backup date (YYYY-MM-DD) nor a file that exists."
        ) from None
    for backup in list_backups(layout):
        if backup.day == day:
            return backup.path
    days = ", ".join(b.day.isoformat() for b in list_backups(layout)) or "none yet"
    raise FieldError("backup", f"there is no backup from {wanted}; the backups are: {days}.")


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    layout = Layout(ctx.db_path)
    source = _find(layout, args.backup)
    if is_export_file(source):
        raise UsageError(
            f"{source} is a full export, not a backup; bring it back with: "
            f"companion import {source} --replace"
        )
    lock = WriteLock(layout.lock)
    if not lock.acquire(wait=LOCK_WAIT_SECONDS):
        raise DatabaseLocked(ctx.db_path, lock.holder_pid())
    try:
        kept = restore(layout, source, ctx.clock.now())
    except FileProblem as problem:
        raise StoreError(f"Nothing was restored: {problem}.") from None
    finally:
        lock.release()
    ctx.print(f"Restored {ctx.db_path} from {source}.")
    if kept:
        ctx.print(f"The database it replaced is kept at {kept}.")
    return 0
