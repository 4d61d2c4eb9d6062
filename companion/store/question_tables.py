"""The question bank's tables: their names, where they live, and their schemas.

The main file's `questions` table is checked on every start, so its schema is
declared here, away from `questions_store` (which builds on the `fsrs`
scheduler and the decks): the summary and a command that never rehearses load
neither. `QuestionCards` is what the summary reads of the bank: each stored
question as the day's plan sees it (`domain.practice_plan.BankItem`) or as a
`domain.practice_due.DueCard`, without building the questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from companion.domain.practice_days import scheduled_by_day
from companion.domain.practice_due import DueCard
from companion.domain.practice_plan import BankItem
from companion.domain.prep import HARD_FOR_YOU
from companion.domain.rubric import KINDS as TICK_KINDS
from companion.store.database import Database
from companion.store.schema import MAX_ID, Field, TableSchema, id_field

QUESTIONS = "questions"
INTERVIEWS = "interviews"
STAR_PARTS = ("situation", "task", "action", "result")
ANSWERS = "answers"
REVIEWS = "reviews"
STORIES = "stories"
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


# A saved answer's key points: what it must get across, ticked after rehearsing.
KEY_POINTS = Field("list", required=False, each=Field("str"))
ANSWER_FIELDS: TableSchema = {
    "text": Field("str"),
    "written_at": Field("datetime"),
    "key_points": KEY_POINTS,
}
# One tick of the rubric after the reveal: what it was about, and whether it was ticked.
TICK_FIELDS: TableSchema = {
    "label": Field("str"),
    "kind": Field("str", choices=TICK_KINDS),
    "ticked": Field("bool"),
}

SCHEMAS: dict[str, TableSchema] = {
    QUESTIONS: {
        "text": Field("str"),
        "tags": Field("list", each=Field("str")),
        "interview_id": id_field(INTERVIEWS, nullable=True),
        "went_wrong": Field("str"),
        "answer": Field("dict", nullable=True, items=ANSWER_FIELDS),
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
        "key_points": KEY_POINTS,
    },
    REVIEWS: {
        # A question's rehearsals are kept when the question is deleted.
        "question_id": id_field(QUESTIONS, existing=False),
        "card_id": Field("int", low=0, high=MAX_ID),
        "rating": Field("int", low=1, high=4),
        "review_datetime": Field("datetime"),
        "review_duration": Field("int", nullable=True, low=0, high=MAX_ID),
        # What the spoken answer had, as ticked after the reveal, and the rating the
        # ticks suggested (the person's own rating is `rating`); a mock interview's.
        "rubric": Field("list", required=False, items=TICK_FIELDS),
        "suggested": Field("int", required=False, nullable=True, low=1, high=4),
        "mock": Field("bool", required=False),
    },
    STORIES: {
        "title": Field("str"),
        **{part: Field("str") for part in STAR_PARTS},
        "tags": Field("list", each=Field("str")),
        # Deleting a question takes it out of every story that named it.
        "question_ids": Field("list", each=id_field(QUESTIONS)),
        "told": Field("int", low=0, high=MAX_ID),
        "added_at": Field("datetime"),
    },
}


def reviews_part(moment: datetime) -> str:
    """The history part holding rehearsals of `moment`'s month (UTC)."""
    return f"{REVIEWS_PART_PREFIX}{moment.astimezone(UTC):%Y-%m}"


def item_from_doc(doc_id: int, doc: Mapping[str, Any]) -> BankItem:
    """What the day's plan needs of one stored question, without building the question."""
    card = doc["card"]
    last = card.get("last_review")
    difficulty = card.get("difficulty")
    return BankItem(
        id=doc_id,
        due=datetime.fromisoformat(card["due"]),
        by_day=scheduled_by_day(card.get("state", 1), last),
        last_review=datetime.fromisoformat(last) if last else None,
        tags=tuple(doc["tags"]),
        interview_id=doc["interview_id"],
        tripped=bool(doc["went_wrong"]) or (difficulty or 0.0) >= HARD_FOR_YOU,
        from_deck=doc.get("deck") is not None,
    )


def items_from_docs(docs: Mapping[str, Mapping[str, Any]]) -> list[BankItem]:
    """The plan's view of every question that is not resting, from the stored documents."""
    return [item_from_doc(int(key), doc) for key, doc in docs.items() if not doc["suspended"]]


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

    @property
    def by_day(self) -> bool:
        card = self._doc["card"]
        return scheduled_by_day(card.get("state", 1), card.get("last_review"))


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

    def items(self) -> list[BankItem]:
        """Every question that is not resting, as the day's plan sees it."""
        return items_from_docs(self._db.main_docs(QUESTIONS))
