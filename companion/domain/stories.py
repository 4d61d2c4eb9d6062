"""A story bank: STAR stories as items of their own, each linked to many questions.

A good story (a situation, the task, what *you* did, and a result with a
number in it) answers several behavioural questions: a conflict, a deadline,
a mistake. Keeping stories apart from the questions lets one story serve
many, shows under each question the stories that fit it, and counts how
often each was told in practice, so that one favourite does not answer
everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from companion.domain.errors import FieldError
from companion.domain.long_text import parse_line, parse_long_text
from companion.domain.numbers import whole_number
from companion.domain.tags import parse_tags

MAX_TITLE_LENGTH = 120


@dataclass(frozen=True)
class Story:
    """One story. `told` counts the rehearsals in which the person ticked it as told."""

    title: str
    added_at: datetime
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    tags: tuple[str, ...] = ()
    question_ids: tuple[int, ...] = ()
    told: int = 0
    id: int | None = None

    def parts(self) -> tuple[tuple[str, str], ...]:
        return (
            ("Situation", self.situation),
            ("Task", self.task),
            ("Action", self.action),
            ("Result", self.result),
        )

    def answers(self, question_id: int) -> bool:
        return question_id in self.question_ids


def parse_question_id(text: str) -> int:
    """A question's id as `companion question list` shows it."""
    value = text.strip().lstrip("#")
    number = whole_number(value)
    if number is not None and number > 0:
        return number
    raise FieldError(
        "question",
        f"{text.strip() or '(empty)'!r} is not a question id; use the number that "
        "`companion question list` shows.",
    )


def parse_story_title(text: str) -> str:
    return parse_line(
        text,
        "title",
        empty="a story needs a short title, like 'The late launch' or 'Saving the audit'.",
        limit=MAX_TITLE_LENGTH,
        keep=f"a title under {MAX_TITLE_LENGTH} and tell the story in its four parts.",
    )


def new_story(
    title: str,
    now: datetime,
    *,
    situation: str = "",
    task: str = "",
    action: str = "",
    result: str = "",
    tags: Iterable[str] = (),
    question_ids: Iterable[int] = (),
) -> Story:
    """A story from what was typed, checked; raises FieldError naming the first bad field."""
    return Story(
        title=parse_story_title(title),
        added_at=now.astimezone(UTC),
        situation=parse_long_text(situation, "situation"),
        task=parse_long_text(task, "task"),
        action=parse_long_text(action, "action"),
        result=parse_long_text(result, "result"),
        tags=parse_tags(tags),
        question_ids=tuple(dict.fromkeys(question_ids)),
    )


def edited_story(
    story: Story,
    *,
    title: str,
    situation: str,
    task: str,
    action: str,
    result: str,
    tags: Iterable[str],
) -> Story:
    """The story with its words changed; its links and count are kept."""
    fresh = new_story(
        title,
        story.added_at,
        situation=situation,
        task=task,
        action=action,
        result=result,
        tags=tags,
    )
    return replace(
        fresh,
        added_at=story.added_at,
        question_ids=story.question_ids,
        told=story.told,
        id=story.id,
    )


def linked(story: Story, question_id: int, link: bool = True) -> Story:
    """The story linked to the question, or no longer linked."""
    others = tuple(qid for qid in story.question_ids if qid != question_id)
    return replace(story, question_ids=(*others, question_id) if link else others)


def stories_that_fit(
    question_id: int, tags: Iterable[str], stories: Sequence[Story]
) -> tuple[list[Story], list[Story]]:
    """The stories linked to a question, and those that might fit it (a tag in common)."""
    wanted = set(tags)
    linked_ones = [s for s in stories if s.answers(question_id)]
    maybe = [s for s in stories if not s.answers(question_id) and wanted & set(s.tags)]
    return linked_ones, maybe


def told_once_more(stories: Iterable[Story], story_ids: Iterable[int]) -> list[Story]:
    """The stories named, each with one more telling counted."""
    wanted = set(story_ids)
    return [replace(s, told=s.told + 1) for s in stories if s.id in wanted]


def told_words(told: int) -> str:
    if told == 0:
        return "not told yet"
    return "told once" if told == 1 else f"told {told} times"
