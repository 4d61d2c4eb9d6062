"""Schema versions and the functions that bring older files up to date.

Each file (the main one and every history part) records its own
`schema_version` in a `meta` table. A migration turns the tables of a file at
version N into version N + 1, in memory; the database writes the result on
its next save, after keeping a copy of the original in the backups folder.

Version 0 is a plain TinyDB file with no `meta` table (what TinyDB's own
JSONStorage writes); version 1 adds `meta` with the schema version and the
counters that hand out stable ids. Version 2 changes how the files are laid
out, not what the tables hold: the main file's meta document names the history
files it uses (`store/manifest.py`), and each save writes changed parts under
new names before the main file, its one commit point. A version 1 main file
names none: the database reads every `<part>.json` beside it as its history
(`manifest.legacy_manifest`), and its first save names them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from companion.store.files import Tables
from companion.store.schema import shown

SCHEMA_VERSION = 2
META_TABLE = "meta"
META_DOC = "1"

Migration = Callable[[Tables], Tables]


def _v0_to_v1(tables: Tables) -> Tables:
    next_ids = {
        name: max((int(doc_id) for doc_id in table), default=0) + 1
        for name, table in tables.items()
        if name != META_TABLE
    }
    migrated: Tables = {name: table for name, table in tables.items() if name != META_TABLE}
    migrated[META_TABLE] = {META_DOC: {"schema_version": 1, "next_ids": next_ids}}
    return migrated


def _v1_to_v2(tables: Tables) -> Tables:
    meta_table = tables[META_TABLE]
    meta = {**meta_table[META_DOC], "schema_version": 2}
    return {**tables, META_TABLE: {**meta_table, META_DOC: meta}}


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}


def meta_of(tables: Tables) -> dict[str, Any]:
    return tables.get(META_TABLE, {}).get(META_DOC, {})


def version_of(tables: Tables) -> int | str:
    """The file's schema version; a non-integer value is returned as-is for the error."""
    meta = meta_of(tables)
    if META_TABLE not in tables:
        return 0
    version = meta.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return repr(version)


def version_problem(tables: Tables) -> str | None:
    """Why this companion cannot read a file of this schema version, or None."""
    version = version_of(tables)
    if not isinstance(version, int):
        return f"its schema_version is {version}, which is not a whole number"
    if version < 0:
        return f"its schema_version is {version}, which no companion writes"
    if version > SCHEMA_VERSION:
        return (
            f"it was written by a newer companion (schema version {version}; this one "
            f"understands up to {SCHEMA_VERSION}), so update companion to open it"
        )
    return None


def meta_problem(tables: Tables) -> str | None:
    """What is wrong with the meta table of a file at the current version, or None.

    The id counters must be whole numbers: a file whose counters cannot be
    trusted would hand out ids twice, so it is reported, not repaired.
    """
    next_ids = meta_of(tables).get("next_ids")
    if not isinstance(next_ids, dict):
        return (
            f"its meta table has next_ids = {shown(next_ids)}, where companion expects "
            "an object of whole numbers"
        )
    for table, value in next_ids.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return (
                f"its meta table counts the ids of {table!r} as {shown(value)}, where "
                "companion expects a whole number from 1"
            )
    return None


def migrate(tables: Tables, version: int) -> Tables:
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables


def new_file_tables() -> Tables:
    return {META_TABLE: {META_DOC: {"schema_version": SCHEMA_VERSION, "next_ids": {}}}}
