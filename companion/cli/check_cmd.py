"""`companion check`: run the store's checker over the whole database, history included.

It reads the files as they are on disk, takes no lock and changes nothing. Unlike
opening the database, which stops at the first problem, it lists every one it
finds (the main file's, each history part's), so a hand-edited or damaged file
can be mended in one go.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from companion.cli.context import Context
from companion.cli.table_nouns import TABLE_NOUNS
from companion.paths import database_path
from companion.store.backups import restore_hint
from companion.store.checker import MAIN_FILE, UNCOUNTED, Problem, check_database, part_file
from companion.store.files import FileProblem, Tables, read_tables
from companion.store.layout import Layout
from companion.store.manifest import (
    MANIFEST_SINCE,
    NO_MANIFEST,
    Manifest,
    legacy_manifest,
    take_manifest,
)
from companion.store.migrations import META_TABLE, migrate, version_of, version_problem
from companion.store.snapshot import Snapshot

MOST_SHOWN = 50


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check every record of the database, history included",
        description=(
            "Check the whole database, every history part included, the way companion "
            "checks each file as it loads: every field of every record, the dates, the "
            "ids and the links between records. Lists each problem with its table, id "
            "and field; changes nothing. Exit 0: sound; 1: problems found."
        ),
    )
    parser.set_defaults(handler=run)


def _tables(path: Path, file: str, problems: list[Problem]) -> tuple[Tables, int] | None:
    """A file's tables as read and its schema version, or None with its problem noted."""
    try:
        tables = read_tables(path)
    except FileNotFoundError:
        problems.append(Problem(file, "its file is missing, though the main file names it"))
        return None
    except FileProblem as problem:
        problems.append(Problem(file, str(problem)))
        return None
    wrong_version = version_problem(tables)
    if wrong_version:
        problems.append(Problem(file, wrong_version))
        return None
    version = version_of(tables)
    assert isinstance(version, int)
    return tables, version


def _history(
    main: Tables, version: int, layout: Layout, problems: list[Problem]
) -> Manifest | None:
    """The history files the main file names (taken out of its meta table, as the
    database does), or None with the problem noted."""
    try:
        manifest = take_manifest(main)
    except FileProblem as problem:
        problems.append(Problem(MAIN_FILE, str(problem), META_TABLE))
        return None
    if manifest is None:
        if version >= MANIFEST_SINCE:
            problems.append(Problem(MAIN_FILE, NO_MANIFEST, META_TABLE))
            return None
        return legacy_manifest(layout)
    return manifest


def counts(main: Tables, parts: dict[str, Tables]) -> str:
    """'3 interviews, 1 question, 40 rehearsals' over every file, in a fixed order."""
    totals = Snapshot(main, parts).counts()
    for name in UNCOUNTED:
        del totals[name]
    order = [*TABLE_NOUNS, *sorted(set(totals) - set(TABLE_NOUNS))]
    words = []
    for name in order:
        count = totals.get(name, 0)
        if name in TABLE_NOUNS:
            one, many = TABLE_NOUNS[name]
            words.append(f"{count} {one if count == 1 else many}")
        elif count:
            words.append(f"{count} in table {name!r}")
    return ", ".join(words)


def run(args: argparse.Namespace, ctx: Context) -> int:
    layout = Layout(database_path(ctx.db_path))
    if not layout.main.exists():
        ctx.print(f"There is no database at {layout.main} yet, so there is nothing to check.")
        return 0
    problems: list[Problem] = []
    read = _tables(layout.main, MAIN_FILE, problems)
    manifest = _history(read[0], read[1], layout, problems) if read else None
    main: Tables | None = None
    parts: dict[str, Tables] = {}
    if read is not None and manifest is not None:
        main = migrate(*read)
        for name, path in sorted(manifest.files(layout).items()):
            part = _tables(path, part_file(name), problems)
            if part is not None:
                parts[name] = migrate(*part)
        problems.extend(check_database(main, parts))
    if not problems:
        assert main is not None
        ctx.print(f"The database at {layout.main} is sound: {counts(main, parts)}.")
        return 0
    _report(ctx, layout, problems)
    return 1


def _report(ctx: Context, layout: Layout, problems: Iterable[Problem]) -> None:
    found = list(problems)
    many = len(found) != 1
    ctx.print(
        f"The database at {layout.main} has {len(found)} problem{'s' if many else ''}; "
        "its files are left exactly as they are:"
    )
    for problem in found[:MOST_SHOWN]:
        ctx.print(f"- {_capital(str(problem))}.")
    if len(found) > MOST_SHOWN:
        ctx.print(f"- and {len(found) - MOST_SHOWN} more.")
    ctx.print(restore_hint(layout, ctx.clock.today()))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
