"""When the app itself fails: a plain sentence on screen, and a report kept privately.

Textual's own handling prints a traceback with the local variables of every
frame, which hold whatever the user was writing and reading. companion shows a
sentence instead, saying what happened and where the report is; the report
(the traceback without locals: where it failed, and the error's own words) is
kept beside the database, readable only by the user.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

REPORT_PREFIX = "crash-"


def save_report(folder: Path, error: BaseException, now: datetime) -> Path | None:
    """Write the report under `folder` (0600, never over another); None if it cannot be."""
    from companion.services.access import write_new

    text = "".join(traceback.format_exception(error))
    header = f"companion stopped at {now.isoformat()} because of this error in the app:\n\n"
    stamp = now.strftime("%Y%m%dT%H%M%S")
    for number in range(1, 100):
        suffix = "" if number == 1 else f"-{number}"
        path = folder / f"{REPORT_PREFIX}{stamp}{suffix}.txt"
        try:
            write_new(path, (header + text).encode("utf-8", "backslashreplace"))
        except FileExistsError:
            continue
        except OSError:
            return None
        return path
    return None


def sentence(error: BaseException, report: Path | None) -> str:
    """What the user reads once the app has gone: no words from their data."""
    where = (
        f"A report of where it failed is kept at {report} (it may quote your data, so read "
        "it before you share it)."
        if report is not None
        else "No report could be saved."
    )
    return (
        f"companion stopped because of a fault in the app itself ({type(error).__name__}), "
        f"not in anything you did. What was saved before it is safe. {where}"
    )
