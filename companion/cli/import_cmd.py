"""`companion import FILE`: a question deck (.toml), a starter deck, or a full export (.json)."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.cli.interrupt import interrupted
from companion.domain.decks import import_sentence
from companion.domain.errors import FieldError
from companion.paths import user_path
from companion.store.deck_files import (
    DECK_SUFFIX,
    find_shipped,
    read_deck_file,
    shipped_decks,
)
from companion.store.repository import SCHEMAS
from companion.store.snapshot import (
    ExportProblem,
    NotEmpty,
    describe,
    import_snapshot,
    parse_export,
)

EXPORT_SUFFIX = ".json"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="import a full export (.json), a question deck (.toml) or a starter deck",
        description=(
            "Import a full export (.json, from `companion export`): it becomes the whole "
            "database; into one that already holds data only with --replace, after a copy "
            "of the current data is kept in the backups folder. Or import a question deck: "
            "a .toml file (the format is in questions/README.md) or a starter deck by name "
            "(see --list); importing a deck again adds only the questions you do not have yet."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", nargs="?", help="an export (.json), a deck file, or a starter deck"
    )
    parser.add_argument("--list", action="store_true", help="list the starter decks")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="let a full export replace a database that already holds data (a copy is kept)",
    )
    parser.set_defaults(handler=run)


def run_list(ctx: Context) -> int:
    ctx.print("Starter decks (import one with: companion import NAME):")
    for shipped in shipped_decks():
        deck = shipped.deck
        name = shipped.slug.partition("-")[2] or shipped.slug
        ctx.print_line(f"  {name:<22} {len(deck.questions):>3} questions  {deck.name}")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        return run_list(ctx)
    if not args.file:
        raise UsageError(
            "import needs a FILE (an export, .json, or a question deck, .toml) or --list."
        )
    path = user_path(args.file)
    if path.suffix.lower() == EXPORT_SUFFIX:
        return run_restore(path, args.replace, ctx)
    if args.replace:
        raise UsageError("--replace is for full exports (.json); a deck only adds questions.")
    if path.exists() or path.suffix:
        if path.suffix.lower() != DECK_SUFFIX:
            raise UsageError(
                f"{args.file}: import reads full exports (.json) and question decks (.toml)."
            )
        deck = read_deck_file(path)
    else:
        shipped = find_shipped(args.file)
        if shipped is None:
            raise UsageError(
                f"{args.file!r} is neither a deck file nor a starter deck; "
                "companion import --list shows the starter decks."
            )
        deck = shipped.deck
    # Here, not at the top: restoring an export does not load the scheduler.
    from companion.services import practice

    now = ctx.clock.now()
    start: int | None = None
    try:
        with ctx.open("write") as repo:
            start = repo.db.commit
            result = practice.import_deck(repo, deck)
    except KeyboardInterrupt:
        return interrupted(ctx, ctx.db_path, start, f"the questions of {deck.name} are in.")
    ctx.print_line(import_sentence(result, now.date()))
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FieldError("FILE", f"{str(path)!r} does not exist.") from None
    except IsADirectoryError:
        raise FieldError("FILE", f"{str(path)!r} is a folder; name an export file.") from None
    except OSError as error:
        raise FieldError("FILE", f"{str(path)!r} could not be read ({error.strerror}).") from None


def run_restore(path: Path, replace: bool, ctx: Context) -> int:
    """A full export in place of the database: checked whole before anything changes,
    then saved as one commit (a crash or Ctrl-C leaves all of it or none of it)."""
    start: int | None = None
    try:
        try:
            # Checked whole (store/checker.py) before anything changes: what is put in
            # place is exactly this snapshot.
            snapshot = parse_export(_read(path), SCHEMAS)
        except ExportProblem as problem:
            raise UsageError(
                f"{path} cannot be imported: {problem}. Nothing was changed."
            ) from None
        with ctx.open("write") as repo:
            start = repo.db.commit
            try:
                kept = import_snapshot(repo.db, snapshot, replace=replace, now=ctx.clock.now())
            except NotEmpty as full:
                again = shlex.join(["companion", "import", str(path), "--replace"])
                raise UsageError(
                    f"{repo.path} already holds data ({full}), so nothing was changed. To "
                    f"replace all of it with the export, run: {again} "
                    "(a copy of the current data is kept in the backups folder first)."
                ) from None
    except KeyboardInterrupt:
        return interrupted(ctx, ctx.db_path, start, f"the database holds what {path} held.")
    counts = snapshot.counts()
    what = describe(counts) if counts else "an empty database"
    ctx.print_line(f"Imported {path} into {ctx.db_path}: {what}.")
    if kept is not None:
        back = shlex.join(["companion", "restore", str(kept)])
        ctx.print_line(f"The data it replaced is kept at {kept}; {back} brings it back.")
    return 0
