"""`companion backups` and `companion restore`: the copies kept, and putting one back."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from companion.cli.context import LOCK_WAIT_SECONDS, Context
from companion.cli.errors import UsageError
from companion.cli.interrupt import interrupted
from companion.cli.table_nouns import TABLE_NOUNS, plural
from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.paths import database_path, user_path
from companion.store.backups import KEEP_COPIES, KEEP_DAYS, list_backups, list_kept
from companion.store.checker import UNCOUNTED
from companion.store.errors import BadDatabaseFile
from companion.store.layout import Layout

if TYPE_CHECKING:
    from companion.store.database import Database


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "backups",
        help="list the daily backups and the copies kept before a change",
        description=(
            f"List the daily backups (the newest {KEEP_DAYS} days are kept), newest first, "
            "and the copies kept before an import, a restore or an upgrade (the newest "
            f"{KEEP_COPIES} of each kind are kept)."
        ),
    )
    listing.set_defaults(handler=run_list)
    putting = commands.add_parser(
        "restore",
        help="put a backup or a full export back in place of the whole database",
        description=(
            "Restore a whole database: a daily backup (by its date, YYYY-MM-DD), a kept "
            "copy or backup file (a main file with its history beside it), or a full export "
            "(.json, from `companion export`). It is checked first, and what it would "
            "replace is shown and confirmed; the current database is copied into the "
            "backups folder before it is replaced."
        ),
    )
    putting.add_argument("backup", metavar="DATE|FILE", help="a backup's date or its file")
    putting.add_argument("--yes", action="store_true", help="replace without asking (for scripts)")
    putting.set_defaults(handler=run_restore)


def _size(num_bytes: int) -> str:
    if num_bytes < 1024:
        return f"{num_bytes} B"
    if num_bytes < 1024 * 1024:
        return f"{num_bytes / 1024:.0f} KB"
    return f"{num_bytes / 1024 / 1024:.1f} MB"


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    layout = Layout(database_path(ctx.db_path))
    backups = list_backups(layout)
    kept = list_kept(layout)
    today = ctx.clock.today()
    if not backups:
        ctx.print(
            "No daily backups yet. The first is made before the first change of a day, "
            f"in {layout.backups}."
        )
    else:
        ctx.print(f"Daily backups (the newest {KEEP_DAYS} days are kept):")
    for backup in backups:
        when = friendly(backup.day, today)
        ahead = "  (dated after today: the clock was ahead)" if backup.day > today else ""
        ctx.print_line(
            f"{backup.day.isoformat()}  {when:<16} {_size(backup.size):>8}  {backup.path}{ahead}"
        )
    if kept:
        ctx.print()
        ctx.print(
            f"Copies kept before an import, a restore or an upgrade (the newest {KEEP_COPIES}"
        )
        ctx.print("of each kind are kept; restore one with: companion restore FILE):")
        for copy in kept:
            when = f"{friendly(copy.at.date(), today)} {copy.at:%H:%M}"
            ctx.print_line(f"{when:<22} {copy.reason:<18} {_size(copy.size):>8}  {copy.path}")
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


def comparison(now: Counter[str] | None, after: Counter[str]) -> list[str]:
    """Lines comparing what the database holds now (None: unknown) with what it would hold."""
    order = list(TABLE_NOUNS)
    names = sorted(
        (set(now or ()) | set(after)) - UNCOUNTED,
        key=lambda n: (order.index(n) if n in order else len(order), n),
    )
    width = max((len(plural(n)) for n in names), default=0)
    if now is None:
        return [f"  {plural(n):<{width}}  {after[n]:>7}" for n in names]
    lines = [f"  {'':<{width}}  {'now':>7}  {'after':>7}"]
    for name in names:
        words = plural(name)
        lines.append(f"  {words:<{width}}  {now[name]:>7}  {after[name]:>7}")
    return lines


def _confirm(ctx: Context, question: str) -> bool:
    ctx.out.write(f"{question} [y/N] ")
    ctx.out.flush()
    try:
        answer = sys.stdin.readline()
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def _open_live(ctx: Context) -> tuple[Database, Counter[str] | None, str | None]:
    """The live database for writing, what it holds, and why it does not load (then it
    is opened without reading it: the restore replaces it whole)."""
    from companion.store.database import Database
    from companion.store.repository import SCHEMAS
    from companion.store.snapshot import holdings

    try:
        repo = ctx.open("write")
    except BadDatabaseFile as bad:
        problem = bad.problem
    else:
        try:
            return repo.db, holdings(repo.db), None
        except BadDatabaseFile as bad:  # the main file loads, but not a history file
            repo.db.discard()
            problem = f"its history file {bad.path.name}: {bad.problem}"
        except BaseException:
            repo.db.discard()
            raise
    db = Database.open(
        ctx.db_path,
        ctx.clock,
        access="write",
        lock_wait=LOCK_WAIT_SECONDS,
        schemas=SCHEMAS,
        replacing=True,
    )
    return db, None, problem


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    from companion.store.repository import SCHEMAS
    from companion.store.restore import NotRestorable, read_source
    from companion.store.snapshot import replace_database

    layout = Layout(database_path(ctx.db_path))
    start: int | None = None
    try:
        source = _find(layout, args.backup)
        try:
            snapshot = read_source(source, layout, ctx.clock, SCHEMAS)
        except NotRestorable as problem:
            raise UsageError(
                f"{source} cannot be restored: {problem}. Nothing was changed."
            ) from None
        if not args.yes and not sys.stdin.isatty():
            raise UsageError(
                "restore replaces the whole database, so it asks first, and there is no "
                "terminal to ask on; add --yes to restore without asking. Nothing was changed."
            )
        db, holds, broken = _open_live(ctx)
        try:
            start = db.commit
            if broken is None:
                assert holds is not None
                ctx.print_line(f"Restoring {source} replaces everything in {ctx.db_path}:")
                for line in comparison(holds, snapshot.counts()):
                    ctx.print(line)
                ctx.print("A copy of the data it replaces is kept in the backups folder first.")
            else:
                ctx.print_line(
                    f"{ctx.db_path} does not load ({broken}). Restoring {source} replaces it with:"
                )
                for line in comparison(None, snapshot.counts()):
                    ctx.print(line)
                ctx.print("A copy of the files it replaces is kept in the backups folder first.")
            if not args.yes and not _confirm(ctx, "Replace it?"):
                ctx.print("Nothing was changed.")
                return 0
            kept = replace_database(
                db,
                snapshot,
                label="before-restore",
                now=ctx.clock.now(),
                keep=broken is not None,
            )
            db.close()
        finally:
            db.discard()
    except KeyboardInterrupt:
        return interrupted(
            ctx,
            ctx.db_path,
            start,
            f"the database holds what {args.backup} held; the data it replaced is kept in "
            f"{layout.backups}.",
        )
    ctx.print_line(f"Restored {ctx.db_path} from {source}.")
    if kept:
        ctx.print_line(f"The data it replaced is kept at {kept}.")
    return 0
