"""The only place that reads the wall clock.

Everything else receives a `Clock` and asks it for `now()` or `today()`, so
tests can freeze time and every date the app shows is reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in the user's local zone."""
        ...

    def today(self) -> date:
        """The user's local calendar date."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

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
        self.at = self.at + delta


FROZEN_NOW_ENV = "COMPANION_FROZEN_NOW"


# A frozen moment must leave room, within the years companion keeps (1900-2299,
# domain/dates.py), for dates typed ten years either side and for a question
# scheduled up to a century ahead.
FROZEN_YEARS = (1910, 2199)


def clock_from_env(environ: Mapping[str, str]) -> Clock:
    """The system clock, or a frozen one when `COMPANION_FROZEN_NOW` holds an ISO datetime.

    The variable is for end-to-end tests and screenshots of the installed command.
    Raises FieldError, naming the variable, when it holds anything else.
    """
    from companion.domain.errors import FieldError

    frozen = environ.get(FROZEN_NOW_ENV, "").strip()
    if not frozen:
        return SystemClock()
    try:
        moment = datetime.fromisoformat(frozen)
        if moment.tzinfo is None:
            moment = moment.astimezone()
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
