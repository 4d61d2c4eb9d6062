"""A whole database as one JSON document: the full export, and bringing one back.

The export holds every table of the main file and of every history part, each
under the file it lives in, with the schema version:

    {
      "format": "companion-export",
      "schema_version": 1,
      "written_by": "companion 0.1.0",
      "main": {"<table>": {"<id>": {...}}, ...},
      "history": {"<part>": {"<table>": {"<id>": {...}}}, ...}
    }

Nothing in it depends on the moment it was written, and its layout is fixed
(keys in the order above, parts and tables by name, documents by id, the
fields of a document by name, two-space indents), so exporting, importing into
an empty database and exporting again gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from companion import __version__
from companion.store.backups import keep_copy
from companion.store.checker import BadData, require_sound
from companion.store.database import Database
from companion.store.files import FileProblem, Tables, check_tables
from companion.store.layout import PART_NAME
from companion.store.migrations import META_TABLE, SCHEMA_VERSION, migrate, version_of
from companion.store.schema import TableSchema

FORMAT = "companion-export"


class ExportProblem(Exception):
    """Why a file is not an export companion can bring back, in words for the user."""


@dataclass(frozen=True)
class Snapshot:
    """Every table of a database, by the file it belongs in."""

    main: Tables
    parts: dict[str, Tables]

    def counts(self) -> Counter[str]:
        """Documents by table, every file together; the ids table `meta` is not counted."""
        counts: Counter[str] = Counter()
        for tables in (self.main, *self.parts.values()):
            for name, table in tables.items():
                if name != META_TABLE and table:
                    counts[name] += len(table)
        return counts

    @property
    def empty(self) -> bool:
        return not self.counts()


def snapshot_of(db: Database) -> Snapshot:
    """The database as it is in memory now (copied, so later changes do not reach it)."""
    with db.batch():
        main, parts = db.everything()
        return Snapshot(_copy(main), {name: _copy(tables) for name, tables in parts.items()})


def holdings(db: Database) -> Counter[str]:
    """How many documents `db` holds, by table (every part loaded; nothing copied)."""
    with db.batch():
        main, parts = db.everything()
        return Snapshot(main, parts).counts()


def _copy(tables: Tables) -> Tables:
    copied: Tables = orjson.loads(orjson.dumps(tables))
    return copied


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def _canonical_tables(tables: Tables) -> dict[str, Any]:
    return {
        name: {
            doc_id: _canonical(tables[name][doc_id])
            for doc_id in sorted(tables[name], key=lambda key: (len(key), key))
        }
        for name in sorted(tables)
    }


def export_json(snapshot: Snapshot) -> bytes:
    """The export's bytes: the same snapshot always gives the same bytes."""
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "written_by": f"companion {__version__}",
        "main": _canonical_tables(snapshot.main),
        "history": {
            name: _canonical_tables(snapshot.parts[name]) for name in sorted(snapshot.parts)
        },
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"{value!r:.40}"


def _file_tables(data: object, where: str, schemas: Mapping[str, TableSchema]) -> Tables:
    """One file's tables from the export: shaped like a database file, of a version we know."""
    try:
        tables = check_tables(data, where)
    except FileProblem as problem:
        raise ExportProblem(str(problem)) from None
    version = version_of(tables)
    if not isinstance(version, int):
        raise ExportProblem(f"{where} has the schema version {version}, not a whole number")
    if version > SCHEMA_VERSION:
        raise ExportProblem(
            f"{where} is of schema version {version}, newer than this companion understands "
            f"({SCHEMA_VERSION}); update companion to import it"
        )
    return migrate(tables, version)


def parse_export(raw: bytes, schemas: Mapping[str, TableSchema]) -> Snapshot:
    """Read and check a full export; raises ExportProblem saying what is wrong."""
    if not raw.strip():
        raise ExportProblem("the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ExportProblem(f"it is not valid JSON or it was cut off ({error})") from None
    if not isinstance(data, dict):
        raise ExportProblem(f"it holds {_kind(data)} where an export holds an object")
    if data.get("format") != FORMAT:
        if META_TABLE in data and "format" not in data:
            raise ExportProblem(
                "it is a companion database or backup, not an export; "
                "put a backup back with: companion restore FILE"
            )
        if "format" not in data:
            raise ExportProblem('it is not a companion export (it has no "format")')
        raise ExportProblem(
            f'it is not a companion export (its "format" is {_kind(data["format"])}, '
            f"where an export has {FORMAT!r})"
        )
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExportProblem(f"its schema_version is {_kind(version)}, not a whole number")
    if version > SCHEMA_VERSION:
        raise ExportProblem(
            f"it was written by a newer companion (schema version {version}; this one "
            f"understands up to {SCHEMA_VERSION}), so update companion to import it"
        )
    unknown = sorted(set(data) - {"format", "schema_version", "written_by", "main", "history"})
    if unknown:
        raise ExportProblem(f"it has a key companion does not know: {unknown[0]!r}")
    if "main" not in data:
        raise ExportProblem('it has no "main" (the tables of the main file)')
    main = _file_tables(data["main"], "the main file", schemas)
    history = data.get("history", {})
    if not isinstance(history, dict):
        raise ExportProblem(f'its "history" is {_kind(history)}, where an export has an object')
    parts: dict[str, Tables] = {}
    for name, tables in history.items():
        if not PART_NAME.match(name):
            raise ExportProblem(
                f"it names a history part {name[:60]!r}; part names are letters, digits, "
                "- and _ only"
            )
        parts[name] = _file_tables(tables, f"the history part {name!r}", schemas)
    try:
        require_sound(main, parts, schemas)
    except BadData as bad:
        raise ExportProblem(str(bad)) from None
    return Snapshot(main, parts)


def restore_snapshot(db: Database, snapshot: Snapshot) -> None:
    """Put the snapshot in place of everything `db` holds; it is written at the next save."""
    db.replace_all(_copy(snapshot.main), {n: _copy(t) for n, t in snapshot.parts.items()})


def describe(counts: Counter[str]) -> str:
    """'interviews: 3, questions: 12', by table name."""
    return ", ".join(f"{name}: {counts[name]}" for name in sorted(counts))


class NotEmpty(Exception):
    """The database holds data and the import was not told to replace it."""

    def __init__(self, counts: Counter[str]) -> None:
        self.counts = counts
        super().__init__(describe(counts))


def replace_database(
    db: Database, snapshot: Snapshot, *, label: str, now: datetime, keep: bool = False
) -> Path | None:
    """Put `snapshot` in place of everything `db` holds, as one commit, after keeping a
    copy of the current files (`label` says why) when they hold anything, or `keep`
    (files that do not load, which `db` did not read).

    Returns where the copy is. The save is one commit (store/commit.py): a crash
    or Ctrl-C at any instant leaves the database wholly as before or wholly as
    `snapshot`; `db.commit` tells which.
    """
    db.require_writable()
    kept = keep_copy(db.layout, label, now) if keep or holdings(db) else None
    restore_snapshot(db, snapshot)
    db.flush()
    return kept


def import_snapshot(
    db: Database, snapshot: Snapshot, *, replace: bool, now: datetime
) -> Path | None:
    """Bring an export into `db` and save it; returns where the data it replaced was kept.

    Into a database that holds anything, only with `replace`, and only after the
    current files are copied into the backups folder. Raises NotEmpty otherwise,
    having changed nothing.
    """
    db.require_writable()
    holds = holdings(db)
    if holds and not replace:
        raise NotEmpty(holds)
    return replace_database(db, snapshot, label="before-import", now=now)


def is_export_file(path: Path) -> bool:
    """Whether `path` holds a full export (for a kind word when it is named as a backup)."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT
