"""The only place that reads the wall clock.

Everything else receives a `Clock` and asks it for `now()` or `today()`, so
tests can freeze time and every date the app shows is reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


def local_zone(environ: Mapping[str, str] = os.environ, localtime: Path = LOCALTIME) -> tzinfo:
    """The system's time zone, with its daylight-saving rules (not only today's offset).

    `TZ` when it names a zone, else the zone `/etc/localtime` points into, else
    that file read as it is; failing all three, today's fixed offset. A fixed
    offset would put a local midnight an hour out across a clock change.
    """
    name = environ.get("TZ", "").strip().removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        target = str(localtime.resolve())
        _, found, key = target.partition("zoneinfo/")
        if found and key:
            return ZoneInfo(key)
        with localtime.open("rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        fallback = datetime.now().astimezone().tzinfo
        return fallback if fallback is not None else UTC


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in the user's local zone."""
        ...

    def today(self) -> date:
        """The user's local calendar date."""
        ...


@dataclass
class SystemClock:
    """The real clock, in the system's time zone."""

    zone: tzinfo = field(default_factory=local_zone)

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()


@dataclass
class FrozenClock:
    """A clock that stays where it is put; for tests, demos and benchmarks."""

    at: datetime

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("FrozenClock needs a timezone-aware datetime")

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.date()

    def advance(self, delta: timedelta) -> None:
        """Move on by `delta` of real time (across a clock change, the wall clock moves by more
        or less)."""
        self.at = (self.at.astimezone(UTC) + delta).astimezone(self.at.tzinfo)


FROZEN_NOW_ENV = "COMPANION_FROZEN_NOW"


# A frozen moment must leave room, within the years companion keeps (1900-2299,
# domain/dates.py), for dates typed ten years either side and for a question
# scheduled up to a century ahead.
FROZEN_YEARS = (1910, 2199)


def clock_from_env(environ: Mapping[str, str]) -> Clock:
    """The system clock, or a frozen one when `COMPANION_FROZEN_NOW` holds an ISO datetime.

    The variable is for end-to-end tests and screenshots of the installed command.
    Either way the clock tells the time in the local zone (`TZ`, else the system's).
    Raises FieldError, naming the variable, when it holds anything else.
    """
    from companion.domain.errors import FieldError

    zone = local_zone(environ)
    frozen = environ.get(FROZEN_NOW_ENV, "").strip()
    if not frozen:
        return SystemClock(zone)
    try:
        moment = datetime.fromisoformat(frozen)
        moment = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    except (ValueError, OverflowError, OSError):
        raise FieldError(
            FROZEN_NOW_ENV,
            f"{frozen[:40]!r} is not a date and time; use ISO 8601, such as "
            "2026-03-03T09:30:00+00:00, or unset it to use the real clock.",
        ) from None
    first, last = FROZEN_YEARS
    if not first <= moment.year <= last:
        raise FieldError(FROZEN_NOW_ENV, f"{frozen[:40]!r} is not a year from {first} to {last}.")
    return FrozenClock(moment)


def utc(moment: datetime) -> datetime:
    """The same moment in UTC, as stored."""
    return moment.astimezone(UTC)
