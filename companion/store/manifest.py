"""The list of history files a main file uses: what makes a save one commit point.

The main file's meta document holds, beside the schema version and the id
counters, `commit` (a number each save raises by one) and `parts` (each history
part the database holds, with the generation of its file). A save writes the
parts it changed as new files, named for the new commit, and then the main file,
which names them: until the main file is replaced, nothing on disk names the new
files, and once it is, nothing names the old ones. A crash at any instant
leaves the database wholly as before or wholly as after.

The manifest is the store's bookkeeping, not the user's data: the database
takes it out of the meta document when it reads a main file and puts it back
when it writes one, so exports never hold it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from companion.store.files import FileProblem, Tables, read_tables
from companion.store.layout import PART_NAME, Layout
from companion.store.migrations import META_DOC, META_TABLE

COMMIT = "commit"
PARTS = "parts"
# The first schema whose main file names its history files.
MANIFEST_SINCE = 2
NO_MANIFEST = (
    "its meta table does not name its history files (commit and parts), as every main "
    "file of this schema does, so it may be a history part or a file companion did not write"
)


@dataclass(frozen=True)
class Manifest:
    commit: int = 0
    parts: Mapping[str, int] = field(default_factory=dict)

    def files(self, layout: Layout) -> dict[str, Path]:
        """Each part's file under `layout`, by part name."""
        return {name: layout.part_file(name, gen) for name, gen in self.parts.items()}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def take_manifest(tables: Tables) -> Manifest | None:
    """Take the manifest out of a main file's tables; None when it has none (schema 1).

    Raises FileProblem when it is there but cannot be trusted: a wrong list
    would load the wrong files, or delete the right ones.
    """
    meta = tables.get(META_TABLE, {}).get(META_DOC)
    if not isinstance(meta, dict) or (COMMIT not in meta and PARTS not in meta):
        return None
    commit = meta.pop(COMMIT, None)
    parts = meta.pop(PARTS, None)
    if not _whole(commit):
        raise FileProblem(
            f"its meta table has commit = {commit!r:.60}, where companion expects a whole number"
        )
    assert isinstance(commit, int)
    if not isinstance(parts, dict):
        raise FileProblem(
            f"its meta table has parts = {parts!r:.60}, where companion expects an object "
            "naming its history files"
        )
    for name, generation in parts.items():
        if not PART_NAME.match(name):
            raise FileProblem(
                f"its meta table names a history part {name[:60]!r}; part names are "
                "letters, digits, - and _ only"
            )
        if not _whole(generation) or generation > commit:
            raise FileProblem(
                f"its meta table gives the history part {name!r} the generation "
                f"{generation!r:.60}, where companion expects a whole number up to {commit}"
            )
    return Manifest(commit, dict(parts))


def with_manifest(tables: Tables, manifest: Manifest) -> Tables:
    """The main file's tables as written: the meta document holds the manifest.

    A shallow copy: the tables in memory are not changed.
    """
    meta = dict(tables.get(META_TABLE, {}).get(META_DOC, {}))
    meta[COMMIT] = manifest.commit
    meta[PARTS] = dict(sorted(manifest.parts.items()))
    stamped = dict(tables)
    stamped[META_TABLE] = {**tables.get(META_TABLE, {}), META_DOC: meta}
    return stamped


def legacy_manifest(layout: Layout) -> Manifest:
    """What a schema 1 main file used: every `<name>.json` in the history folder."""
    return Manifest(
        0, {name: gen for name, gen in sorted(layout.history_files().values()) if gen == 0}
    )


def read_manifest(layout: Layout) -> Manifest:
    """The manifest of the main file on disk (an empty one when there is no file).

    Raises FileProblem when the main file does not load.
    """
    try:
        tables = read_tables(layout.main)
    except FileNotFoundError:
        return Manifest()
    return manifest_of(tables, layout)


def manifest_of(tables: Tables, layout: Layout) -> Manifest:
    """The manifest of a main file's tables, which it leaves as they are."""
    meta = tables.get(META_TABLE, {}).get(META_DOC)
    copied = {META_TABLE: {META_DOC: dict(meta)}} if isinstance(meta, dict) else {}
    manifest = take_manifest(copied)
    return manifest if manifest is not None else legacy_manifest(layout)


def missing_files(manifest: Manifest, layout: Layout) -> list[str]:
    """The parts whose files the manifest names but are not there, sorted."""
    return sorted(name for name, path in manifest.files(layout).items() if not path.is_file())
