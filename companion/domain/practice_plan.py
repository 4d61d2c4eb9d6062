"""A gentle load: which questions today's practice offers, and in what order.

The schedule (fsrs) says when each question is ready; this plan decides what a
day holds, read fresh each time from the cards, so nothing is rewritten when a
limit or an interview changes:

- **A daily limit** (settings, 15 by default): a day offers at most that many
  different questions. The rest simply wait for the next days; no screen counts
  them. After days away, the backlog drains at the limit a day, the questions
  that have waited longest first, so it is spread over the next days instead
  of landing at once.
- **Rest days** (settings): nothing is offered; practice picks up on the next
  day that is not one. (Practising ahead is always the person's choice.)
- **An upcoming interview** brings its questions forward (`domain/prep.py`
  chooses them): each that has not been rehearsed in the fortnight before the
  day is offered once, a share a day, so that all are seen by the eve without
  piling up on it. They go first, and count within the limit.
- A question already rated today and back for its one step (after an
  interrupted sitting) is always offered: it was counted when it was rated.

Light on purpose (no `fsrs`): the summary makes the same plan from the stored
documents, so home and practice never disagree about what is left for today.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from companion.domain.practice_days import PracticeDays

DEFAULT_DAILY_LIMIT = 15
MAX_DAILY_LIMIT = 200
# An interview's questions count as seen when rehearsed in the fortnight before it.
PREP_DAYS = 14
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Load:
    """How much a day may hold: the daily limit and the rest days (0 is Monday)."""

    daily_limit: int = DEFAULT_DAILY_LIMIT
    rest_days: frozenset[int] = frozenset()

    def rests_on(self, day: date) -> bool:
        return day.weekday() in self.rest_days


@dataclass(slots=True)
class BankItem:
    """What the plan needs of one question that is not resting. (Not frozen: the summary
    builds one a question on every prompt, and a frozen dataclass is slower to make.)"""

    id: int
    due: datetime
    by_day: bool
    last_review: datetime | None
    tags: tuple[str, ...] = ()
    interview_id: int | None = None
    tripped: bool = False
    from_deck: bool = False


@dataclass(frozen=True)
class Prep:
    """An upcoming interview and its questions, the most useful first."""

    interview_id: int
    held_on: date
    question_ids: tuple[int, ...]

    @property
    def window_start(self) -> date:
        return self.held_on - timedelta(days=PREP_DAYS)

    def seen(self, item: BankItem, days: PracticeDays) -> bool:
        """Rehearsed in the fortnight before the day."""
        last = item.last_review
        return last is not None and (
            days.start_of(self.window_start) <= last < days.start_of(self.held_on)
        )


@dataclass(frozen=True)
class TodayPlan:
    """What today's practice offers now, in order, and why the rest waits."""

    today: date
    offered: tuple[int, ...]
    # The offered questions that are there for an interview, and which one.
    for_interview: dict[int, int] = field(default_factory=dict)
    rest_day: bool = False
    # The day's limit is reached while others were ready: they wait for the next days.
    enough_for_today: bool = False
    done_today: int = 0

    @property
    def count(self) -> int:
        return len(self.offered)


def practice_days_between(first: date, before: date, load: Load) -> list[date]:
    """The days from `first` up to (not including) `before` that are not rest days."""
    span = (before - first).days
    return [
        day
        for day in (first + timedelta(days=n) for n in range(max(0, span)))
        if not load.rests_on(day)
    ]


def next_practice_day(after: date, load: Load) -> date:
    """The first day after `after` that is not a rest day."""
    day = after + timedelta(days=1)
    for _ in range(7):
        if not load.rests_on(day):
            return day
        day += timedelta(days=1)
    return after + timedelta(days=1)


def _prep_share(
    prep: Prep,
    items: dict[int, BankItem],
    today: date,
    days: PracticeDays,
    load: Load,
    done: set[int],
) -> list[int]:
    """The questions of `prep` to see today: today's share of those not seen yet.

    The share is worked out on the day's start (those still to see, with those
    already seen today added back), so that finishing it does not offer more.
    """
    if today < prep.window_start:
        return []  # seen now, they would not count as seen in the fortnight before
    wanted = [items[qid] for qid in prep.question_ids if qid in items]
    to_see = [item for item in wanted if not prep.seen(item, days)]
    seen_today = [item for item in wanted if item.id in done and prep.seen(item, days)]
    if not to_see:
        return []
    left = practice_days_between(today, prep.held_on, load)
    if not left:
        # Only rest days are left before the interview: it matters more than the rest.
        left = [today + timedelta(days=n) for n in range((prep.held_on - today).days)]
    if today not in left:
        return []
    share = math.ceil((len(to_see) + len(seen_today)) / len(left)) - len(seen_today)
    return [item.id for item in to_see[: max(0, share)]]


def plan_today(
    items: Iterable[BankItem],
    now: datetime,
    days: PracticeDays,
    load: Load,
    preps: Sequence[Prep] = (),
) -> TodayPlan:
    """Today's practice: the questions to offer now, in the order to ask them."""
    today = days.today(now)
    by_id = {item.id: item for item in items}
    # The day's bounds as moments, so that each question is compared, not converted.
    day_starts, next_day_starts = days.start_of(today), days.start_of(today + timedelta(days=1))
    by_day_before = days.ready_before(now)
    done = {
        item.id
        for item in by_id.values()
        if item.last_review is not None and day_starts <= item.last_review < next_day_starts
    }
    ready = [
        item
        for item in by_id.values()
        if item.due <= now or (item.by_day and item.due < by_day_before)
    ]
    # Back for its one step after being rated today: it was counted then.
    offered: list[int] = [item.id for item in sorted(ready, key=_waiting_order) if item.id in done]
    chosen = set(offered)
    room = max(0, load.daily_limit - len(done))
    for_interview: dict[int, int] = {}
    rest_day = load.rests_on(today)
    for prep in sorted(preps, key=lambda p: (p.held_on, p.interview_id)):
        if prep.held_on <= today:
            continue
        for qid in _prep_share(prep, by_id, today, days, load, done):
            if qid in chosen or room <= 0:
                continue
            offered.append(qid)
            chosen.add(qid)
            for_interview[qid] = prep.interview_id
            room -= 1
    waiting = [item for item in sorted(ready, key=_waiting_order) if item.id not in chosen]
    enough = False
    if not rest_day:
        taken = waiting[:room]
        offered.extend(item.id for item in taken)
        enough = len(waiting) > len(taken)
    return TodayPlan(
        today=today,
        offered=tuple(offered),
        for_interview=for_interview,
        rest_day=rest_day,
        enough_for_today=enough,
        done_today=len(done),
    )


def _waiting_order(item: BankItem) -> tuple[datetime, int]:
    return (item.due, item.id)


def waiting_for_later(
    items: Iterable[BankItem], plan: TodayPlan, now: datetime, days: PracticeDays
) -> list[int]:
    """Questions ready now that today's plan leaves for the next days, longest-waiting first."""
    offered = set(plan.offered)
    ready = [
        item for item in items if item.id not in offered and days.ready(item.due, item.by_day, now)
    ]
    return [item.id for item in sorted(ready, key=_waiting_order)]
