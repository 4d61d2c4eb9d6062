"""Applications, in the main file: they are small and the summary counts them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tinydb.table import Document

from companion.domain.applications import STATUS_WORDS, Application, summary_since
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


def _seen_since(doc: Mapping[str, Any], since: date) -> bool:
    """Sent or changed on or after `since`, or an accepted offer."""
    if doc.get("status") == "accepted" or date.fromisoformat(doc["applied_on"]) >= since:
        return True
    status_on: str | None = doc.get("status_on")
    return status_on is not None and date.fromisoformat(status_on) >= since


def _latest_first(applications: list[Application]) -> list[Application]:
    return sorted(applications, key=lambda a: (a.applied_on, a.id or 0), reverse=True)


class ApplicationsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Application]:
        """Every application, the most recent first."""
        found = [_from_doc(doc, doc.doc_id) for doc in self._db.main.table(TABLE).all()]
        return _latest_first(found)

    def for_summary(self, today: date) -> list[Application]:
        """The applications the summary's counts can see on `today` (`summary_since`),
        the most recent first: sent or changed since then, and accepted offers. Read
        from the stored documents without building the others."""
        since = summary_since(today)
        found = [
            _from_doc(doc, int(doc_id))
            for doc_id, doc in self._db.main_docs(TABLE).items()
            if _seen_since(doc, since)
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
