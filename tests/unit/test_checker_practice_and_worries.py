"""The checker (store/checker.py) on the data of practice (issue 15) and worry time (issue 17):
what the app writes passes, and a bad value in each field they added is refused in words
naming the table, the document's id and the field."""

from __future__ import annotations

import copy
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.practice import new_question
from companion.domain.rubric import rubric_for, toggled
from companion.domain.stories import new_story
from companion.services import interviews, practice, settings, stories, urges, worries, writing
from companion.store.checker import BadData, check_database, require_sound
from companion.store.files import Tables
from companion.store.repository import Repository

Found = tuple[Tables, dict[str, Tables]]


def _fill(repo: Repository) -> None:
    """Every field issues 15 and 17 added, written by the app's own services."""
    now = repo.clock.now()
    settings.save_settings(
        repo,
        daily_limit=10,
        rest_days=frozenset({5, 6}),
        day_starts=time(5, 0),
        breathing_pattern="sigh",
        reduced_motion=True,
    )
    interview, _ = interviews.add_interview(
        repo, Interview("Acme", "Analyst", repo.clock.today(), tags=("leadership",))
    )
    question = practice.add_question(
        repo,
        new_question(
            "Tell me about a conflict.",
            now,
            interview_id=interview.id,
            answer="First",
            key_points=["the data"],
        ),
    )
    question = practice.edit_question(repo, question, "Second", key_points=["the data", "after"])
    story = stories.add_story(repo, new_story("The launch", now, question_ids=[question.id or 0]))
    ticks = toggled(rubric_for(question, timedelta(seconds=90), [story]), 0)
    question = practice.rate(repo, question, Rating.Good, timedelta(seconds=90), ticks)
    practice.rate(repo, question, Rating.Hard, None, mock=True)
    urges.choose(repo, urges.note_urge(repo), "leave")
    worries.answer(repo, worries.park(repo, "Did Acme write?"), "let_go")
    worries.park(repo, "Money for next month")
    writing.write_prompt(repo, writing.programme(repo), "Where to begin.")


@pytest.fixture
def sound(db_path: Path, clock: FrozenClock) -> Found:
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        main, parts = repo.db.everything()
        return copy.deepcopy(main), copy.deepcopy(parts)


def _tables(found: Found, table: str) -> dict[str, Any]:
    """The table wherever it is kept: the main file, or the history part holding it."""
    main, parts = found
    if table in main:
        return main[table]
    return next(tables[table] for tables in parts.values() if table in tables)


def test_what_practice_and_worry_time_write_is_sound(sound: Found) -> None:
    main, parts = sound
    assert {"stories", "settings", "urges"} <= main.keys()
    assert {"worries", "writing", "journal", "answers"} <= parts.keys()
    review = next(iter(_tables(sound, "reviews").values()))
    assert review["rubric"] and "suggested" in review
    assert check_database(main, parts) == []


# Each probe: the table, the field and the bad value; and words the refusal must hold
# beside the table, the document's id and the field.
PROBES: dict[str, tuple[str, str, Any, tuple[str, ...]]] = {
    "a daily limit of 0": ("settings", "daily_limit", 0, ("from 1 to",)),
    "a daily limit over the largest": ("settings", "daily_limit", 10**6, ()),
    "a rest day 7": ("settings", "rest_days", [5, 7], ("from 0 to 6",)),
    "rest days as a word": ("settings", "rest_days", "sat", ()),
    "a day starting at 25:00": ("settings", "day_starts", "25:00", ()),
    "a breathing companion does not have": ("settings", "breathing_pattern", "square", ()),
    "reduced motion as a word": ("settings", "reduced_motion", "yes", ("true or false",)),
    "an interview tag that is a number": ("interviews", "tags", ["ok", 3], ()),
    "a key point that is a number": (
        "questions",
        "answer",
        {"text": "a", "written_at": "2026-03-03T09:30:00+00:00", "key_points": [1]},
        (),
    ),
    "an earlier answer's key points as text": ("answers", "key_points", "the data", ()),
    "a tick of a kind companion does not have": (
        "reviews",
        "rubric",
        [{"label": "x", "kind": "bonus", "ticked": True}],
        ("'rubric[0].kind'",),
    ),
    "a tick with no kind": ("reviews", "rubric", [{"label": "x", "ticked": True}], ()),
    "a suggested rating of 5": ("reviews", "suggested", 5, ("from 1 to 4",)),
    "a mock that is a word": ("reviews", "mock", "no", ()),
    "a story for a question that is not there": (
        "stories",
        "question_ids",
        [99],
        ("no question 99",),
    ),
    "a story whose title is a number": ("stories", "title", 7, ()),
    "a story told -1 times": ("stories", "told", -1, ()),
    "a story added on no date": ("stories", "added_at", "yesterday", ()),
    "an urge's choice companion does not have": ("urges", "choice", "later", ()),
    "a thought in a state companion does not have": ("worries", "state", "gone", ()),
    "a thought parked 0 times": ("worries", "times", 0, ()),
    "a thought that turned out great": ("worries", "turned_out", "great", ()),
    "a thought offered on 30 February": ("worries", "offer_on", "2026-02-30", ()),
    "a writing prompt 5 of 4": ("writing", "prompt", 5, ("from 1 to 4",)),
    "a writing step of round 0": ("writing", "round", 0, ()),
    "a writing step for an entry never written": (
        "writing",
        "entry_id",
        999,
        ("no journal 999 was ever",),
    ),
}


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_the_checker_refuses_a_bad_value_in_each_new_field(sound: Found, probe: str) -> None:
    table, field, value, words = PROBES[probe]
    found = copy.deepcopy(sound)
    docs = _tables(found, table)
    doc_id = min(docs, key=int)
    docs[doc_id][field] = value
    problems = check_database(*found)
    assert problems, probe
    text = str(problems[0])
    for word in (f"table {table!r}", f"document {doc_id}", f"'{field}", *words):
        assert word in text, (word, text)
    with pytest.raises(BadData) as refused:
        require_sound(*found)
    assert str(refused.value).startswith(text)


def test_a_stories_question_deleted_leaves_the_database_sound(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        (question,) = repo.questions.all()
        practice.delete_question(repo, question)
        assert [s.question_ids for s in repo.stories.all()] == [()]
        assert check_database(*repo.db.everything()) == []
