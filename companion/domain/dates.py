"""Reading dates people type and writing dates people read."""

from __future__ import annotations

import re
from datetime import date, timedelta

from companion.domain.errors import FieldError

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

DATE_FORMS = (
    "YYYY-MM-DD, today, yesterday, tomorrow, a weekday (fri, next fri, last fri), "
    "or +Nd/-Nd/+Nw (days or weeks from today)"
)
# Every date the app keeps is within this many years of today; the timeline adds
# weeks to them, and a year like 9999 would run off the calendar.
REACH_YEARS = 10
# Every date companion stores lies in these years (the store refuses others): far
# enough from the calendar's ends (years 1 and 9999) that no arithmetic on a stored
# date can run off it, with room for a clock that is wrong by decades.
FIRST_YEAR, LAST_YEAR = 1900, 2299
_RELATIVE = re.compile(r"^([+-])(\d{1,4})([dw])$")
_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_WEEKDAYS = {name.lower(): number for number, name in enumerate(DAY_NAMES)} | {
    full: number
    for number, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_WEEKDAY = re.compile(r"^(?:(this|next|last)\s+)?([a-z]+)$")


def parse_date(text: str, today: date, field: str = "date") -> date:
    """A date from what a person typed, relative words resolved against `today`."""
    day = _read_date(text, today, field)
    reach = timedelta(days=round(365.25 * REACH_YEARS))
    if not today - reach <= day <= today + reach:
        raise FieldError(
            field,
            f"{day.isoformat()} is more than {REACH_YEARS} years from today; "
            "use a date nearer to now.",
        )
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise FieldError(
            field, f"{day.isoformat()} is not a year companion keeps ({FIRST_YEAR} to {LAST_YEAR})."
        )
    return day


def _read_date(text: str, today: date, field: str) -> date:
    value = " ".join(text.split()).lower()
    if value in _WORDS:
        return today + timedelta(days=_WORDS[value])
    weekday = _weekday(value, today)
    if weekday is not None:
        return weekday
    match = _RELATIVE.match(value)
    try:
        if match:
            sign, amount, unit = match.groups()
            days = int(amount) * (7 if unit == "w" else 1)
            return today + timedelta(days=days if sign == "+" else -days)
        return date.fromisoformat(value)
    except (ValueError, OverflowError):
        shown = text.strip() or "(empty)"
        raise FieldError(field, f"{shown!r} is not a date; use {DATE_FORMS}.") from None


def _weekday(value: str, today: date) -> date | None:
    """A weekday word: `fri` (or `this fri`) is the coming Friday, today if it is one;
    `next fri` is the Friday of next week (weeks run Monday to Sunday); `last fri` is
    the latest Friday before today. Three letters or the whole name."""
    match = _WEEKDAY.match(value)
    if match is None or match.group(2) not in _WEEKDAYS:
        return None
    which, number = match.group(1), _WEEKDAYS[match.group(2)]
    if which == "next":
        return week_start(today) + timedelta(days=7 + number)
    if which == "last":
        return today - timedelta(days=(today.weekday() - number - 1) % 7 + 1)
    return today + timedelta(days=(number - today.weekday()) % 7)


def friendly(day: date, today: date | None = None) -> str:
    """'Tue 17 Mar'; the year is added when it is not `today`'s year."""
    text = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def week_start(day: date) -> date:
    """The Monday of `day`'s week (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())
