"""Practice questions, their answers, and rehearsing them on an FSRS schedule.

A question is something an interviewer asked (or might ask) that the user
wants to answer well next time: its text, tags, the interview it came from,
what went wrong, the user's best answer so far (earlier versions are kept by
the store) and an optional STAR scaffold. Each question carries an `fsrs`
Card; each rehearsal is an `fsrs` ReviewLog whose `review_duration` is how
long the user spent answering, in milliseconds.

Learning steps: interview answers are not vocabulary. Saying an answer aloud
takes a couple of minutes, so a sitting holds a handful of questions, perhaps
ten or twenty minutes. One short step fits that: an answer rated Again or Hard
comes back once more at the end of the sitting (after the user has read their
notes), and whatever the next rating is, from then on the schedule is in days.
That rule lives on the card, not in a screen: a card that has used its step
(it is in a learning step and has been rated before) is rated by a scheduler
with no steps, so every path that rates (practice, practise-ahead, a mock
interview, a script) keeps it. Anki's default of two steps (1 and 10 minutes)
is made for cards answered in seconds; for a spoken answer it would mean
saying the same thing three times in one sitting, which trains short-term
recall and feels like a drill. (fsrs makes Hard in a one-step card 15
minutes: under the sitting's 20 minutes, so without the rule a Hard answer
came back again and again.)

Days: a question scheduled in days is due at the start of its day
(`practice_days`), in the person's time zone on that date, so a sitting at
19:00 every day does not push each interval back by the minutes it took.

Fuzz: fsrs spreads review intervals with a little randomness so that
questions learnt together do not all come back on the same day. Here the
spread is drawn from a generator seeded by the card and the moment of the
review, so the same history always gives the same schedule (an export and a
restore agree, and tests and screenshots are exact), while questions rated on
the same day still scatter. The range is the library's own (`FUZZ_RANGES`).
"""

from __future__ import annotations

import random
import re
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
from companion.domain.long_text import MAX_TEXT_LENGTH as MAX_TEXT_LENGTH
from companion.domain.long_text import parse_line
from companion.domain.long_text import parse_long_text as parse_long_text
from companion.domain.numbers import whole_number
from companion.domain.practice_days import DEFAULT_DAY_START, PracticeDays, scheduled_by_day
from companion.domain.practice_due import practice_actions as practice_actions
from companion.domain.practice_due import practice_sentence as practice_sentence
from companion.domain.practice_plan import BankItem
from companion.domain.prep import HARD_FOR_YOU
from companion.domain.rubric import Tick, kept_ticks, stories_told, suggest_rating
from companion.domain.settings import DEFAULT_RETENTION
from companion.domain.tags import MAX_TAG_LENGTH as MAX_TAG_LENGTH
from companion.domain.tags import MAX_TAGS as MAX_TAGS
from companion.domain.tags import parse_tags as parse_tags

LEARNING_STEPS = (timedelta(minutes=10),)
RELEARNING_STEPS = (timedelta(minutes=10),)
# A question due again within this long is asked once more in the same sitting.
LEARN_AHEAD = timedelta(minutes=20)
# About two minutes is a good length for a spoken answer; the timer fills up to it.
TARGET_ANSWER_TIME = timedelta(minutes=2)

MAX_QUESTION_LENGTH = 1_000

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
# What each rating means, in the person's words: Hard is a success that took effort.
RATING_MEANINGS: dict[Rating, str] = {
    Rating.Again: "it did not come",
    Rating.Hard: "I got there, with effort",
    Rating.Good: "it came well",
    Rating.Easy: "it came easily",
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
    """One version of the user's answer and when it was written (UTC).

    `key_points` are what the answer must get across, one short line each: after
    a rehearsal the person ticks those their spoken answer had.
    """

    text: str
    written_at: datetime
    key_points: tuple[str, ...] = ()


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

    @property
    def by_day(self) -> bool:
        """Due on a day (new, or in review), not at a minute (a learning step)."""
        return scheduled_by_day(int(self.card.state), self.card.last_review)

    @property
    def key_points(self) -> tuple[str, ...]:
        return self.answer.key_points if self.answer else ()

    def due_on(self, days: PracticeDays) -> date:
        """The day it is ready, in the person's zone."""
        return days.due_on(self.card.due, self.by_day)

    def ready_at(self, days: PracticeDays) -> datetime:
        """The moment it is ready: the start of its day, or its minute for a step."""
        if not self.by_day:
            return self.card.due
        return min(self.card.due, days.start_of(days.date_of(self.card.due)))

    def is_due(self, now: datetime, days: PracticeDays | None = None) -> bool:
        return practice_due.is_due(self, now, days)


@dataclass(frozen=True)
class Rehearsal:
    """One rehearsal: the fsrs review log of a question's card.

    `log.review_duration` is how long the user spent answering, in milliseconds.
    """

    question_id: int
    log: ReviewLog
    # What the spoken answer had (`rubric.py`), the rating those ticks suggested,
    # the stories ticked as told, and whether it was rated at the end of a mock interview.
    rubric: tuple[Tick, ...] = ()
    suggested: Rating | None = None
    stories: tuple[int, ...] = ()
    mock: bool = False

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
    """How rehearsals are scheduled: the user's desired retention, whether to fuzz, and the
    hour their day starts."""

    desired_retention: float = DEFAULT_RETENTION
    fuzz: bool = True
    day_starts: time = DEFAULT_DAY_START

    @property
    def scheduler(self) -> Scheduler:
        return _scheduler(self.desired_retention, steps=True)

    def scheduler_for(self, card: Card) -> Scheduler:
        """The scheduler that rates `card`: one with no steps once the card has used its step."""
        return _scheduler(self.desired_retention, steps=not used_its_step(card))

    def days(self, now: datetime) -> PracticeDays:
        return PracticeDays.at(now, self.day_starts)


def used_its_step(card: Card) -> bool:
    """In a learning step and rated before: its next rating schedules it in days."""
    return card.state in (State.Learning, State.Relearning) and card.last_review is not None


@lru_cache(maxsize=8)
def _scheduler(desired_retention: float, *, steps: bool) -> Scheduler:
    # The library's fuzz draws from the global random generator; ours is seeded (see above).
    return Scheduler(
        desired_retention=desired_retention,
        learning_steps=LEARNING_STEPS if steps else (),
        relearning_steps=RELEARNING_STEPS if steps else (),
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
    *,
    ticks: Sequence[Tick] = (),
    mock: bool = False,
) -> tuple[Question, Rehearsal]:
    """Rate one rehearsal: the question with its card moved on, and the review log.

    `at` is told in the person's zone (the clock's): a card scheduled in days is
    due at the start of the day that many days after `at`'s practice day.
    `ticks` is the rubric as the person left it; it is kept with the review.
    """
    if question.id is None:
        raise ValueError("only a saved question can be rehearsed")
    moment = at.astimezone(UTC)
    duration = None if answered_for is None else max(0, int(answered_for.total_seconds() * 1000))
    scheduler = scheduling.scheduler_for(question.card)
    card, log = scheduler.review_card(question.card, rating, moment, duration)
    if card.state == State.Review:
        interval = card.due - moment
        if scheduling.fuzz:
            seed = f"{card.card_id}:{moment.isoformat()}"
            interval = stable_fuzz(interval, seed, scheduler.maximum_interval)
        days = max(1, round(interval / timedelta(days=1)))
        card.due = scheduling.days(at).due_in_days(at, days)
    rehearsal = Rehearsal(
        question.id,
        log,
        rubric=kept_ticks(ticks),
        suggested=_rating_or_none(suggest_rating(ticks)),
        stories=stories_told(ticks),
        mock=mock,
    )
    return replace(question, card=card), rehearsal


def _rating_or_none(number: int | None) -> Rating | None:
    return None if number is None else Rating(number)


def retrievability(question: Question, now: datetime, scheduling: Scheduling) -> float | None:
    """How likely the user is to recall their answer now; None before the first rehearsal."""
    if question.is_new:
        return None
    return float(scheduling.scheduler.get_card_retrievability(question.card, now.astimezone(UTC)))


# Choosing what to rehearse


def plan_item(question: Question) -> BankItem:
    """What the day's plan needs of a question (`practice_plan`)."""
    assert question.id is not None
    difficulty = question.card.difficulty
    return BankItem(
        id=question.id,
        due=question.card.due,
        by_day=question.by_day,
        last_review=question.card.last_review,
        tags=question.tags,
        interview_id=question.interview_id,
        tripped=bool(question.went_wrong) or (difficulty or 0.0) >= HARD_FOR_YOU,
        from_deck=question.deck is not None,
    )


def plan_items(questions: Iterable[Question]) -> list[BankItem]:
    """The plan's view of the questions that are not resting."""
    return [plan_item(q) for q in questions if q.id is not None and not q.suspended]


def due_queue(
    questions: Iterable[Question], now: datetime, days: PracticeDays | None = None
) -> list[Question]:
    """The questions ready now, the longest-waiting first (before any daily limit)."""
    ready = (q for q in questions if q.is_due(now, days))
    return sorted(ready, key=lambda q: (q.due, q.id or 0))


def ahead_queue(
    questions: Iterable[Question],
    now: datetime,
    count: int,
    days: PracticeDays | None = None,
    skip: Iterable[int] = (),
) -> list[Question]:
    """The `count` questions to practise ahead: those ready but left for the next days
    (longest-waiting first), then those that come up soonest. `skip` names questions
    already rated in this sitting."""
    days = days or PracticeDays.at(now)
    left_out = set(skip)
    candidates = [q for q in questions if not q.suspended and q.id not in left_out]
    return sorted(candidates, key=lambda q: (q.ready_at(days), q.due, q.id or 0))[:count]


def next_due(
    questions: Iterable[Question], now: datetime, days: PracticeDays | None = None
) -> datetime | None:
    """When the next question comes up, after `now`; None when there is none."""
    days = days or PracticeDays.at(now)
    upcoming = [q.ready_at(days) for q in questions if not q.suspended and not q.is_due(now, days)]
    return min(upcoming) if upcoming else None


def when_phrase(ready_at: datetime, now: datetime, days: PracticeDays | None = None) -> str:
    """When a question comes up, as a person says it: 'now', 'later today', 'Thu 5 Mar'."""
    if ready_at <= now:
        return "now"
    days = days or PracticeDays.at(now)
    today = days.today(now)
    day = days.day_of(ready_at)
    if day <= today:
        return "later today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return friendly(day, today)


def question_when(question: Question, now: datetime, days: PracticeDays) -> str:
    """When one question comes up ('resting' when it rests)."""
    if question.suspended:
        return "resting"
    if question.is_due(now, days):
        return "now"
    return when_phrase(question.ready_at(days), now, days)


# What people type


def parse_question_text(text: str) -> str:
    return parse_line(
        text,
        "question",
        empty="a question needs some words; type it the way it was asked, roughly.",
        limit=MAX_QUESTION_LENGTH,
        keep=f"a question under {MAX_QUESTION_LENGTH} and put the rest in the answer or the notes.",
    )


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


MAX_KEY_POINTS = 12
MAX_KEY_POINT_LENGTH = 200
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")


def parse_key_points(text: str | Iterable[str]) -> tuple[str, ...]:
    """Key points, one a line (a leading bullet or number is dropped), no repeats."""
    lines = text.splitlines() if isinstance(text, str) else list(text)
    found: list[str] = []
    for line in lines:
        point = " ".join(_BULLET.sub("", line).split())
        if not point or point.casefold() in (p.casefold() for p in found):
            continue
        if len(point) > MAX_KEY_POINT_LENGTH:
            raise FieldError(
                "key points",
                f"{point[:30]!r}... is long; keep each point under "
                f"{MAX_KEY_POINT_LENGTH} characters, a line each.",
            )
        found.append(point)
    if len(found) > MAX_KEY_POINTS:
        raise FieldError(
            "key points", f"{len(found)} points is a lot to tick; keep it to {MAX_KEY_POINTS}."
        )
    return tuple(found)


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
    key_points: Sequence[str] = (),
) -> Question:
    """A question for the bank, checked. Due at once unless `due` says otherwise.

    A question the user logs because it tripped them up is due now: the best
    time to work on an answer is while the interview is fresh.
    """
    moment = now.astimezone(UTC)
    answer_text = parse_long_text(answer, "answer")
    points = parse_key_points(key_points)
    return Question(
        text=parse_question_text(text),
        card=new_card(due or moment),
        added_at=moment,
        tags=parse_tags(tags),
        interview_id=interview_id,
        went_wrong=parse_long_text(went_wrong, "what went wrong"),
        answer=AnswerVersion(answer_text, moment, points) if answer_text or points else None,
        star=star,
        hint=hint.strip(),
    )


def with_id(question: Question, question_id: int) -> Question:
    """The question as saved under `question_id`; its card takes the same id."""
    card = copy(question.card)
    card.card_id = question_id
    return replace(question, id=question_id, card=card)


def improve_answer(
    question: Question,
    text: str,
    now: datetime,
    star: Star | None = None,
    key_points: Sequence[str] | None = None,
) -> tuple[Question, AnswerVersion | None]:
    """A new version of the answer. Returns the question and the version it replaces.

    The replaced version (None when there was no answer yet, or when the text
    did not change) is for the store to keep in the history. `key_points`
    (None: keep them) change in place: they are not a new version of the words.
    """
    new_text = parse_long_text(text, "answer")
    old = question.answer
    points = question.key_points if key_points is None else tuple(key_points)
    changed_star = replace(question, star=star)
    if old is not None and old.text == new_text:
        if not new_text and not points:
            return replace(changed_star, answer=None), None
        return replace(changed_star, answer=replace(old, key_points=points)), None
    if old is None and not new_text:
        if not points:
            return changed_star, None
        return replace(changed_star, answer=AnswerVersion("", now.astimezone(UTC), points)), None
    new = AnswerVersion(new_text, now.astimezone(UTC), points) if new_text or points else None
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

    def matches(self, question: Question, now: datetime, days: PracticeDays | None = None) -> bool:
        if self.tag is not None and self.tag not in question.tags:
            return False
        if self.interview_id is not None and question.interview_id != self.interview_id:
            return False
        if self.show == SHOW_DUE and not question.is_due(now, days):
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
    questions: Iterable[Question],
    bank_filter: BankFilter,
    now: datetime,
    days: PracticeDays | None = None,
) -> list[Question]:
    """The questions the filter keeps: resting ones last, then soonest first."""
    kept = [q for q in questions if bank_filter.matches(q, now, days)]
    return sorted(kept, key=lambda q: (q.suspended, q.due, q.id or 0))
