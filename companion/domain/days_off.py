"""Working days: weekends, and the public holidays of the country chosen in settings.

A kind date that falls on a day off (etiquette.md, rule 2) moves to the next
working day. With no country chosen only Saturdays and Sundays are days off;
with one, its public holidays (and its region's) are too, from the `holidays`
package, which is imported only then (`public_holidays`): the summary of a
user with no country never loads it.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, timedelta
from functools import cache
from typing import Any

from companion.domain.errors import FieldError

# The days off beyond weekends: a set of dates, or anything that answers `day in it`.
Holidays = Container[date]
NO_HOLIDAYS: Holidays = frozenset()


def is_day_off(day: date, holidays: Holidays = NO_HOLIDAYS) -> bool:
    return day.weekday() >= 5 or day in holidays


def next_working_day(day: date, holidays: Holidays = NO_HOLIDAYS) -> date:
    """`day`, or the first day after it that is neither a weekend nor a public holiday."""
    while is_day_off(day, holidays):
        day += timedelta(days=1)
    return day


class PublicHolidays(Container[date]):
    """The public holidays of one country (and region), computed a year at a time."""

    def __init__(self, calendar: Any, place: str) -> None:
        self._calendar = calendar
        self.place = place

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day in self._calendar

    def name(self, day: date) -> str | None:
        found = self._calendar.get(day)
        return str(found) if found else None


@cache
def public_holidays(country: str, region: str = "") -> Holidays:
    """The days off of a place chosen in settings ("GB", "ENG"); checked by `parse_place`.
    One calendar a place for the run: it computes each year once, when first asked.
    A place the `holidays` package does not know (a file edited by hand, or a place
    a later version dropped) has none: kind dates then skip weekends only."""
    import holidays

    try:
        calendar = holidays.country_holidays(country, subdiv=region or None)
    except NotImplementedError:
        return NO_HOLIDAYS
    return PublicHolidays(calendar, f"{country}-{region}" if region else country)


def parse_place(text: str) -> tuple[str, str] | None:
    """A country code with an optional region, as `--country` takes it: "GB", "GB-SCT",
    "us-ca"; "none" or "" for none. Raises FieldError naming what is accepted."""
    value = text.strip().upper().replace("_", "-")
    if value in ("", "NONE", "OFF"):
        return None
    import holidays

    supported: dict[str, list[str]] = holidays.list_supported_countries()
    country, _, region = value.partition("-")
    if country not in supported:
        raise FieldError(
            "country",
            f"{text.strip()!r} is not a country companion knows the holidays of; use a "
            "two-letter code like GB, US or DE, with a region if you like (GB-SCT), or none.",
        )
    if region and region not in supported[country]:
        regions = ", ".join(supported[country][:12])
        more = ", ..." if len(supported[country]) > 12 else ""
        raise FieldError(
            "country",
            f"{region!r} is not a region of {country}; use one of {regions}{more}, "
            f"or {country} alone.",
        )
    return country, region


def place_text(country: str | None, region: str | None) -> str:
    """How a chosen place is written back: "GB-SCT", "GB", or "none"."""
    if not country:
        return "none"
    return f"{country}-{region}" if region else country
