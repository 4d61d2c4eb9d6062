"""The question bank, the answer history and the rehearsal log, laid out for speed.

- `questions` (main file): one small document a question with everything a
  rehearsal or the summary needs: text, tags, the current answer, STAR notes,
  the fsrs card (`Card.to_dict()`), and a count of earlier answer versions.
- `answers` (history part `answers`): earlier answer versions, loaded only when
  the user improves an answer or looks at how it grew.
- `reviews` (history parts `reviews-YYYY-MM`, by the UTC month of the review):
  one document a rehearsal, the fsrs `ReviewLog.to_dict()` plus the question id.
  A rating changes one question document and appends to this month's part; the
  stats read only the parts their 30 days touch.

The tables' names and schemas live in `question_tables` (re-exported here): the
main file is checked on every start, and this module's imports (fsrs, the
decks) are for rehearsing, not for the summary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any, cast

from fsrs import Card, Rating, ReviewLog
from fsrs.card import CardDict
from fsrs.review_log import ReviewLogDict
from tinydb.table import Document, Table

from companion.domain.decks import Deck, ImportResult, questions_to_add, stagger
from companion.domain.practice import (
    AnswerVersion,
    Question,
    Rehearsal,
    Star,
    improve_answer,
    new_card,
    with_id,
)
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_due import count_due
from companion.domain.practice_stats import months_touched, window_start
from companion.domain.rubric import KINDS, Tick
from companion.domain.stories import told_once_more
from companion.store.database import Database
from companion.store.interviews_store import INTERVIEWS, no_such
from companion.store.question_tables import ANSWERS as ANSWERS
from companion.store.question_tables import QUESTIONS as QUESTIONS
from companion.store.question_tables import REVIEWS as REVIEWS
from companion.store.question_tables import REVIEWS_PART_PREFIX as REVIEWS_PART_PREFIX
from companion.store.question_tables import SCHEMAS as SCHEMAS
from companion.store.question_tables import QuestionCards
from companion.store.question_tables import reviews_part as reviews_part
from companion.store.storage import UntilChanged
from companion.store.stories_store import StoriesStore


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _card_doc(card: Card) -> dict[str, Any]:
    doc = dict(card.to_dict())
    doc["due"] = _iso(card.due)
    if card.last_review is not None:
        doc["last_review"] = _iso(card.last_review)
    return doc


def _answer_doc(answer: AnswerVersion) -> dict[str, Any]:
    doc: dict[str, Any] = {"text": answer.text, "written_at": _iso(answer.written_at)}
    if answer.key_points:
        doc["key_points"] = list(answer.key_points)
    return doc


def _answer_from_doc(doc: dict[str, Any]) -> AnswerVersion:
    points = doc.get("key_points")
    return AnswerVersion(
        doc["text"],
        datetime.fromisoformat(doc["written_at"]),
        tuple(str(p) for p in points) if isinstance(points, list) else (),
    )


def _review_doc(rehearsal: Rehearsal) -> dict[str, Any]:
    doc: dict[str, Any] = dict(rehearsal.log.to_dict())
    doc["review_datetime"] = _iso(rehearsal.at)
    doc["question_id"] = rehearsal.question_id
    if rehearsal.rubric:
        doc["rubric"] = [
            {"label": t.label, "kind": t.kind, "ticked": t.ticked} for t in rehearsal.rubric
        ]
        doc["suggested"] = int(rehearsal.suggested) if rehearsal.suggested else None
    if rehearsal.mock:
        doc["mock"] = True
    return doc


def _rehearsal_from_doc(doc: dict[str, Any]) -> Rehearsal:
    log = ReviewLog.from_dict(cast(ReviewLogDict, doc))
    ticks = tuple(
        Tick(str(t["label"]), t["kind"], bool(t["ticked"]))
        for t in doc.get("rubric") or ()
        if isinstance(t, dict) and t.get("kind") in KINDS
    )
    suggested = doc.get("suggested")
    return Rehearsal(
        int(doc["question_id"]),
        log,
        rubric=ticks,
        suggested=Rating(suggested) if suggested in (1, 2, 3, 4) else None,
        mock=bool(doc.get("mock", False)),
    )


def _to_doc(question: Question) -> dict[str, Any]:
    answer = question.answer
    star = question.star
    return {
        "text": question.text,
        "tags": list(question.tags),
        "interview_id": question.interview_id,
        "went_wrong": question.went_wrong,
        "answer": _answer_doc(answer) if answer else None,
        "star": (
            {
                "situation": star.situation,
                "task": star.task,
                "action": star.action,
                "result": star.result,
            }
            if star is not None
            else None
        ),
        "hint": question.hint,
        "suspended": question.suspended,
        "earlier_versions": question.earlier_versions,
        "deck": question.deck,
        "import_key": question.import_key,
        "added_at": _iso(question.added_at),
        "card": _card_doc(question.card),
    }


def _from_doc(doc_id: int, doc: dict[str, Any]) -> Question:
    answer = doc.get("answer")
    star = doc.get("star")
    return Question(
        id=doc_id,
        text=doc["text"],
        card=Card.from_dict(cast(CardDict, doc["card"])),
        added_at=datetime.fromisoformat(doc["added_at"]),
        tags=tuple(doc["tags"]),
        interview_id=doc["interview_id"],
        went_wrong=doc["went_wrong"],
        answer=_answer_from_doc(answer) if answer else None,
        star=Star(**{k: star.get(k, "") for k in ("situation", "task", "action", "result")})
        if star
        else None,
        hint=doc.get("hint", ""),
        suspended=doc["suspended"],
        earlier_versions=doc["earlier_versions"],
        deck=doc.get("deck"),
        import_key=doc.get("import_key"),
    )


class QuestionsStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._all: UntilChanged[list[Question]] = UntilChanged()

    @property
    def _table(self) -> Table:
        return self._db.main.table(QUESTIONS)

    def _raw(self) -> Iterable[tuple[int, dict[str, Any]]]:
        for doc in self._table:
            yield doc.doc_id, doc

    # Reading (main file only)

    def all(self) -> list[Question]:
        """Every question, a new list each time; the questions themselves are built once
        until the data changes (frozen; a rating reviews a copy of the card: fsrs)."""
        return list(
            self._all.get(
                self._db.changes, lambda: [_from_doc(doc_id, doc) for doc_id, doc in self._raw()]
            )
        )

    def get(self, question_id: int) -> Question | None:
        doc = self._table.get(doc_id=question_id)
        return _from_doc(question_id, dict(doc)) if isinstance(doc, Document) else None

    def count(self) -> int:
        return len(self._table)

    def due_count(self, until: datetime) -> int:
        """Questions due by `until`, read from the cards without building questions."""
        return count_due(QuestionCards(self._db).all(), until)

    def tags(self) -> list[str]:
        return sorted({tag for _, doc in self._raw() for tag in doc["tags"]})

    def interview_ids(self) -> list[int]:
        return sorted({doc["interview_id"] for _, doc in self._raw() if doc["interview_id"]})

    def import_keys(self) -> set[str]:
        return {doc["import_key"] for _, doc in self._raw() if doc.get("import_key")}

    # Changing

    def _check_interview(self, question: Question) -> None:
        """A question may only point at an interview that exists."""
        wanted = question.interview_id
        if wanted is not None and not self._db.main.table(INTERVIEWS).contains(doc_id=wanted):
            raise no_such("interview", wanted, "`companion interview list --all`", "interview")

    def add(self, question: Question) -> Question:
        """Save a new question; returns it with its id (its card takes the same id)."""
        self._db.require_writable()
        self._check_interview(question)
        with self._db.batch():
            question_id = self._db.insert(self._table, _to_doc(question))
            saved = with_id(question, question_id)
            self._db.update_one(self._table, question_id, {"card": _card_doc(saved.card)})
        return saved

    def save(self, question: Question) -> None:
        """Write a question's document (the answer history is not touched)."""
        if question.id is None:
            raise ValueError("save() is for questions that have an id; use add()")
        self._db.require_writable()
        self._check_interview(question)
        self._db.update_one(self._table, question.id, _to_doc(question))

    def set_suspended(self, question: Question, suspended: bool) -> Question:
        changed = replace(question, suspended=suspended)
        self.save(changed)
        return changed

    def improve_answer(
        self,
        question: Question,
        text: str,
        now: datetime,
        star: Star | None = None,
        key_points: Sequence[str] | None = None,
    ) -> Question:
        """A new version of the answer; the one it replaces goes to the history."""
        changed, kept = improve_answer(question, text, now, star, key_points)
        self._db.require_writable()
        with self._db.batch():
            if kept is not None:
                assert question.id is not None
                history = self._db.part(ANSWERS).table(ANSWERS)
                self._db.insert(
                    history,
                    {
                        "question_id": question.id,
                        **_answer_doc(kept),
                        "replaced_at": _iso(now),
                    },
                )
            self.save(changed)
        return changed

    def delete(self, question: Question) -> None:
        """Remove a question and its earlier answers; its anonymous rehearsal log is kept."""
        if question.id is None:
            return
        self._db.require_writable()
        with self._db.batch():
            # Every answer that names it goes, whatever its count of earlier versions says:
            # an answer must name a question that exists (store/checker.py).
            if ANSWERS in self._db.part_names(ANSWERS):
                history = self._db.part(ANSWERS).table(ANSWERS)
                history.remove(lambda doc: doc["question_id"] == question.id)
            StoriesStore(self._db).forget_question(question.id)
            self._table.remove(doc_ids=[question.id])

    def record(self, question: Question, rehearsal: Rehearsal) -> None:
        """Save a rated rehearsal: the question's new card, the log in its month's part,
        and one more telling of each story ticked as told."""
        self._db.require_writable()
        name = reviews_part(rehearsal.at)
        with self._db.batch():
            log = self._db.part(name).table(REVIEWS)
            self._db.insert(log, _review_doc(rehearsal))
            self.save(question)
            if rehearsal.stories:
                stories = StoriesStore(self._db)
                for story in told_once_more(stories.all(), rehearsal.stories):
                    stories.save(story)

    def add_many(
        self, questions: Sequence[tuple[Question, Sequence[AnswerVersion]]]
    ) -> list[Question]:
        """Save many new questions at once, each with the earlier versions of its answer.

        The bulk form of `add` and `improve_answer` (for a generated or restored
        bank): each earlier version (oldest first) is kept in the history as
        replaced by the next one, `earlier_versions` counts them, and the
        questions table and the history change once each. Returns the
        questions with their ids.
        """
        self._db.require_writable()
        for question, earlier in questions:
            self._check_interview(question)
            if earlier and question.answer is None:
                raise ValueError("earlier versions of an answer need a current answer")
        with self._db.batch():
            ids = self._db.insert_many(self._table, (_to_doc(q) for q, _ in questions))
            saved = [
                replace(with_id(q, question_id), earlier_versions=len(earlier))
                for (q, earlier), question_id in zip(questions, ids, strict=True)
            ]
            self._db.replace_many(self._table, {q.id or 0: _to_doc(q) for q in saved})
            history = [
                {
                    "question_id": q.id,
                    **_answer_doc(version),
                    "replaced_at": _iso(replaced_by.written_at),
                }
                for q, (_, earlier) in zip(saved, questions, strict=True)
                if q.answer is not None
                for version, replaced_by in zip(earlier, (*earlier[1:], q.answer), strict=True)
            ]
            if history:
                self._db.insert_many(self._db.part(ANSWERS).table(ANSWERS), history)
        return saved

    def record_many(self, questions: Iterable[Question], rehearsals: Iterable[Rehearsal]) -> int:
        """Save many rated rehearsals at once: the questions as they ended up, and the logs.

        The bulk form of `record` (for a generated history): the questions
        table and each month's part change once, not once a rehearsal. The
        logs take ids in the order given. Returns how many were saved.
        """
        self._db.require_writable()
        by_part: dict[str, list[dict[str, Any]]] = {}
        for rehearsal in rehearsals:
            by_part.setdefault(reviews_part(rehearsal.at), []).append(_review_doc(rehearsal))
        changed: dict[int, dict[str, Any]] = {}
        for question in questions:
            if question.id is None:
                raise ValueError("record_many() is for questions that have an id")
            self._check_interview(question)
            changed[question.id] = _to_doc(question)
        with self._db.batch():
            for name, docs in by_part.items():
                self._db.insert_many(self._db.part(name).table(REVIEWS), docs)
            self._db.replace_many(self._table, changed)
        return sum(len(docs) for docs in by_part.values())

    # History (parts, loaded on demand)

    def answer_history(self, question_id: int) -> list[AnswerVersion]:
        """Earlier versions of one question's answer, oldest first."""
        if ANSWERS not in self._db.part_names(ANSWERS):
            return []
        history = self._db.part(ANSWERS).table(ANSWERS)
        docs = history.search(lambda doc: doc["question_id"] == question_id)
        versions = [_answer_from_doc(doc) for doc in docs]
        return sorted(versions, key=lambda v: v.written_at)

    def rehearsals_in(self, months: Iterable[str]) -> list[Rehearsal]:
        """Every rehearsal of the given months ('YYYY-MM'), oldest first."""
        on_disk = set(self._db.part_names(REVIEWS_PART_PREFIX))
        found: list[Rehearsal] = []
        for month in months:
            name = f"{REVIEWS_PART_PREFIX}{month}"
            if name not in on_disk:
                continue
            for doc in self._db.part(name).table(REVIEWS):
                found.append(_rehearsal_from_doc(doc))
        return sorted(found, key=lambda r: r.at)

    def recent_rehearsals(self, now: datetime) -> list[Rehearsal]:
        """Rehearsals of the stats window (the last 30 local days): one to three monthly parts."""
        first_day = window_start(now.date())
        first = datetime.combine(first_day, time(0), tzinfo=now.tzinfo).astimezone(UTC)
        return self.rehearsals_in(months_touched(first.date(), now.astimezone(UTC).date()))

    # Importing decks

    def new_per_day(self, days: PracticeDays) -> Counter[date]:
        """Questions waiting for their first rehearsal, by the day they come up."""
        counts: Counter[date] = Counter()
        for _, doc in self._raw():
            card = doc["card"]
            if doc["suspended"] or card.get("last_review"):
                continue
            counts[days.date_of(datetime.fromisoformat(card["due"]))] += 1
        return counts

    def import_deck(
        self, deck: Deck, now: datetime, days: PracticeDays | None = None
    ) -> ImportResult:
        """Add the deck's questions the bank does not have yet, a few a day from today.

        Today's few are ready at once; each later day's from the start of that
        day, in the zone's offset on that date (a clock change in between moves
        nothing). In one change (`add_many`): a deck of 20,000 questions costs
        20,000 times one, not the square of it.
        """
        days = days or PracticeDays.at(now)
        today = days.today(now)
        adding = questions_to_add(deck, self.import_keys())
        on_days = stagger(len(adding), self.new_per_day(days), today)
        moment = now.astimezone(UTC)
        questions = [
            Question(
                text=item.text,
                card=new_card(now if day == today else days.start_of(day)),
                added_at=moment,
                tags=tuple(dict.fromkeys((*deck.tags, *item.tags))),
                hint=item.hint,
                star=Star() if item.star else None,
                deck=deck.name,
                import_key=deck.key_of(item),
            )
            for item, day in zip(adding, on_days, strict=True)
        ]
        if questions:
            self.add_many([(question, ()) for question in questions])
        return ImportResult(
            deck=deck.name,
            added=len(adding),
            already_there=len(deck.questions) - len(adding),
            first_day=on_days[0] if on_days else None,
            last_day=on_days[-1] if on_days else None,
        )
