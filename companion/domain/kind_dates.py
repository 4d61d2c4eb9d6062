"""The kind dates of the open interviews, for a calendar: what, when, and why that day.

Each open interview gives up to three all-day dates (etiquette.md): the day a
thank-you note is best sent by (`T + 1`, while no thank-you is logged and the
note is still kind to send), the earliest polite check-in `F`, and the day
moving on is offered `M`. Each carries the timeline's own sentence for why,
and an id made of the interview's id and the kind of date, never the date: a
calendar that imports the file again updates the event when the date moves.

The user's daily inbox check, when set, is a recurring slot of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from companion.domain.dates import friendly
from companion.domain.days_off import NO_HOLIDAYS, Holidays
from companion.domain.interviews import Interview
from companion.domain.timeline import (
    THANK_YOU_BEST_DAYS,
    THANK_YOU_LAST_DAYS,
    build_timeline,
    date_sentence,
)

KINDS = ("thank_you", "follow_up", "move_on")
UID_DOMAIN = "companion"
CHECKIN_UID = f"inbox-check@{UID_DOMAIN}"
CHECKIN_MINUTES = 15
CHECKIN_TITLE = "Inbox check"
CHECKIN_WHY = (
    "Your one look at the inbox today. Outside this slot, companion keeps the dates "
    "for you: if something needs you, it will say so."
)


@dataclass(frozen=True)
class KindDate:
    interview_id: int
    kind: str
    on: date
    title: str
    why: str
    about: str

    @property
    def uid(self) -> str:
        """Stable across exports: the interview and the kind of date, not the date."""
        return f"interview-{self.interview_id}-{self.kind.replace('_', '-')}@{UID_DOMAIN}"


@dataclass(frozen=True)
class CheckinSlot:
    """The daily inbox check as a calendar slot, from `first_day` on, every day."""

    at: time
    first_day: date
    minutes: int = CHECKIN_MINUTES
    title: str = CHECKIN_TITLE
    why: str = CHECKIN_WHY
    uid: str = CHECKIN_UID


def _titles(company: str) -> dict[str, str]:
    return {
        "thank_you": f"Thank-you note to {company}",
        "follow_up": f"A polite check-in with {company} is welcome",
        "move_on": f"Free to move on from {company}",
    }


def thank_you_best_by(interview: Interview, today: date) -> date | None:
    """Rule 1's best-by day while a note is still to send and still kind (to `T + 3`)."""
    if not interview.is_open or not interview.not_yet_thanked():
        return None
    if today > interview.held_on + timedelta(days=THANK_YOU_LAST_DAYS):
        return None
    return interview.held_on + timedelta(days=THANK_YOU_BEST_DAYS)


def interview_dates(
    interview: Interview, today: date, holidays: Holidays = NO_HOLIDAYS
) -> list[KindDate]:
    """One open interview's kind dates, earliest first; none for a closed one.
    The check-in skips weekends and the `holidays` of the country chosen."""
    if interview.id is None or not interview.is_open:
        return []
    timeline = build_timeline(interview, today, holidays=holidays)
    days = {
        "thank_you": thank_you_best_by(interview, today),
        "follow_up": timeline.follow_up_from,
        "move_on": timeline.move_on_from,
    }
    titles = _titles(interview.company)
    what = " · ".join(p for p in (interview.company, interview.role, interview.round) if p)
    about = f"{what}. Interview: {friendly(interview.held_on, today)}."
    return [
        KindDate(
            interview_id=interview.id,
            kind=kind,
            on=day,
            title=titles[kind],
            why=date_sentence(interview, kind, day, today),
            about=about,
        )
        for kind in KINDS
        if (day := days[kind]) is not None
    ]


def kind_dates(
    interviews: Iterable[Interview], today: date, holidays: Holidays = NO_HOLIDAYS
) -> list[KindDate]:
    """Every open interview's kind dates, by day, then interview, then the order of KINDS."""
    found = [d for interview in interviews for d in interview_dates(interview, today, holidays)]
    return sorted(found, key=lambda d: (d.on, d.interview_id, KINDS.index(d.kind)))
