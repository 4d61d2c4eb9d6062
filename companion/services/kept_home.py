"""Home's summary, kept by the app for its next start.

Home shows the summary `companion summary` prints; on a heavy history making it
takes tens of milliseconds of the app's start, before its first frame. So the app
keeps the summary home showed beside the main file, as the shell prompt's answers
are kept (`companion/answers.py`) and under the same rules: the main file's
identity, the clock's window up to the next instant that may change it
(`domain.changes.next_change`), the clock's offset from UTC, companion's version,
and a main file that had settled before it was read. A start whose main file is
the one the summary was made from, within its window, shows the kept summary
instead of making it again.

With it are kept the settings of the same main file (the theme, the breathing chosen),
so that home can be drawn before the data is opened (`tui/app.py`, `make_app`).

The summary is kept pickled (its dataclasses: interviews, their timelines). A pickle
runs code as it loads, so it is read only as every kept file is: a regular file of
this user's that no one else may read or write (`companion/private_files.py`), in
the user's own data folder. Anything else, or anything that does not load as a
summary, means the summary is made again.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from companion import answers
from companion.domain.settings import Settings
from companion.domain.summary import Summary
from companion.services.kept import valid_until

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers

Identity = tuple[int, int, int, int, int]


def identity(db: Path) -> Identity | None:
    """The main file's identity, taken before it is read (None when there is none)."""
    return answers.identity(db)


@dataclass(frozen=True)
class KeptSummary:
    summary: Summary
    settings: Settings  # the settings of the same main file (the theme, the breathing)
    until_ns: int  # the instant (epoch nanoseconds) from which it no longer holds

    def holds_at(self, now: datetime) -> bool:
        return answers.epoch_ns(now) < self.until_ns


def kept_summary(db: Path, read_from: Identity | None, now: datetime) -> KeptSummary | None:
    """The summary kept for the main file read as `read_from`, if it holds at `now`.

    Read before the database is opened: opening makes the kept files private
    (`store/privacy.py`), and a pickle others could have written is never loaded."""
    offset = now.utcoffset()
    if read_from is None or offset is None or answers.identity(db) != read_from:
        return None
    kept = answers.kept_until(
        str(db), answers.HOME_SUMMARY, answers.epoch_ns(now), int(offset.total_seconds())
    )
    if kept is None:
        return None
    try:
        summary, settings = pickle.loads(kept[0])
    except Exception:
        return None
    if not isinstance(summary, Summary) or not isinstance(settings, Settings):
        return None
    return KeptSummary(summary, settings, kept[1])


def keep_summary(
    repo: Repository, read_from: Identity | None, summary: Summary, now: datetime
) -> int | None:
    """Keep `summary`, made at `now` from the main file read as `read_from`, for the
    next start; the instant (epoch nanoseconds) it holds until when kept, else None
    (nothing is raised: it is only a head start)."""
    if repo.changes or not answers.may_keep(repo.path, read_from):
        return None  # before the work below: most starts after a change end here
    until = valid_until(repo, now)
    if until is None:
        return None
    try:
        data = pickle.dumps((summary, repo.settings.get()), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None
    if not answers.keep_bytes(repo.path, answers.HOME_SUMMARY, read_from, data, now, until):
        return None
    return answers.epoch_ns(until)
