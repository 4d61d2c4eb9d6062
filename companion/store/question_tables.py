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
from companion.store.schema import MAX_ID, Field, TableSchema, id_field

QUESTIONS = "questions"
INTERVIEWS = "interviews"
STAR_PARTS = ("situation", "task", "action", "result")
ANSWERS = "answers"
REVIEWS = "reviews"
REVIEWS_PART_PREFIX = "reviews-"

# The fields of a question's card that the scheduler (fsrs) reads, with the ranges
# it keeps them in: state 1 learning, 2 review, 3 relearning; stability at least
# fsrs's STABILITY_MIN; difficulty from its MIN_DIFFICULTY to MAX_DIFFICULTY.
LEARNING, REVIEW, RELEARNING = 1, 2, 3
STATE_NAMES = {LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
CARD_FIELDS: TableSchema = {
    "card_id": Field("int", low=0, high=MAX_ID),
    "state": Field("int", low=LEARNING, high=RELEARNING),
    "step": Field("int", nullable=True, low=0, high=MAX_ID),
    "stability": Field("float", nullable=True, low=0.001, high=1e9),
    "difficulty": Field("float", nullable=True, low=1.0, high=10.0),
    "due": Field("datetime"),
    "last_review": Field("datetime", nullable=True),
}


def card_problem(card: Mapping[str, Any]) -> str | None:
    """What the scheduler could not rate in a card whose fields each fit, or None."""
    state = card["state"]
    named = f"state {state} ({STATE_NAMES[state]})"
    if state != REVIEW and card["step"] is None:
        return f"in {named} with no step, where a card in that state has one"
    if state != LEARNING and (card["stability"] is None or card["difficulty"] is None):
        return f"in {named} with no stability or difficulty, where a card in that state has both"
    return None


SCHEMAS: dict[str, TableSchema] = {
    QUESTIONS: {
        "text": Field("str"),
        "tags": Field("list", each=Field("str")),
        "interview_id": id_field(INTERVIEWS, nullable=True),
        "went_wrong": Field("str"),
        "answer": Field(
            "dict",
            nullable=True,
            items={"text": Field("str"), "written_at": Field("datetime")},
        ),
        "star": Field(
            "dict",
            nullable=True,
            items={part: Field("str", required=False) for part in STAR_PARTS},
        ),
        "hint": Field("str", required=False),
        "suspended": Field("bool"),
        "earlier_versions": Field("int", low=0, high=MAX_ID),
        "deck": Field("str", required=False, nullable=True),
        "import_key": Field("str", required=False, nullable=True),
        "added_at": Field("datetime"),
        "card": Field("dict", items=CARD_FIELDS, rule=card_problem),
    },
    ANSWERS: {
        "question_id": id_field(QUESTIONS),
        "text": Field("str"),
        "written_at": Field("datetime"),
        "replaced_at": Field("datetime"),
    },
    REVIEWS: {
        # A question's rehearsals are kept when the question is deleted.
        "question_id": id_field(QUESTIONS, existing=False),
        "card_id": Field("int", low=0, high=MAX_ID),
        "rating": Field("int", low=1, high=4),
        "review_datetime": Field("datetime"),
        "review_duration": Field("int", nullable=True, low=0, high=MAX_ID),
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
