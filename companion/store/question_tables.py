"""The question bank's tables: their names, where they live, and their schemas.

The main file's `questions` table is checked on every start, so its schema is
declared here, away from `questions_store` (which builds on the `fsrs`
scheduler and the decks): the summary and a command that never rehearses load
neither. `count_due` is what the summary reads of the bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from companion.store.schema import Field, TableSchema

QUESTIONS = "questions"
ANSWERS = "answers"
REVIEWS = "reviews"
REVIEWS_PART_PREFIX = "reviews-"

SCHEMAS: dict[str, TableSchema] = {
    QUESTIONS: {
        "text": Field("str"),
        "tags": Field("list"),
        "interview_id": Field("int", nullable=True),
        "went_wrong": Field("str"),
        "answer": Field("dict", nullable=True),
        "star": Field("dict", nullable=True),
        "hint": Field("str", required=False),
        "suspended": Field("bool"),
        "earlier_versions": Field("int"),
        "deck": Field("str", required=False, nullable=True),
        "import_key": Field("str", required=False, nullable=True),
        "added_at": Field("datetime"),
        "card": Field("dict"),
    },
    ANSWERS: {
        "question_id": Field("int"),
        "text": Field("str"),
        "written_at": Field("datetime"),
        "replaced_at": Field("datetime"),
    },
    REVIEWS: {
        "question_id": Field("int"),
        "card_id": Field("int"),
        "rating": Field("int"),
        "review_datetime": Field("datetime"),
        "review_duration": Field("int", nullable=True),
    },
}


def reviews_part(moment: datetime) -> str:
    """The history part holding rehearsals of `moment`'s month (UTC)."""
    return f"{REVIEWS_PART_PREFIX}{moment.astimezone(UTC):%Y-%m}"


def count_due(docs: Iterable[Mapping[str, Any]], until: datetime) -> int:
    """Unsuspended questions due by `until`, read from the stored cards without building them."""
    parse = datetime.fromisoformat
    return sum(1 for doc in docs if not doc["suspended"] and parse(doc["card"]["due"]) <= until)
