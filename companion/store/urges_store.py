"""Urges to check the inbox: a timestamp each, in the main file, with the choice made after
the breathing (leave it until the check-in, or look now) once it is made."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tinydb import Query

from companion.clock import utc
from companion.domain.urges import CHOICES, Choice
from companion.store.database import Database
from companion.store.schema import Field, TableSchema

TABLE = "urges"

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "at": Field("datetime"),
        "on": Field("date"),
        "choice": Field("str", required=False, choices=CHOICES),
    }
}


class UrgesStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def note(self, now: datetime) -> int:
        """Note an urge at `now` (local, aware): stored in UTC with the user's local day.
        Returns its id, for the choice made after the breathing."""
        self._db.require_writable()
        return self._db.insert(
            self._db.main.table(TABLE),
            {"at": utc(now).isoformat(), "on": now.date().isoformat()},
        )

    def choose(self, urge_id: int, choice: Choice) -> None:
        """Keep what the user chose after breathing through the urge `urge_id`."""
        self._db.require_writable()
        self._db.update_one(self._db.main.table(TABLE), urge_id, {"choice": choice})

    def choices(self) -> dict[int, str]:
        """The choice made after each urge that has one, by the urge's id."""
        return {
            int(doc_id): doc["choice"]
            for doc_id, doc in self._db.main_docs(TABLE).items()
            if "choice" in doc
        }

    def days_since(self, first: date) -> list[date]:
        """The local day of each urge on or after `first`."""
        since = first.isoformat()
        docs = self._db.main.table(TABLE).search(Query().on >= since)
        return [date.fromisoformat(doc["on"]) for doc in docs]

    def recent_days(self, today: date, span: int) -> list[date]:
        return self.days_since(today - timedelta(days=span - 1))
