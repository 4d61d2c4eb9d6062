"""The urge to check the inbox: noting it, counting it by day, and worry time.

Each urge the user brings to companion instead of the inbox is noted with its
local day. The counts over two weeks are shown so the user can watch them
fall; worry time (one chosen daily slot for the inbox) lets them park the
thought until then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Literal

CHART_DAYS = 14
# The check-in slot lasts this long: inside it, checking is the plan.
CHECKIN_MINUTES = 30

# What the user chose at the end of the breathing, kept with the urge: to leave the
# inbox until the check-in slot, or to look now. In one sec (Grüning et al. 2023) the
# explicit option to dismiss did most of the good, so the choice is asked, not assumed.
Choice = Literal["leave", "look"]
CHOICES: tuple[Choice, ...] = ("leave", "look")
# How `companion breathe` ends, so that `companion breathe && neomutt` opens the mail
# only after "look now": 0 for look now; 3 for leave it, or for leaving with no
# choice made (1 and 2 keep their meanings: the data could not be read or written,
# bad usage).
EXIT_LOOK = 0
EXIT_NOT_NOW = 3
BREATHE_EXIT: dict[Choice | None, int] = {
    "look": EXIT_LOOK,
    "leave": EXIT_NOT_NOW,
    None: EXIT_NOT_NOW,
}


def urges_per_day(days: Iterable[date], today: date, span: int = CHART_DAYS) -> tuple[int, ...]:
    """Urges on each of the `span` days ending today, oldest first."""
    counts = Counter(days)
    first = today - timedelta(days=span - 1)
    return tuple(counts[first + timedelta(days=n)] for n in range(span))


def trend_sentence(per_day: tuple[int, ...]) -> str | None:
    """A kind word when the last seven days held fewer urges than the seven before; else nothing.

    A rise is not pointed out: the chart is there to show progress, not to keep score.
    """
    if len(per_day) < 14:
        return None
    before, recent = sum(per_day[-14:-7]), sum(per_day[-7:])
    if before and recent < before:
        return f"{recent} in the last seven days, down from {before} in the seven before."
    return None


def checkin_line(checkin: time | None) -> str | None:
    if checkin is None:
        return None
    return f"Your inbox check is at {checkin:%H:%M}."


def parking_note(checkin: time | None, now: datetime) -> str:
    """What to do with the urge, given the user's daily inbox check (worry time)."""
    if checkin is None:
        return (
            "Nothing is lost by waiting: companion keeps the dates for you. "
            "A daily time to check your inbox can be set in settings."
        )
    start = now.replace(hour=checkin.hour, minute=checkin.minute, second=0, microsecond=0)
    if now < start:
        return (
            f"Your inbox check is at {checkin:%H:%M}. Park the thought until then; "
            "whatever is there will keep."
        )
    if now < start + timedelta(minutes=CHECKIN_MINUTES):
        return f"It is your {checkin:%H:%M} inbox check: look once, then let it rest."
    return (
        f"Today's inbox check was at {checkin:%H:%M}; whatever is there will keep until tomorrow's."
    )
