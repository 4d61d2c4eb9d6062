"""Urges to check the inbox: a timestamp each, in the main file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tinydb import Query

from companion.clock import utc
from companion.store.database import Database
from companion.store.schema import Field, TableSchema

TABLE = "urges"

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "at": Field("datetime"),
        "on": Field("date"),
    }
}


class UrgesStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def note(self, now: datetime) -> None:
        """Note an urge at `now` (local, aware): stored in UTC with the user's local day."""
        self._db.require_writable()
        self._db.insert(
            self._db.main.table(TABLE),
            {"at": utc(now).isoformat(), "on": now.date().isoformat()},
        )

    def days_since(self, first: date) -> list[date]:
        """The local day of each urge on or after `first`."""
        since = first.isoformat()
        docs = self._db.main.table(TABLE).search(Query().on >= since)
        return [date.fromisoformat(doc["on"]) for doc in docs]

    def recent_days(self, today: date, span: int) -> list[date]:
        return self.days_since(today - timedelta(days=span - 1))
