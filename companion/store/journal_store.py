"""Journal entries and debriefs, each in a history part of its own, loaded only when asked.

- `journal` (part `journal`): one document an entry. Entries are bulky and
  append-mostly (years of evenings), so they stay out of the main file: the
  summary and the app's start never read them.
- `debriefs` (part `debriefs`): one document an interview's debrief. Its text
  is read only by the debrief itself, the journal and exports, and it is saved
  step by step, so a part of its own keeps each save small: a step rewrites
  this file, not the main one nor the whole journal. What the summary needs
  (that a debrief exists) is the interview's `debriefed_on`, in the main file.
  The first impressions are the interview's fit reflection, also in the main file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from tinydb.table import Document, Table

from companion.domain.debrief import DONE, STEPS, Debrief, Practised
from companion.domain.journal import Entry
from companion.domain.mood import MOOD_HIGH, MOOD_LOW
from companion.store.database import Database
from companion.store.interviews_store import INTERVIEWS
from companion.store.question_tables import QUESTIONS
from companion.store.schema import Field, TableSchema, id_field

JOURNAL = "journal"
DEBRIEFS = "debriefs"

MOOD = Field("int", nullable=True, low=MOOD_LOW, high=MOOD_HIGH)

SCHEMAS: dict[str, TableSchema] = {
    JOURNAL: {
        "text": Field("str"),
        "written_at": Field("datetime"),
        "mood": MOOD,
        "tags": Field("list", each=Field("str")),
        "interview_id": id_field(INTERVIEWS, nullable=True),
        "edited_at": Field("datetime", required=False, nullable=True),
    },
    DEBRIEFS: {
        "interview_id": id_field(INTERVIEWS),
        "started_at": Field("datetime"),
        "updated_at": Field("datetime"),
        "step": Field("str", choices=(*STEPS, DONE)),
        "completed_at": Field("datetime", nullable=True),
        "went": Field("str"),
        "mood": MOOD,
        "questions": Field("list", each=Field("str")),
        # A question practised from a debrief may be deleted later; the debrief keeps its id.
        "practised": Field(
            "list",
            items={"text": Field("str"), "question_id": id_field(QUESTIONS, existing=False)},
        ),
        "went_well": Field("str"),
        "delivery": Field("str"),
        "asked_next_steps": Field("bool", nullable=True),
        "next_steps": Field("str"),
        "decision_by": Field("date", nullable=True),
    },
}


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def entry_to_doc(entry: Entry) -> dict[str, Any]:
    return {
        "text": entry.text,
        "written_at": _iso(entry.written_at),
        "mood": entry.mood,
        "tags": list(entry.tags),
        "interview_id": entry.interview_id,
        "edited_at": _iso(entry.edited_at),
    }


def entry_from_doc(doc: dict[str, Any], doc_id: int) -> Entry:
    return Entry(
        id=doc_id,
        text=doc["text"],
        written_at=datetime.fromisoformat(doc["written_at"]),
        mood=doc["mood"],
        tags=tuple(doc["tags"]),
        interview_id=doc["interview_id"],
        edited_at=_moment(doc.get("edited_at")),
    )


class JournalStore:
    """Entries, in the `journal` part: nothing here is read until a method is called."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _on_disk_or_loaded(self) -> bool:
        return JOURNAL in self._db.part_names(JOURNAL)

    def _table(self) -> Table:
        return self._db.part(JOURNAL).table(JOURNAL)

    def all(self) -> list[Entry]:
        """Every entry, newest first."""
        if not self._on_disk_or_loaded():
            return []
        entries = [entry_from_doc(dict(doc), doc.doc_id) for doc in self._table().all()]
        return sorted(entries, key=lambda e: (e.written_at, e.id or 0), reverse=True)

    def get(self, entry_id: int) -> Entry | None:
        if not self._on_disk_or_loaded():
            return None
        doc = self._table().get(doc_id=entry_id)
        return entry_from_doc(dict(doc), doc.doc_id) if isinstance(doc, Document) else None

    def add(self, entry: Entry) -> Entry:
        self._db.require_writable()
        entry_id = self._db.insert(self._table(), entry_to_doc(entry))
        return replace(entry, id=entry_id)

    def add_many(self, entries: Iterable[Entry]) -> list[Entry]:
        """The bulk form of `add` (a generated or restored journal): the part changes once."""
        self._db.require_writable()
        kept = list(entries)
        ids = self._db.insert_many(self._table(), (entry_to_doc(e) for e in kept))
        return [replace(entry, id=entry_id) for entry, entry_id in zip(kept, ids, strict=True)]

    def save(self, entry: Entry) -> None:
        """Replace the stored entry with the same id."""
        assert entry.id is not None, "save() takes an entry that was added"
        self._db.require_writable()
        self._table().upsert(Document(entry_to_doc(entry), entry.id))

    def delete(self, entry_id: int) -> None:
        self._db.require_writable()
        table = self._table()
        if table.contains(doc_id=entry_id):
            table.remove(doc_ids=[entry_id])


def debrief_to_doc(debrief: Debrief) -> dict[str, Any]:
    return {
        "interview_id": debrief.interview_id,
        "started_at": _iso(debrief.started_at),
        "updated_at": _iso(debrief.updated_at),
        "step": debrief.step,
        "completed_at": _iso(debrief.completed_at),
        "went": debrief.went,
        "mood": debrief.mood,
        "questions": list(debrief.questions),
        "practised": [{"text": p.text, "question_id": p.question_id} for p in debrief.practised],
        "went_well": debrief.went_well,
        "delivery": debrief.delivery,
        "asked_next_steps": debrief.asked_next_steps,
        "next_steps": debrief.next_steps,
        "decision_by": debrief.decision_by.isoformat() if debrief.decision_by else None,
    }


def debrief_from_doc(doc: dict[str, Any], doc_id: int) -> Debrief:
    decision_by = doc.get("decision_by")
    return Debrief(
        id=doc_id,
        interview_id=doc["interview_id"],
        started_at=datetime.fromisoformat(doc["started_at"]),
        updated_at=datetime.fromisoformat(doc["updated_at"]),
        step=doc["step"],
        completed_at=_moment(doc.get("completed_at")),
        went=doc["went"],
        mood=doc["mood"],
        questions=tuple(str(q) for q in doc["questions"]),
        practised=tuple(Practised(p["text"], int(p["question_id"])) for p in doc["practised"]),
        went_well=doc["went_well"],
        delivery=doc["delivery"],
        asked_next_steps=doc["asked_next_steps"],
        next_steps=doc["next_steps"],
        decision_by=date.fromisoformat(decision_by) if decision_by else None,
    )


class DebriefStore:
    """Debriefs, in the `debriefs` part: one an interview. Saving one with its interview
    (marked debriefed) is `services.debrief.save_debrief`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _table(self) -> Table:
        return self._db.part(DEBRIEFS).table(DEBRIEFS)

    def all(self) -> list[Debrief]:
        if DEBRIEFS not in self._db.part_names(DEBRIEFS):
            return []
        return [debrief_from_doc(dict(doc), doc.doc_id) for doc in self._table().all()]

    def get(self, interview_id: int) -> Debrief | None:
        if DEBRIEFS not in self._db.part_names(DEBRIEFS):
            return None
        docs = self._table().search(lambda doc: doc["interview_id"] == interview_id)
        if not docs:
            return None
        return debrief_from_doc(dict(docs[0]), docs[0].doc_id)

    def save(self, debrief: Debrief) -> Debrief:
        """Save the debrief as it is now (its interview's one, if it has no id yet);
        returns it with its id."""
        self._db.require_writable()
        with self._db.batch():
            table = self._table()
            if debrief.id is None:
                existing = self.get(debrief.interview_id)
                if existing is not None:
                    debrief = replace(debrief, id=existing.id)
            if debrief.id is None:
                debrief_id = self._db.insert(table, debrief_to_doc(debrief))
                debrief = replace(debrief, id=debrief_id)
            else:
                table.upsert(Document(debrief_to_doc(debrief), debrief.id))
        return debrief
