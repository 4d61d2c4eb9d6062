"""Parked thoughts, in a history part of their own (`worries`).

They are read only at the check-in slot (home's offer), by `companion park` and
`companion parked`, and by exports: never by the summary, which every shell
prompt runs (benchmark B1), nor by the app's start before the slot.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from tinydb.table import Document, Table

from companion.domain.worries import State, Thought, TurnedOut
from companion.store.database import Database
from companion.store.schema import MAX_ID, Field, TableSchema

TABLE = "worries"

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "text": Field("str"),
        "parked_at": Field("datetime"),
        "last_parked_at": Field("datetime", nullable=True),
        "times": Field("int", low=1, high=MAX_ID),
        "offer_on": Field("date"),
        "state": Field("str", choices=tuple(State)),
        "answered_on": Field("date", nullable=True),
        "turned_out": Field("str", nullable=True, choices=tuple(TurnedOut)),
    }
}


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def thought_to_doc(thought: Thought) -> dict[str, Any]:
    return {
        "text": thought.text,
        "parked_at": _iso(thought.parked_at),
        "last_parked_at": _iso(thought.last_parked_at),
        "times": thought.times,
        "offer_on": thought.offer_on.isoformat(),
        "state": str(thought.state),
        "answered_on": thought.answered_on.isoformat() if thought.answered_on else None,
        "turned_out": str(thought.turned_out) if thought.turned_out else None,
    }


def thought_from_doc(doc: dict[str, Any], doc_id: int) -> Thought:
    last = doc.get("last_parked_at")
    answered = doc.get("answered_on")
    turned_out = doc.get("turned_out")
    return Thought(
        id=doc_id,
        text=doc["text"],
        parked_at=datetime.fromisoformat(doc["parked_at"]),
        last_parked_at=datetime.fromisoformat(last) if last else None,
        times=int(doc["times"]),
        offer_on=date.fromisoformat(doc["offer_on"]),
        state=State(doc["state"]),
        answered_on=date.fromisoformat(answered) if answered else None,
        turned_out=TurnedOut(turned_out) if turned_out else None,
    )


class WorriesStore:
    """Nothing here reads the part until a method is called."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _on_disk_or_loaded(self) -> bool:
        return TABLE in self._db.part_names(TABLE)

    def _table(self) -> Table:
        return self._db.part(TABLE).table(TABLE)

    def all(self) -> list[Thought]:
        """Every thought, the first parked first."""
        if not self._on_disk_or_loaded():
            return []
        thoughts = [thought_from_doc(dict(doc), doc.doc_id) for doc in self._table().all()]
        return sorted(thoughts, key=lambda t: (t.parked_at, t.id or 0))

    def waiting(self) -> list[Thought]:
        return [t for t in self.all() if t.state == State.WAITING]

    def get(self, thought_id: int) -> Thought | None:
        if not self._on_disk_or_loaded():
            return None
        doc = self._table().get(doc_id=thought_id)
        return thought_from_doc(dict(doc), doc.doc_id) if isinstance(doc, Document) else None

    def add(self, thought: Thought) -> Thought:
        self._db.require_writable()
        thought_id = self._db.insert(self._table(), thought_to_doc(thought))
        return replace(thought, id=thought_id)

    def save(self, thought: Thought) -> None:
        assert thought.id is not None, "save() takes a thought that was parked"
        self._db.require_writable()
        self._db.update_one(self._table(), thought.id, thought_to_doc(thought))
