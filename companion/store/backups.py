"""Daily backups, kept for 14 days, and restoring one.

Before the first write of each day the main file is copied to
`backups/<name>-YYYY-MM-DD.json`, and the history parts are hard-linked into
`backups/<name>-YYYY-MM-DD.history/`. Hard links cost no space: every write
replaces a file with a new one, so the link keeps the old bytes alive.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from companion.store.files import (
    FileProblem,
    Tables,
    copy_private,
    make_private_dir,
    read_tables,
)
from companion.store.layout import Layout
from companion.store.migrations import SCHEMA_VERSION, meta_problem, version_of

KEEP_DAYS = 14


def set_size(path: Path) -> int:
    """Bytes of a backup's main file and of its history parts."""
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
    def size(self) -> int:
        return set_size(self.path)


def _pattern(layout: Layout) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(layout.main.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.json$")


def list_backups(layout: Layout) -> list[Backup]:
    """The daily backups, newest first."""
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


def _link_or_copy_dir(source: Path, target: Path) -> None:
    make_private_dir(target)
    for part in source.glob("*.json"):
        destination = target / part.name
        with contextlib.suppress(FileNotFoundError):
            destination.unlink()
        try:
            os.link(part, destination)
        except OSError:
            copy_private(part, destination)


def _copy_set(layout: Layout, target: Path) -> None:
    """The history first, the main file last: a backup whose main file exists is whole,
    and one that failed half way is made again on the next save."""
    make_private_dir(target.parent)
    if layout.history.is_dir():
        _link_or_copy_dir(layout.history, target.with_suffix(".history"))
    copy_private(layout.main, target)


def take_daily_backup(layout: Layout, today: date) -> Backup | None:
    """Copy the database as it is on disk, once a day; None when there is nothing to do."""
    if not layout.main.exists():
        return None
    target = layout.backups / f"{layout.main.stem}-{today.isoformat()}.json"
    if target.exists():
        return None
    _copy_set(layout, target)
    rotate(layout)
    return Backup(today, target)


def keep_copy(layout: Layout, label: str, now: datetime) -> Path | None:
    """A one-off copy (before a migration or a restore) that rotation leaves alone."""
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
    return target


def rotate(layout: Layout, keep: int = KEEP_DAYS) -> None:
    for old in list_backups(layout)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
        shutil.rmtree(old.history, ignore_errors=True)


def loads_cleanly(path: Path) -> bool:
    try:
        tables = read_tables(path)
    except (FileProblem, OSError):
        return False
    version = version_of(tables)
    if not isinstance(version, int) or not 0 <= version <= SCHEMA_VERSION:
        return False
    return version < SCHEMA_VERSION or meta_problem(tables) is None


def newest_loadable(layout: Layout) -> Backup | None:
    for backup in list_backups(layout):
        if loads_cleanly(backup.path):
            return backup
    return None


def restore_hint(layout: Layout) -> str:
    """What to tell a user whose main file does not load."""
    backup = newest_loadable(layout)
    if backup is None:
        return (
            f"No backup that loads was found in {layout.backups}. To start afresh, move the "
            f"file aside (for example: mv {layout.main} {layout.main}.broken) and run "
            "companion again."
        )
    return (
        f"The newest backup that loads is from {backup.day.isoformat()} ({backup.path}). "
        f"To restore it, run: companion --db {layout.main} restore {backup.day.isoformat()}"
    )


def _require_sound(backup_path: Path) -> None:
    """The backup (its main file and history) passes the checker, or FileProblem says why."""
    from companion.store.checker import check_database
    from companion.store.migrations import migrate

    def tables_of(path: Path) -> Tables:
        tables = read_tables(path)
        version = version_of(tables)
        return migrate(tables, version) if isinstance(version, int) else tables

    history = backup_path.with_suffix(".history")
    parts = (
        {p.stem: tables_of(p) for p in sorted(history.glob("*.json"))} if history.is_dir() else {}
    )
    problems = check_database(tables_of(backup_path), parts, limit=1)
    if problems:
        raise FileProblem(
            f"the backup {backup_path} does not pass companion's checks: {problems[0]}"
        )


def restore(layout: Layout, backup_path: Path, now: datetime) -> Path | None:
    """Put a backup in place of the database; the current files are kept as a copy first.

    Returns where the current database was copied, or None when there was none.
    The caller holds the write lock.
    """
    if not loads_cleanly(backup_path):
        raise FileProblem(f"the backup {backup_path} does not load")
    backup_history = backup_path.with_suffix(".history")
    for part in sorted(backup_history.glob("*.json")) if backup_history.is_dir() else []:
        if not loads_cleanly(part):
            raise FileProblem(f"the backup's history part {part} does not load")
    _require_sound(backup_path)
    kept = keep_copy(layout, "replaced", now)
    copy_private(backup_path, layout.main)
    shutil.rmtree(layout.history, ignore_errors=True)
    if backup_history.is_dir():
        _link_or_copy_dir(backup_history, layout.history)
    return kept
