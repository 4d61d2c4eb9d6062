"""The urge to check: days, worry time, and where in the box breath a moment falls."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

from companion.clock import FrozenClock
from companion.domain.breathing import CYCLE_SECONDS, TOTAL_SECONDS, breath_at
from companion.domain.urges import parking_note, trend_sentence, urges_per_day
from companion.services import summary as summaries
from companion.store.repository import Repository

TODAY = date(2026, 3, 3)


def test_urges_are_counted_per_local_day_for_two_weeks() -> None:
    days = [TODAY, TODAY, date(2026, 2, 18), date(2026, 2, 17), date(2026, 3, 4)]
    counts = urges_per_day(days, TODAY)
    assert len(counts) == 14
    assert counts[0] == 1 and counts[-1] == 2 and sum(counts) == 3


def test_the_trend_is_only_mentioned_when_it_falls() -> None:
    falling = (3,) * 7 + (1,) * 7
    assert trend_sentence(falling) == "7 in the last seven days, down from 21 in the seven before."
    assert trend_sentence(tuple(reversed(falling))) is None
    assert trend_sentence((0,) * 14) is None
    assert trend_sentence((1,) * 5) is None


def test_the_urge_is_parked_until_the_check_in_time() -> None:
    at = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
    before = parking_note(time(17, 0), at)
    assert "Your inbox check is at 17:00. Park the thought until then" in before
    during = parking_note(time(9, 15), at)
    assert during.startswith("It is your 09:15 inbox check")
    after = parking_note(time(8, 0), at)
    assert "Today's inbox check was at 08:00" in after
    assert "settings" in parking_note(None, at)
    for note in (before, during, after):
        assert "!" not in note


def test_box_breathing_is_four_counts_of_in_hold_out_hold() -> None:
    words = [breath_at(second + 0.5).words for second in range(CYCLE_SECONDS)]
    assert words == ["Breathe in"] * 4 + ["Hold"] * 4 + ["Breathe out"] * 4 + ["Hold"] * 4
    assert [breath_at(s + 0.5).count for s in range(8)] == [1, 2, 3, 4, 1, 2, 3, 4]
    assert [breath_at(s).fill for s in range(0, 16, 2)] == [
        0.25, 0.75, 1.0, 1.0, 0.75, 0.25, 0.0, 0.0,
    ]  # fmt: skip
    assert breath_at(CYCLE_SECONDS).cycle == 2
    assert not breath_at(TOTAL_SECONDS - 0.01).finished
    assert breath_at(TOTAL_SECONDS).finished
    assert 55 <= TOTAL_SECONDS <= 65  # about a minute


def test_an_urge_is_stored_in_utc_with_its_local_day(db_path: Path, clock: FrozenClock) -> None:
    late_evening = datetime(2026, 3, 3, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    with Repository.open(db_path, clock) as repo:
        repo.urges.note(late_evening)
        repo.urges.note(clock.now())
        doc = repo.db.main.table("urges").get(doc_id=1)
        assert doc is not None
        assert doc["at"] == "2026-03-04T04:30:00+00:00"
        assert doc["on"] == "2026-03-03"
        assert repo.urges.recent_days(TODAY, 14) == [TODAY, TODAY]
        assert summaries.summary(repo).urges_today == 2
