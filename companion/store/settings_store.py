"""The settings document: one per database, in the main file."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import Any

from tinydb.table import Document

from companion.domain.settings import Settings
from companion.store.database import Database
from companion.store.schema import Field, TableSchema

TABLE = "settings"
DOC_ID = 1

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "weekly_goal": Field("int", required=False),
        "checkin_time": Field("time", required=False, nullable=True),
        "desired_retention": Field("float", required=False),
        "theme": Field("str", required=False),
        "welcomed": Field("bool", required=False),
        "calendar_path": Field("str", required=False, nullable=True),
        "your_name": Field("str", required=False),
    }
}


def _to_doc(settings: Settings) -> dict[str, Any]:
    return {
        "weekly_goal": settings.weekly_goal,
        "checkin_time": settings.checkin_time.strftime("%H:%M") if settings.checkin_time else None,
        "desired_retention": settings.desired_retention,
        "theme": settings.theme,
        "welcomed": settings.welcomed,
        "calendar_path": settings.calendar_path,
        "your_name": settings.your_name,
    }


def _from_doc(doc: dict[str, Any]) -> Settings:
    default = Settings()
    checkin = doc.get("checkin_time")
    return Settings(
        weekly_goal=doc.get("weekly_goal", default.weekly_goal),
        checkin_time=time.fromisoformat(checkin) if checkin else None,
        desired_retention=float(doc.get("desired_retention", default.desired_retention)),
        theme=doc.get("theme", default.theme),
        welcomed=doc.get("welcomed", default.welcomed),
        calendar_path=doc.get("calendar_path"),
        your_name=doc.get("your_name", ""),
    )


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Settings:
        doc = self._db.main.table(TABLE).get(doc_id=DOC_ID)
        return _from_doc(dict(doc)) if isinstance(doc, Document) else Settings()

    def save(self, settings: Settings) -> None:
        self._db.require_writable()
        self._db.main.table(TABLE).upsert(Document(_to_doc(settings), DOC_ID))

    def update(self, **changes: Any) -> Settings:
        settings = replace(self.get(), **changes)
        self.save(settings)
        return settings
