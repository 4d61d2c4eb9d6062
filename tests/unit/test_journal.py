"""The journal's domain: entries, moods, the list with debriefs and reflections, search, filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from companion.domain.debrief import record_how, start_debrief
from companion.domain.errors import FieldError
from companion.domain.interviews import move_on, new_interview
from companion.domain.journal import (
    MAX_ENTRY_LENGTH,
    JournalFilter,
    edit_entry,
    filter_journal,
    journal_items,
    journal_tags,
    moods_by_day,
    new_entry,
    parse_entry_text,
)
from companion.domain.mood import mood_sparkline, parse_mood, spark

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
TODAY = NOW.date()


def at(days_ago: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, 3, hour, tzinfo=UTC) - timedelta(days=days_ago)


@pytest.mark.parametrize("text", ["1", "5", " 3 ", 4])
def test_a_mood_is_one_to_five(text: str | int) -> None:
    assert parse_mood(text) == int(str(text).strip())


@pytest.mark.parametrize("text", ["", "  ", None])
def test_a_mood_may_be_left_out(text: str | None) -> None:
    assert parse_mood(text) is None


@pytest.mark.parametrize("text", ["0", "6", "four", "-1", "2.5", "10", "²", "٣"])
def test_a_bad_mood_names_the_field_and_the_scale(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_mood(text)
    assert caught.value.field == "mood"
    assert "1 to 5" in caught.value.message
    assert "heavy" in caught.value.message and "bright" in caught.value.message


def test_an_entry_keeps_its_words_exactly_but_the_blank_ends() -> None:
    text = "  \n  First line [bold]not bold[/]\n\n\tindented ✨ 日本語\u200d\n\n"
    entry = new_entry(text, NOW, mood="4", tags=["Calm", "calm", " walk "], interview_id=2)
    assert entry.text == "First line [bold]not bold[/]\n\n\tindented ✨ 日本語\u200d"
    assert entry.mood == 4
    assert entry.tags == ("calm", "walk")
    assert entry.interview_id == 2
    assert entry.written_at == NOW
    assert entry.first_line == "First line [bold]not bold[/]"


def test_an_empty_entry_is_refused() -> None:
    with pytest.raises(FieldError) as caught:
        new_entry(" \n\t ", NOW)
    assert caught.value.field == "text"


def test_a_very_long_entry_is_kept_and_a_huge_one_refused() -> None:
    long_text = "ä" * 100_000
    assert parse_entry_text(long_text) == long_text
    with pytest.raises(FieldError) as caught:
        parse_entry_text("x" * (MAX_ENTRY_LENGTH + 1))
    assert "200,000" in caught.value.message


def test_editing_sets_edited_at_only_when_something_changed() -> None:
    entry = replace(new_entry("Hello", NOW, mood=3), id=1)
    later = NOW + timedelta(hours=2)
    same = edit_entry(entry, later, text="Hello\n", mood="3", tags=[], interview_id=None)
    assert same == entry
    changed = edit_entry(entry, later, text="Hello again", mood="", tags=["x"], interview_id=4)
    assert changed.text == "Hello again"
    assert changed.mood is None
    assert changed.tags == ("x",)
    assert changed.interview_id == 4
    assert changed.edited_at == later
    assert changed.written_at == NOW


def sample_items() -> list:  # type: ignore[type-arg]
    acme = replace(new_interview(company="Acme", role="Engineer", held_on=date(2026, 3, 2)), id=1)
    stark = replace(
        move_on(
            new_interview(company="Stark", role="Designer", held_on=date(2026, 1, 5)),
            "Ask about the timeline.",
            date(2026, 2, 20),
        ),
        id=2,
    )
    entries = [
        replace(new_entry("Walked by the river", at(0), mood=4, tags=["calm"]), id=1),
        replace(new_entry("Nervous about Acme", at(1), mood=2, interview_id=1), id=2),
        replace(new_entry("Old thoughts on Stark", at(20), tags=["calm", "stark"]), id=3),
    ]
    debrief = record_how(start_debrief(acme, at(1, 18)), "It went well", "5", at(1, 18))
    return journal_items(entries, [debrief], [acme, stark], TODAY, UTC)


def test_the_list_holds_entries_debriefs_and_reflections_newest_first() -> None:
    items = sample_items()
    assert [item.key for item in items] == [
        "entry:1",
        "debrief:1",
        "entry:2",
        "reflection:2",
        "entry:3",
    ]
    debrief = items[1]
    assert debrief.kind == "debrief" and not debrief.editable
    assert debrief.preview == "It went well"
    assert debrief.mood == 5
    reflection = items[3]
    assert reflection.day == date(2026, 2, 20)
    assert reflection.text == "Ask about the timeline."
    assert reflection.interview_id == 2


def test_search_finds_all_the_words_in_any_case_and_order() -> None:
    items = sample_items()
    titles = {1: "Acme · Engineer", 2: "Stark · Designer"}

    def keys(**changes: object) -> list[str]:
        return [i.key for i in filter_journal(items, JournalFilter(**changes), titles)]  # type: ignore[arg-type]

    assert keys(text="RIVER walked") == ["entry:1"]
    assert keys(text="acme") == ["debrief:1", "entry:2"]
    assert keys(text="debrief") == ["debrief:1"]
    assert keys(text="moving on timeline") == ["reflection:2"]
    assert keys(text="bright") == ["debrief:1"]
    assert keys(text="nothing like this") == []
    assert keys(tag="calm") == ["entry:1", "entry:3"]
    assert keys(tag="calm", text="stark") == ["entry:3"]
    assert keys(interview_id=1) == ["debrief:1", "entry:2"]
    assert keys(interview_id=2) == ["reflection:2"]
    assert keys(interview_id=1, tag="calm") == []
    assert journal_tags(items) == ["calm", "stark"]


def test_moods_by_day_average_each_day_and_leave_gaps() -> None:
    items = sample_items()
    extra = journal_items(
        [replace(new_entry("Later that day", at(0, 20), mood=2), id=9)], [], [], TODAY, UTC
    )
    moods = moods_by_day([*items, *extra], TODAY)
    assert len(moods) == 30
    assert moods[-1] == 3.0  # 4 and 2, today
    assert moods[-2] == 3.5  # 2 and the debrief's 5, yesterday
    assert moods[-21] is None  # an entry with no mood
    assert all(m is None for m in moods[:-2])


def test_the_day_of_an_entry_is_the_local_day() -> None:
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    entry = replace(new_entry("Late", late, mood=5), id=1)
    tokyo = timezone(timedelta(hours=9))
    (item,) = journal_items([entry], [], [], TODAY, tokyo)
    assert item.day == date(2026, 3, 3)
    assert moods_by_day([item], TODAY)[-1] == 5.0


def test_the_sparkline_draws_one_cell_a_day() -> None:
    assert mood_sparkline([None, 1, 2, 3, 4, 5, 4.5, 2.4]) == "·▁▂▄▆██▂"
    assert spark(None) == "·"
