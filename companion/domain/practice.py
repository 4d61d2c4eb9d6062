"""Practice questions, their answers, and rehearsing them on an FSRS schedule.

A question is something an interviewer asked (or might ask) that the user
wants to answer well next time: its text, tags, the interview it came from,
what went wrong, the user's best answer so far (earlier versions are kept by
the store) and an optional STAR scaffold. Each question carries an `fsrs`
Card; each rehearsal is an `fsrs` ReviewLog whose `review_duration` is how
long the user spent answering, in milliseconds.

Learning steps: interview answers are not vocabulary. Saying an answer aloud
takes a couple of minutes, so a sitting holds a handful of questions, perhaps
ten or twenty minutes. One short step fits that: an answer that went badly
comes back once more at the end of the sitting (after the user has read their
notes), and from then on the schedule is in days. Anki's default of two steps
(1 and 10 minutes) is made for cards answered in seconds; for a spoken answer
it would mean saying the same thing three times in one sitting, which trains
short-term recall and feels like a drill.

Fuzz: fsrs spreads review intervals with a little randomness so that
questions learnt together do not all come back on the same day. Here the
spread is drawn from a generator seeded by the card and the moment of the
review, so the same history always gives the same schedule (an export and a
restore agree, and tests and screenshots are exact), while questions rated on
the same day still scatter. The range is the library's own (`FUZZ_RANGES`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from fsrs import Card, ReviewLog, Scheduler, State
from fsrs import Rating as Rating
from fsrs.scheduler import FUZZ_RANGES

from companion.domain import practice_due
from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number
from companion.domain.practice_due import practice_actions as practice_actions
from companion.domain.practice_due import practice_sentence as practice_sentence
from companion.domain.settings import DEFAULT_RETENTION

LEARNING_STEPS = (timedelta(minutes=10),)
RELEARNING_STEPS = (timedelta(minutes=10),)
# A question due again within this long is asked once more in the same sitting.
LEARN_AHEAD = timedelta(minutes=20)
# About two minutes is a good length for a spoken answer; the timer fills up to it.
TARGET_ANSWER_TIME = timedelta(minutes=2)

MAX_QUESTION_LENGTH = 1_000
MAX_TEXT_LENGTH = 20_000
MAX_TAG_LENGTH = 40
MAX_TAGS = 12

RATINGS: dict[str, Rating] = {
    "1": Rating.Again,
    "2": Rating.Hard,
    "3": Rating.Good,
    "4": Rating.Easy,
}
RATING_WORDS: dict[Rating, str] = {
    Rating.Again: "Again",
    Rating.Hard: "Hard",
    Rating.Good: "Good",
    Rating.Easy: "Easy",
}


@dataclass(frozen=True)
class Star:
    """A scaffold for behavioural answers: Situation, Task, Action, Result."""

    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""

    @property
    def empty(self) -> bool:
        return not any((self.situation, self.task, self.action, self.result))

    def parts(self) -> tuple[tuple[str, str], ...]:
        return (
            ("Situation", self.situation),
            ("Task", self.task),
            ("Action", self.action),
            ("Result", self.result),
        )


@dataclass(frozen=True)
class AnswerVersion:
    """One version of the user's answer and when it was written (UTC)."""

    text: str
    written_at: datetime


@dataclass(frozen=True)
class Question:
    """A question in the bank. `id` is None until the store has saved it.

    `earlier_versions` counts the answer versions kept in the history, so a
    screen can say there are some without loading them. `import_key` is set
    for questions from a starter deck, and stays the same when the text is
    edited, so importing the deck again never adds the question twice.
    """

    text: str
    card: Card
    added_at: datetime
    id: int | None = None
    tags: tuple[str, ...] = ()
    interview_id: int | None = None
    went_wrong: str = ""
    answer: AnswerVersion | None = None
    star: Star | None = None
    hint: str = ""
    suspended: bool = False
    earlier_versions: int = 0
    deck: str | None = None
    import_key: str | None = None

    @property
    def due(self) -> datetime:
        return self.card.due

    @property
    def is_new(self) -> bool:
        """Never rehearsed yet."""
        return self.card.last_review is None

    def is_due(self, now: datetime) -> bool:
        return practice_due.is_due(self, now)


@dataclass(frozen=True)
class Rehearsal:
    """One rehearsal: the fsrs review log of a question's card.

    `log.review_duration` is how long the user spent answering, in milliseconds.
    """

    question_id: int
    log: ReviewLog

    @property
    def at(self) -> datetime:
        return self.log.review_datetime

    @property
    def rating(self) -> Rating:
        return self.log.rating

    @property
    def answered_for(self) -> timedelta | None:
        duration = self.log.review_duration
        return None if duration is None else timedelta(milliseconds=duration)


@dataclass(frozen=True)
class Scheduling:
    """How rehearsals are scheduled: the user's desired retention, and whether to fuzz."""

    desired_retention: float = DEFAULT_RETENTION
    fuzz: bool = True

    @property
    def scheduler(self) -> Scheduler:
        return _scheduler(self.desired_retention)


@lru_cache(maxsize=8)
def _scheduler(desired_retention: float) -> Scheduler:
    # The library's fuzz draws from the global random generator; ours is seeded (see above).
    return Scheduler(
        desired_retention=desired_retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        enable_fuzzing=False,
    )


def new_card(due: datetime, card_id: int = 0) -> Card:
    """A card never rehearsed, due at `due`. Every field is given: fsrs would read the clock."""
    return Card(card_id=card_id, state=State.Learning, step=0, due=due.astimezone(UTC))


def fuzz_range(interval_days: int, maximum_interval: int) -> tuple[int, int]:
    """The days an interval may be spread over; the same formula as fsrs's fuzz."""
    delta = 1.0
    for band in FUZZ_RANGES:
        delta += band["factor"] * max(min(float(interval_days), band["end"]) - band["start"], 0.0)
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), maximum_interval)
    return min(low, high), high


def stable_fuzz(interval: timedelta, seed: str, maximum_interval: int) -> timedelta:
    """An interval spread like fsrs's fuzz, but drawn from a generator seeded by `seed`."""
    days = interval.days
    if days < 2.5:
        return interval
    low, high = fuzz_range(days, maximum_interval)
    drawn = random.Random(seed).random() * (high - low + 1) + low
    return timedelta(days=min(round(drawn), maximum_interval))


def rehearse(
    question: Question,
    rating: Rating,
    at: datetime,
    answered_for: timedelta | None,
    scheduling: Scheduling,
) -> tuple[Question, Rehearsal]:
    """Rate one rehearsal: the question with its card moved on, and the review log."""
    if question.id is None:
        raise ValueError("only a saved question can be rehearsed")
    moment = at.astimezone(UTC)
    duration = None if answered_for is None else max(0, int(answered_for.total_seconds() * 1000))
    scheduler = scheduling.scheduler
    card, log = scheduler.review_card(question.card, rating, moment, duration)
    if scheduling.fuzz and card.state == State.Review:
        seed = f"{card.card_id}:{moment.isoformat()}"
        card.due = moment + stable_fuzz(card.due - moment, seed, scheduler.maximum_interval)
    return replace(question, card=card), Rehearsal(question.id, log)


def retrievability(question: Question, now: datetime, scheduling: Scheduling) -> float | None:
    """How likely the user is to recall their answer now; None before the first rehearsal."""
    if question.is_new:
        return None
    return float(scheduling.scheduler.get_card_retrievability(question.card, now.astimezone(UTC)))


# Choosing what to rehearse


def due_queue(questions: Iterable[Question], now: datetime) -> list[Question]:
    """The questions due now, the longest-waiting first."""
    return sorted((q for q in questions if q.is_due(now)), key=lambda q: (q.due, q.id or 0))


def ahead_queue(questions: Iterable[Question], now: datetime, count: int) -> list[Question]:
    """The `count` questions that come up soonest, for practising ahead."""
    upcoming = [q for q in questions if not q.suspended and q.due > now]
    return sorted(upcoming, key=lambda q: (q.due, q.id or 0))[:count]


def next_due(questions: Iterable[Question], now: datetime) -> datetime | None:
    """When the next question comes up, after `now`; None when there is none."""
    upcoming = [q.due for q in questions if not q.suspended and q.due > now]
    return min(upcoming) if upcoming else None


def due_count(dues: Iterable[datetime], until: datetime) -> int:
    return sum(1 for due in dues if due <= until)


def end_of_day(now: datetime) -> datetime:
    """The last moment of `now`'s local day."""
    start = datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)
    return start + timedelta(days=1) - timedelta(microseconds=1)


def start_of_day(day: date, now: datetime) -> datetime:
    """Local midnight at the start of `day`, in `now`'s time zone."""
    return datetime.combine(day, time(0), tzinfo=now.tzinfo)


def when_phrase(due: datetime, now: datetime) -> str:
    """When a question comes up, as a person says it: 'now', 'later today', 'Thu 5 Mar'."""
    if due <= now:
        return "now"
    local = due.astimezone(now.tzinfo)
    if local.date() == now.date():
        return "later today"
    if local.date() == now.date() + timedelta(days=1):
        return "tomorrow"
    return friendly(local.date(), now.date())


# What people type


def parse_question_text(text: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise FieldError(
            "question", "a question needs some words; type it the way it was asked, roughly."
        )
    if len(value) > MAX_QUESTION_LENGTH:
        raise FieldError(
            "question",
            f"that is {len(value)} characters; keep a question under {MAX_QUESTION_LENGTH} "
            "and put the rest in the answer or the notes.",
        )
    return value


def parse_long_text(text: str, field_name: str) -> str:
    """An answer, a note or a STAR part: kept as typed, trimmed at the ends."""
    value = text.strip()
    if len(value) > MAX_TEXT_LENGTH:
        raise FieldError(
            field_name,
            f"that is {len(value)} characters; keep it under {MAX_TEXT_LENGTH}.",
        )
    return value


def parse_tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags from `--tag` values or a comma-separated field: lower case, no repeats."""
    found: list[str] = []
    for value in values:
        for piece in value.split(","):
            tag = " ".join(piece.split()).lower()
            if not tag:
                continue
            if len(tag) > MAX_TAG_LENGTH:
                raise FieldError(
                    "tag", f"{tag[:20]!r}... is long; keep a tag under {MAX_TAG_LENGTH} letters."
                )
            if tag not in found:
                found.append(tag)
    if len(found) > MAX_TAGS:
        raise FieldError("tag", f"{len(found)} tags is a lot; use at most {MAX_TAGS}.")
    return tuple(found)


def parse_interview_id(text: str | int | None) -> int | None:
    if text is None:
        return None
    value = str(text).strip().lstrip("#")
    if not value:
        return None
    number = whole_number(value)
    if number is not None and number > 0:
        return number
    raise FieldError(
        "interview",
        f"{str(text).strip()!r} is not an interview id; use the number that "
        "`companion interview list` shows, or leave it empty.",
    )


def parse_star(situation: str, task: str, action: str, result: str) -> Star | None:
    star = Star(
        situation=parse_long_text(situation, "situation"),
        task=parse_long_text(task, "task"),
        action=parse_long_text(action, "action"),
        result=parse_long_text(result, "result"),
    )
    return None if star.empty else star


# Building and changing questions


def new_question(
    text: str,
    now: datetime,
    *,
    tags: Sequence[str] = (),
    interview_id: int | None = None,
    went_wrong: str = "",
    answer: str = "",
    star: Star | None = None,
    hint: str = "",
    due: datetime | None = None,
) -> Question:
    """A question for the bank, checked. Due at once unless `due` says otherwise.

    A question the user logs because it tripped them up is due now: the best
    time to work on an answer is while the interview is fresh.
    """
    moment = now.astimezone(UTC)
    answer_text = parse_long_text(answer, "answer")
    return Question(
        text=parse_question_text(text),
        card=new_card(due or moment),
        added_at=moment,
        tags=parse_tags(tags),
        interview_id=interview_id,
        went_wrong=parse_long_text(went_wrong, "what went wrong"),
        answer=AnswerVersion(answer_text, moment) if answer_text else None,
        star=star,
        hint=hint.strip(),
    )


def with_id(question: Question, question_id: int) -> Question:
    """The question as saved under `question_id`; its card takes the same id."""
    card = copy(question.card)
    card.card_id = question_id
    return replace(question, id=question_id, card=card)


def improve_answer(
    question: Question, text: str, now: datetime, star: Star | None = None
) -> tuple[Question, AnswerVersion | None]:
    """A new version of the answer. Returns the question and the version it replaces.

    The replaced version (None when there was no answer yet, or when the text
    did not change) is for the store to keep in the history.
    """
    new_text = parse_long_text(text, "answer")
    old = question.answer
    changed_star = replace(question, star=star)
    if old is not None and old.text == new_text:
        return changed_star, None
    if old is None and not new_text:
        return changed_star, None
    new = AnswerVersion(new_text, now.astimezone(UTC)) if new_text else None
    kept = old
    return (
        replace(
            changed_star,
            answer=new,
            earlier_versions=question.earlier_versions + (1 if kept else 0),
        ),
        kept,
    )


@dataclass(frozen=True)
class SessionResult:
    """What one sitting did, for the kind summary at its end."""

    rehearsed: tuple[int, ...] = ()
    ratings: tuple[Rating, ...] = ()
    improved: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(set(self.rehearsed))


def session_sentence(result: SessionResult) -> str:
    """One kind sentence about the sitting; never a score."""
    count = result.count
    if count == 0:
        return "Nothing rehearsed this time, and that is fine. The questions will keep."
    said = "one question" if count == 1 else f"{count} questions"
    text = f"You rehearsed {said}."
    if result.improved:
        versions = "an answer" if len(set(result.improved)) == 1 else "some answers"
        text += f" You also improved {versions}; the earlier versions are kept."
    return text + " Saying it out loud is the hard part, and you did it."


# The bank's filters

SHOW_ALL = "all"
SHOW_DUE = "due"
SHOW_RESTING = "resting"


@dataclass(frozen=True)
class BankFilter:
    """What the bank shows: words to find, a tag, an interview, and due or resting only."""

    text: str = ""
    tag: str | None = None
    interview_id: int | None = None
    show: str = SHOW_ALL

    def matches(self, question: Question, now: datetime) -> bool:
        if self.tag is not None and self.tag not in question.tags:
            return False
        if self.interview_id is not None and question.interview_id != self.interview_id:
            return False
        if self.show == SHOW_DUE and not question.is_due(now):
            return False
        if self.show == SHOW_RESTING and not question.suspended:
            return False
        words = self.text.casefold().split()
        if words:
            answer = question.answer.text if question.answer else ""
            haystack = " ".join(
                (question.text, answer, question.went_wrong, question.hint, " ".join(question.tags))
            ).casefold()
            return all(word in haystack for word in words)
        return True


def filter_bank(
    questions: Iterable[Question], bank_filter: BankFilter, now: datetime
) -> list[Question]:
    """The questions the filter keeps: resting ones last, then soonest first."""
    kept = [q for q in questions if bank_filter.matches(q, now)]
    return sorted(kept, key=lambda q: (q.suspended, q.due, q.id or 0))
