"""Data out: the full export (JSON), readable notes (Markdown), the kind dates (iCalendar)
and the question bank for Anki.

`render` turns the repository into one format's bytes; `target` writes them
where the user asked, atomically, and never over a file they did not name.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.store.repository import Repository


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    about: str
    stem: str
    suffix: str

    def file_name(self, today: date, number: int = 1) -> str:
        """'companion-export-2026-03-03.json', or '...-2.json' for the second of the day."""
        extra = f"-{number}" if number > 1 else ""
        return f"{self.stem}-{today.isoformat()}{extra}{self.suffix}"


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "json",
            "Everything (JSON)",
            "every table, to keep or to restore with companion import",
            "companion-export",
            ".json",
        ),
        ExportFormat(
            "markdown",
            "Readable notes (Markdown)",
            "your interviews and timelines, your questions and answers",
            "companion-notes",
            ".md",
        ),
        ExportFormat(
            "ics",
            "Calendar (iCalendar)",
            "the kind dates of open interviews, and your inbox check",
            "companion-calendar",
            ".ics",
        ),
        ExportFormat(
            "anki",
            "Anki deck (.apkg)",
            "your questions, answers and STAR notes, to rehearse in Anki",
            "companion-questions",
            ".apkg",
        ),
    )
}


def _shell(path: str) -> str:
    """A path as a shell reads it back: quoted, with a leading `~/` left to expand."""
    if path.startswith("~/"):
        return "~/" + shlex.quote(path[2:])
    return shlex.quote(path)


def written_sentence(format_name: str, path: Path) -> str:
    """What the user reads once an export is written."""
    if format_name == "json":
        return f"Everything is in {path}. To bring it back: companion import {_shell(str(path))}"
    if format_name == "ics":
        return (
            f"The kind dates are in {path}. Import it into your calendar; importing a "
            "newer one updates the same events."
        )
    if format_name == "anki":
        return (
            f"Your questions are in {path}. Open it with Anki (File > Import); importing a "
            "newer one updates the same notes."
        )
    return f"Your notes are in {path}."


SUFFIXES = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".ics": "ics",
    ".apkg": "anki",
}
# Formats that are not text: never printed to a terminal (--output -).
BINARY = frozenset({"anki"})


def render(repo: Repository, format_name: str) -> bytes:
    """The export in one format, as of the repository's clock."""
    now = repo.clock.now()
    if format_name == "json":
        from companion.store.snapshot import export_json, snapshot_of

        return export_json(snapshot_of(repo.db))
    if format_name == "markdown":
        from companion.exports.markdown import markdown_document

        return markdown_document(repo, now).encode("utf-8")
    if format_name == "ics":
        from companion.domain.kind_dates import CheckinSlot, kind_dates
        from companion.exports.calendar import calendar_ics
        from companion.services.days_off import holidays

        today = now.date()
        checkin_time = repo.settings.get().checkin_time
        checkin = CheckinSlot(checkin_time, today) if checkin_time else None
        dates = kind_dates(repo.interviews.all(), today, holidays(repo))
        return calendar_ics(dates, checkin, now)
    if format_name == "anki":
        from companion.exports.anki import anki_package

        return anki_package(repo.questions.all(), repo.interviews.all(), now)
    raise ValueError(f"no export format {format_name!r}")
