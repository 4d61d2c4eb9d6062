"""What `companion restore` brings back: only a whole database, checked before anything changes.

A whole database is a backup (a main file and the history files it names, as
`companion backups` lists them) or a full export (`companion export`). What is
not one is refused with a sentence and changes nothing: the live database
itself, a copy of its main file without its history, a history part, `{}`, a
file that does not load or fails the checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from companion.clock import Clock
from companion.store.checker import UNCOUNTED, BadData, require_sound
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile
from companion.store.files import FileProblem, Tables, read_tables
from companion.store.layout import Layout
from companion.store.manifest import missing_files, read_manifest
from companion.store.migrations import SCHEMA_VERSION, meta_of, migrate, version_of
from companion.store.schema import TableSchema
from companion.store.snapshot import (
    ExportProblem,
    Snapshot,
    is_export_file,
    parse_export,
    snapshot_of,
)


class NotRestorable(Exception):
    """Why a file cannot replace the database, in words for the user."""


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through links, `..` or another spelling)."""
    try:
        return one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()


def read_source(
    path: Path, live: Layout, clock: Clock, schemas: Mapping[str, TableSchema]
) -> Snapshot:
    """The whole database at `path` (a backup or a full export), checked; NotRestorable
    saying why when it is not one."""
    if same_file(path, live.main):
        raise NotRestorable(
            "it is the database itself. Name a backup (companion backups lists them) or a "
            "full export"
        )
    export = is_export_file(path)
    snapshot = _read_export(path, schemas) if export else _read_backup(path, clock, schemas)
    problem = whole_problem(snapshot)
    if problem:
        raise NotRestorable(problem)
    if not export:  # parse_export has run the checker on the whole export already
        check_insides(snapshot, schemas)
    return snapshot


def _read_export(path: Path, schemas: Mapping[str, TableSchema]) -> Snapshot:
    try:
        return parse_export(path.read_bytes(), schemas)
    except ExportProblem as refused:
        raise NotRestorable(str(refused)) from None
    except OSError as error:
        raise NotRestorable(f"it could not be read ({error.strerror or error})") from None


def _read_backup(path: Path, clock: Clock, schemas: Mapping[str, TableSchema]) -> Snapshot:
    layout = Layout(path)
    try:
        missing = missing_files(read_manifest(layout), layout)
    except FileProblem as problem:
        raise NotRestorable(str(problem)) from None
    except OSError as error:
        raise NotRestorable(f"it could not be read ({error.strerror or error})") from None
    part_like = _part_problem(_main_as_read(path))
    if part_like:
        raise NotRestorable(part_like)
    if missing:
        raise NotRestorable(
            f"its history is not beside it: it names {len(missing)} history "
            f"file{'s' if len(missing) > 1 else ''} in {layout.history} that "
            f"{'are' if len(missing) > 1 else 'is'} not there ({', '.join(missing[:3])}"
            f"{', ...' if len(missing) > 3 else ''}). A copy of the main file alone is not "
            "a whole database; restore a backup (companion backups lists them) or a full "
            "export"
        )
    try:
        db = Database.open(path, clock, access="read", schemas=schemas)
        try:
            return snapshot_of(db)
        finally:
            db.discard()
    except BadDatabaseFile as bad:
        where = "" if bad.path == path else f"its history file {bad.path.name}: "
        raise NotRestorable(f"{where}{bad.problem}") from None
    except OSError as error:
        raise NotRestorable(f"it could not be read ({error.strerror or error})") from None


def _main_as_read(path: Path) -> Tables:
    """The tables of the main file at `path` brought up to this schema, or none when
    they do not load (opening it as a database then says why)."""
    try:
        tables = read_tables(path)
    except (FileProblem, OSError):
        return {}
    version = version_of(tables)
    if not isinstance(version, int) or not 0 <= version <= SCHEMA_VERSION:
        return {}
    return migrate(tables, version)


def _part_problem(main: Tables) -> str | None:
    """Why a main file's tables look like a history part's, or None."""
    next_ids = meta_of(main).get("next_ids") or {}
    uncounted = sorted(
        name
        for name, table in main.items()
        if isinstance(table, dict) and table and name not in UNCOUNTED and name not in next_ids
    )
    if uncounted and not next_ids:
        return (
            f"its id counters are empty though it holds {uncounted[0]!r}: it looks like a "
            "history part, not the main file of a database"
        )
    return None


def whole_problem(snapshot: Snapshot) -> str | None:
    """Why `snapshot` is not a whole database companion wrote, or None.

    The id counters in the main file count every table that was ever written
    to; each such table must be held by the main file or a history part, or
    the history was left behind (a copy of the main file alone).
    """
    if snapshot.empty:
        return (
            "it holds no data, so restoring it would only empty the database. To start "
            "afresh, move the database aside instead"
        )
    next_ids = meta_of(snapshot.main).get("next_ids") or {}
    held = set(snapshot.main).union(*(tables for tables in snapshot.parts.values()))
    lost = sorted(table for table, counter in next_ids.items() if counter > 1 and table not in held)
    if lost:
        return (
            f"it counts documents of {', '.join(repr(t) for t in lost)} that none of its "
            "files hold: its history is not with it. A copy of the main file alone is not a "
            "whole database; restore a backup (companion backups lists them) or a full export"
        )
    return _part_problem(snapshot.main)


def check_insides(snapshot: Snapshot, schemas: Mapping[str, TableSchema]) -> None:
    """The whole of `snapshot` through the one checker (store/checker.py), exactly as it
    will be put in place: every document to its insides, ids, counters, references
    between tables, and ids shared between history parts. NotRestorable names the
    file, the table, the id and the field of what fails."""
    try:
        require_sound(snapshot.main, snapshot.parts, schemas)
    except BadData as bad:
        raise NotRestorable(str(bad)) from None
