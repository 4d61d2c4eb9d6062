"""Due dates are days: ready from the start of the day, in the person's zone on that date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, State
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.clock import FrozenClock, clock_from_env, local_zone
from companion.domain.decks import NEW_PER_DAY, Deck, DeckQuestion
from companion.domain.errors import FieldError
from companion.domain.practice import (
    Question,
    Scheduling,
    new_question,
    question_when,
    rehearse,
    with_id,
)
from companion.domain.practice_days import PracticeDays, parse_day_start
from companion.store.repository import Repository

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")
EXACT = Scheduling(0.9, fuzz=False)


def _question(now: datetime, due: datetime | None = None) -> Question:
    return with_id(new_question("Why this team?", now, due=due), 1)


def _learnt(at: datetime) -> Question:
    """A question rated Good once at `at`: in review, due some days later."""
    question, _ = rehearse(_question(at), Rating.Good, at, None, EXACT)
    assert question.card.state == State.Review
    return question


# The start of a day across a clock change


def test_los_angeles_days_start_at_four_on_each_side_of_the_change() -> None:
    """Clocks go back at 02:00 on Sunday 1 November 2026 (PDT, UTC-7, to PST, UTC-8)."""
    days = PracticeDays(LOS_ANGELES)
    assert days.start_of(date(2026, 10, 31)) == datetime(2026, 10, 31, 11, 0, tzinfo=UTC)
    assert days.start_of(date(2026, 11, 1)) == datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    assert days.start_of(date(2026, 11, 2)) == datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def test_london_days_start_at_four_on_each_side_of_the_change() -> None:
    """Clocks go forward at 01:00 on Sunday 29 March 2026 (GMT to BST, UTC+1)."""
    days = PracticeDays(LONDON)
    assert days.start_of(date(2026, 3, 28)) == datetime(2026, 3, 28, 4, 0, tzinfo=UTC)
    assert days.start_of(date(2026, 3, 29)) == datetime(2026, 3, 29, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "rated"),
    [
        (LOS_ANGELES, datetime(2026, 10, 29, 19, 0, tzinfo=LOS_ANGELES)),
        (LOS_ANGELES, datetime(2026, 10, 31, 23, 30, tzinfo=LOS_ANGELES)),
        (LONDON, datetime(2026, 3, 26, 19, 0, tzinfo=LONDON)),
        (LONDON, datetime(2026, 3, 28, 21, 15, tzinfo=LONDON)),
    ],
)
def test_a_review_across_the_change_is_due_at_four_local_on_its_day(
    zone: ZoneInfo, rated: datetime
) -> None:
    days = PracticeDays(zone)
    question = _learnt(rated)
    local = question.due.astimezone(zone)
    assert local.time() == time(4, 0)
    library_days = round(question.card.stability or 0)  # the library's interval at 0.9
    assert (local.date() - rated.date()).days == max(1, library_days)
    # Ready at 04:00 local on the day, not an hour early or late.
    assert not question.is_due(days.start_of(local.date()) - timedelta(minutes=1), days)
    assert question.is_due(days.start_of(local.date()), days)
    assert question.due_on(days) == local.date()


def test_a_sitting_at_seven_every_evening_keeps_its_intervals() -> None:
    """The minute of a rating no longer pushes the next day's question a day back."""
    days = PracticeDays(LONDON)
    question = _learnt(datetime(2026, 3, 2, 19, 0, tzinfo=LONDON))
    due_day = question.due_on(days)
    evening = datetime.combine(due_day, time(19, 5), tzinfo=LONDON)
    assert question.is_due(evening, days)
    assert question_when(question, evening, days) == "now"


# The day boundary


def test_the_day_starts_at_four_by_default() -> None:
    days = PracticeDays(LONDON)
    assert days.today(datetime(2026, 3, 5, 3, 59, tzinfo=LONDON)) == date(2026, 3, 4)
    assert days.today(datetime(2026, 3, 5, 4, 0, tzinfo=LONDON)) == date(2026, 3, 5)
    thursday = datetime(2026, 3, 5, 4, 0, tzinfo=LONDON)
    question = _question(thursday - timedelta(days=10), due=thursday)
    assert not question.is_due(thursday - timedelta(seconds=1), days)
    assert question.is_due(thursday, days)
    assert question_when(question, thursday - timedelta(hours=3), days) == "tomorrow"


def test_practising_after_midnight_counts_as_the_evening_before() -> None:
    days = PracticeDays(LONDON)
    late = datetime(2026, 3, 6, 1, 30, tzinfo=LONDON)  # Friday 01:30: still Thursday
    question = _learnt(late)
    assert days.day_of(late) == date(2026, 3, 5)
    library_days = max(1, round(question.card.stability or 0))
    assert question.due_on(days) == date(2026, 3, 5) + timedelta(days=library_days)


def test_the_day_start_is_a_setting() -> None:
    midnight = Scheduling(0.9, fuzz=False, day_starts=time(0, 0))
    late = datetime(2026, 3, 6, 1, 30, tzinfo=LONDON)
    question, _ = rehearse(_question(late), Rating.Good, late, None, midnight)
    assert question.due.astimezone(LONDON).time() == time(0, 0)
    assert midnight.days(late).today(late) == date(2026, 3, 6)


def test_a_due_time_stored_before_the_fix_is_read_by_its_date() -> None:
    """A review due at 19:00 Thursday (the minute of its last rating) is ready all Thursday."""
    days = PracticeDays(LONDON)
    learnt = _learnt(datetime(2026, 3, 1, 19, 0, tzinfo=LONDON))
    learnt.card.due = datetime(2026, 3, 5, 19, 0, tzinfo=LONDON).astimezone(UTC)
    assert learnt.is_due(datetime(2026, 3, 5, 8, 0, tzinfo=LONDON), days)
    assert not learnt.is_due(datetime(2026, 3, 5, 3, 0, tzinfo=LONDON), days)
    assert learnt.due_on(days) == date(2026, 3, 5)


def test_a_learning_step_stays_exact_to_the_minute() -> None:
    days = PracticeDays(LONDON)
    at = datetime(2026, 3, 5, 19, 0, tzinfo=LONDON)
    question, _ = rehearse(_question(at), Rating.Again, at, None, EXACT)
    assert not question.by_day
    assert not question.is_due(at + timedelta(minutes=9), days)
    assert question.is_due(at + timedelta(minutes=10), days)
    assert question_when(question, at, days) == "later today"


@pytest.mark.parametrize("text", ["04:00", "0:30", "12:00"])
def test_a_day_start_is_typed_as_a_time_until_noon(text: str) -> None:
    hours, minutes = text.split(":")
    assert parse_day_start(text) == time(int(hours), int(minutes))


@pytest.mark.parametrize("text", ["", "4", "12:01", "25:00", "4:7", "soon"])
def test_a_day_start_that_is_not_one_is_refused_with_its_field(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_day_start(text)
    assert caught.value.field == "day starts"


# Starter batches across a clock change


def test_starter_batches_are_dated_in_the_offset_of_their_own_day(tmp_path: Path) -> None:
    """Imported on Friday 27 March 2026 in London: Sunday's few are ready at 04:00 BST."""
    friday = datetime(2026, 3, 27, 20, 0, tzinfo=LONDON)
    clock = FrozenClock(friday)
    deck = Deck(
        "Sample",
        tuple(DeckQuestion(f"Question number {n}?") for n in range(NEW_PER_DAY * 3)),
    )
    with Repository.open(tmp_path / "companion.json", clock) as repo:
        result = repo.questions.import_deck(deck, friday)
        assert result.last_day == date(2026, 3, 29)
        days = PracticeDays(LONDON)
        dues = sorted(q.due for q in repo.questions.all())
    sunday = [due for due in dues if days.date_of(due) == date(2026, 3, 29)]
    assert len(sunday) == NEW_PER_DAY
    assert {due for due in sunday} == {datetime(2026, 3, 29, 3, 0, tzinfo=UTC)}
    saturday = [due for due in dues if days.date_of(due) == date(2026, 3, 28)]
    assert {due for due in saturday} == {datetime(2026, 3, 28, 4, 0, tzinfo=UTC)}


# The local zone


def test_the_local_zone_is_tz_when_it_names_one() -> None:
    assert local_zone({"TZ": "America/Los_Angeles"}) == LOS_ANGELES
    assert local_zone({"TZ": ":Europe/London"}) == LONDON


def test_the_local_zone_follows_the_localtime_link(tmp_path: Path) -> None:
    target = Path("/usr/share/zoneinfo/Europe/London")
    if not target.exists():
        pytest.fail("the system's zone database is missing /usr/share/zoneinfo/Europe/London")
    link = tmp_path / "localtime"
    link.symlink_to(target)
    assert local_zone({}, link) == LONDON
    assert local_zone({"TZ": "Not/AZone"}, link) == LONDON


def test_without_a_zone_the_local_offset_is_used(tmp_path: Path) -> None:
    zone = local_zone({}, tmp_path / "missing")
    assert datetime(2026, 3, 3, tzinfo=zone).utcoffset() is not None


def test_a_frozen_clock_from_the_environment_tells_the_local_zone() -> None:
    clock = clock_from_env(
        {"COMPANION_FROZEN_NOW": "2026-11-01T08:30:00+00:00", "TZ": "America/Los_Angeles"}
    )
    now = clock.now()
    assert now.tzinfo == LOS_ANGELES
    # 01:30 happens twice that night; == across zones is False for such a time (PEP 495).
    assert now.astimezone(UTC) == datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
    assert clock.today() == date(2026, 11, 1)
    assert isinstance(clock, FrozenClock)
    clock.advance(timedelta(hours=2))  # across 02:00 PDT, when the clocks go back
    assert clock.now().astimezone(UTC) == datetime(2026, 11, 1, 10, 30, tzinfo=UTC)
    assert clock.now().hour == 2


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from([LOS_ANGELES, LONDON, ZoneInfo("Asia/Kolkata"), ZoneInfo("UTC")]),
    now_minutes=st.integers(0, 60 * 24 * 400),
    due_minutes=st.integers(-60 * 24 * 30, 60 * 24 * 30),
    starts=st.sampled_from([time(0), time(4), time(6, 30), time(12)]),
)
def test_the_plans_one_comparison_agrees_with_ready(
    zone: ZoneInfo, now_minutes: int, due_minutes: int, starts: time
) -> None:
    """The plan compares each due moment with `ready_before` instead of converting it."""
    days = PracticeDays(zone, starts)
    now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=now_minutes)
    due = now + timedelta(minutes=due_minutes)
    one_comparison = due <= now or due < days.ready_before(now)
    assert days.ready(due, True, now) == one_comparison
