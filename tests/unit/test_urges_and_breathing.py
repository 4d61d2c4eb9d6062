"""The urge to check: days, worry time, the choice after breathing, and the two patterns."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.breathing import (
    BOX,
    CYCLE_SECONDS,
    PATTERNS,
    SIGH,
    TOTAL_SECONDS,
    breath_at,
    parse_pattern,
    pattern_named,
    plain_lines,
)
from companion.domain.errors import FieldError
from companion.domain.settings import BREATHING_PATTERNS
from companion.domain.urges import BREATHE_EXIT, parking_note, trend_sentence, urges_per_day
from companion.services import summary as summaries
from companion.store.errors import BadDatabaseFile
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


def test_the_cyclic_sigh_is_a_double_breath_in_and_a_long_breath_out_for_five_minutes() -> None:
    words = [breath_at(second + 0.5, SIGH).word for second in range(SIGH.cycle_seconds)]
    assert words == ["in"] * 3 + ["more"] + ["out"] * 8
    exhale = sum(p.seconds for p in SIGH.phases if p.word == "out")
    assert exhale == 2 * sum(p.seconds for p in SIGH.phases if p.word != "out")
    assert SIGH.total_seconds == 5 * 60
    assert breath_at(3.5, SIGH).fill == 1.0  # full after the second, short breath in
    assert breath_at(SIGH.total_seconds - 0.5, SIGH).fill == 0.0
    assert breath_at(SIGH.total_seconds, SIGH).finished
    assert breath_at(SIGH.cycle_seconds * 2 + 1, SIGH).cycle == 3


def test_a_pattern_is_chosen_by_name() -> None:
    assert parse_pattern(" Sigh ") is SIGH
    assert parse_pattern("box") is BOX
    with pytest.raises(FieldError, match=r"box .* or sigh"):
        parse_pattern("4-7-8")
    assert pattern_named("gone") is BOX
    assert tuple(PATTERNS) == BREATHING_PATTERNS  # the settings' names are the patterns'


def test_the_plain_script_is_one_line_a_phase_with_its_pause() -> None:
    lines = plain_lines(BOX)
    assert len(lines) == len(BOX.phases) * BOX.cycles
    assert lines[:4] == [
        ("Breath 1 of 4: breathe in for 4.", 4),
        ("Hold for 4.", 4),
        ("Breathe out for 4.", 4),
        ("Hold for 4.", 4),
    ]
    assert sum(seconds for _, seconds in lines) == BOX.total_seconds
    sigh = plain_lines(SIGH)
    assert sigh[0] == ("Breath 1 of 25: breathe in through your nose for 3.", 3)
    assert sigh[1] == ("Then a little more in for 1.", 1)
    assert sum(seconds for _, seconds in sigh) == 300


def test_the_choice_after_breathing_is_kept_with_its_urge(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        first = repo.urges.note(clock.now())
        second = repo.urges.note(clock.now())
        repo.urges.choose(first, "leave")
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {first: "leave"}
        assert summaries.summary(repo).urges_today == 2
    with Repository.open(db_path, clock) as repo:
        repo.urges.choose(second, "look")
        assert repo.urges.choices() == {first: "leave", second: "look"}


def test_a_choice_companion_does_not_know_is_refused(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        urge = repo.urges.note(clock.now())
        repo.db.update_one(repo.db.main.table("urges"), urge, {"choice": "maybe"})
    with pytest.raises(BadDatabaseFile, match="'choice'"):
        Repository.open(db_path, clock, access="read")


def test_the_breathe_exit_codes_keep_1_and_2_for_their_meanings() -> None:
    assert BREATHE_EXIT["look"] == 0
    assert BREATHE_EXIT["leave"] == BREATHE_EXIT[None] == 3
