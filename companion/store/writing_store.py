"""The writing programme's steps, in a history part of their own (`writing`).

The writing itself is a journal entry (in the `journal` part); a step says which
prompt it answered, or that the prompt was skipped (services/writing.py keeps
the two together). Read only by the journal's programme and by exports.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tinydb.table import Table

from companion.domain.writing import PROMPTS, Step
from companion.store.database import Database
from companion.store.journal_store import JOURNAL
from companion.store.schema import MAX_ID, Field, TableSchema, id_field

TABLE = "writing"

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "round": Field("int", low=1, high=MAX_ID),
        "prompt": Field("int", low=1, high=len(PROMPTS)),
        "on": Field("date"),
        "written": Field("bool"),
        # The journal entry written for it; it may be deleted since.
        "entry_id": id_field(JOURNAL, existing=False, nullable=True),
    }
}


def step_to_doc(taken: Step) -> dict[str, Any]:
    return {
        "round": taken.round,
        "prompt": taken.prompt,
        "on": taken.on.isoformat(),
        "written": taken.written,
        "entry_id": taken.entry_id,
    }


def step_from_doc(doc: dict[str, Any], doc_id: int) -> Step:
    return Step(
        round=int(doc["round"]),
        prompt=int(doc["prompt"]),
        on=date.fromisoformat(doc["on"]),
        written=bool(doc["written"]),
        entry_id=doc["entry_id"],
        id=doc_id,
    )


class WritingStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _table(self) -> Table:
        return self._db.part(TABLE).table(TABLE)

    def steps(self) -> list[Step]:
        if TABLE not in self._db.part_names(TABLE):
            return []
        return [step_from_doc(dict(doc), doc.doc_id) for doc in self._table().all()]

    def add(self, taken: Step) -> Step:
        self._db.require_writable()
        return replace(taken, id=self._db.insert(self._table(), step_to_doc(taken)))
