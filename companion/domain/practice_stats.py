"""A quiet look at practice: what is left today, this week's rehearsals, how well it is sticking.

No streaks and no scores: a day without practice is simply a low bar in the
sparkline, never a broken chain (calm.md, "no guilt").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from companion.domain.dates import week_start
from companion.domain.practice import Question, Scheduling, retrievability

SPARK_DAYS = 30


@dataclass(frozen=True)
class PracticeStats:
    # What today's plan still offers (after the daily limit), not every question ready.
    left_today: int
    reviews_this_week: int
    retention: float | None
    per_day: tuple[int, ...]
    total: int
    resting: int

    rest_day: bool = False

    @property
    def today_text(self) -> str:
        if self.rest_day and not self.left_today:
            return "a rest day"
        if not self.left_today:
            return "nothing left"
        return f"{self.left_today} question{'' if self.left_today == 1 else 's'} left"

    @property
    def retention_text(self) -> str:
        if self.retention is None:
            return "after your first rehearsals"
        return f"about {min(99, round(self.retention * 100))}%"


def window_start(today: date, days: int = SPARK_DAYS) -> date:
    """The first day of the sparkline window that ends today."""
    return today - timedelta(days=days - 1)


def months_touched(first: date, last: date) -> list[str]:
    """'YYYY-MM' for each month from `first` to `last`, in order."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def reviews_per_day(
    moments: Iterable[datetime], today: date, tz_of: datetime, days: int = SPARK_DAYS
) -> tuple[int, ...]:
    """How many rehearsals on each of the last `days` local days, oldest first."""
    first = window_start(today, days)
    counts = [0] * days
    for moment in moments:
        day = moment.astimezone(tz_of.tzinfo).date()
        index = (day - first).days
        if 0 <= index < days:
            counts[index] += 1
    return tuple(counts)


def practice_stats(
    questions: Iterable[Question],
    review_moments: Iterable[datetime],
    now: datetime,
    scheduling: Scheduling,
    left_today: int,
    rest_day: bool = False,
) -> PracticeStats:
    """The stats from the questions (main file), recent rehearsal times (the last months),
    and what today's plan still offers."""
    today = now.date()
    moments = list(review_moments)
    monday = week_start(today)
    this_week = sum(1 for m in moments if m.astimezone(now.tzinfo).date() >= monday)
    total = 0
    resting = 0
    recall: list[float] = []
    for question in questions:
        total += 1
        if question.suspended:
            resting += 1
            continue
        chance = retrievability(question, now, scheduling)
        if chance is not None:
            recall.append(chance)
    return PracticeStats(
        left_today=left_today,
        reviews_this_week=this_week,
        retention=sum(recall) / len(recall) if recall else None,
        per_day=reviews_per_day(moments, today, now),
        total=total,
        resting=resting,
        rest_day=rest_day,
    )
