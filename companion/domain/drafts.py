"""Drafts of the notes the timeline suggests: a good first version, never sent by companion.

The seeds say what a good note holds: sent within a day, to everyone met
(001, 003, 004), building on the conversation and restating interest (001,
003), brief and not overly keen (002), in the way the employer prefers (002).
A draft is made from what companion knows: the person's name, the company,
the role, the round, the day they met, the decision date they gave, what the
person noted they talked about, and the preferred channel (a call script
instead of an email when they prefer the phone).

The words come from a template (`draft_template.py`), one a kind: the
defaults ship with companion and a person may keep their own. This module
says which kinds fit an interview now, to whom each can go, what the fields
hold, what "I sent it" logs, and when a note reads kindest. Pure: the
templates come in as text, the day and the moment as arguments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from urllib.parse import quote

from companion.domain.dates import friendly
from companion.domain.days_off import NO_HOLIDAYS, Holidays, is_day_off, next_working_day
from companion.domain.draft_template import Template, render
from companion.domain.errors import FieldError
from companion.domain.interviews import (
    CLOSED,
    OFFERS,
    ContactKind,
    ContactPref,
    Interview,
    Outcome,
    name_key,
)
from companion.domain.references import Reference
from companion.domain.timeline import Suggestion, elsewhere_of, names, pending_references


class DraftKind(StrEnum):
    THANK_YOU = "thank-you"
    CHECK_IN = "check-in"
    FEEDBACK = "feedback"
    REFERENCES = "references"
    IN_WRITING = "in-writing"
    WITHDRAW = "withdraw"
    ACCEPT = "accept"
    DECLINE = "decline"
    SPEED_UP = "speed-up"

    @property
    def heading(self) -> str:
        """What the note is, as the draft screen's title says it."""
        return KIND_TITLES[self]


KIND_TITLES = {
    DraftKind.THANK_YOU: "A thank-you note",
    DraftKind.CHECK_IN: "A polite check-in",
    DraftKind.FEEDBACK: "Asking for feedback",
    DraftKind.REFERENCES: "A heads-up for a reference",
    DraftKind.IN_WRITING: "Asking for the offer in writing",
    DraftKind.WITHDRAW: "Letting them know you withdraw",
    DraftKind.ACCEPT: "Accepting the offer",
    DraftKind.DECLINE: "Declining the offer",
    DraftKind.SPEED_UP: "An offer in hand: asking their timeline",
}
KIND_WORDS = " | ".join(kind.value for kind in DraftKind)

# The timeline's suggestions that a note answers, in the order the summary ranks them.
FOR_SUGGESTION: dict[str, DraftKind] = {
    "thank_you": DraftKind.THANK_YOU,
    "references": DraftKind.REFERENCES,
    "follow_up": DraftKind.CHECK_IN,
    "withdraw": DraftKind.WITHDRAW,
    "speed_up": DraftKind.SPEED_UP,
    "in_writing": DraftKind.IN_WRITING,
    "feedback": DraftKind.FEEDBACK,
}

# What "I sent it" logs in the interview's contact log.
SENT_AS: dict[DraftKind, ContactKind] = {
    DraftKind.THANK_YOU: ContactKind.THANK_YOU,
    DraftKind.CHECK_IN: ContactKind.FOLLOW_UP,
    DraftKind.FEEDBACK: ContactKind.FEEDBACK_REQUEST,
    DraftKind.REFERENCES: ContactKind.REFERENCES_NOTIFIED,
    DraftKind.IN_WRITING: ContactKind.IN_WRITING,
    DraftKind.WITHDRAW: ContactKind.WITHDRAW,
    DraftKind.ACCEPT: ContactKind.ACCEPT,
    DraftKind.DECLINE: ContactKind.DECLINE,
    DraftKind.SPEED_UP: ContactKind.SPEED_UP,
}

# The fields a template may use. Each is a plain value, put in as it is.
FIELDS = (
    "name",
    "first_name",
    "company",
    "role",
    "round",
    "interview_day",
    "when_we_met",
    "when_offered",
    "decision_date",
    "talked_about",
    "interviewers",
    "callers",
    "call_window",
    "respond_by",
    "start_date",
    "your_name",
)
# What a field with no value shows instead, when its name alone would read oddly.
HINTS = {
    "first_name": "name",
    "talked_about": "something you talked about",
    "respond_by": "the date you answer the other offer by",
    "when_offered": "when they offered",
    "decision_date": "the date they gave",
    "your_name": "your name",
}
FIELD_NOTES = {
    "name": "the person the note is to, as noted",
    "first_name": "their first name",
    "company": "the company",
    "role": "the role",
    "round": "the round, as noted (like 'second')",
    "interview_day": "the interview's day, like 'Tuesday 3 March'",
    "when_we_met": "'today', 'yesterday', 'on Tuesday' or 'on Tuesday 3 March'",
    "when_offered": "when the offer came, in the same words",
    "decision_date": "the date they said they would decide by",
    "talked_about": "what you noted you talked about",
    "interviewers": "everyone you met, like 'Ana Ruiz and Ben Okafor'",
    "callers": "who may call a reference, like 'Ana Ruiz or Ben Okafor at Acme'",
    "call_window": "when a reference may hear from them, like 'before Friday 6 March'",
    "respond_by": "the date another offer asks you to answer by",
    "start_date": "the start date of this offer, as noted",
    "your_name": "your own name",
}

LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")


@dataclass(frozen=True)
class Situation:
    """What a draft is made from: the interview, the day, and what else is known.

    `others` are the person's other interviews (an offer in hand or accepted
    elsewhere shapes what fits); `your_name` signs the note when it is known.
    """

    interview: Interview
    today: date
    references: tuple[Reference, ...] = ()
    others: tuple[Interview, ...] = ()
    your_name: str = ""


@dataclass(frozen=True)
class Recipient:
    """Whom a note goes to: a person met, or one of the user's references.

    `name` is empty when nobody is noted: the draft then shows a placeholder.
    """

    name: str = ""
    reference: Reference | None = None

    @property
    def address(self) -> str:
        """An email address, when one is known (a reference's)."""
        reach = self.reference.reach.strip() if self.reference else ""
        return reach if "@" in reach and " " not in reach else ""

    @property
    def by_phone(self) -> bool:
        reach = self.reference.reach.strip() if self.reference else ""
        return bool(_PHONE.fullmatch(reach)) and sum(ch.isdigit() for ch in reach) >= 6


@dataclass(frozen=True)
class Draft:
    """A note ready to copy: `body` is a call script when `channel` is phone."""

    kind: DraftKind
    to: str
    subject: str
    body: str
    channel: ContactPref = "email"
    address: str = ""
    reference_id: int | None = None

    @property
    def text(self) -> str:
        """As the CLI prints it and the draft screen edits it."""
        return f"Subject: {self.subject}\n\n{self.body}"

    @property
    def mailto(self) -> str | None:
        """A `mailto:` link with the subject and the body; None for a call."""
        if self.channel == "phone":
            return None
        return mailto_link(self.subject, self.body, self.address)


def mailto_link(subject: str, body: str, address: str = "") -> str:
    """RFC 6068: every reserved character percent-encoded, line ends as CR LF."""
    lines = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(lines, safe='')}"
    )


def split_text(text: str) -> tuple[str, str]:
    """The subject and the body of a draft as edited: `Subject: ...`, a blank line, the body.

    Text with no subject line is all body.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].lower().startswith("subject:"):
        body = "\n".join(lines[1:]).strip("\n")
        return lines[0][len("subject:") :].strip(), body
    return "", text.strip("\n")


def long_date(day: date, today: date) -> str:
    """'Friday 6 March', as a note says it; the year when it is not this one."""
    text = f"{LONG_DAYS[day.weekday()]} {day.day} {LONG_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def when_we_met(held_on: date, today: date) -> str:
    """'today', 'yesterday', 'on Tuesday' within the week, else 'on Tuesday 3 March'."""
    days = (today - held_on).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {LONG_DAYS[held_on.weekday()]}"
    return f"on {long_date(held_on, today)}"


def words(text: str) -> int:
    return len(text.split())


# Which kinds fit the interview now.


def _offer_elsewhere(situation: Situation) -> Interview | None:
    """The open offer elsewhere to answer soonest (rule 12), else any open offer elsewhere
    (its respond-by date then shows as a placeholder)."""
    interview = situation.interview
    dated = elsewhere_of(situation.others).offer_besides(interview, situation.today)
    if dated is not None:
        return dated
    found = [o for o in situation.others if o.id != interview.id and o.open_offer]
    return found[0] if found else None


def _label(interview: Interview) -> str:
    if interview.superseded:
        return "followed by its next round"
    return interview.outcome.label


def refusal(kind: DraftKind, situation: Situation) -> str | None:
    """Why `kind` does not fit the interview now, in a sentence; None when it does."""
    interview, today = situation.interview, situation.today
    day = friendly(interview.held_on, today)
    state = _label(interview)
    offer = interview.outcome in OFFERS and interview.is_open
    if kind == DraftKind.THANK_YOU:
        if today < interview.held_on:
            return f"the interview is on {day}; a thank-you comes after it."
        if interview.outcome in CLOSED:
            return f"this interview is closed ({state}); a thank-you fits one still open."
        if offer:
            return "an offer is in: in-writing, accept or decline thank them as they answer it."
        return None
    if not interview.is_open:
        if kind == DraftKind.FEEDBACK and interview.outcome == Outcome.REJECTED:
            return None
        if kind == DraftKind.IN_WRITING and _accepted_verbally(interview):
            return None
        return f"this interview is closed ({state}); {kind.value} fits an interview still open."
    if kind == DraftKind.FEEDBACK:
        return f"feedback is asked for after a no; this interview is {state}."
    if kind == DraftKind.IN_WRITING:
        if interview.outcome != Outcome.OFFER_VERBAL:
            return f"in-writing asks to have a verbal offer in writing; this interview is {state}."
        return None
    if kind in (DraftKind.ACCEPT, DraftKind.DECLINE):
        return None if offer else f"{kind.value} answers an offer; this interview is {state}."
    if kind == DraftKind.REFERENCES:
        return None
    if today < interview.held_on and kind == DraftKind.CHECK_IN:
        return f"the interview is on {day}; a check-in comes after it."
    if offer:
        return f"an offer is in: in-writing, accept or decline fit it; {kind.value} does not."
    if kind == DraftKind.SPEED_UP and _offer_elsewhere(situation) is None:
        return "speed-up tells them of an offer in hand elsewhere; no other interview has one open."
    return None


def _accepted_verbally(interview: Interview) -> bool:
    """Accepted while the offer was only ever verbal: asking for it in writing still fits."""
    return interview.outcome == Outcome.ACCEPTED and not any(
        change.outcome == Outcome.OFFER_WRITTEN for change in interview.outcomes
    )


def fitting_kinds(situation: Situation) -> list[DraftKind]:
    return [kind for kind in DraftKind if refusal(kind, situation) is None]


def check_fits(kind: DraftKind, situation: Situation) -> None:
    """FieldError (field `kind`) when `kind` does not fit the interview now."""
    why = refusal(kind, situation)
    if why is not None:
        raise FieldError("kind", why)


def parse_kind(text: str, field: str = "kind") -> DraftKind:
    value = text.strip().lower().replace("_", "-").replace(" ", "-")
    for kind in DraftKind:
        if kind.value == value:
            return kind
    raise FieldError(
        field, f"{text.strip() or '(empty)'!r} is not a kind of note; use one of: {KIND_WORDS}."
    )


def current_kind(suggestions: Sequence[Suggestion]) -> DraftKind | None:
    """The note the interview's current action asks for: the first that has one."""
    ranked = list(FOR_SUGGESTION)
    found = [s.kind for s in suggestions if s.kind in FOR_SUGGESTION]
    if not found:
        return None
    return FOR_SUGGESTION[min(found, key=ranked.index)]


# To whom.


def recipients(kind: DraftKind, situation: Situation) -> list[Recipient]:
    """Everyone the note can go to, those still waiting for one first; never empty."""
    interview = situation.interview
    if kind == DraftKind.REFERENCES:
        pending = pending_references(interview, situation.references)
        told = [r for r in situation.references if r not in pending]
        found = [Recipient(r.name, r) for r in (*pending, *told)]
    elif kind == DraftKind.THANK_YOU:
        found = [Recipient(name) for name in _thank_you_order(interview)]
    else:
        found = [Recipient(name) for name in interview.interviewers]
    return found or [Recipient()]


def _thank_you_order(interview: Interview) -> list[str]:
    """The people met, those not yet thanked first (rule 1: a thank-you to each)."""
    waiting = [name for name in interview.not_yet_thanked() if name]
    return waiting + [name for name in interview.interviewers if name not in waiting]


def waiting_for(kind: DraftKind, situation: Situation) -> list[Recipient]:
    """Those still waiting for this note: the references not yet told, the people met not
    yet thanked. Other notes go once, to one person: none wait after it is logged."""
    interview = situation.interview
    if kind == DraftKind.REFERENCES:
        if not situation.references:
            return [] if interview.logged(ContactKind.REFERENCES_NOTIFIED) else [Recipient()]
        pending = pending_references(interview, situation.references)
        return [Recipient(r.name, r) for r in pending]
    if kind == DraftKind.THANK_YOU:
        return [Recipient(name) for name in interview.not_yet_thanked()]
    if interview.logged(SENT_AS[kind]):
        return []
    return recipients(kind, situation)[:1]


def pick_recipient(kind: DraftKind, situation: Situation, wanted: str | None) -> Recipient:
    """The person `wanted` names (full name, or a first name that fits one person), else the
    first of `recipients`; FieldError (field `to`) when the name is not one of them."""
    found = recipients(kind, situation)
    if wanted is None or not wanted.strip():
        return found[0]
    key = name_key(wanted)
    for recipient in found:
        if name_key(recipient.name) == key:
            return recipient
    by_first = [r for r in found if r.name and r.name.split()[0].casefold() == key]
    if len(by_first) == 1:
        return by_first[0]
    raise FieldError("to", _not_among(kind, situation, wanted.strip(), found))


def _not_among(
    kind: DraftKind, situation: Situation, wanted: str, found: Sequence[Recipient]
) -> str:
    known = [r.name for r in found if r.name]
    if kind == DraftKind.REFERENCES:
        if not known:
            return (
                f"{wanted!r} is not one of your references, and none are noted yet; "
                "add one with `companion reference add NAME`."
            )
        return f"{wanted!r} is not one of your references; use {names(known, 'or')}."
    company = situation.interview.company
    if not known:
        return (
            f"{wanted!r} is not noted as met at {company}, and nobody is; add the people "
            "you met to the interview, or leave the name out."
        )
    return f"{wanted!r} is not among the people met at {company}; use {names(known, 'or')}."


# What the fields hold.


def values(kind: DraftKind, situation: Situation, recipient: Recipient) -> dict[str, str | None]:
    """Each field's value for this note; None where it is not known (a placeholder shows)."""
    interview, today = situation.interview, situation.today
    name = " ".join(recipient.name.split())
    decision = interview.decision_by
    offer = _offer_elsewhere(situation)
    respond_by = _respond_by(offer)
    offered = offered_on(interview)
    start = interview.offer.start_on
    return {
        "name": name or None,
        "first_name": name.split()[0] if name else None,
        "company": interview.company,
        "role": interview.role,
        "round": interview.round or None,
        "interview_day": long_date(interview.held_on, today),
        "when_we_met": when_we_met(interview.held_on, today),
        "when_offered": when_we_met(offered, today) if offered else None,
        "decision_date": long_date(decision, today) if decision else None,
        "talked_about": interview.talked_about or None,
        "interviewers": names(interview.interviewers) or None,
        "callers": _callers(interview),
        "call_window": _call_window(situation),
        "respond_by": long_date(respond_by, today) if respond_by else None,
        "start_date": long_date(start, today) if start else None,
        "your_name": " ".join(situation.your_name.split()) or None,
    }


def offered_on(interview: Interview) -> date | None:
    """The day the latest offer came, if one did."""
    days = [change.on for change in interview.outcomes if change.outcome in OFFERS]
    return days[-1] if days else None


def _respond_by(offer: Interview | None) -> date | None:
    return offer.offer.respond_by if offer is not None else None


def _callers(interview: Interview) -> str:
    if interview.interviewers:
        return f"{names(interview.interviewers, 'or')} at {interview.company}"
    return f"someone from {interview.company}"


def _call_window(situation: Situation) -> str:
    interview, today = situation.interview, situation.today
    if interview.decision_by is not None and interview.decision_by >= today:
        return f"before {long_date(interview.decision_by, today)}"
    if interview.references_requested_on is not None:
        return "in the next few days"
    if interview.held_on > today:
        return f"after the interview on {long_date(interview.held_on, today)}"
    return "in the next week or two"


def compose(
    kind: DraftKind, situation: Situation, recipient: Recipient, template: Template
) -> Draft:
    """The note from `template`: a call script when they prefer the phone (or a reference's
    only way to reach them is a number) and the template has one."""
    filled = render(template, values(kind, situation, recipient), HINTS)
    if kind == DraftKind.REFERENCES:
        wants_call = recipient.by_phone
    else:
        wants_call = situation.interview.contact_pref == "phone"
    channel: ContactPref = "phone" if wants_call and filled.call else "email"
    return Draft(
        kind=kind,
        to=recipient.name,
        subject=filled.subject,
        body=filled.call if channel == "phone" else filled.body,
        channel=channel,
        address=recipient.address,
        reference_id=recipient.reference.id if recipient.reference else None,
    )


# When to send it (seed 000's comment): mid-morning, once people have settled in;
# not first thing on a Monday, nor late on a Friday when it waits all weekend.

MID_MORNING = (time(10, 0), time(12, 0))
AROUND = "around 10 or 11"


def kindest_day(
    now: datetime, earliest: date | None = None, holidays: Holidays = NO_HOLIDAYS
) -> date:
    """The day a note reads kindest: today while mid-morning on a working day is still to
    come (or here), else the next working day (weekends and `holidays` are days off);
    never before `earliest`."""
    today = now.date()
    if earliest is not None and earliest > today:
        return next_working_day(earliest, holidays)
    if not is_day_off(today, holidays) and now.time() < MID_MORNING[1]:
        return today
    return next_working_day(today + timedelta(days=1), holidays)


def thank_you_time(today: date, best_by: date | None) -> str:
    """When to send a thank-you: soon, whatever the day (etiquette rule 1, seeds 003 and
    004); the mid-morning advice is for the notes that can wait for a good moment."""
    if best_by is None or today > best_by:
        return "It is still welcome today: within a few days of the interview is fine."
    if best_by == today:
        return "Best sent today, any time of day: the sooner, the better."
    when = friendly(best_by, today)
    if best_by == today + timedelta(days=1):
        when = f"tomorrow, {when}"
    return f"Best sent by {when}, any time of day: the sooner, the better."


def kindest_time(
    now: datetime, earliest: date | None = None, holidays: Holidays = NO_HOLIDAYS
) -> str:
    """One calm sentence: when to send it."""
    today = now.date()
    day = kindest_day(now, earliest, holidays)
    if day == today and MID_MORNING[0] <= now.time() < MID_MORNING[1]:
        return "Now is a kind time to send it: mid-morning, when people have settled in."
    if day == today:
        settle = " once they have settled into the week" if today.weekday() == 0 else ""
        return f"Kindest sent mid-morning today, {AROUND},{settle} rather than first thing."
    when = friendly(day, today)
    if earliest is not None and earliest > today:
        return f"It is welcome from {when}; kindest sent mid-morning that day, {AROUND}."
    if today.weekday() < 5 and is_day_off(today, holidays):
        return f"Today is a public holiday; kindest sent mid-morning on {when}, {AROUND}."
    if today.weekday() >= 4 or (day.weekday() == 0 and (day - today).days > 1):
        return (
            f"Kindest sent mid-morning on {when}, {AROUND}: late on a Friday or at the weekend "
            "it waits in an inbox, and first thing Monday it meets a full one."
        )
    if (day - today).days > 1:
        return f"Later today is fine; after the holiday, mid-morning on {when} reads kindest."
    if now.time() < time(17, 0):
        return f"Later today is fine; mid-morning tomorrow ({when}) reads kindest, {AROUND}."
    return f"Kindest sent mid-morning tomorrow, {when}, {AROUND}."
