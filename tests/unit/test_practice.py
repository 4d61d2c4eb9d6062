"""Practice domain: FSRS scheduling, answer versions, queues, what people type."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from companion.domain.errors import FieldError
from companion.domain.practice import (
    LEARN_AHEAD,
    LEARNING_STEPS,
    RELEARNING_STEPS,
    Question,
    Scheduling,
    SessionResult,
    Star,
    ahead_queue,
    due_queue,
    fuzz_range,
    improve_answer,
    new_question,
    next_due,
    parse_interview_id,
    parse_question_text,
    parse_tags,
    practice_actions,
    rehearse,
    retrievability,
    session_sentence,
    stable_fuzz,
    when_phrase,
    with_id,
)
from companion.domain.practice_days import PracticeDays

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
EXACT = Scheduling(desired_retention=0.9, fuzz=False)
DAYS = PracticeDays(UTC)

# A fixed history, each rehearsal at a set time after NOW: a first attempt that
# went badly and its retry at the end of the sitting, days of reviews, one
# forgotten answer and its retry, and a Hard that took effort.
SEQUENCE = (
    (Rating.Again, timedelta(0)),
    (Rating.Good, timedelta(minutes=12)),
    (Rating.Good, timedelta(days=3, hours=10)),
    (Rating.Hard, timedelta(days=10)),
    (Rating.Good, timedelta(days=20, hours=9)),
    (Rating.Again, timedelta(days=50)),
    (Rating.Hard, timedelta(days=50, minutes=15)),
    (Rating.Easy, timedelta(days=60)),
    (Rating.Good, timedelta(days=80, hours=-8)),
)


def _question(due: datetime = NOW, question_id: int = 7, **changes: object) -> Question:
    question = with_id(new_question("Why this company?", NOW, due=due), question_id)
    for key, value in changes.items():
        question = Question(**{**question.__dict__, key: value})
    return question


def _library(retention: float, steps: bool) -> Scheduler:
    return Scheduler(
        desired_retention=retention,
        learning_steps=LEARNING_STEPS if steps else (),
        relearning_steps=RELEARNING_STEPS if steps else (),
        enable_fuzzing=False,
    )


def _library_run(retention: float) -> list[tuple[datetime, State, float | None]]:
    """The same history through the library: its step scheduler until a card has used its
    step, one with no steps after that, and days counted from the start of the day."""
    card = Card(card_id=7, due=NOW)
    seen = []
    for rating, wait in SEQUENCE:
        moment = NOW + wait
        used = card.state != State.Review and card.last_review is not None
        card, _ = _library(retention, steps=not used).review_card(card, rating, moment, 90_000)
        due = card.due
        if card.state == State.Review:
            due = DAYS.start_of(DAYS.day_of(moment) + timedelta(days=(card.due - moment).days))
        seen.append((due, card.state, card.stability))
    return seen


def _our_run(scheduling: Scheduling) -> list[tuple[datetime, State, float | None]]:
    question = _question()
    seen = []
    for rating, wait in SEQUENCE:
        moment = NOW + wait
        question, rehearsal = rehearse(question, rating, moment, timedelta(seconds=90), scheduling)
        assert rehearsal.rating == rating
        assert rehearsal.at == moment
        assert rehearsal.answered_for == timedelta(seconds=90)
        seen.append((question.due, question.card.state, question.card.stability))
    return seen


def test_fsrs_without_fuzz_gives_the_librarys_schedule_in_days() -> None:
    expected = _library_run(0.9)
    assert _our_run(EXACT) == expected
    # The history reaches every state, so each branch of the scheduler is compared.
    assert {state for _, state, _ in expected} == {
        State.Learning,
        State.Review,
        State.Relearning,
    }
    # Every review is due at the start of a day (04:00 here, UTC).
    assert {due.time() for due, state, _ in expected if state == State.Review} == {time(4)}


@pytest.mark.parametrize("retention", [0.8, 0.95])
def test_the_desired_retention_setting_reaches_the_scheduler(retention: float) -> None:
    assert _our_run(Scheduling(retention, fuzz=False)) == _library_run(retention)


def test_a_higher_retention_brings_questions_back_sooner() -> None:
    loose = _our_run(Scheduling(0.8, fuzz=False))
    strict = _our_run(Scheduling(0.95, fuzz=False))
    assert strict[-1][0] < loose[-1][0]


def test_a_bad_first_attempt_comes_back_at_the_end_of_the_sitting() -> None:
    question, _ = rehearse(_question(), Rating.Again, NOW, timedelta(minutes=2), EXACT)
    assert question.due == NOW + LEARNING_STEPS[0]
    assert question.card.state == State.Learning
    good, _ = rehearse(_question(), Rating.Good, NOW, timedelta(minutes=2), EXACT)
    assert good.card.state == State.Review
    assert good.due - NOW >= timedelta(hours=18)


@pytest.mark.parametrize("first", [Rating.Again, Rating.Hard])
@pytest.mark.parametrize("second", [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
def test_hard_or_again_comes_back_once_in_the_sitting_then_in_days(
    first: Rating, second: Rating
) -> None:
    """Whatever the second rating, a question asked again in the sitting is then due on
    another day: the sitting ends."""
    once, _ = rehearse(_question(), first, NOW, None, EXACT)
    assert once.due <= NOW + LEARN_AHEAD
    later = NOW + (once.due - NOW)
    twice, _ = rehearse(once, second, later, None, EXACT)
    assert twice.card.state == State.Review
    assert DAYS.day_of(twice.due) > DAYS.day_of(later)
    assert twice.due == DAYS.start_of(DAYS.day_of(twice.due))


@pytest.mark.parametrize("rating", [Rating.Again, Rating.Hard])
def test_a_forgotten_review_comes_back_once_then_in_days(rating: Rating) -> None:
    learnt, _ = rehearse(_question(), Rating.Good, NOW, None, EXACT)
    moment = learnt.due + timedelta(hours=15)
    lapsed, _ = rehearse(learnt, Rating.Again, moment, None, EXACT)
    assert lapsed.card.state == State.Relearning
    assert lapsed.due <= moment + LEARN_AHEAD
    back, _ = rehearse(lapsed, rating, lapsed.due, None, EXACT)
    assert back.card.state == State.Review
    assert DAYS.day_of(back.due) > DAYS.day_of(moment)


def test_a_card_stuck_in_a_step_by_the_old_rule_is_scheduled_in_days_next() -> None:
    """Cards rated Hard again and again before the fix are still in their learning step."""
    stuck = _question()
    moment = NOW
    for _ in range(3):
        card, _ = _library(0.9, steps=True).review_card(stuck.card, Rating.Hard, moment)
        stuck = Question(**{**stuck.__dict__, "card": card})
        moment += timedelta(minutes=16)
    assert stuck.card.state == State.Learning
    moved, _ = rehearse(stuck, Rating.Hard, moment, None, EXACT)
    assert moved.card.state == State.Review


def test_fuzzed_schedules_are_reproducible_and_stay_in_the_librarys_range() -> None:
    fuzzy = Scheduling(0.9, fuzz=True)
    assert _our_run(fuzzy) == _our_run(fuzzy)
    question = _question()
    moment = NOW
    spread_out = 0
    for rating, wait in SEQUENCE:
        moment = NOW + wait
        plain, _ = rehearse(question, rating, moment, None, EXACT)
        spread, _ = rehearse(question, rating, moment, None, fuzzy)
        days = (DAYS.day_of(plain.due) - DAYS.day_of(moment)).days
        if plain.card.state == State.Review and days >= 3:
            assert (DAYS.day_of(spread.due) - DAYS.day_of(moment)).days in _library_fuzz(days)
            spread_out += 1
        else:
            assert spread.due == plain.due
        question = spread
    assert spread_out >= 2


def _library_fuzz(days: int) -> set[int]:
    """Every interval the library's own fuzz draws for `days`, over many seeds."""
    library = Scheduler(enable_fuzzing=True)
    seen = set()
    for seed in range(400):
        random.seed(seed)
        seen.add(library._get_fuzzed_interval(interval=timedelta(days=days)).days)
    return seen


@pytest.mark.parametrize("days", [3, 8, 25, 120])
def test_our_fuzz_draws_the_same_intervals_as_the_library(days: int) -> None:
    ours = {stable_fuzz(timedelta(days=days), f"{seed}", 36500).days for seed in range(400)}
    assert ours == _library_fuzz(days)
    low, _ = fuzz_range(days, 36500)
    assert min(ours) == low


def test_stable_fuzz_spreads_questions_rated_together() -> None:
    drawn = {
        stable_fuzz(timedelta(days=30), f"{card}:2026-03-03T09:30:00+00:00", 36500).days
        for card in range(1, 40)
    }
    assert len(drawn) > 1
    assert stable_fuzz(timedelta(days=2), "x", 36500) == timedelta(days=2)


def test_retrievability_comes_from_the_library() -> None:
    assert retrievability(_question(), NOW, EXACT) is None
    question, _ = rehearse(_question(), Rating.Good, NOW, None, EXACT)
    later = NOW + timedelta(days=5)
    expected = EXACT.scheduler.get_card_retrievability(question.card, later)
    assert retrievability(question, later, EXACT) == expected
    assert 0 < expected < 1


def test_an_unsaved_question_cannot_be_rehearsed() -> None:
    with pytest.raises(ValueError, match="saved"):
        rehearse(new_question("Why?", NOW), Rating.Good, NOW, None, EXACT)


def test_a_new_question_is_due_at_once_and_never_reads_the_wall_clock() -> None:
    question = new_question("  Tell me   about [bold]you[/]  ", NOW, tags=["Opener, about you"])
    assert question.text == "Tell me about [bold]you[/]"
    assert question.due == NOW
    assert question.is_due(NOW)
    assert question.is_new
    assert question.tags == ("opener", "about you")
    assert question.card.card_id == 0
    assert with_id(question, 12).card.card_id == 12


def test_improving_an_answer_keeps_the_version_it_replaces() -> None:
    first = new_question("Why?", NOW, answer="Because.")
    later = NOW + timedelta(days=2)
    second, kept = improve_answer(first, "Because I care about the work.", later)
    assert kept == first.answer
    assert second.answer is not None
    assert second.answer.text == "Because I care about the work."
    assert second.answer.written_at == later
    assert second.earlier_versions == 1
    third, kept_again = improve_answer(second, "Because I care about the work.", later)
    assert kept_again is None
    assert third.earlier_versions == 1


def test_a_first_answer_replaces_nothing_and_star_notes_are_kept() -> None:
    star = Star(situation="A release", action="I wrote the plan")
    question, kept = improve_answer(new_question("Why?", NOW), "My answer", NOW, star)
    assert kept is None
    assert question.earlier_versions == 0
    assert question.star == star


def test_queues_put_the_longest_waiting_first_and_skip_resting_questions() -> None:
    early = _question(NOW - timedelta(days=2), 1)
    late = _question(NOW - timedelta(hours=1), 2)
    resting = _question(NOW - timedelta(days=9), 3, suspended=True)
    tomorrow = _question(NOW + timedelta(days=1), 4)
    next_week = _question(NOW + timedelta(days=7), 5)
    bank = [next_week, late, resting, tomorrow, early]
    assert [q.id for q in due_queue(bank, NOW)] == [1, 2]
    # Ahead: those ready but left for another day first, then the soonest to come up.
    assert [q.id for q in ahead_queue(bank, NOW, 3)] == [1, 2, 4]
    assert [q.id for q in ahead_queue(bank, NOW, 1, skip=[1, 2])] == [4]
    # Due tomorrow: ready from the start of tomorrow (04:00), whatever its minute.
    assert next_due(bank, NOW) == datetime(2026, 3, 4, 4, 0, tzinfo=UTC)
    assert next_due([resting], NOW) is None


def test_when_phrase_says_when_not_how_long() -> None:
    assert when_phrase(NOW - timedelta(days=3), NOW) == "now"
    assert when_phrase(NOW + timedelta(minutes=10), NOW) == "later today"
    assert when_phrase(NOW + timedelta(days=1), NOW) == "tomorrow"
    assert when_phrase(NOW + timedelta(days=2), NOW) == "Thu 5 Mar"


def test_the_summary_action_is_calm() -> None:
    assert practice_actions(0) == ()
    (one,) = practice_actions(1)
    assert one.kind == "practice"
    assert "one question" in one.text
    (three,) = practice_actions(3)
    assert three.text.startswith("Practise 3 questions")
    for text in (one.text, three.text):
        assert "!" not in text
        assert "overdue" not in text.lower()


def test_the_session_sentence_is_kind_and_counts_questions_once() -> None:
    result = SessionResult(rehearsed=(1, 2, 1), ratings=(Rating.Again, Rating.Good, Rating.Good))
    assert session_sentence(result).startswith("You rehearsed 2 questions.")
    assert "improved" in session_sentence(SessionResult((1,), (Rating.Good,), (1,)))
    assert "fine" in session_sentence(SessionResult())


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: parse_question_text("   "), "question"),
        (lambda: parse_question_text("x" * 1001), "question"),
        (lambda: parse_tags(["x" * 41]), "tag"),
        (lambda: parse_tags([f"t{n}" for n in range(13)]), "tag"),
        (lambda: parse_interview_id("abc"), "interview"),
        (lambda: parse_interview_id("0"), "interview"),
        (lambda: new_question("Why?", NOW, answer="x" * 20_001), "answer"),
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(FieldError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field
    assert caught.value.message.endswith(".")


def test_interview_ids_accept_a_number_or_nothing() -> None:
    assert parse_interview_id(" #4 ") == 4
    assert parse_interview_id("") is None
    assert parse_interview_id(None) is None


def test_the_bank_filter_combines_words_tag_interview_and_due() -> None:
    from companion.domain.practice import SHOW_DUE, SHOW_RESTING, BankFilter, filter_bank

    conflict = with_id(
        new_question("A disagreement with a manager?", NOW, tags=["conflict"], interview_id=2), 1
    )
    later = with_id(
        new_question(
            "Why this role?",
            NOW,
            tags=["motivation"],
            answer="The MISSION",
            due=NOW + timedelta(days=2),
        ),
        2,
    )
    resting = Question(
        **{**with_id(new_question("Salary?", NOW, interview_id=2), 3).__dict__, "suspended": True}
    )
    bank = [resting, later, conflict]

    def ids(**kwargs: object) -> list[int | None]:
        return [q.id for q in filter_bank(bank, BankFilter(**kwargs), NOW)]  # type: ignore[arg-type]

    assert ids() == [1, 2, 3]
    assert ids(text="mission") == [2]
    assert ids(text="manager disagreement") == [1]
    assert ids(text="manager mission") == []
    assert ids(tag="conflict") == [1]
    assert ids(interview_id=2) == [1, 3]
    assert ids(show=SHOW_DUE) == [1]
    assert ids(show=SHOW_RESTING) == [3]
    assert ids(interview_id=2, show=SHOW_DUE) == [1]
