"""The settings document: one per database, in the main file."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from pathlib import PurePath
from typing import Any

from tinydb.table import Document

from companion.clock import Clock
from companion.domain.practice_plan import MAX_DAILY_LIMIT
from companion.domain.settings import (
    BREATHING_PATTERNS,
    HIGHEST_RETENTION,
    LOWEST_RETENTION,
    MAX_WEEKLY_GOAL,
    Settings,
    with_goal,
)
from companion.store.database import Database
from companion.store.schema import Field, TableSchema

TABLE = "settings"


def _absolute_path(text: str) -> str | None:
    """The calendar's path is stored absolute (as `check_calendar_path` gives it)."""
    if "\x00" in text or not PurePath(text).is_absolute():
        return "where companion expects an absolute path"
    return None


# The shape of a place `domain.days_off.parse_place` stores: an ISO 3166 country code
# (alpha-2, or the alpha-3 the `holidays` package also takes) and a short region code.
# Which codes exist is that package's to say when the days off are computed (an
# unknown place has none), so the check stays light and does not load it.
_COUNTRY = re.compile(r"[A-Z]{2,3}", re.ASCII)
_REGION = re.compile(r"[A-Z0-9]{1,8}", re.ASCII)


def _country_code(text: str) -> str | None:
    if text and not _COUNTRY.fullmatch(text):
        return "where companion expects a two-letter country code such as GB"
    return None


def _region_code(text: str) -> str | None:
    if text and not _REGION.fullmatch(text):
        return "where companion expects a short region code such as SCT"
    return None


DOC_ID = 1

SCHEMAS: dict[str, TableSchema] = {
    TABLE: {
        "weekly_goal": Field("int", required=False, low=0, high=MAX_WEEKLY_GOAL),
        "checkin_time": Field("time", required=False, nullable=True),
        "desired_retention": Field(
            "float", required=False, low=LOWEST_RETENTION, high=HIGHEST_RETENTION
        ),
        "theme": Field("str", required=False),
        "welcomed": Field("bool", required=False),
        "breathing_pattern": Field("str", required=False, choices=BREATHING_PATTERNS),
        "reduced_motion": Field("bool", required=False),
        "calendar_path": Field("str", required=False, nullable=True, rule=_absolute_path),
        "goal_set_on": Field("date", required=False, nullable=True),
        "country": Field("str", required=False, nullable=True, rule=_country_code),
        "region": Field("str", required=False, nullable=True, rule=_region_code),
        "your_name": Field("str", required=False),
        # Practice's gentle load (issue 15): rest days are weekday numbers, Monday 0.
        "daily_limit": Field("int", required=False, low=1, high=MAX_DAILY_LIMIT),
        "rest_days": Field("list", required=False, each=Field("int", low=0, high=6)),
        "day_starts": Field("time", required=False),
    }
}


def _to_doc(settings: Settings) -> dict[str, Any]:
    return {
        "weekly_goal": settings.weekly_goal,
        "checkin_time": settings.checkin_time.strftime("%H:%M") if settings.checkin_time else None,
        "desired_retention": settings.desired_retention,
        "theme": settings.theme,
        "welcomed": settings.welcomed,
        "breathing_pattern": settings.breathing_pattern,
        "reduced_motion": settings.reduced_motion,
        "calendar_path": settings.calendar_path,
        "goal_set_on": settings.goal_set_on.isoformat() if settings.goal_set_on else None,
        "country": settings.country,
        "region": settings.region,
        "your_name": settings.your_name,
        "daily_limit": settings.daily_limit,
        "rest_days": sorted(settings.rest_days),
        "day_starts": settings.day_starts.strftime("%H:%M"),
    }


def _from_doc(doc: dict[str, Any]) -> Settings:
    default = Settings()
    checkin = doc.get("checkin_time")
    goal_set_on = doc.get("goal_set_on")
    return Settings(
        weekly_goal=doc.get("weekly_goal", default.weekly_goal),
        checkin_time=time.fromisoformat(checkin) if checkin else None,
        desired_retention=float(doc.get("desired_retention", default.desired_retention)),
        theme=doc.get("theme", default.theme),
        welcomed=doc.get("welcomed", default.welcomed),
        breathing_pattern=doc.get("breathing_pattern", default.breathing_pattern),
        reduced_motion=doc.get("reduced_motion", default.reduced_motion),
        calendar_path=doc.get("calendar_path"),
        goal_set_on=date.fromisoformat(goal_set_on) if goal_set_on else None,
        country=doc.get("country") or None,
        region=doc.get("region") or None,
        your_name=doc.get("your_name", ""),
        daily_limit=doc.get("daily_limit", default.daily_limit),
        rest_days=frozenset(
            int(day) for day in doc.get("rest_days", ()) if isinstance(day, int) and 0 <= day < 7
        ),
        day_starts=(
            time.fromisoformat(doc["day_starts"]) if doc.get("day_starts") else default.day_starts
        ),
    )


class SettingsStore:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock

    def get(self) -> Settings:
        doc = self._db.main.table(TABLE).get(doc_id=DOC_ID)
        return _from_doc(dict(doc)) if isinstance(doc, Document) else Settings()

    def save(self, settings: Settings) -> None:
        self._db.require_writable()
        self._db.main.table(TABLE).upsert(Document(_to_doc(settings), DOC_ID))

    def update(self, **changes: Any) -> Settings:
        """Change the named settings; a weekly goal newly set counts from today."""
        before = self.get()
        goal = changes.pop("weekly_goal", None)
        settings = replace(before, **changes)
        if goal is not None and "goal_set_on" not in changes and self._clock is not None:
            settings = with_goal(settings, goal, self._clock.today())
        elif goal is not None:
            settings = replace(settings, weekly_goal=goal)
        self.save(settings)
        return settings
