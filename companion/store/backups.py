"""Daily backups, kept for 14 days, and copies kept before an import, a restore or an upgrade.

Before the first write of each day the main file is copied to
`backups/<name>-YYYY-MM-DD.json`, and the history files it names are
hard-linked into `backups/<name>-YYYY-MM-DD.history/`. Hard links cost no
space and stay true copies: a part's file is never changed once written (a
new version is a new file, `store/commit.py`), so the link keeps its bytes.
The backup's main file is the same bytes as the database's, so it names the
same files: a backup is a whole database, and opens as one.

A kept copy (`keep_copy`) is made the same way, named for why and when
(`<name>-before-import-20260303T093000.json`). Rotation keeps the newest
`KEEP_DAYS` daily backups and the newest `KEEP_COPIES` kept copies of each
kind. A backup dated after today (the clock was ahead when it was made) is
never the newest one, never offered by the restore hint and never rotated
away by one made since.
"""

from __future__ import annotations

import contextlib
import glob
import re
import shlex
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from companion.store.files import (
    FileProblem,
    copy_private,
    fsync_dir,
    link_file,
    make_private_dir,
    parse_tables,
    read_tables,
    remove_file,
    remove_tree,
    write_atomic,
)
from companion.store.layout import Layout
from companion.store.manifest import Manifest, manifest_of, missing_files, take_manifest
from companion.store.migrations import SCHEMA_VERSION, meta_problem, migrate, version_of

KEEP_DAYS = 14
KEEP_COPIES = 5

# Why a copy was kept, by its label, in the words `companion backups` shows.
UPGRADE = "before an upgrade"
KEPT_REASONS = {
    "before-import": "before an import",
    "before-restore": "before a restore",
    "replaced": "before a restore",  # what schema 1 named them
}


def kept_reason(label: str) -> str:
    if label.startswith("before-schema-"):
        return UPGRADE
    return KEPT_REASONS.get(label, label.replace("-", " "))


def set_size(path: Path) -> int:
    """Bytes of a backup's main file and of its history files."""
    total = path.stat().st_size
    history = path.with_suffix(".history")
    if history.is_dir():
        total += sum(p.stat().st_size for p in history.glob("*.json"))
    return total


@dataclass(frozen=True)
class Backup:
    day: date
    path: Path

    @property
    def history(self) -> Path:
        return self.path.with_suffix(".history")

    @property
    def size(self) -> int:
        return set_size(self.path)


@dataclass(frozen=True)
class KeptCopy:
    """A one-off copy made before a migration, a restore or an import (`keep_copy`)."""

    label: str
    at: datetime
    path: Path

    @property
    def reason(self) -> str:
        return kept_reason(self.label)

    @property
    def size(self) -> int:
        return set_size(self.path)


def _pattern(layout: Layout) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(layout.main.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.json$")


def list_backups(layout: Layout) -> list[Backup]:
    """The daily backups, newest date first (those dated after today included)."""
    if not layout.backups.is_dir():
        return []
    pattern = _pattern(layout)
    found = []
    for path in layout.backups.iterdir():
        match = pattern.match(path.name)
        if match:
            with contextlib.suppress(ValueError):
                found.append(Backup(date.fromisoformat(match.group(1)), path))
    return sorted(found, key=lambda b: b.day, reverse=True)


def list_kept(layout: Layout) -> list[KeptCopy]:
    """The one-off copies, newest first."""
    if not layout.backups.is_dir():
        return []
    pattern = re.compile(
        rf"^{re.escape(layout.main.stem)}-([a-z0-9-]+?)-(\d{{8}}T\d{{6}})(?:-\d+)?\.json$"
    )
    found = []
    for path in layout.backups.iterdir():
        match = pattern.match(path.name)
        if match:
            with contextlib.suppress(ValueError):
                at = datetime.strptime(match.group(2), "%Y%m%dT%H%M%S")
                found.append(KeptCopy(match.group(1), at, path))
    return sorted(found, key=lambda k: (k.at, k.path.name), reverse=True)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        link_file(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # no hard links here (another file system, or none at all)
        copy_private(source, target)


def _copy_set(layout: Layout, target: Path, manifest: Manifest | None = None) -> None:
    """The database as it is on disk, copied to `target` (main file) and its history.

    The history first, the main file last, from the bytes read once: a copy
    whose main file exists is whole, and one that stopped half way has no main
    file, is never listed, and is made again (daily) or removed (`rotate`).
    `manifest` is the main file's list of files, when the caller (the writer,
    which holds the lock) knows it: reading it from a large main file costs
    more than the copy.
    """
    raw = layout.main.read_bytes()
    try:
        if manifest is None:
            manifest = manifest_of(parse_tables(raw), layout)
        files = list(manifest.files(layout).values())
    except FileProblem:  # a main file that does not load, kept before a restore: all of it
        files = sorted(layout.history_files())
    history = target.with_suffix(".history")
    make_private_dir(target.parent)
    remove_tree(history)
    if files:
        make_private_dir(history)
        for path in files:
            # A file the main file names but that is gone: the copy is as whole as
            # the database, and restoring it says what is missing.
            with contextlib.suppress(FileNotFoundError):
                _link_or_copy(path, history / path.name)
        fsync_dir(history)
    write_atomic(target, raw)


def take_daily_backup(
    layout: Layout, today: date, manifest: Manifest | None = None
) -> Backup | None:
    """Copy the database as it is on disk, once a day; None when there is nothing to do.
    `manifest`: the list of files of the main file on disk, when known."""
    if not layout.main.exists():
        return None
    target = layout.backups / f"{layout.main.stem}-{today.isoformat()}.json"
    if target.exists():
        return None
    _copy_set(layout, target, manifest)
    rotate(layout, today)
    return Backup(today, target)


def keep_copy(layout: Layout, label: str, now: datetime) -> Path | None:
    """A one-off copy (before a migration, an import or a restore), kept apart from the
    daily backups: the newest `KEEP_COPIES` of each kind are kept."""
    if not layout.main.exists():
        return None
    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = layout.backups / f"{layout.main.stem}-{label}-{stamp}.json"
    number = 1
    # Two copies in one second (a restore of the copy just made) must not overwrite each other.
    while target.exists() or target.with_suffix(".history").exists():
        number += 1
        target = layout.backups / f"{layout.main.stem}-{label}-{stamp}-{number}.json"
    _copy_set(layout, target)
    rotate(layout, now.date())
    return target


def _remove_set(path: Path) -> None:
    """A backup's main file first (it is then no longer listed), then its history."""
    remove_file(path)
    remove_tree(path.with_suffix(".history"))


def rotate(
    layout: Layout, today: date, keep: int = KEEP_DAYS, keep_copies: int = KEEP_COPIES
) -> None:
    """Keep the newest `keep` daily backups up to today and the newest `keep_copies` kept
    copies of each kind; remove the history folders of copies that stopped half way."""
    with contextlib.suppress(OSError):
        dated = [b for b in list_backups(layout) if b.day <= today]
        for old in dated[keep:]:
            _remove_set(old.path)
        by_reason: dict[str, list[KeptCopy]] = {}
        for copy in list_kept(layout):
            by_reason.setdefault(copy.reason, []).append(copy)
        for copies in by_reason.values():
            for old_copy in copies[keep_copies:]:
                _remove_set(old_copy.path)
        remove_unfinished_copies(layout)


def remove_unfinished_copies(layout: Layout) -> None:
    """History folders of backups or kept copies whose main file was never written (a
    crash while copying): never listed, never restored; removed by the next writer."""
    if not layout.backups.is_dir():
        return
    for history in layout.backups.glob(f"{glob.escape(layout.main.stem)}-*.history"):
        if history.is_dir() and not history.with_suffix(".json").exists():
            remove_tree(history)


def loads_cleanly(path: Path) -> bool:
    """Whether the main file at `path` opens as a database, its history files there."""
    try:
        tables = read_tables(path)
    except (FileProblem, OSError):
        return False
    version = version_of(tables)
    if not isinstance(version, int) or not 0 <= version <= SCHEMA_VERSION:
        return False
    layout = Layout(path)
    try:
        manifest = take_manifest(tables)
        if manifest is None and version >= 2:
            return False
        if manifest is not None and missing_files(manifest, layout):
            return False
    except FileProblem:
        return False
    return meta_problem(migrate(tables, version)) is None


def newest_loadable(layout: Layout, today: date) -> Backup | None:
    """The newest daily backup dated today or earlier that opens."""
    for backup in list_backups(layout):
        if backup.day <= today and loads_cleanly(backup.path):
            return backup
    return None


def restore_hint(layout: Layout, today: date) -> str:
    """What to tell a user whose main file does not load (commands shell-quoted)."""
    backup = newest_loadable(layout, today)
    main = shlex.quote(str(layout.main))
    if backup is None:
        return (
            f"No backup that loads was found in {layout.backups}. To start afresh, move the "
            f"file aside (for example: mv {main} {shlex.quote(str(layout.main) + '.broken')}) "
            "and run companion again."
        )
    return (
        f"The newest backup that loads is from {backup.day.isoformat()} ({backup.path}). "
        f"To restore it, run: companion --db {main} restore {backup.day.isoformat()}"
    )
