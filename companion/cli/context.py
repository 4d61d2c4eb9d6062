"""What every subcommand receives: where the data is, the clock, the streams.

The streams are inert (`cli/output.py`): what a command prints reaches the
terminal with its control characters made visible.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from companion.cli.output import InertWriter, json_text
from companion.clock import Clock
from companion.inert import one_line
from companion.startup import silence

if TYPE_CHECKING:
    from companion.services.access import Access, Repository

LOCK_WAIT_SECONDS = 3.0


def _inert(stream: TextIO) -> TextIO:
    # An InertWriter is a text stream (io.TextIOBase), though not typed as a TextIO.
    return cast(TextIO, InertWriter(stream))


@dataclass
class Context:
    db_path: Path
    clock: Clock
    out: TextIO = field(default_factory=lambda: _inert(sys.stdout))
    err: TextIO = field(default_factory=lambda: _inert(sys.stderr))

    def open(self, access: Access = "read") -> Repository:
        """Reads need no lock; a write waits a few seconds for another companion to finish."""
        # Imported here: `--help`, a usage error or a command that opens no database
        # does not pay for the store.
        from companion.services.access import Repository

        wait = LOCK_WAIT_SECONDS if access == "write" else 0.0
        repo = Repository.open(self.db_path, self.clock, access=access, lock_wait=wait)
        if repo.db.tightened:
            from companion.store.privacy import tightened_note

            print(tightened_note(repo.db.tightened), file=self.err)
        repo.calendar_listener = self._calendar_problem
        return repo

    def _calendar_problem(self, problem: str | None) -> None:
        """The data is saved but the calendar file could not follow: say so, exit 0."""
        if problem:
            print(problem, file=self.err)

    pipe_closed: bool = False
    """The reader of our output has gone (`companion summary | head -1`)."""

    def print(self, text: str = "") -> None:
        """Print a line; once the reader has closed the pipe, print nothing more and
        carry on: the command still finishes its work (and saves what it changed)."""
        self._write(text)

    def print_line(self, text: str) -> None:
        """One line that holds user text (a row of a list, a sentence naming something):
        a line break or a tab in a name is a space here, so it cannot start a false row."""
        self._write(one_line(text))

    def print_json(self, data: object) -> None:
        """`data` as indented JSON (for `--json`): exact strings, no raw control characters."""
        self._write(json_text(data))

    def _write(self, text: str) -> None:
        if self.pipe_closed:
            return
        try:
            print(text, file=self.out)
        except BrokenPipeError:
            self.pipe_closed = True
            silence(self.out)


def printable_streams() -> None:
    """Output never fails on a character the process's streams cannot encode (a path's
    byte that is not UTF-8, kept as Python keeps it): it is shown as a replacement."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
