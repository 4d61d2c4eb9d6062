"""The question bank's tables: their names, where they live, and their schemas.

The main file's `questions` table is checked on every start, so its schema is
declared here, away from `questions_store` (which builds on the `fsrs`
scheduler and the decks): the summary and a command that never rehearses load
neither. `QuestionCards` is what the summary reads of the bank: each stored
card as `domain.practice_due.DueCard`, without building the questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from companion.domain.practice_due import DueCard
from companion.store.database import Database
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


class _StoredCard:
    """A stored question as a `DueCard`: its due moment is parsed only when asked."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self._doc = doc

    @property
    def suspended(self) -> bool:
        return bool(self._doc["suspended"])

    @property
    def due(self) -> datetime:
        return datetime.fromisoformat(self._doc["card"]["due"])


def stored_cards(docs: Iterable[Mapping[str, Any]]) -> Iterator[DueCard]:
    return map(_StoredCard, docs)


class QuestionCards:
    """The question bank's cards, read as stored (main file only, no scheduler)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> Iterator[DueCard]:
        return stored_cards(self._db.main_docs(QUESTIONS).values())

    def count(self) -> int:
        """How many questions the bank holds."""
        return len(self._db.main_docs(QUESTIONS))
