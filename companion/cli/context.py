"""What every subcommand receives: where the data is, the clock, the streams."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from companion.clock import Clock

if TYPE_CHECKING:
    from companion.store.database import Access
    from companion.store.repository import Repository

LOCK_WAIT_SECONDS = 3.0


@dataclass
class Context:
    db_path: Path
    clock: Clock
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def open(self, access: Access = "read") -> Repository:
        """Reads need no lock; a write waits a few seconds for another companion to finish."""
        # Imported here: `--help`, a usage error or a command that opens no database
        # does not pay for the store.
        from companion.store.repository import Repository

        wait = LOCK_WAIT_SECONDS if access == "write" else 0.0
        repo = Repository.open(self.db_path, self.clock, access=access, lock_wait=wait)
        repo.calendar_listener = self._calendar_problem
        return repo

    def _calendar_problem(self, problem: str | None) -> None:
        """The data is saved but the calendar file could not follow: say so, exit 0."""
        if problem:
            print(problem, file=self.err)

    def print(self, text: str = "") -> None:
        print(text, file=self.out)
