"""Practice stats: what is left today, this week, retention from fsrs, 30 days of bars."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fsrs import Rating

from companion.domain.practice import Question, Scheduling, new_question, rehearse, with_id
from companion.domain.practice_stats import months_touched, practice_stats, window_start

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)  # a Tuesday
EXACT = Scheduling(0.9, fuzz=False)


def _saved(text: str, number: int, due: datetime = NOW) -> Question:
    return with_id(new_question(text, NOW - timedelta(days=40), due=due), number)


def test_today_says_what_the_plan_leaves_and_the_bank_counts_resting() -> None:
    bank = [
        _saved("now?", 1),
        _saved("tonight?", 2, NOW.replace(hour=23)),
        _saved("tomorrow?", 3, NOW + timedelta(days=1)),
        Question(**{**_saved("resting?", 4).__dict__, "suspended": True}),
    ]
    stats = practice_stats(bank, [], NOW, EXACT, left_today=2)
    assert stats.left_today == 2
    assert stats.today_text == "2 questions left"
    assert practice_stats(bank, [], NOW, EXACT, left_today=1).today_text == "1 question left"
    assert practice_stats(bank, [], NOW, EXACT, left_today=0).today_text == "nothing left"
    rest = practice_stats(bank, [], NOW, EXACT, left_today=0, rest_day=True)
    assert rest.today_text == "a rest day"
    assert stats.total == 4
    assert stats.resting == 1
    assert stats.retention is None
    assert stats.retention_text == "after your first rehearsals"


def test_reviews_this_week_start_on_monday_and_the_sparkline_is_per_day() -> None:
    moments = [
        NOW,
        NOW - timedelta(hours=2),
        datetime(2026, 3, 2, 8, 0, tzinfo=UTC),  # Monday: this week
        datetime(2026, 3, 1, 20, 0, tzinfo=UTC),  # Sunday: last week
        datetime(2026, 2, 2, 8, 0, tzinfo=UTC),  # first day of the window
        datetime(2026, 2, 1, 8, 0, tzinfo=UTC),  # outside it
    ]
    stats = practice_stats([], moments, NOW, EXACT, left_today=0)
    assert stats.reviews_this_week == 3
    assert len(stats.per_day) == 30
    assert stats.per_day[-1] == 2
    assert stats.per_day[-2] == 1
    assert stats.per_day[-3] == 1
    assert stats.per_day[0] == 1
    assert sum(stats.per_day) == 5


def test_the_retention_estimate_is_the_mean_retrievability_from_fsrs() -> None:
    first, _ = rehearse(_saved("a?", 1), Rating.Good, NOW - timedelta(days=6), None, EXACT)
    second, _ = rehearse(_saved("b?", 2), Rating.Easy, NOW - timedelta(days=2), None, EXACT)
    stats = practice_stats([first, second, _saved("new?", 3)], [], NOW, EXACT, left_today=1)
    scheduler = EXACT.scheduler
    expected = (
        scheduler.get_card_retrievability(first.card, NOW)
        + scheduler.get_card_retrievability(second.card, NOW)
    ) / 2
    assert stats.retention == expected
    assert stats.retention_text == f"about {min(99, round(expected * 100))}%"


def test_the_window_and_its_months() -> None:
    assert window_start(date(2026, 3, 3)) == date(2026, 2, 2)
    assert months_touched(date(2026, 1, 31), date(2026, 3, 1)) == [
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    assert months_touched(date(2025, 12, 5), date(2026, 1, 3)) == ["2025-12", "2026-01"]
