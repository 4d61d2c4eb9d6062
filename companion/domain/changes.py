"""When what companion shows next changes by the clock alone, with no data changed.

The shell prompt's answers are kept until then (`companion/answers.py`). The
summary and the lists are functions of the data and the moment, and the
moment enters them only through:

- the day (every timeline date, thank-you window, the week's applications,
  the urges of the last two weeks): the next local midnight;
- the hour (the summary's suggestion fits it): the next full hour, which also
  bounds anything else that moves within a day;
- each question's due moment (what is due to practise);
- the start of the practice day (`settings.day_starts`, 04:00 unless set: what
  is ready today, the day's plan);
- the daily inbox check: its minute, and the end of its slot.

So the answer holds until the first of them after now. Anything that may
change in between is within the hour, and any new rule of that kind adds its
instants here (`tests/unit/test_answers.py` compares kept answers with fresh
ones over generated data and clocks that cross each boundary).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from companion.domain.urges import CHECKIN_MINUTES


def next_midnight(now: datetime) -> datetime:
    """The start of the next day, in `now`'s zone."""
    return datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)


def next_change(
    now: datetime,
    due: Iterable[datetime],
    checkin: time | None,
    day_starts: time | None = None,
) -> datetime:
    """The first instant after `now` (aware) at which the clock alone may change an answer."""
    hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    candidates = [hour, next_midnight(now)]
    if day_starts is not None:
        start = now.replace(hour=day_starts.hour, minute=day_starts.minute, second=0, microsecond=0)
        candidates.append(start if start > now else start + timedelta(days=1))
    later = [moment for moment in due if moment > now]
    if later:
        candidates.append(min(later))
    if checkin is not None:
        start = now.replace(hour=checkin.hour, minute=checkin.minute, second=0, microsecond=0)
        for moment in (start, start + timedelta(minutes=CHECKIN_MINUTES)):
            if moment > now:
                candidates.append(moment)
    return min(candidates)
