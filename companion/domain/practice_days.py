"""Practice days: when a question is ready, counted as a person counts days.

A question scheduled in days is due on a date, not at a minute: a question due
on Thursday is ready from the start of Thursday, in the person's own time zone
on that date (so a local midnight across a daylight-saving change is still a
local midnight). The day starts at a set hour, 04:00 unless the settings say
otherwise (as in Anki): practising at half past midnight still counts as the
evening before. Learning steps, the few minutes before a question comes back
in the same sitting, stay exact to the minute.

The card's `due` is stored in UTC. A card scheduled in days is due at the start
of its day; cards written before this rule kept the minute of their last
rating, and are read by their date alone, so they need no migration.

Light on purpose (no `fsrs`): the summary counts what is ready from the stored
documents through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number

DEFAULT_DAY_START = time(4, 0)
# The day may start between midnight and noon; later would make "today" mostly yesterday.
LATEST_DAY_START = time(12, 0)


@dataclass(frozen=True)
class PracticeDays:
    """The person's days: their time zone and the hour a new day starts."""

    zone: tzinfo
    starts: time = DEFAULT_DAY_START

    @classmethod
    def at(cls, now: datetime, starts: time = DEFAULT_DAY_START) -> PracticeDays:
        """The days of the zone `now` is told in (the clock tells the local zone)."""
        return cls(now.tzinfo or UTC, starts)

    @property
    def _offset(self) -> timedelta:
        return timedelta(hours=self.starts.hour, minutes=self.starts.minute)

    def day_of(self, moment: datetime) -> date:
        """The practice day `moment` falls on: before the day's start it is still yesterday."""
        return (moment.astimezone(self.zone) - self._offset).date()

    def today(self, now: datetime) -> date:
        return self.day_of(now)

    def start_of(self, day: date) -> datetime:
        """The moment `day` starts, in UTC: its start hour in the zone's offset on that date."""
        return datetime.combine(day, self.starts, tzinfo=self.zone).astimezone(UTC)

    def date_of(self, moment: datetime) -> date:
        """The calendar date of `moment` in the zone."""
        return moment.astimezone(self.zone).date()

    def due_on(self, due: datetime, by_day: bool) -> date:
        """The day a question is ready: its date when scheduled in days, else its practice day."""
        return self.date_of(due) if by_day else self.day_of(due)

    def ready(self, due: datetime, by_day: bool, now: datetime) -> bool:
        """Ready now: due already, or (scheduled in days) due on today or earlier."""
        return due <= now or (by_day and self.date_of(due) <= self.today(now))

    def ready_before(self, now: datetime) -> datetime:
        """A question scheduled in days is ready now when due before this moment: the
        local midnight that ends today's date (`ready`, as one comparison)."""
        tomorrow = self.today(now) + timedelta(days=1)
        return datetime.combine(tomorrow, time(0), tzinfo=self.zone).astimezone(UTC)

    def due_in_days(self, moment: datetime, days: int) -> datetime:
        """The start of the day `days` after `moment`'s practice day, in UTC."""
        return self.start_of(self.day_of(moment) + timedelta(days=days))


def scheduled_by_day(state: int, last_review: object) -> bool:
    """Whether a card is due on a day (never rehearsed, or in review) or at a minute (a step).

    `state` is fsrs's State value (1 learning, 2 review, 3 relearning).
    """
    return last_review is None or state == 2


def parse_day_start(text: str) -> time:
    """The hour a practice day starts, typed as HH:MM from 00:00 to 12:00."""
    value = text.strip()
    hours, sep, minutes = value.partition(":")
    h, m = whole_number(hours), whole_number(minutes)
    if sep and h is not None and m is not None and len(minutes) == 2 and m < 60:
        moment = time(h, m) if h < 24 else None
        if moment is not None and moment <= LATEST_DAY_START:
            return moment
    raise FieldError(
        "day starts",
        f"{value or '(empty)'!r} is not a start of the day; use HH:MM from 00:00 to 12:00 "
        "(04:00 counts practice after midnight as the evening before).",
    )
