"""`companion import FILE`: bring in a question deck (.toml), or one of the starter decks."""

from __future__ import annotations

import argparse
from pathlib import Path

from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.domain.decks import import_sentence
from companion.store.deck_files import (
    DECK_SUFFIX,
    find_shipped,
    read_deck_file,
    shipped_decks,
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="import a question deck (.toml) or a starter deck",
        description=(
            "Import a question deck: a .toml file (the format is in questions/README.md) "
            "or a starter deck by name (see --list). Importing a deck again adds only "
            "the questions you do not have yet."
        ),
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="a deck file, or a starter deck")
    parser.add_argument("--list", action="store_true", help="list the starter decks")
    parser.set_defaults(handler=run)


def run_list(ctx: Context) -> int:
    ctx.print("Starter decks (import one with: companion import NAME):")
    for shipped in shipped_decks():
        deck = shipped.deck
        name = shipped.slug.partition("-")[2] or shipped.slug
        ctx.print(f"  {name:<22} {len(deck.questions):>3} questions  {deck.name}")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        return run_list(ctx)
    if not args.file:
        raise UsageError("import needs a FILE (a question deck, .toml) or --list.")
    path = Path(args.file).expanduser()
    if path.exists() or path.suffix:
        if path.suffix.lower() != DECK_SUFFIX:
            raise UsageError(
                f"{args.file}: import reads question decks (.toml) for now; restoring a full "
                "export (.json) is not available in this version."
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
    now = ctx.clock.now()
    with ctx.open("write") as repo:
        result = repo.questions.import_deck(deck, now)
    ctx.print(import_sentence(result, now.date()))
    return 0
