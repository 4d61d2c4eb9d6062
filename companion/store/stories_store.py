"""The story bank: one small document a story, in the main file (`stories`).

A story names the questions it answers (`question_ids`); deleting a question
takes it out of every story. The table's schema is declared with the question
bank's (`question_tables`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from tinydb.table import Document, Table

from companion.domain.stories import Story
from companion.store.database import Database
from companion.store.interviews_store import no_such
from companion.store.question_tables import QUESTIONS, STORIES


def story_to_doc(story: Story) -> dict[str, Any]:
    return {
        "title": story.title,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "tags": list(story.tags),
        "question_ids": list(story.question_ids),
        "told": story.told,
        "added_at": story.added_at.astimezone(UTC).isoformat(),
    }


def story_from_doc(doc_id: int, doc: dict[str, Any]) -> Story:
    return Story(
        id=doc_id,
        title=doc["title"],
        situation=doc["situation"],
        task=doc["task"],
        action=doc["action"],
        result=doc["result"],
        tags=tuple(str(tag) for tag in doc["tags"]),
        question_ids=tuple(int(qid) for qid in doc["question_ids"]),
        told=int(doc["told"]),
        added_at=datetime.fromisoformat(doc["added_at"]),
    )


class StoriesStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _table(self) -> Table:
        return self._db.main.table(STORIES)

    def all(self) -> list[Story]:
        """Every story, in the order they were added."""
        stories = [story_from_doc(doc.doc_id, dict(doc)) for doc in self._table]
        return sorted(stories, key=lambda s: s.id or 0)

    def get(self, story_id: int) -> Story | None:
        doc = self._table.get(doc_id=story_id)
        return story_from_doc(story_id, dict(doc)) if isinstance(doc, Document) else None

    def require(self, story_id: int, field: str = "story") -> Story:
        story = self.get(story_id)
        if story is None:
            raise no_such("story", story_id, "`companion story list`", field)
        return story

    def count(self) -> int:
        return len(self._table)

    def _check_questions(self, story: Story) -> None:
        """A story may only name questions that exist."""
        questions = self._db.main.table(QUESTIONS)
        for qid in story.question_ids:
            if not questions.contains(doc_id=qid):
                raise no_such("question", qid, "`companion question list`", "question")

    def add(self, story: Story) -> Story:
        self._db.require_writable()
        self._check_questions(story)
        story_id = self._db.insert(self._table, story_to_doc(story))
        return replace(story, id=story_id)

    def save(self, story: Story) -> None:
        if story.id is None:
            raise ValueError("save() is for stories that have an id; use add()")
        self._db.require_writable()
        self._check_questions(story)
        self._db.update_one(self._table, story.id, story_to_doc(story))

    def delete(self, story: Story) -> None:
        if story.id is None:
            return
        self._db.require_writable()
        self._table.remove(doc_ids=[story.id])

    def forget_question(self, question_id: int) -> None:
        """Take a deleted question out of every story that named it."""
        for doc in list(self._table):
            if question_id in doc["question_ids"]:
                kept = [qid for qid in doc["question_ids"] if qid != question_id]
                self._db.update_one(self._table, doc.doc_id, {**dict(doc), "question_ids": kept})
