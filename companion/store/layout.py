"""Where each file of one database lives, beside the main file the user names.

companion.json             the main file: small tables read on every start, and the
                           list of the history files it uses (its commit point)
companion.history/         bulky, append-mostly tables, loaded only when needed
    reviews-2026-11.7.json   a part at generation 7 (one file a month, so a rating
    journal.3.json           rewrites little); a new version of a part is a new file
companion.json.lock        held by the one process that may write
companion.json.summary-short, companion.json.interview-list-json
                           the prompt's kept answers (companion/answers.py)
backups/                   companion-YYYY-MM-DD.json (+ .history/), the last 14 days,
                           and copies kept before an import, a restore or an upgrade

A part's file is `<name>.<generation>.json`: every save writes the parts it
changes under a new generation, then the main file, which names them. Schema 1
named a part `<name>.json`; that is generation 0 here, so an old database opens
as it is and its parts are renamed as they are next written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from companion.answers import KEPT_NAMES, kept_path
from companion.store.files import remove_stale_temp_files, remove_temp_files_matching

# A part's name becomes a file name in the history folder: nothing that could leave it.
PART_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")
_PART_FILE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_-]{0,80})(?:\.([1-9][0-9]{0,17}))?\.json$")


def part_file_name(name: str, generation: int) -> str:
    return f"{name}.json" if generation == 0 else f"{name}.{generation}.json"


def parse_part_file_name(file_name: str) -> tuple[str, int] | None:
    """(part, generation) for a name `part_file_name` gives, else None."""
    match = _PART_FILE.match(file_name)
    if match is None:
        return None
    return match.group(1), int(match.group(2) or 0)


@dataclass(frozen=True)
class Layout:
    main: Path

    @property
    def folder(self) -> Path:
        return self.main.parent

    @property
    def history(self) -> Path:
        return self.folder / f"{self.main.stem}.history"

    @property
    def lock(self) -> Path:
        return self.folder / f"{self.main.name}.lock"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def kept_answers(self) -> list[Path]:
        """The shell prompt's kept answers and home's kept summary (companion/answers.py):
        not the user's data, and not in the backups; each one is trusted only while the
        main file is the one it was computed from."""
        return [Path(kept_path(str(self.main), name)) for name in KEPT_NAMES]

    def part_file(self, name: str, generation: int) -> Path:
        return self.history / part_file_name(name, generation)

    def history_files(self) -> dict[Path, tuple[str, int]]:
        """Every file in the history folder named as a part's file, with its part and generation."""
        if not self.history.is_dir():
            return {}
        found = {}
        for path in self.history.iterdir():
            parsed = parse_part_file_name(path.name)
            if parsed is not None:
                found[path] = parsed
        return found

    def remove_stale_temp_files(self) -> None:
        """Temp files a crash left mid-write: beside the main file, and in the
        history and backups folders, which hold only companion's files."""
        remove_stale_temp_files(self.main)
        for folder in (self.history, self.backups):
            remove_temp_files_matching(folder, ".*.json.*.tmp")

    def committed_parts(self) -> dict[str, Path]:
        """The parts the main file on disk names, and their files (for tools and tests;
        the database keeps its own list in memory)."""
        from companion.store.manifest import read_manifest

        manifest = read_manifest(self)
        return {name: self.part_file(name, gen) for name, gen in sorted(manifest.parts.items())}

    def part_names(self) -> list[str]:
        """The parts the main file on disk names, sorted."""
        return sorted(self.committed_parts())

    def part(self, name: str) -> Path:
        """The file of a part the main file on disk names (KeyError if it names none)."""
        return self.committed_parts()[name]

    def owner_of(self, path: Path) -> str | None:
        """What `path` is to this database, if it is one of its files (after following
        links, and `..`), in words; None when it is none of them."""
        target = path.resolve()
        if _same(path, self.main) or target == self.main.resolve():
            return "the database itself"
        if _same(path, self.lock) or target == self.lock.resolve():
            return "the database's lock file"
        if any(_same(path, kept) or target == kept.resolve() for kept in self.kept_answers):
            return "an answer kept for the shell prompt"
        if target.is_relative_to(self.history.resolve()):
            return "a file of the database's history"
        if target.is_relative_to(self.backups.resolve()):
            return "in the database's backups folder"
        return None


def _same(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
