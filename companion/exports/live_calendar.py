"""The calendar that stays current: the kind dates, rewritten after every saved change.

With a calendar file set (`companion settings --calendar PATH`, or Settings in
the app), every save that touches the main file (interviews, settings) rewrites
it, from the command line and from the app alike, so that a calendar app
subscribed to the file shows today's kind dates. The file is replaced in one
step (a temporary file renamed over it): a calendar app reading it at any
moment finds the old calendar or the new one, never half of one.

A file companion did not write is never overwritten: the path must be new or
hold an iCalendar file. A rewrite that fails does not fail the save that
caused it (the data is on disk); the problem goes to `Repository.
calendar_listener` (stderr for a command, a notification in the app).
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from companion.domain.errors import FieldError
from companion.domain.settings import is_off
from companion.paths import user_path
from companion.store.files import write_atomic

if TYPE_CHECKING:
    from companion.store.repository import Repository

FIELD = "calendar"
# What every iCalendar file starts with (RFC 5545); `calendar_ics` writes it so.
ICS_START = b"BEGIN:VCALENDAR"


def looks_like_calendar(path: Path) -> bool:
    """True when `path` holds an iCalendar file (a byte-order mark and blank lines allowed)."""
    with path.open("rb") as file:
        start = file.read(64)
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().upper().startswith(ICS_START)


def check_calendar_path(text: str) -> Path | None:
    """The calendar file a person typed, as an absolute path; None for "off" or nothing.

    Raises FieldError when companion could not keep a calendar there: a folder,
    a folder that does not exist, or a file that is not a calendar.
    """
    if not text.strip() or is_off(text):
        return None
    path = Path(user_path(text.strip())).absolute()
    try:
        _check(path)
    except OSError as error:  # a name too long for the file system, a folder not to be read
        raise FieldError(
            FIELD, f"{path} cannot hold a calendar ({error.strerror or error}); name another file."
        ) from None
    return path


def _check(path: Path) -> None:
    if path.is_dir():
        raise FieldError(FIELD, f"{path} is a folder; name a file inside it, like companion.ics.")
    if not path.parent.is_dir():
        raise FieldError(
            FIELD, f"the folder {path.parent} does not exist; name a file in a folder that does."
        )
    if path.exists() and not looks_like_calendar(path):
        raise FieldError(
            FIELD,
            f"{path} exists and is not a calendar, so companion will not replace it; "
            "name a new file or an .ics file.",
        )


class LiveCalendar:
    """Keeps one repository's calendar file in step with its data."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._lock = threading.Lock()
        self._written: Hashable = None
        self.problem: str | None = None

    def refresh(self) -> None:
        """Rewrite the calendar file if one is set and its dates changed; never raises.

        A problem is reported to the repository's listener once, and cleared
        (reported as None) by the next rewrite that works.
        """
        try:
            self.write(only_if_changed=True)
        except OSError as error:
            where = self._repo.settings.get().calendar_path
            self._report(
                f"companion could not update the calendar {where} "
                f"({error.strerror or error}). Your data is saved; the calendar keeps its "
                "earlier dates until the next change."
            )
        except FieldError as error:
            self._report(
                f"companion did not update the calendar: {error.message} "
                "Choose the file again in settings (companion settings --calendar PATH)."
            )
        else:
            self._report(None)

    def write(self, *, only_if_changed: bool = False) -> Path | None:
        """Write the calendar file now (if one is set); returns its path.

        Raises OSError when the disk refuses, FieldError when the path can no
        longer hold it (its folder went, or a file that is not a calendar is there).
        """
        from companion.domain.kind_dates import CheckinSlot, kind_dates
        from companion.services.days_off import holidays

        repo = self._repo
        with repo.db.batch():
            settings = repo.settings.get()
            if settings.calendar_path is None:
                return None
            today = repo.clock.today()
            dates = tuple(kind_dates(repo.interviews.all(), today, holidays(repo)))
        path = Path(settings.calendar_path)
        checkin = CheckinSlot(settings.checkin_time, today) if settings.checkin_time else None
        wanted = (path, dates, checkin)
        with self._lock:
            if only_if_changed and wanted == self._written:
                return path
            # the same checks as when it was chosen: the folder or the file may have changed
            check_calendar_path(str(path))
            from companion.exports.calendar import calendar_ics

            write_atomic(path, calendar_ics(dates, checkin, repo.clock.now()))
            self._written = wanted
        return path

    def _report(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        listener = self._repo.calendar_listener
        if listener is not None:
            listener(problem)
