"""Applications the user sends while waiting, the weekly goal, and the burnout guard.

Keeping on applying until an offer is accepted is advice every seed gives
(etiquette.md, rule 8). The goal is a gentle weekly count, Monday to Sunday;
this module says how many were sent this week, whether a gentle nudge is due,
and when the user has been applying hard with nothing back (calm.md, rule 4).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from companion.domain.dates import friendly, parse_date, week_start
from companion.domain.errors import FieldError

# (stored word, what the user reads), in the order a search usually goes.
STATUSES: tuple[tuple[str, str], ...] = (
    ("applied", "applied"),
    ("heard_back", "heard back"),
    ("interviewing", "interviewing"),
    ("offer", "offer"),
    ("accepted", "offer accepted"),
    ("rejected", "not this time"),
    ("withdrawn", "withdrawn"),
)
STATUS_WORDS = tuple(word for word, _ in STATUSES)
STATUS_LABELS = dict(STATUSES)
# An employer answered, whatever the answer was.
ANSWERED = frozenset({"heard_back", "interviewing", "offer", "accepted", "rejected"})

MAX_TEXT = 200
MAX_NOTES = 2000

# calm.md, rule 4: "if the user applies a lot with no answers (say 15+ in a
# week with none back), it suggests rest over more volume".
BURNOUT_APPLICATIONS = 15
BURNOUT_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Application:
    """One application. `status_on` is the day the status last changed."""

    company: str
    role: str
    applied_on: date
    source: str = ""
    link: str = ""
    notes: str = ""
    status: str = "applied"
    status_on: date | None = None
    id: int | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status.replace("_", " "))

    @property
    def changed_on(self) -> date:
        return self.status_on or self.applied_on


def parse_status(text: str) -> str:
    """A status from its stored word or its label ('heard back', 'heard-back', 'heard_back')."""
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    for word, label in STATUSES:
        if value in (word, label.replace(" ", "_")):
            return word
    choices = ", ".join(label for _, label in STATUSES)
    raise FieldError(
        "status", f"{text.strip() or '(empty)'!r} is not a status; use one of {choices}."
    )


def _required(text: str, field: str, example: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise FieldError(field, f"this is needed; type the {field}, for example {example}.")
    if len(value) > MAX_TEXT:
        raise FieldError(field, f"this is {len(value)} characters; keep it under {MAX_TEXT}.")
    return value


def _optional(text: str, field: str, limit: int = MAX_TEXT) -> str:
    value = text.strip()
    if len(value) > limit:
        raise FieldError(field, f"this is {len(value)} characters; keep it under {limit}.")
    return value


def _link(text: str) -> str:
    value = _optional(text, "link", 1000)
    if value and (any(ch.isspace() for ch in value) or "." not in value):
        raise FieldError(
            "link",
            f"{value[:60]!r} is not a web address; paste the job ad's link, or leave it empty.",
        )
    return value


def parse_application(
    today: date,
    *,
    company: str,
    role: str,
    applied_on: str = "today",
    source: str = "",
    link: str = "",
    notes: str = "",
    status: str = "applied",
    previous: Application | None = None,
) -> Application:
    """An application from what the user typed; raises FieldError for the first bad field.

    Editing keeps the id; changing the status records today as the day it changed.
    """
    day = parse_date(applied_on, today, field="applied on")
    if day > today:
        raise FieldError(
            "applied on", f"{friendly(day, today)} is still to come; log an application once sent."
        )
    word = parse_status(status)
    status_on = previous.status_on if previous else None
    if word != (previous.status if previous else "applied"):
        status_on = today
    return Application(
        company=_required(company, "company", "Acme"),
        role=_required(role, "role", "Product designer"),
        applied_on=day,
        source=_optional(source, "source"),
        link=_link(link),
        notes=_optional(notes, "notes", MAX_NOTES),
        status=word,
        status_on=status_on,
        id=previous.id if previous else None,
    )


def with_status(application: Application, status: str, today: date) -> Application:
    word = parse_status(status)
    if word == application.status:
        return application
    return replace(application, status=word, status_on=today)


def applied_this_week(applications: Iterable[Application], today: date) -> int:
    """Applications sent from this Monday to today."""
    monday = week_start(today)
    return sum(1 for a in applications if monday <= a.applied_on <= today)


def summary_since(today: date) -> date:
    """The first day the summary's counts look at: this week's and the burnout window's.

    Only applications sent or changed from this day on, and accepted offers,
    change `applied_this_week`, `burnout` and `offer_accepted` for `today`.
    """
    return min(week_start(today), today - timedelta(days=BURNOUT_WINDOW_DAYS - 1))


class Dated(Protocol):
    """What `seen_since` reads of an application: an `Application`, or a light view
    of a stored one that parses its dates only when asked."""

    @property
    def applied_on(self) -> date: ...

    @property
    def status(self) -> str: ...

    @property
    def status_on(self) -> date | None: ...


def seen_since(application: Dated, since: date) -> bool:
    """Sent or changed on or after `since`, or an accepted offer: with `since` from
    `summary_since(today)`, the applications whose counts the summary can see."""
    if application.status == "accepted" or application.applied_on >= since:
        return True
    status_on = application.status_on
    return status_on is not None and status_on >= since


def offer_accepted(applications: Iterable[Application]) -> bool:
    return any(a.status == "accepted" for a in applications)


@dataclass(frozen=True)
class Burnout:
    """The user applied a lot lately and heard nothing back: suggest rest, not volume."""

    sent: int
    days: int = BURNOUT_WINDOW_DAYS

    @property
    def text(self) -> str:
        return (
            f"You have sent {self.sent} applications in the last {self.days} days and "
            "none has answered yet. That is plenty of effort; more volume will help less "
            "than rest. Take a day away from applying, and come back to it fresh."
        )


def burnout(applications: Iterable[Application], today: date, replies: int = 0) -> Burnout | None:
    """Burnout when 15 or more went out in the last 7 days and no employer answered in them.

    An answer is any application moved to heard back, interviewing, an offer or
    a rejection within the window, or `replies` counted elsewhere (interviews).
    """
    first = today - timedelta(days=BURNOUT_WINDOW_DAYS - 1)
    items = list(applications)
    sent = sum(1 for a in items if first <= a.applied_on <= today)
    answered = replies > 0 or any(
        a.status in ANSWERED and first <= a.changed_on <= today for a in items
    )
    if sent >= BURNOUT_APPLICATIONS and not answered:
        return Burnout(sent)
    return None


def steady_pace(goal: int, today: date, since: date = date.min) -> int:
    """How many applications an even pace would have sent by the start of today.

    Only the days already gone count, from Monday or from `since` (the day the
    goal was set) if later, and only whole applications: on Monday and on the
    day the goal is set it is 0, so neither starts with a nudge, and being a
    fraction behind is not behind.
    """
    days_gone = (today - max(week_start(today), since)).days
    return math.floor(goal * max(days_gone, 0) / 7)


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def applying_nudge(applied: int, goal: int, today: date, since: date = date.min) -> str | None:
    """One gentle sentence when the week's count is a whole application behind an even
    pace; never on a Saturday or a Sunday (calm.md, rule 9)."""
    if goal <= 0 or applied >= goal or is_weekend(today):
        return None
    if applied >= steady_pace(goal, today, since):
        return None
    return f"Apply somewhere new today, if you can: {applied} of {goal} so far this week."


def week_count(applied: int, goal: int) -> str:
    """The week's count beside the goal, kind past it: "3 of 5", "16 this week, past your 5"."""
    if applied > goal:
        return f"{applied} this week, past your goal of {goal}"
    return f"{applied} of {goal}"
