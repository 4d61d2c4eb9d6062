"""A mock interview: a few questions in a row, timed, no notes until the end.

Then the person looks back at each with their notes and rates it (the rating
goes to the schedule, as any rehearsal's does), or calls the whole thing
"just a run-through", which changes no schedule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number
from companion.domain.practice import Question, Rating
from companion.domain.prep import TO_ASK_TAG

DEFAULT_MOCK = 5
MAX_MOCK = 20


def parse_mock_count(text: str | int | None) -> int:
    if text is None:
        return DEFAULT_MOCK
    value = str(text).strip()
    count = whole_number(value)
    if count is None or not 1 <= count <= MAX_MOCK:
        raise FieldError(
            "mock",
            f"{value or '(empty)'!r} is not a number of questions; use 1 to {MAX_MOCK} "
            f"(or nothing for {DEFAULT_MOCK}).",
        )
    return count


def mock_questions(
    questions: Iterable[Question], count: int, wanted: Sequence[int] | None = None
) -> list[Question]:
    """The questions for a mock: from `wanted` (an interview's, in their order) when given,
    else any; questions to ask them and resting ones left out; those rehearsed longest ago
    first, so that a run of mocks goes round the bank."""
    pool = [q for q in questions if q.id is not None and not q.suspended]
    pool = [q for q in pool if TO_ASK_TAG not in q.tags]
    if wanted is not None:
        order = {qid: n for n, qid in enumerate(wanted)}
        pool = sorted((q for q in pool if q.id in order), key=lambda q: order[q.id or 0])
        return pool[:count]
    never = datetime.min

    def least_recent(q: Question) -> tuple[bool, datetime, int]:
        last = q.card.last_review
        return (last is not None, last.replace(tzinfo=None) if last else never, q.id or 0)

    return sorted(pool, key=least_recent)[:count]


def with_tag(questions: Iterable[Question], tag: str) -> list[Question]:
    wanted = " ".join(tag.split()).lower()
    return [q for q in questions if wanted in q.tags]


@dataclass(frozen=True)
class MockAnswer:
    """One question of a mock, how long the answer took, and what happened after."""

    question_id: int
    answered_for: timedelta | None = None
    rating: Rating | None = None


@dataclass(frozen=True)
class MockRun:
    answers: tuple[MockAnswer, ...]

    @property
    def total(self) -> timedelta:
        return sum((a.answered_for or timedelta(0) for a in self.answers), timedelta(0))

    def timed(self, index: int, answered_for: timedelta) -> MockRun:
        return self._with(index, answered_for=answered_for)

    def rated(self, index: int, rating: Rating | None) -> MockRun:
        return self._with(index, rating=rating)

    def _with(self, index: int, **changes: object) -> MockRun:
        answers = list(self.answers)
        answers[index] = replace(answers[index], **changes)  # type: ignore[arg-type]
        return MockRun(tuple(answers))


def start_mock(questions: Sequence[Question]) -> MockRun:
    return MockRun(tuple(MockAnswer(q.id or 0) for q in questions))


def minutes_text(elapsed: timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


def mock_sentence(run: MockRun, run_through: bool) -> str:
    """How the mock ended, kindly; never a score."""
    count = len(run.answers)
    said = "one question" if count == 1 else f"{count} questions"
    text = f"A mock interview of {said} in {minutes_text(run.total)}."
    if run_through:
        return f"{text} Just a run-through: nothing in your schedule changed."
    rated = sum(1 for a in run.answers if a.rating is not None)
    if rated == 0:
        return f"{text} None was rated, so nothing in your schedule changed."
    if rated == count:
        return f"{text} Each rating went to your schedule."
    left = count - rated
    rest = "the other is unchanged" if left == 1 else f"the other {left} are unchanged"
    return f"{text} {rated} of the {count} were rated, for your schedule; {rest}."
