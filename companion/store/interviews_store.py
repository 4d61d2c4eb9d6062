"""Interviews and the user's references, in the main file (small, and the summary reads them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tinydb.table import Document, Table

from companion.domain.errors import FieldError
from companion.domain.fit import ASPECTS, FitReflection
from companion.domain.fit import HIGH as FIT_HIGH
from companion.domain.fit import LOW as FIT_LOW
from companion.domain.interviews import (
    CLOSED,
    CONTACT_PREFS,
    Contact,
    ContactKind,
    ContactPref,
    Interview,
    Offer,
    Outcome,
    OutcomeChange,
    check_next_round_of,
    previous_round_for,
    set_outcome,
)
from companion.domain.references import Reference
from companion.store.database import Database
from companion.store.schema import Field, TableSchema, id_field
from companion.store.storage import UntilChanged

INTERVIEWS = "interviews"
REFERENCES = "references"

CONTACT_FIELDS: TableSchema = {
    "kind": Field("str", choices=tuple(k.value for k in ContactKind)),
    "on": Field("date"),
    "note": Field("str", required=False),
    "decision_by": Field("date", required=False, nullable=True),
    # A reference the user removes stays on the contacts that told it.
    "references": Field("list", required=False, each=id_field(REFERENCES, existing=False)),
    # The people a thank-you went to, by name.
    "to": Field("list", required=False, each=Field("str")),
    # The note as sent, when it was written from a draft (issue 16).
    "text": Field("str", required=False),
}
OUTCOME_FIELDS: TableSchema = {
    "outcome": Field("str", choices=tuple(o.value for o in Outcome)),
    "on": Field("date"),
}
OFFER_FIELDS: TableSchema = {
    "respond_by": Field("date", required=False, nullable=True),
    "pay": Field("str", required=False),
    "leave": Field("str", required=False),
    "remote": Field("str", required=False),
    "start_on": Field("date", required=False, nullable=True),
}
FIT_FIELDS: TableSchema = {
    **{
        aspect: Field("int", required=False, nullable=True, low=FIT_LOW, high=FIT_HIGH)
        for aspect in ASPECTS
    },
    "note": Field("str", required=False),
}

SCHEMAS: dict[str, TableSchema] = {
    INTERVIEWS: {
        "company": Field("str"),
        "role": Field("str"),
        "held_on": Field("date"),
        "round": Field("str", required=False),
        "interviewers": Field("list", required=False, each=Field("str")),
        "decision_by": Field("date", required=False, nullable=True),
        "contact_pref": Field("str", required=False, choices=CONTACT_PREFS),
        "notes": Field("str", required=False),
        "final_round": Field("bool", required=False),
        "talked_about": Field("str", required=False),
        "contacts": Field("list", required=False, items=CONTACT_FIELDS),
        "outcomes": Field("list", required=False, items=OUTCOME_FIELDS),
        "debriefed_on": Field("date", required=False, nullable=True),
        "fit": Field("dict", required=False, items=FIT_FIELDS),
        "reflection": Field("str", required=False),
        "previous_round_id": id_field(INTERVIEWS, required=False, nullable=True),
        "next_round_id": id_field(INTERVIEWS, required=False, nullable=True),
        "added_on": Field("date", required=False, nullable=True),
        "offer": Field("dict", required=False, items=OFFER_FIELDS),
        "tags": Field("list", required=False, each=Field("str")),
    },
    REFERENCES: {
        "name": Field("str"),
        "relation": Field("str", required=False),
        "reach": Field("str", required=False),
    },
}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def interview_to_doc(interview: Interview) -> dict[str, Any]:
    return {
        "company": interview.company,
        "role": interview.role,
        "held_on": interview.held_on.isoformat(),
        "round": interview.round,
        "interviewers": list(interview.interviewers),
        "decision_by": _day(interview.decision_by),
        "contact_pref": interview.contact_pref,
        "notes": interview.notes,
        "final_round": interview.final_round,
        "talked_about": interview.talked_about,
        "contacts": [
            {
                "kind": c.kind.value,
                "on": c.on.isoformat(),
                "note": c.note,
                "decision_by": _day(c.decision_by),
                "references": list(c.references),
                **({"to": list(c.to)} if c.to else {}),
                **({"text": c.text} if c.text else {}),
            }
            for c in interview.contacts
        ],
        "outcomes": [
            {"outcome": o.outcome.value, "on": o.on.isoformat()} for o in interview.outcomes
        ],
        "debriefed_on": _day(interview.debriefed_on),
        "fit": {**interview.fit.scores(), "note": interview.fit.note},
        "reflection": interview.reflection,
        "previous_round_id": interview.previous_round_id,
        "next_round_id": interview.next_round_id,
        **({"added_on": interview.added_on.isoformat()} if interview.added_on else {}),
        **({"offer": _offer_doc(interview.offer)} if not interview.offer.is_empty else {}),
        "tags": list(interview.tags),
    }


def _offer_doc(offer: Offer) -> dict[str, Any]:
    return {
        "respond_by": _day(offer.respond_by),
        "pay": offer.pay,
        "leave": offer.leave,
        "remote": offer.remote,
        "start_on": _day(offer.start_on),
    }


def _offer(doc: Mapping[str, Any] | None) -> Offer:
    if not doc:
        return Offer()
    return Offer(
        respond_by=_date(doc.get("respond_by")),
        pay=doc.get("pay", ""),
        leave=doc.get("leave", ""),
        remote=doc.get("remote", ""),
        start_on=_date(doc.get("start_on")),
    )


def interview_from_doc(doc: Mapping[str, Any], doc_id: int) -> Interview:
    fit = doc.get("fit") or {}
    pref = doc.get("contact_pref", "email")
    contact_pref: ContactPref = "phone" if pref == "phone" else "email"
    return Interview(
        id=doc_id,
        company=doc["company"],
        role=doc["role"],
        held_on=date.fromisoformat(doc["held_on"]),
        round=doc.get("round", ""),
        interviewers=tuple(str(name) for name in doc.get("interviewers", [])),
        decision_by=_date(doc.get("decision_by")),
        contact_pref=contact_pref,
        notes=doc.get("notes", ""),
        final_round=doc.get("final_round", False),
        talked_about=doc.get("talked_about", ""),
        contacts=tuple(
            Contact(
                kind=ContactKind(c["kind"]),
                on=date.fromisoformat(c["on"]),
                note=c.get("note", ""),
                decision_by=_date(c.get("decision_by")),
                references=tuple(int(r) for r in c.get("references", [])),
                to=tuple(str(name) for name in c.get("to", [])),
                text=c.get("text", ""),
            )
            for c in doc.get("contacts", [])
        ),
        outcomes=tuple(
            OutcomeChange(Outcome(o["outcome"]), date.fromisoformat(o["on"]))
            for o in doc.get("outcomes", [])
        ),
        debriefed_on=_date(doc.get("debriefed_on")),
        fit=FitReflection(
            **{aspect: fit.get(aspect) for aspect in ASPECTS}, note=fit.get("note", "")
        ),
        reflection=doc.get("reflection", ""),
        previous_round_id=doc.get("previous_round_id"),
        next_round_id=doc.get("next_round_id"),
        added_on=_date(doc.get("added_on")),
        offer=_offer(doc.get("offer")),
        tags=tuple(str(tag) for tag in doc.get("tags", [])),
    )


_CLOSED_WORDS = frozenset(outcome.value for outcome in CLOSED)


def _may_be_open(doc: Mapping[str, Any]) -> bool:
    """False only for a document whose interview is surely closed: its last outcome
    closes it, or its next round is logged (what `Interview.is_open` reads)."""
    if doc.get("next_round_id") is not None:
        return False
    outcomes = doc.get("outcomes")
    return not outcomes or outcomes[-1].get("outcome") not in _CLOSED_WORDS


def no_such(what: str, wanted: int, listing: str, field: str) -> FieldError:
    return FieldError(field, f"there is no {what} {wanted}; {listing} shows their ids.")


class InterviewStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._all: UntilChanged[list[Interview]] = UntilChanged()

    def _table(self) -> Table:
        return self._db.main.table(INTERVIEWS)

    def all(self) -> list[Interview]:
        """Every interview, a new list each time; the interviews (frozen) are built once
        until the data changes."""

        def build() -> list[Interview]:
            docs = self._db.main_docs(INTERVIEWS)
            return [interview_from_doc(doc, int(doc_id)) for doc_id, doc in docs.items()]

        return list(self._all.get(self._db.changes, build))

    def count(self) -> int:
        return len(self._db.main_docs(INTERVIEWS))

    def companies(self) -> dict[int, str]:
        """Each interview's company, by id, without building the interviews."""
        docs = self._db.main_docs(INTERVIEWS)
        return {int(doc_id): doc["company"] for doc_id, doc in docs.items()}

    def open_ones(self) -> list[Interview]:
        """The open interviews (`Interview.is_open`), without building the closed ones."""
        docs = self._db.main_docs(INTERVIEWS)
        found = (
            interview_from_doc(doc, int(doc_id))
            for doc_id, doc in docs.items()
            if _may_be_open(doc)
        )
        return [interview for interview in found if interview.is_open]

    def accepted(self) -> list[Interview]:
        """The interviews whose offer was accepted (rule 11 reads them beside the open ones)."""
        docs = self._db.main_docs(INTERVIEWS)
        return [
            interview_from_doc(doc, int(doc_id))
            for doc_id, doc in docs.items()
            if (doc.get("outcomes") or [{}])[-1].get("outcome") == Outcome.ACCEPTED.value
        ]

    def get(self, interview_id: int) -> Interview | None:
        doc = self._table().get(doc_id=interview_id)
        return interview_from_doc(dict(doc), doc.doc_id) if isinstance(doc, Document) else None

    def require(self, interview_id: int, field: str = "id") -> Interview:
        """The interview with this id; a FieldError naming `field` when there is none."""
        interview = self.get(interview_id)
        if interview is None:
            raise no_such("interview", interview_id, "`companion interview list --all`", field)
        return interview

    def add(
        self, interview: Interview, after: int | None = None
    ) -> tuple[Interview, Interview | None]:
        """Save a new interview; return it with its id, and the round it follows, if any.

        `after` names the round it follows (an explicit next round). Without it, a
        new interview for the company and role of an open `next_round` one is that
        next round. Either way the two are linked and the earlier one's timeline ends;
        an earlier round still waiting is marked invited to a next round.
        """
        self._db.require_writable()
        with self._db.batch():
            if after is not None:
                previous: Interview | None = self.require(after, "after")
                assert previous is not None
                check_next_round_of(previous, interview)
            else:
                previous = previous_round_for(interview, self.all())
            if previous is not None:
                interview = replace(interview, previous_round_id=previous.id)
            new_id = self._db.insert(self._table(), interview_to_doc(interview))
            added = replace(interview, id=new_id)
            if previous is not None:
                if previous.outcome == Outcome.WAITING:
                    invited_on = max(
                        previous.held_on,
                        min(interview.held_on, added.added_on or interview.held_on),
                    )
                    previous = set_outcome(previous, Outcome.NEXT_ROUND, invited_on)
                previous = replace(previous, next_round_id=new_id)
                self.save(previous)
        return added, previous

    def save(self, interview: Interview) -> None:
        """Replace the stored interview with the same id."""
        assert interview.id is not None, "save() takes an interview that was added"
        self._db.require_writable()
        self._table().upsert(Document(interview_to_doc(interview), interview.id))


def reference_to_doc(reference: Reference) -> dict[str, Any]:
    return {"name": reference.name, "relation": reference.relation, "reach": reference.reach}


def reference_from_doc(doc: Mapping[str, Any], doc_id: int) -> Reference:
    return Reference(
        id=doc_id, name=doc["name"], relation=doc.get("relation", ""), reach=doc.get("reach", "")
    )


class ReferenceStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _table(self) -> Table:
        return self._db.main.table(REFERENCES)

    def all(self) -> list[Reference]:
        docs = self._db.main_docs(REFERENCES)
        return [reference_from_doc(doc, int(doc_id)) for doc_id, doc in docs.items()]

    def require(self, reference_id: int, field: str = "id") -> Reference:
        doc = self._table().get(doc_id=reference_id)
        if not isinstance(doc, Document):
            raise no_such("reference", reference_id, "`companion reference list`", field)
        return reference_from_doc(dict(doc), doc.doc_id)

    def add(self, reference: Reference) -> Reference:
        self._db.require_writable()
        return replace(reference, id=self._db.insert(self._table(), reference_to_doc(reference)))

    def save(self, reference: Reference) -> None:
        assert reference.id is not None, "save() takes a reference that was added"
        self._db.require_writable()
        self._table().upsert(Document(reference_to_doc(reference), reference.id))

    def remove(self, reference_id: int) -> None:
        """Forget a reference; interviews keep the record that they were told."""
        self._db.require_writable()
        self._table().remove(doc_ids=[reference_id])
