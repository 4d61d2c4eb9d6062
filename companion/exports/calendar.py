"""The kind dates as an iCalendar file: all-day events, and the daily inbox check.

`icalendar` is imported only when a calendar is written, so that the printing
commands that never write one (`companion summary`) do not pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from companion import __version__
from companion.domain.kind_dates import CheckinSlot, KindDate

PRODID = f"-//companion//kind dates {__version__}//EN"
CALENDAR_NAME = "companion: kind dates"


def calendar_ics(dates: Sequence[KindDate], checkin: CheckinSlot | None, now: datetime) -> bytes:
    """An iCalendar file of the dates and the check-in slot; `now` stamps each event."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for kind_date in dates:
        event = Event()
        event.add("uid", kind_date.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", kind_date.on)
        event.add("dtend", kind_date.on + timedelta(days=1))
        event.add("summary", kind_date.title)
        event.add("description", f"{kind_date.why}\n\n{kind_date.about}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    if checkin is not None:
        event = Event()
        event.add("uid", checkin.uid)
        event.add("dtstamp", stamp)
        # A floating time: the slot stays at the same hour wherever and whenever it falls.
        event.add("dtstart", datetime.combine(checkin.first_day, checkin.at))
        event.add("duration", timedelta(minutes=checkin.minutes))
        event.add("rrule", {"freq": "daily"})
        event.add("summary", checkin.title)
        event.add("description", checkin.why)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics
