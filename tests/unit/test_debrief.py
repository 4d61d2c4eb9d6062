"""The guided debrief: its steps, the practice questions it makes, the decision date it sets,
and saving step by step so that coming back resumes where the user left off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.debrief import (
    ASK_NEXT_TIME,
    DONE,
    STEPS,
    add_question,
    debrief_sections,
    debrief_text,
    following,
    go_to,
    impressions_of,
    is_blank,
    next_steps_reminder,
    parse_questions,
    preceding,
    record_delivery,
    record_how,
    record_impressions,
    record_next_steps,
    record_questions,
    record_well,
    start_debrief,
    step_number,
)
from companion.domain.errors import FieldError
from companion.domain.fit import FitReflection
from companion.domain.interviews import Interview, new_interview
from companion.domain.timeline import build_timeline, debrief_hint
from companion.services import summary as summaries
from companion.services.debrief import practise_tripped, save_debrief
from companion.store.repository import Repository

TODAY = date(2026, 3, 3)


def add_acme(repo: Repository, **changes: object) -> Interview:
    interview = new_interview(
        company="Acme", role="Platform engineer", held_on=TODAY, interviewers=["Ana Ruiz"]
    )
    added, _ = repo.interviews.add(replace(interview, **changes))  # type: ignore[arg-type]
    return added


def test_the_steps_run_in_order_and_the_end_is_done() -> None:
    assert STEPS[0] == "how" and STEPS[-1] == "impressions"
    assert following("how") == "questions"
    assert following("impressions") == DONE
    assert preceding("questions") == "how"
    assert preceding("how") == "how"
    assert preceding(DONE) == "impressions"
    assert [step_number(s) for s in (*STEPS, DONE)] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_questions_are_one_a_line_without_bullets_or_repeats() -> None:
    text = "- Tell me about yourself\n\n* Why Acme?\n1. Why   Acme?\n2) A conflict\n• Salary\n"
    assert parse_questions(text) == ("Tell me about yourself", "Why Acme?", "A conflict", "Salary")
    with pytest.raises(FieldError) as caught:
        parse_questions("x" * 1001)
    assert caught.value.field == "questions"


def test_a_debrief_becomes_practice_questions_due_now_tagged_and_linked(
    repo: Repository, clock: FrozenClock
) -> None:
    interview = add_acme(repo)
    now = clock.now()
    debrief = record_questions(
        start_debrief(interview, now), "Tell me about a conflict\nWhy us?", now
    )
    debrief = save_debrief(repo, debrief, interview)

    debrief, question = practise_tripped(repo, debrief, interview, "Tell me about a conflict")
    assert question.id is not None
    assert question.text == "Tell me about a conflict"
    assert question.interview_id == interview.id
    assert question.tags == ("debrief", "acme")
    assert question.is_due(now)
    assert debrief.practised_id("tell me about a CONFLICT") == question.id
    assert [q.id for q in repo.questions.all()] == [question.id]
    assert repo.questions.due_count(now) == 1

    # The same question again: no second copy.
    again, same = practise_tripped(repo, debrief, interview, "Tell me about a conflict")
    assert same.id == question.id
    assert len(repo.questions.all()) == 1

    # Stored: the debrief keeps the link, the practice action is on the summary.
    stored = repo.debriefs.get(interview.id or 0)
    assert stored is not None
    assert [(p.text, p.question_id) for p in stored.practised] == [
        ("Tell me about a conflict", question.id)
    ]
    assert "practice" in [a.kind for a in summaries.summary(repo).actions]

    # Deleted from the bank since: practising it again makes a new one and relinks it.
    repo.questions.delete(question)
    relinked, new = practise_tripped(repo, again, interview, "Tell me about a conflict")
    assert new.id != question.id
    assert relinked.practised_id("Tell me about a conflict") == new.id
    assert len(relinked.practised) == 1


def test_a_question_added_on_the_tripped_step_joins_the_list_once(clock: FrozenClock) -> None:
    interview = replace(new_interview(company="Acme", role="R", held_on=TODAY), id=1)
    debrief = record_questions(start_debrief(interview, clock.now()), "Why us?", clock.now())
    debrief = add_question(debrief, "  - Where do you see yourself?  ", clock.now())
    assert debrief.candidates == ("Why us?", "Where do you see yourself?")
    assert add_question(debrief, "why US?", clock.now()) == debrief
    with pytest.raises(FieldError):
        add_question(debrief, "   ", clock.now())


def test_a_date_from_the_debrief_sets_the_decision_date(
    repo: Repository, clock: FrozenClock
) -> None:
    interview = add_acme(repo)
    before = build_timeline(interview, TODAY)
    assert before.follow_up_from == date(2026, 3, 17)  # two weeks, no date given
    debrief = start_debrief(interview, clock.now())
    debrief, changed = record_next_steps(
        debrief,
        interview,
        asked="yes",
        decision_by="+1w",
        said="They will call by next Tuesday.",
        today=TODAY,
        now=clock.now(),
    )
    assert changed.decision_by == date(2026, 3, 10)
    assert debrief.decision_by == date(2026, 3, 10)
    assert debrief.asked_next_steps is True
    assert next_steps_reminder(debrief, changed) is None
    save_debrief(repo, debrief, changed)

    stored = repo.interviews.require(interview.id or 0)
    assert stored.decision_by == date(2026, 3, 10)
    # The calm timeline follows: a check-in from the day after the date they gave.
    assert build_timeline(stored, TODAY).follow_up_from == date(2026, 3, 11)


@pytest.mark.parametrize(
    ("typed", "words"),
    [("someday", "is not a date"), ("2026-03-01", "before the interview")],
)
def test_a_bad_decision_date_names_the_field_and_changes_nothing(
    repo: Repository, clock: FrozenClock, typed: str, words: str
) -> None:
    interview = add_acme(repo)
    with pytest.raises(FieldError) as caught:
        record_next_steps(
            start_debrief(interview, clock.now()),
            interview,
            asked="yes",
            decision_by=typed,
            said="",
            today=TODAY,
            now=clock.now(),
        )
    assert caught.value.field == "decision date"
    assert words in caught.value.message
    assert repo.interviews.require(interview.id or 0).decision_by is None
    assert repo.debriefs.get(interview.id or 0) is None


def test_no_leaves_a_kind_reminder_for_next_time(clock: FrozenClock) -> None:
    interview = replace(new_interview(company="Acme", role="R", held_on=TODAY), id=1)
    debrief, same = record_next_steps(
        start_debrief(interview, clock.now()),
        interview,
        asked="no",
        decision_by="",
        said="",
        today=TODAY,
        now=clock.now(),
    )
    assert same == interview
    reminder = next_steps_reminder(debrief, interview)
    assert reminder == debrief_hint(interview)
    assert reminder is not None and "Next time" in reminder
    assert "!" not in reminder
    sections = {s.title: s for s in debrief_sections(debrief, interview, TODAY)}
    assert sections["For next time"].text == reminder
    # They gave a date anyway: the reminder stays, gentler.
    dated = replace(interview, decision_by=date(2026, 3, 9))
    assert next_steps_reminder(debrief, dated) == ASK_NEXT_TIME


def test_first_impressions_are_the_fit_reflection(clock: FrozenClock) -> None:
    interview = replace(
        new_interview(company="Acme", role="R", held_on=TODAY),
        id=1,
        fit=FitReflection(pay=4, note="old"),
    )
    changed = record_impressions(
        interview,
        {"culture": "4", "work": "5", "people": "", "manager": "3", "commute": "2"},
        "Lovely team, long commute.",
    )
    assert changed.fit == FitReflection(
        work=5,
        culture=4,
        people=None,
        manager=3,
        commute=2,
        pay=4,
        note="Lovely team, long commute.",
    )
    assert impressions_of(changed) == {
        "culture": 4,
        "work": 5,
        "people": None,
        "manager": 3,
        "commute": 2,
    }
    with pytest.raises(FieldError) as caught:
        record_impressions(interview, {"work": "7"}, "")
    assert caught.value.field == "work"


def test_saving_step_by_step_resumes_where_the_user_left_off(
    db_path: Path, clock: FrozenClock
) -> None:
    now = clock.now()
    with Repository.open(db_path, clock) as repo:
        interview = add_acme(repo)
        assert "debrief" in [a.kind for a in summaries.summary(repo).actions]
        debrief = record_how(start_debrief(interview, now), "Warm, a bit rushed.", "4", now)
        debrief = go_to(debrief, "questions", now)
        save_debrief(repo, debrief, interview)

    # Later the same day, in another process: it resumes at step 2 with step 1 kept.
    with Repository.open(db_path, clock) as repo:
        interview = repo.interviews.require(interview.id or 0)
        assert interview.debriefed_on == TODAY
        assert "debrief" not in [a.kind for a in summaries.summary(repo).actions]
        stored = repo.debriefs.get(interview.id or 0)
        assert stored is not None
        assert stored.step == "questions"
        assert (stored.went, stored.mood) == ("Warm, a bit rushed.", 4)
        assert not stored.completed
        later = now + timedelta(minutes=5)
        stored = record_questions(stored, "Why us?", later)
        stored = record_well(stored, "The story about the migration.", later)
        stored = record_delivery(stored, "Slow down at the start.", later)
        stored = go_to(stored, DONE, later)
        saved = save_debrief(repo, stored, interview)
        assert saved.id == stored.id

    with Repository.open(db_path, clock, access="read") as repo:
        (done,) = repo.debriefs.all()
        assert done.step == DONE
        assert done.completed_at == later
        assert done.started_at == now
        assert done.questions == ("Why us?",)
        text = debrief_text(done, repo.interviews.require(done.interview_id), TODAY)
        assert "Warm, a bit rushed." in text and "Slow down at the start." in text


def test_reaching_the_end_again_keeps_the_first_completion(clock: FrozenClock) -> None:
    interview = replace(new_interview(company="Acme", role="R", held_on=TODAY), id=1)
    first = go_to(start_debrief(interview, clock.now()), DONE, clock.now())
    again = go_to(go_to(first, "how", clock.now()), DONE, clock.now() + timedelta(days=1))
    assert again.completed_at == first.completed_at == clock.now()
    with pytest.raises(ValueError):
        go_to(first, "nowhere", clock.now())


def test_a_blank_debrief_is_blank_until_something_is_written(clock: FrozenClock) -> None:
    interview = replace(new_interview(company="Acme", role="R", held_on=TODAY), id=1)
    debrief = start_debrief(interview, clock.now())
    assert is_blank(debrief)
    assert is_blank(go_to(debrief, "questions", clock.now()))
    assert not is_blank(record_how(debrief, "", "3", clock.now()))
    assert debrief_sections(debrief, interview, TODAY) == []
