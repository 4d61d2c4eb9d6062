"""Applications, in the main file: they are small and the summary counts them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tinydb.table import Document

from companion.domain.applications import STATUS_WORDS, Application, seen_since
from companion.store.database import Database
from companion.store.schema import Field, TableSchema

TABLE = "applications"

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "company": Field("str"),
        "role": Field("str"),
        "applied_on": Field("date"),
        "source": Field("str", required=False),
        "link": Field("str", required=False),
        "notes": Field("str", required=False),
        "status": Field("str", required=False, choices=STATUS_WORDS),
        "status_on": Field("date", required=False, nullable=True),
    }
}


def _to_doc(application: Application) -> dict[str, Any]:
    return {
        "company": application.company,
        "role": application.role,
        "applied_on": application.applied_on.isoformat(),
        "source": application.source,
        "link": application.link,
        "notes": application.notes,
        "status": application.status,
        "status_on": application.status_on.isoformat() if application.status_on else None,
    }


def _from_doc(doc: Mapping[str, Any], doc_id: int) -> Application:
    status_on = doc.get("status_on")
    return Application(
        company=doc["company"],
        role=doc["role"],
        applied_on=date.fromisoformat(doc["applied_on"]),
        source=doc.get("source", ""),
        link=doc.get("link", ""),
        notes=doc.get("notes", ""),
        status=doc.get("status", "applied"),
        status_on=date.fromisoformat(status_on) if status_on else None,
        id=doc_id,
    )


class _Stored:
    """A stored application as `domain.applications.Dated`: its dates are parsed only
    when asked (a date the schema accepts may be written as an ISO week date, so they
    are parsed, not compared as text)."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self._doc = doc

    @property
    def applied_on(self) -> date:
        return date.fromisoformat(self._doc["applied_on"])

    @property
    def status(self) -> str:
        status: str = self._doc.get("status", "applied")
        return status

    @property
    def status_on(self) -> date | None:
        status_on: str | None = self._doc.get("status_on")
        return date.fromisoformat(status_on) if status_on else None


def _latest_first(applications: list[Application]) -> list[Application]:
    return sorted(applications, key=lambda a: (a.applied_on, a.id or 0), reverse=True)


class ApplicationsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Application]:
        """Every application, the most recent first."""
        found = [_from_doc(doc, doc.doc_id) for doc in self._db.main.table(TABLE).all()]
        return _latest_first(found)

    def seen_since(self, since: date) -> list[Application]:
        """The applications `domain.applications.seen_since` keeps, the most recent
        first, read from the stored documents without building the others."""
        found = [
            _from_doc(doc, int(doc_id))
            for doc_id, doc in self._db.main_docs(TABLE).items()
            if seen_since(_Stored(doc), since)
        ]
        return _latest_first(found)

    def get(self, application_id: int) -> Application | None:
        doc = self._db.main.table(TABLE).get(doc_id=application_id)
        return _from_doc(doc, doc.doc_id) if isinstance(doc, Document) else None

    def add(self, application: Application) -> Application:
        self._db.require_writable()
        new_id = self._db.insert(self._db.main.table(TABLE), _to_doc(application))
        return replace(application, id=new_id)

    def save(self, application: Application) -> None:
        """Write back an application that has an id (an edit or a new status)."""
        if application.id is None:
            raise ValueError("save() needs an application with an id; use add() for a new one")
        self._db.require_writable()
        self._db.main.table(TABLE).update(_to_doc(application), doc_ids=[application.id])

    def delete(self, application_id: int) -> bool:
        self._db.require_writable()
        table = self._db.main.table(TABLE)
        if not table.contains(doc_id=application_id):
            return False
        table.remove(doc_ids=[application_id])
        return True
