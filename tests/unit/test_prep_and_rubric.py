"""What an upcoming interview brings forward, and rating against what you meant to say."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating

from companion.domain.interviews import Interview
from companion.domain.practice import (
    Question,
    Scheduling,
    Star,
    improve_answer,
    new_question,
    parse_key_points,
    rehearse,
    with_id,
)
from companion.domain.practice_plan import BankItem
from companion.domain.prep import (
    DECK_FEW,
    PREP_MOST,
    last_round,
    prep_question_ids,
    soonest_upcoming,
    upcoming_preps,
)
from companion.domain.rubric import (
    CHECK,
    I_CHECK,
    NUMBER_CHECK,
    POINT,
    STAR,
    STAR_PARTS,
    STORY,
    TIME_CHECK,
    rubric_for,
    suggest_rating,
    toggled,
    with_ticked,
)
from companion.domain.stories import Story, new_story

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
TODAY = NOW.date()


def _interview(iid: int, company: str, role: str, held_on: date, **extra: object) -> Interview:
    return Interview(company=company, role=role, held_on=held_on, id=iid, **extra)


def _item(qid: int, **extra: object) -> BankItem:
    return BankItem(id=qid, due=NOW, by_day=True, last_review=None, **extra)


INTERVIEWS = [
    _interview(1, "Acme", "Data analyst", TODAY - timedelta(days=20)),
    _interview(
        2,
        "Acme",
        "Data analyst",
        TODAY + timedelta(days=4),
        previous_round_id=1,
        tags=("leadership",),
    ),
    _interview(3, "Globex", "Data analyst", TODAY - timedelta(days=40)),
    _interview(4, "Initech", "Designer", TODAY - timedelta(days=10)),
    _interview(5, "Umbrella", "Designer", TODAY + timedelta(days=9)),
]


def test_an_interview_brings_its_rounds_its_company_its_role_then_what_tripped_you() -> None:
    items = [
        _item(10, interview_id=3),  # same role, another company
        _item(11, interview_id=1),  # the earlier round
        _item(12, interview_id=2),  # this interview
        _item(13, tripped=True),  # went wrong somewhere else
        _item(14, tags=("acme",)),  # tagged with the company (a debrief's tag)
        _item(15, interview_id=4),  # another role and company: not related
        _item(16, from_deck=True, tags=("leadership",)),  # a deck that fits its tags
        _item(17, from_deck=True, tags=("motivation",)),  # a deck that does not
        _item(18, from_deck=True, tags=("leadership", "to ask")),  # asked of them: the card
        _item(19, interview_id=1, tripped=True),  # the earlier round, and it went wrong
    ]
    assert prep_question_ids(INTERVIEWS[1], INTERVIEWS, items) == (19, 11, 12, 14, 10, 13, 16)


def test_a_few_from_the_decks_and_no_more_than_the_most() -> None:
    deck = [_item(100 + n, from_deck=True, tags=("leadership",)) for n in range(20)]
    linked = [_item(n, interview_id=1) for n in range(1, 60)]
    chosen = prep_question_ids(INTERVIEWS[1], INTERVIEWS, [*linked, *deck])
    assert len(chosen) == PREP_MOST
    assert len([qid for qid in chosen if qid >= 100]) == DECK_FEW


def test_only_interviews_on_a_future_day_are_upcoming() -> None:
    preps = upcoming_preps(INTERVIEWS, [_item(1, interview_id=2)], TODAY)
    assert [p.interview_id for p in preps] == [2, 5]
    assert soonest_upcoming(INTERVIEWS, TODAY) == INTERVIEWS[1]
    assert soonest_upcoming(INTERVIEWS, TODAY + timedelta(days=30)) is None


def test_the_last_round_is_the_earlier_round_or_the_same_company() -> None:
    assert last_round(INTERVIEWS[1], INTERVIEWS) == INTERVIEWS[0]
    again = _interview(6, "Globex", "Lead", TODAY + timedelta(days=3))
    assert last_round(again, [*INTERVIEWS, again]) == INTERVIEWS[2]
    assert last_round(INTERVIEWS[4], INTERVIEWS) is None


# The rubric


def _story() -> Story:
    return replace(new_story("The late launch", NOW, question_ids=[3]), id=1)


def _story_question() -> Question:
    question = new_question(
        "Tell me about a conflict.",
        NOW,
        answer="The release story.",
        key_points=["- Disagreed with respect", "2. Brought the numbers", "Disagreed with respect"],
        star=Star(situation="A late release"),
    )
    return with_id(question, 3)


def test_key_points_are_a_line_each_without_bullets_or_repeats() -> None:
    assert parse_key_points("- one\n* two\n\n3) three\none") == ("one", "two", "three")
    question = _story_question()
    assert question.key_points == ("Disagreed with respect", "Brought the numbers")


def test_key_points_change_in_place_and_a_new_answer_keeps_them() -> None:
    question = new_question("Why?", NOW, answer="Because.", key_points=["care"])
    same, kept = improve_answer(question, "Because.", NOW, key_points=["care", "growth"])
    assert kept is None
    assert same.key_points == ("care", "growth")
    newer, kept = improve_answer(same, "Because I care.", NOW + timedelta(days=1))
    assert kept is not None
    assert kept.key_points == ("care", "growth")
    assert newer.key_points == ("care", "growth")


def test_a_story_question_asks_for_star_a_number_i_not_we_and_the_time() -> None:
    story = _story()
    ticks = rubric_for(_story_question(), timedelta(seconds=100), [story])
    assert [t.kind for t in ticks] == [POINT, POINT, *[STAR] * 4, CHECK, CHECK, CHECK, STORY]
    assert [t.label for t in ticks][2:6] == list(STAR_PARTS)
    assert [t.label for t in ticks][6:9] == [NUMBER_CHECK, I_CHECK, TIME_CHECK]
    # Under two minutes is ticked from the timer; nothing else is ticked for the person.
    assert [t.label for t in ticks if t.ticked] == [TIME_CHECK]
    slow = rubric_for(_story_question(), timedelta(minutes=3))
    assert not any(t.ticked for t in slow)


def test_the_ticks_suggest_a_rating_and_stories_do_not_move_it() -> None:
    ticks = rubric_for(_story_question(), timedelta(seconds=100), [_story()])
    counted = [n for n, t in enumerate(ticks) if t.counts]
    assert suggest_rating(with_ticked(ticks, counted)) == Rating.Good
    assert suggest_rating(with_ticked(ticks, counted[:5])) == Rating.Hard
    assert suggest_rating(with_ticked(ticks, counted[:2])) == Rating.Again
    story_only = with_ticked(ticks, [len(ticks) - 1])
    assert suggest_rating(story_only) == Rating.Again
    assert suggest_rating(()) is None
    assert toggled(toggled(ticks, 0), 0) == ticks


def test_the_ticks_are_kept_with_the_rehearsal() -> None:
    question = _story_question()
    ticks = toggled(rubric_for(question, timedelta(seconds=90), [_story()]), 0)
    ticks = toggled(ticks, len(ticks) - 1)
    _, rehearsal = rehearse(
        question, Rating.Hard, NOW, timedelta(seconds=90), Scheduling(fuzz=False), ticks=ticks
    )
    assert [t.label for t in rehearsal.rubric if t.ticked] == [
        "Disagreed with respect",
        TIME_CHECK,
    ]
    assert all(t.kind != STORY for t in rehearsal.rubric)
    assert rehearsal.stories == (1,)
    assert rehearsal.suggested == Rating.Again
    assert rehearsal.rating == Rating.Hard
