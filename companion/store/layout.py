"""Where each file of one database lives, beside the main file the user names.

companion.json             the main file: small tables read on every start
companion.history/         bulky, append-mostly tables, loaded only when needed
    reviews-2026-11.json     (one file a month, so a rating rewrites little)
    journal.json
companion.json.lock        held by the one process that may write
companion.json.summary-short, companion.json.interview-list-json
                           the prompt's kept answers (companion/answers.py)
backups/                   companion-YYYY-MM-DD.json (+ .history/), the last 14 days
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.store.files import remove_stale_temp_files, remove_temp_files_matching


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

    def part(self, name: str) -> Path:
        return self.history / f"{name}.json"

    def remove_stale_temp_files(self) -> None:
        """Temp files a crash left mid-write: beside the main file, and in the
        history and backups folders, which hold only companion's files."""
        remove_stale_temp_files(self.main)
        for folder in (self.history, self.backups):
            remove_temp_files_matching(folder, ".*.json.*.tmp")

    def part_names(self) -> list[str]:
        if not self.history.is_dir():
            return []
        return sorted(p.stem for p in self.history.glob("*.json"))
