"""Interviews: what happened, who was met, what was said since, and how it ended.

Plain data and the pure changes made to it. The calm timeline that reads it is
in `timeline.py`; the rules behind both are in ../shared/design/etiquette.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Literal, TypeVar

from companion.domain.dates import friendly, parse_date
from companion.domain.errors import FieldError
from companion.domain.fit import FitReflection
from companion.domain.tags import parse_tags


class Outcome(StrEnum):
    WAITING = "waiting"
    NEXT_ROUND = "next_round"
    OFFER_VERBAL = "offer_verbal"
    OFFER_WRITTEN = "offer_written"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MOVED_ON = "moved_on"

    @property
    def word(self) -> str:
        """The CLI spelling: `next-round`."""
        return self.value.replace("_", "-")

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.WAITING: "waiting to hear",
    Outcome.NEXT_ROUND: "invited to a next round",
    Outcome.OFFER_VERBAL: "a verbal offer",
    Outcome.OFFER_WRITTEN: "a written offer",
    Outcome.ACCEPTED: "accepted",
    Outcome.REJECTED: "not this time",
    Outcome.WITHDRAWN: "withdrawn",
    Outcome.MOVED_ON: "moved on",
}

OPEN_WAITING = frozenset({Outcome.WAITING, Outcome.NEXT_ROUND})
OFFERS = frozenset({Outcome.OFFER_VERBAL, Outcome.OFFER_WRITTEN})
CLOSED = frozenset({Outcome.ACCEPTED, Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.MOVED_ON})


class ContactKind(StrEnum):
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    REPLY = "reply"
    REFERENCES_REQUESTED = "references_requested"
    REFERENCES_NOTIFIED = "references_notified"
    FEEDBACK_REQUEST = "feedback_request"
    WITHDRAW = "withdraw"
    SPEED_UP = "speed_up"
    IN_WRITING = "in_writing"
    ACCEPT = "accept"
    DECLINE = "decline"

    @property
    def word(self) -> str:
        return self.value.replace("_", "-")

    @property
    def label(self) -> str:
        return CONTACT_LABELS[self]


CONTACT_LABELS = {
    ContactKind.THANK_YOU: "thank-you sent",
    ContactKind.FOLLOW_UP: "check-in sent",
    ContactKind.REPLY: "they replied",
    ContactKind.REFERENCES_REQUESTED: "they asked for references",
    ContactKind.REFERENCES_NOTIFIED: "references given a heads-up",
    ContactKind.FEEDBACK_REQUEST: "asked for feedback",
    ContactKind.WITHDRAW: "let them know kindly you withdrew",
    ContactKind.SPEED_UP: "told them of an offer, asked their timeline",
    ContactKind.IN_WRITING: "asked to have the offer in writing",
    ContactKind.ACCEPT: "accepted the offer",
    ContactKind.DECLINE: "declined the offer",
}
# Notes that settle where the interview stands: logging one sets its outcome.
SETTLES = {
    ContactKind.WITHDRAW: Outcome.WITHDRAWN,
    ContactKind.ACCEPT: Outcome.ACCEPTED,
    ContactKind.DECLINE: Outcome.WITHDRAWN,
}

# What the employer sends. A request for references is an answer in all but
# name: it counts as a reply for the week between contacts (rule 2) and for an
# unanswered check-in (rule 3).
FROM_EMPLOYER = frozenset({ContactKind.REPLY, ContactKind.REFERENCES_REQUESTED})
# A note that asks where things stand: telling them of an offer in hand and asking
# their timeline (rule 12) is a check-in for rules 2 to 4, so no other check-in
# follows it until they answer.
CHECK_INS = frozenset({ContactKind.FOLLOW_UP, ContactKind.SPEED_UP})
# Contacts that space the next check-in a week out (rule 2).
SPACING = frozenset({ContactKind.THANK_YOU}) | CHECK_INS | FROM_EMPLOYER
# What may happen before the interview is held: a company may ask for references
# before a final round, and a heads-up to them may go out (rules 0 and 5); the
# notes of rules 11 and 12 may be sent too.
BEFORE_THE_DAY = frozenset(
    {
        ContactKind.REFERENCES_REQUESTED,
        ContactKind.REFERENCES_NOTIFIED,
        ContactKind.WITHDRAW,
        ContactKind.SPEED_UP,
    }
)

ContactPref = Literal["email", "phone"]
CONTACT_PREFS: tuple[ContactPref, ...] = ("email", "phone")


@dataclass(frozen=True)
class Contact:
    """One entry of the contact log.

    `decision_by` is the new decision date a reply brought, kept for the record
    (the interview's own `decision_by` is the one in force). `references` are
    the ids of the references a `references_notified` entry told; `to` the
    people a note went to (for a thank-you, none: everyone met). `text` is the
    note itself, as sent, when it was logged from its draft ("I sent it").
    """

    kind: ContactKind
    on: date
    note: str = ""
    decision_by: date | None = None
    references: tuple[int, ...] = ()
    text: str = ""
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Offer:
    """What an offer says, as far as the user noted it: all optional.

    `respond_by` is the day they asked for an answer by (rule 12); pay, leave
    and remote are the user's own words ("52k", "25 days", "2 days home").
    """

    respond_by: date | None = None
    pay: str = ""
    leave: str = ""
    remote: str = ""
    start_on: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == Offer()


@dataclass(frozen=True)
class OutcomeChange:
    outcome: Outcome
    on: date


@dataclass(frozen=True)
class Interview:
    """One interview (one round) and everything logged about it since.

    `outcomes` is the history of outcome changes, oldest first; an interview
    with none is waiting. `next_round_id` is set when the user logs the next
    round as an interview of its own (which closes this one's timeline), and
    `previous_round_id` on that next round. `reflection` is what the user wrote
    when moving on; `debriefed_on` is set by the journal's debrief (rule 6).
    `talked_about` is what the user noted they talked about, for the thank-you.
    """

    company: str
    role: str
    held_on: date
    round: str = ""
    interviewers: tuple[str, ...] = ()
    decision_by: date | None = None
    contact_pref: ContactPref = "email"
    notes: str = ""
    final_round: bool = False
    talked_about: str = ""
    contacts: tuple[Contact, ...] = ()
    outcomes: tuple[OutcomeChange, ...] = ()
    debriefed_on: date | None = None
    fit: FitReflection = field(default_factory=FitReflection)
    offer: Offer = field(default_factory=Offer)
    reflection: str = ""
    previous_round_id: int | None = None
    next_round_id: int | None = None
    added_on: date | None = None
    """The day it was logged (None for those logged before this was kept)."""
    id: int | None = None
    # What it is about ("leadership", "problem solving"): practice picks a few
    # questions from the decks with these tags while it is coming up.
    tags: tuple[str, ...] = ()

    @property
    def outcome(self) -> Outcome:
        return self.outcomes[-1].outcome if self.outcomes else Outcome.WAITING

    @property
    def outcome_on(self) -> date | None:
        return self.outcomes[-1].on if self.outcomes else None

    @property
    def superseded(self) -> bool:
        """Its next round is logged as an interview of its own."""
        return self.next_round_id is not None

    @property
    def is_open(self) -> bool:
        """Still on the lists: not closed, not followed by its next round."""
        return self.outcome not in CLOSED and not self.superseded

    @property
    def title(self) -> str:
        return f"{self.company} · {self.role}"

    @property
    def round_words(self) -> tuple[str, ...]:
        """The round as people say it, e.g. ("second", "final round"); "final" only once."""
        final = self.final_round and "final" not in self.round.lower()
        return tuple(part for part in (self.round, "final round" if final else "") if part)

    @property
    def references_requested_on(self) -> date | None:
        return first_on(self.contacts, ContactKind.REFERENCES_REQUESTED)

    def logged(self, kind: ContactKind) -> list[Contact]:
        return [c for c in self.contacts if c.kind == kind]

    @property
    def offered_in_writing(self) -> bool:
        return any(change.outcome == Outcome.OFFER_WRITTEN for change in self.outcomes)

    @property
    def accepted_in_writing(self) -> bool:
        """Accepted, and a written offer is logged (rule 8: then the applying goal goes)."""
        return self.outcome == Outcome.ACCEPTED and self.offered_in_writing

    @property
    def open_offer(self) -> bool:
        return self.is_open and self.outcome in OFFERS

    def not_yet_thanked(self) -> tuple[str, ...]:
        """The people met who have had no thank-you (rule 1); a thank-you to no one in
        particular went to everyone. With nobody named, ("",) until one is logged."""
        notes = self.logged(ContactKind.THANK_YOU)
        if any(not note.to for note in notes):
            return ()
        if not self.interviewers:
            return () if notes else ("",)
        thanked = {name.casefold() for note in notes for name in note.to}
        return tuple(name for name in self.interviewers if name.casefold() not in thanked)


def first_on(contacts: Iterable[Contact], kind: ContactKind) -> date | None:
    days = [c.on for c in contacts if c.kind == kind]
    return min(days) if days else None


def references_told(interview: Interview) -> dict[int, date]:
    """Each reference given a heads-up for this interview, and the first day they were."""
    told: dict[int, date] = {}
    for contact in sorted(interview.logged(ContactKind.REFERENCES_NOTIFIED), key=lambda c: c.on):
        for reference_id in contact.references:
            told.setdefault(reference_id, contact.on)
    return told


def any_accepted(interviews: Iterable[Interview]) -> bool:
    """Rule 8: the weekly applying goal stays until an offer logged in writing is accepted.

    An offer accepted when it was only ever verbal keeps the goal (and the kind
    nudge to have it in writing) until the written offer is logged."""
    return any(interview.accepted_in_writing for interview in interviews)


# Typed input, checked. Each parser names the field as the caller shows it.

_Word = TypeVar("_Word", bound=StrEnum)


def parse_name(text: str, field: str, example: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise FieldError(
            field, f"the {field} is empty; type it as you would say it, like {example}."
        )
    return value


def parse_interviewers(names: Iterable[str]) -> tuple[str, ...]:
    """Names from repeated flags or one comma-separated line; blanks dropped, order kept."""
    found: list[str] = []
    for chunk in names:
        for name in chunk.split(","):
            cleaned = " ".join(name.split())
            if cleaned and cleaned not in found:
                found.append(cleaned)
    return tuple(found)


TALKED_ABOUT_LIMIT = 300


def parse_talked_about(text: str, field: str = "talked-about") -> str:
    """A few words on what was talked about, on one line (it goes inside a sentence)."""
    value = " ".join(text.split())
    if len(value) > TALKED_ABOUT_LIMIT:
        raise FieldError(
            field,
            f"this is {len(value)} characters; a phrase is enough, like 'the move to a new "
            f"data platform' (under {TALKED_ABOUT_LIMIT}).",
        )
    return value


def parse_interview_tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags from repeated flags or one comma-separated line, as the question bank spells them."""
    return parse_tags(values)


def parse_contact_pref(text: str, field: str = "contact-pref") -> ContactPref:
    value = text.strip().lower()
    for pref in CONTACT_PREFS:
        if value == pref:
            return pref
    raise FieldError(
        field, f"{text.strip() or '(empty)'!r} is not a way to reach them; use email or phone."
    )


def _parse_word(text: str, enum: type[_Word], field: str, what: str) -> _Word:
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    for member in enum:
        if member.value == value:
            return member
    accepted = ", ".join(m.value.replace("_", "-") for m in enum)
    raise FieldError(field, f"{text.strip() or '(empty)'!r} is not {what}; use one of: {accepted}.")


def parse_outcome(text: str, field: str = "outcome") -> Outcome:
    return _parse_word(text, Outcome, field, "an outcome")


def parse_contact_kind(text: str, field: str = "kind") -> ContactKind:
    return _parse_word(text, ContactKind, field, "a kind of contact")


def check_decision_by(decision_by: date | None, held_on: date, field: str = "decision-by") -> None:
    if decision_by is not None and decision_by < held_on:
        raise FieldError(
            field,
            f"{friendly(decision_by)} is before the interview ({friendly(held_on)}); "
            "a decision date falls on or after the interview day.",
        )


def new_interview(
    *,
    company: str,
    role: str,
    held_on: date,
    round: str = "",
    interviewers: Sequence[str] = (),
    decision_by: date | None = None,
    contact_pref: str = "email",
    notes: str = "",
    final_round: bool = False,
    talked_about: str = "",
    added_on: date | None = None,
    tags: Sequence[str] = (),
) -> Interview:
    """An interview from typed values, checked; raises FieldError naming the first bad field.

    `added_on` is today, the day it is logged."""
    checked_company = parse_name(company, "company", "Acme")
    checked_role = parse_name(role, "role", "Data analyst")
    check_decision_by(decision_by, held_on)
    return Interview(
        company=checked_company,
        role=checked_role,
        held_on=held_on,
        round=" ".join(round.split()),
        interviewers=parse_interviewers(interviewers),
        decision_by=decision_by,
        contact_pref=parse_contact_pref(contact_pref),
        notes=notes.strip(),
        final_round=final_round,
        talked_about=parse_talked_about(talked_about),
        added_on=added_on,
        tags=parse_interview_tags(tags),
    )


# What the interview form edits; the log, the outcomes and the links to other rounds stay.
DETAILS = (
    "company",
    "role",
    "held_on",
    "round",
    "interviewers",
    "decision_by",
    "contact_pref",
    "notes",
    "final_round",
    "talked_about",
)


def with_details(interview: Interview, details: Interview) -> Interview:
    """`interview` with its details (`DETAILS`) taken from `details`, made by `new_interview`."""
    return replace(interview, **{name: getattr(details, name) for name in DETAILS})


# Changes. Each returns a new Interview; none reads the clock.


def log_contact(
    interview: Interview,
    kind: ContactKind,
    on: date,
    today: date,
    *,
    note: str = "",
    decision_by: date | None = None,
    references: Sequence[int] = (),
    text: str = "",
    to: Sequence[str] = (),
) -> Interview:
    """Add a contact-log entry; a reply may bring a new decision date, a note may name
    whom it went to, and a note that settles the interview (`SETTLES`: withdrawing,
    accepting or declining) sets its outcome from that day."""
    if on < interview.held_on and kind not in BEFORE_THE_DAY:
        raise FieldError(
            "on",
            f"{friendly(on, today)} is before the interview "
            f"({friendly(interview.held_on, today)}); log contacts from the interview day on.",
        )
    if on > today:
        raise FieldError(
            "on", f"{friendly(on, today)} has not come yet; log a contact once it has happened."
        )
    if decision_by is not None and kind != ContactKind.REPLY:
        raise FieldError(
            "decision-by",
            "only a reply can bring a new decision date; log their reply (kind reply) "
            "with the date they gave.",
        )
    check_decision_by(decision_by, interview.held_on)
    if kind in (ContactKind.ACCEPT, ContactKind.DECLINE) and interview.outcome not in OFFERS:
        raise FieldError(
            "kind",
            f"{kind.word} answers an offer, and this interview is {interview.outcome.label}; "
            "log the offer first (outcome offer-verbal or offer-written).",
        )
    contact = Contact(
        kind=kind,
        on=on,
        note=note.strip(),
        decision_by=decision_by,
        references=tuple(dict.fromkeys(references)),
        text=text.strip("\n"),
        to=thanked_people(interview, kind, to),
    )
    contacts = tuple(sorted((*interview.contacts, contact), key=lambda c: c.on))
    changed = replace(
        interview,
        contacts=contacts,
        decision_by=decision_by if decision_by is not None else interview.decision_by,
    )
    settled = SETTLES.get(kind)
    if settled is not None and changed.outcome not in CLOSED:
        changed = set_outcome(changed, settled, on)
    return changed


# Notes that go to named people: a thank-you (none named: everyone), and the notes
# a draft is written for, which keep whom they went to.
TO_PEOPLE = frozenset(
    {
        ContactKind.THANK_YOU,
        ContactKind.FOLLOW_UP,
        ContactKind.FEEDBACK_REQUEST,
        ContactKind.SPEED_UP,
        ContactKind.WITHDRAW,
        ContactKind.IN_WRITING,
        ContactKind.ACCEPT,
        ContactKind.DECLINE,
    }
)


def name_key(name: str) -> str:
    """A person's name as compared: any case, any spacing (a name kept with a line break
    in it is the same person when a note names them on one line)."""
    return " ".join(name.split()).casefold()


def thanked_people(interview: Interview, kind: ContactKind, to: Sequence[str]) -> tuple[str, ...]:
    """The people a note went to, as the interview spells them. For a thank-you, none
    (or "everyone", or all of them) means everyone met.

    A name must be one of the people met (in any case and spacing); a name as the
    interview keeps it is taken whole, even with a comma in it, and anything else is
    read as a comma-separated list."""
    by_key = {name_key(name): name for name in interview.interviewers}
    wanted: list[str] = []
    for chunk in to:
        wanted.extend([chunk] if name_key(chunk) in by_key else parse_interviewers([chunk]))
    if not wanted:
        return ()
    if kind not in TO_PEOPLE:
        raise FieldError("to", "name people only with a note you sent; this one is not.")
    if not interview.interviewers:
        raise FieldError(
            "to",
            f"no one is noted as met at {interview.company}; add the people you met to the "
            "interview first, or log the thank-you without names (it then counts for everyone).",
        )
    found: list[str] = []
    for name in wanted:
        if name.casefold() in ("everyone", "all") and kind == ContactKind.THANK_YOU:
            return ()
        if name_key(name) not in by_key:
            raise FieldError(
                "to",
                f"{name!r} is not among the people met at {interview.company}; use "
                f"{', '.join(interview.interviewers)}, or no name for everyone.",
            )
        found.append(by_key[name_key(name)])
    people = tuple(dict.fromkeys(found))
    everyone = kind == ContactKind.THANK_YOU and len(people) == len(interview.interviewers)
    return () if everyone else people


def set_outcome(interview: Interview, outcome: Outcome, on: date) -> Interview:
    """The outcome from `on`. A written offer that comes after a verbal one was
    accepted is logged and the interview stays accepted (rule 8)."""
    if outcome == interview.outcome:
        return interview
    if outcome == Outcome.OFFER_WRITTEN and interview.outcome == Outcome.ACCEPTED:
        if interview.offered_in_writing:
            return interview
        changes = (OutcomeChange(Outcome.OFFER_WRITTEN, on), OutcomeChange(Outcome.ACCEPTED, on))
        return replace(interview, outcomes=(*interview.outcomes, *changes))
    return replace(interview, outcomes=(*interview.outcomes, OutcomeChange(outcome, on)))


def check_outcome_on(on: date, interview: Interview, today: date, field: str = "on") -> None:
    """An outcome is dated from the interview day to today."""
    if on > today:
        raise FieldError(
            field, f"{friendly(on, today)} has not come yet; log an outcome once it has happened."
        )
    latest = interview.outcome_on
    if on < interview.held_on and interview.held_on <= today:
        raise FieldError(
            field,
            f"{friendly(on, today)} is before the interview "
            f"({friendly(interview.held_on, today)}); date it from the interview day on.",
        )
    if latest is not None and on < latest:
        raise FieldError(
            field,
            f"{friendly(on, today)} is before the last change ({friendly(latest, today)}); "
            "date it on or after that.",
        )


OFFER_TEXT_LIMIT = 100


def _offer_words(text: str, field: str, example: str) -> str:
    value = " ".join(text.split())
    if len(value) > OFFER_TEXT_LIMIT:
        raise FieldError(
            field,
            f"this is {len(value)} characters; a few words are enough, like {example} "
            f"(under {OFFER_TEXT_LIMIT}).",
        )
    return value


def parse_offer(
    today: date,
    *,
    respond_by: str = "",
    pay: str = "",
    leave: str = "",
    remote: str = "",
    start: str = "",
) -> Offer:
    """An offer's details from what the user typed; blank fields stay unknown."""
    return Offer(
        respond_by=parse_date(respond_by, today, field="respond-by")
        if respond_by.strip()
        else None,
        pay=_offer_words(pay, "pay", "'52k a year'"),
        leave=_offer_words(leave, "leave", "'25 days'"),
        remote=_offer_words(remote, "remote", "'2 days at home'"),
        start_on=parse_date(start, today, field="start") if start.strip() else None,
    )


def with_offer(interview: Interview, offer: Offer) -> Interview:
    return replace(interview, offer=offer)


def merge_offer(before: Offer, given: Offer) -> Offer:
    """The details known before, with those given now in their place."""
    return Offer(
        respond_by=given.respond_by or before.respond_by,
        pay=given.pay or before.pay,
        leave=given.leave or before.leave,
        remote=given.remote or before.remote,
        start_on=given.start_on or before.start_on,
    )


def move_on(interview: Interview, reflection: str, on: date) -> Interview:
    """The end of the move-on ritual: the reflection is kept, the interview leaves the lists."""
    moved = set_outcome(interview, Outcome.MOVED_ON, on)
    return replace(moved, reflection=reflection.strip() or interview.reflection)


def reopen(interview: Interview, on: date) -> Interview:
    """Back to the open outcome it had before it closed (waiting if none), everything kept."""
    if interview.outcome not in CLOSED:
        return interview
    earlier = [c.outcome for c in interview.outcomes if c.outcome not in CLOSED]
    return set_outcome(interview, earlier[-1] if earlier else Outcome.WAITING, on)


def is_next_round_of(candidate: Interview, new: Interview) -> bool:
    """`new` is the next round `candidate` was waiting to hear about."""
    return (
        candidate.outcome == Outcome.NEXT_ROUND
        and not candidate.superseded
        and candidate.id is not None
        and candidate.id != new.id
        and candidate.held_on <= new.held_on
        and candidate.company.casefold() == new.company.casefold()
        and candidate.role.casefold() == new.role.casefold()
    )


def previous_round_for(new: Interview, interviews: Iterable[Interview]) -> Interview | None:
    """The latest open `next_round` interview of the same company and role, if any."""
    matches = [c for c in interviews if is_next_round_of(c, new)]
    return max(matches, key=lambda c: (c.held_on, c.id or 0)) if matches else None


def already_logged(new: Interview, interviews: Iterable[Interview]) -> Interview | None:
    """An interview logged before with the same company, role and day, if any."""
    for other in interviews:
        if (
            other.id != new.id
            and other.held_on == new.held_on
            and other.company.casefold() == new.company.casefold()
            and other.role.casefold() == new.role.casefold()
        ):
            return other
    return None


def check_next_round_of(previous: Interview, new: Interview, field: str = "after") -> None:
    """An explicit next round follows an interview held on or before it, whose next
    round is not logged yet."""
    if previous.next_round_id is not None and previous.next_round_id != new.id:
        raise FieldError(
            field,
            f"interview {previous.id} already has its next round logged "
            f"(interview {previous.next_round_id}); name that one instead.",
        )
    if previous.held_on > new.held_on:
        raise FieldError(
            field,
            f"interview {previous.id} is on {friendly(previous.held_on)}, after this one "
            f"({friendly(new.held_on)}); a next round comes on or after the round before it.",
        )
