"""The question bank's tables: their names, where they live, and their schemas.

The main file's `questions` table is checked on every start, so its schema is
declared here, away from `questions_store` (which builds on the `fsrs`
scheduler and the decks): the summary and a command that never rehearses load
neither. `planned_today` is what the summary reads of the bank: the same plan
of the day (`domain/practice_plan.py`) the practice screen follows, made from
the stored documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from companion.domain.interviews import Interview
from companion.domain.practice_days import PracticeDays, scheduled_by_day
from companion.domain.practice_plan import BankItem, TodayPlan, plan_today
from companion.domain.prep import HARD_FOR_YOU, upcoming_preps
from companion.domain.settings import Settings
from companion.store.schema import Field, TableSchema

QUESTIONS = "questions"
ANSWERS = "answers"
REVIEWS = "reviews"
STORIES = "stories"
REVIEWS_PART_PREFIX = "reviews-"

TICK_FIELDS = {
    "label": Field("str"),
    "kind": Field("str", choices=("point", "star", "check", "story")),
    "ticked": Field("bool"),
}

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
        "key_points": Field("list", required=False),
    },
    REVIEWS: {
        "question_id": Field("int"),
        "card_id": Field("int"),
        "rating": Field("int"),
        "review_datetime": Field("datetime"),
        "review_duration": Field("int", nullable=True),
        # What the spoken answer had, as ticked after the reveal, and the rating the
        # ticks suggested (the person's own rating is `rating`).
        "rubric": Field("list", required=False, items=TICK_FIELDS),
        "suggested": Field("int", required=False, nullable=True),
        "mock": Field("bool", required=False),
    },
    STORIES: {
        "title": Field("str"),
        "situation": Field("str"),
        "task": Field("str"),
        "action": Field("str"),
        "result": Field("str"),
        "tags": Field("list"),
        "question_ids": Field("list"),
        "told": Field("int"),
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


def planned_today(
    items: Sequence[BankItem],
    interviews: Sequence[Interview],
    now: datetime,
    settings: Settings,
) -> TodayPlan:
    """Today's practice, as the practice screen offers it: the limit, rest days, and the
    questions upcoming interviews bring forward."""
    days = PracticeDays.at(now, settings.day_starts)
    preps = upcoming_preps(interviews, items, days.today(now))
    return plan_today(items, now, days, settings.load, preps)


def count_due(docs: Iterable[Mapping[str, Any]], until: datetime) -> int:
    """Unsuspended questions due by `until` (to the minute), read from the stored cards."""
    parse = datetime.fromisoformat
    return sum(1 for doc in docs if not doc["suspended"] and parse(doc["card"]["due"]) <= until)
