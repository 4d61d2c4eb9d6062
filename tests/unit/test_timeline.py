"""The calm timeline: every rule, every phase and every worked example of etiquette.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    Contact,
    ContactKind,
    Interview,
    Outcome,
    OutcomeChange,
    any_accepted,
    log_contact,
    set_outcome,
)
from companion.domain.references import Reference
from companion.domain.timeline import (
    Milestone,
    Phase,
    Timeline,
    build_timeline,
    debrief_hint,
    milestones,
    names,
    next_weekday,
)

T = date(2026, 3, 3)  # Tuesday, as in the worked examples


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def make(**changes: object) -> Interview:
    base = Interview(
        company="Acme",
        role="Platform engineer",
        held_on=T,
        interviewers=("Ana Ruiz", "Ben Cho"),
        id=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def with_contacts(interview: Interview, *entries: tuple[ContactKind, date]) -> Interview:
    contacts = tuple(Contact(kind, on) for kind, on in entries)
    return replace(interview, contacts=interview.contacts + contacts)


def closed_as(interview: Interview, outcome: Outcome, on: date) -> Interview:
    return replace(interview, outcomes=(*interview.outcomes, OutcomeChange(outcome, on)))


def kinds(timeline: Timeline) -> list[str]:
    return [s.kind for s in timeline.suggestions]


def text_of(timeline: Timeline, kind: str) -> str:
    (found,) = [s.text for s in timeline.suggestions if s.kind == kind]
    return found


# The worked examples, in order: each builds on the one before.


def test_example_1_nothing_logged_on_the_day() -> None:
    timeline = build_timeline(make(interviewers=()), T)
    assert timeline.phase == Phase.THANK_YOU
    assert timeline.thank_you_by == d(3, 4)
    assert timeline.follow_up_from == d(3, 17)
    assert d(3, 17).weekday() == 1  # Tuesday
    assert timeline.move_on_from == d(4, 14)


def example_2() -> Interview:
    return with_contacts(make(decision_by=d(3, 6)), (ContactKind.THANK_YOU, d(3, 4)))


def test_example_2_thank_you_and_a_decision_date_on_a_friday() -> None:
    assert d(3, 6).weekday() == 4
    timeline = build_timeline(example_2(), d(3, 5))
    # max(Sat 7 Mar, Wed 11 Mar): the week after the thank-you wins
    assert timeline.follow_up_from == d(3, 11)
    assert timeline.move_on_from == d(4, 14)
    assert timeline.phase == Phase.QUIET


def example_3() -> Interview:
    return with_contacts(example_2(), (ContactKind.FOLLOW_UP, d(3, 12)))


def test_example_3_a_follow_up_with_no_reply_leaves_it_with_them() -> None:
    timeline = build_timeline(example_3(), d(3, 20))
    assert timeline.phase == Phase.QUIET
    assert timeline.follow_up_from is None
    assert timeline.move_on_from == d(4, 14)  # max(14 Apr, 12 Mar + 14)
    assert timeline.suggestions == ()
    assert "ball is in their court" in timeline.status
    assert timeline.next_step == "your part is done; move on from Tue 14 Apr"


def test_example_4_a_reply_with_a_new_date_starts_the_cycle_again() -> None:
    interview = log_contact(
        example_3(), ContactKind.REPLY, d(3, 23), d(3, 23), decision_by=d(3, 27)
    )
    assert interview.decision_by == d(3, 27)
    timeline = build_timeline(interview, d(3, 23))
    # max(Sat 28 Mar, Mon 30 Mar)
    assert timeline.follow_up_from == d(3, 30)
    assert d(3, 30).weekday() == 0
    assert timeline.move_on_from == d(4, 14)
    assert timeline.phase == Phase.QUIET


# Rule 1: the thank-you note


@pytest.mark.parametrize("offset", [0, 1, 2, 3])
def test_rule_1_thank_you_is_suggested_from_t_to_t_plus_3(offset: int) -> None:
    timeline = build_timeline(make(), T + timedelta(days=offset))
    assert timeline.phase == Phase.THANK_YOU
    assert timeline.thank_you_by == d(3, 4)
    text = text_of(timeline, "thank_you")
    assert "Ana Ruiz and Ben Cho" in text
    assert "Acme" in text


def test_rule_1_best_by_the_day_after() -> None:
    text = text_of(build_timeline(make(), T), "thank_you")
    assert text == (
        "Send a short thank-you note to Ana Ruiz and Ben Cho at Acme, best by Wed 4 Mar: "
        "thank them, and mention something you talked about."
    )
    assert build_timeline(make(), T).next_step == "thank-you best by Wed 4 Mar"


def test_rule_1_after_the_best_day_it_is_still_kind_without_a_missed_date() -> None:
    timeline = build_timeline(make(), d(3, 5))
    text = text_of(timeline, "thank_you")
    assert "still kind until Fri 6 Mar" in text
    assert "Wed 4 Mar" not in text
    assert timeline.next_step == "thank-you still kind until Fri 6 Mar"


def test_rule_1_names_everyone_met_or_says_so() -> None:
    three = make(interviewers=("Ana", "Ben", "Cy"))
    assert "to Ana, Ben and Cy at Acme" in text_of(build_timeline(three, T), "thank_you")
    nobody = make(interviewers=())
    assert "to everyone you met at Acme" in text_of(build_timeline(nobody, T), "thank_you")


def test_rule_1_stops_after_t_plus_3_without_nagging() -> None:
    timeline = build_timeline(make(), d(3, 7))
    assert "thank_you" not in kinds(timeline)
    assert timeline.thank_you_by is None
    assert timeline.phase == Phase.QUIET


def test_rule_1_stops_once_a_thank_you_is_logged() -> None:
    interview = with_contacts(make(), (ContactKind.THANK_YOU, T))
    timeline = build_timeline(interview, T)
    assert "thank_you" not in kinds(timeline)
    assert timeline.phase == Phase.QUIET
    assert timeline.thank_you_by is None


def test_rule_1_not_before_the_interview() -> None:
    timeline = build_timeline(make(held_on=d(3, 5)), T)
    assert timeline.suggestions == ()
    assert timeline.phase == Phase.UPCOMING
    assert timeline.next_step == "interview on Thu 5 Mar"
    assert "The interview is on Thu 5 Mar" in timeline.status


def test_rule_1_wins_over_an_offer_made_on_the_day() -> None:
    interview = closed_as(make(), Outcome.OFFER_VERBAL, T)
    timeline = build_timeline(interview, T)
    assert timeline.phase == Phase.THANK_YOU
    assert {"thank_you", "decide"} <= set(kinds(timeline))


# Rule 2: the earliest polite follow-up, F


def test_rule_2_the_day_after_the_decision_date() -> None:
    timeline = build_timeline(make(decision_by=d(3, 9)), d(3, 7))  # Mon 9 Mar
    assert timeline.follow_up_from == d(3, 10)


def test_rule_2_two_weeks_when_no_date_was_given() -> None:
    assert build_timeline(make(), d(3, 7)).follow_up_from == T + timedelta(days=14)


def test_rule_2_a_week_after_the_last_contact() -> None:
    interview = with_contacts(make(decision_by=T), (ContactKind.THANK_YOU, d(3, 5)))
    assert build_timeline(interview, d(3, 6)).follow_up_from == d(3, 12)


@pytest.mark.parametrize(
    ("decision_by", "expected"),
    [(d(3, 13), d(3, 16)), (d(3, 14), d(3, 16)), (d(3, 15), d(3, 16)), (d(3, 16), d(3, 17))],
)
def test_rule_2_a_weekend_moves_to_monday(decision_by: date, expected: date) -> None:
    # Fri 13 -> Sat 14 -> Mon 16; Sat 14 -> Sun 15 -> Mon 16; Sun 15 -> Mon 16
    timeline = build_timeline(make(decision_by=decision_by), d(3, 7))
    assert timeline.follow_up_from == expected
    assert expected.weekday() < 5


def test_rule_2_a_week_from_a_weekend_contact_also_moves_to_monday() -> None:
    interview = with_contacts(make(decision_by=T), (ContactKind.THANK_YOU, d(3, 7)))  # Saturday
    assert build_timeline(interview, d(3, 8)).follow_up_from == d(3, 16)


@pytest.mark.parametrize("kind", [ContactKind.REFERENCES_NOTIFIED, ContactKind.FEEDBACK_REQUEST])
def test_rule_2_only_messages_with_the_employer_space_the_check_in(kind: ContactKind) -> None:
    interview = with_contacts(make(decision_by=T), (ContactKind.THANK_YOU, T), (kind, d(3, 6)))
    assert build_timeline(interview, d(3, 9)).follow_up_from == d(3, 10)


def test_rule_2_a_request_for_references_counts_as_their_message() -> None:
    interview = with_contacts(
        make(decision_by=T), (ContactKind.THANK_YOU, T), (ContactKind.REFERENCES_REQUESTED, d(3, 9))
    )
    assert build_timeline(interview, d(3, 10)).follow_up_from == d(3, 16)


def test_rule_2_follow_up_is_suggested_from_f_with_the_why() -> None:
    interview = with_contacts(make(decision_by=d(3, 12)), (ContactKind.THANK_YOU, T))
    before = build_timeline(interview, d(3, 12))
    assert before.phase == Phase.QUIET
    assert before.next_step == "polite check-in from Fri 13 Mar"
    assert "Nothing to do until Fri 13 Mar" in before.status
    timeline = build_timeline(interview, d(3, 13))
    assert timeline.phase == Phase.FOLLOW_UP
    assert text_of(timeline, "follow_up") == (
        "A polite check-in with Ana Ruiz or Ben Cho at Acme is welcome from Fri 13 Mar: "
        "the date they gave has passed. One short email is enough."
    )
    assert timeline.next_step == "polite check-in from Fri 13 Mar"


def test_rule_2_the_why_and_the_way_follow_the_facts() -> None:
    unknown = replace(make(), contact_pref="phone")
    text = text_of(build_timeline(unknown, d(3, 17)), "follow_up")
    assert "two weeks is a patient wait" in text
    assert "One short call is enough." in text
    spaced = with_contacts(make(decision_by=T), (ContactKind.THANK_YOU, d(3, 6)))
    assert "a week after the last message" in text_of(build_timeline(spaced, d(3, 13)), "follow_up")
    nobody = make(interviewers=())
    assert "with the team at Acme" in text_of(build_timeline(nobody, d(3, 17)), "follow_up")


def test_rule_2_no_check_in_while_the_thank_you_still_comes_first() -> None:
    timeline = build_timeline(make(decision_by=T), d(3, 4))
    assert timeline.follow_up_from == d(3, 4)
    assert timeline.phase == Phase.THANK_YOU
    assert "follow_up" not in kinds(timeline)


# Rule 3: one unanswered follow-up at most


def test_rule_3_an_unanswered_follow_up_stops_the_suggestions() -> None:
    interview = with_contacts(make(), (ContactKind.FOLLOW_UP, d(3, 18)))
    for today in (d(3, 18), d(3, 25), d(4, 20)):
        timeline = build_timeline(interview, today)
        assert timeline.follow_up_from is None
        assert "follow_up" not in kinds(timeline)
        assert timeline.unanswered_since == d(3, 18)


def test_rule_3_a_reply_on_the_same_day_answers_it() -> None:
    interview = with_contacts(
        make(), (ContactKind.FOLLOW_UP, d(3, 18)), (ContactKind.REPLY, d(3, 18))
    )
    timeline = build_timeline(interview, d(3, 19))
    assert timeline.unanswered_since is None
    assert timeline.follow_up_from == d(3, 25)


def test_rule_3_a_reply_before_the_follow_up_does_not_answer_it() -> None:
    interview = with_contacts(
        make(), (ContactKind.REPLY, d(3, 10)), (ContactKind.FOLLOW_UP, d(3, 18))
    )
    assert build_timeline(interview, d(3, 20)).unanswered_since == d(3, 18)


def test_rule_3_a_request_for_references_answers_it() -> None:
    interview = with_contacts(
        make(), (ContactKind.FOLLOW_UP, d(3, 18)), (ContactKind.REFERENCES_REQUESTED, d(3, 19))
    )
    assert build_timeline(interview, d(3, 20)).follow_up_from == d(3, 26)


def test_rule_3_only_the_latest_follow_up_counts() -> None:
    interview = with_contacts(
        make(),
        (ContactKind.FOLLOW_UP, d(3, 18)),
        (ContactKind.REPLY, d(3, 19)),
        (ContactKind.FOLLOW_UP, d(3, 30)),
    )
    timeline = build_timeline(interview, d(4, 1))
    assert timeline.unanswered_since == d(3, 30)
    assert timeline.move_on_from == d(4, 14)  # max(T + 42, 30 Mar + 14 = 13 Apr)


# Rule 4: move on mentally, M


def test_rule_4_six_weeks_after_the_interview() -> None:
    assert build_timeline(make(), d(3, 10)).move_on_from == T + timedelta(days=42)


def test_rule_4_two_weeks_after_a_late_unanswered_follow_up() -> None:
    interview = with_contacts(make(), (ContactKind.FOLLOW_UP, d(4, 10)))
    assert build_timeline(interview, d(4, 11)).move_on_from == d(4, 24)


def test_rule_4_two_weeks_after_a_late_f() -> None:
    interview = make(decision_by=d(4, 30))  # F = Fri 1 May
    timeline = build_timeline(interview, d(3, 10))
    assert timeline.follow_up_from == d(5, 1)
    assert timeline.move_on_from == d(5, 15)


def test_rule_4_from_m_the_ritual_is_offered_gently() -> None:
    interview = with_contacts(make(), (ContactKind.THANK_YOU, T))
    assert build_timeline(interview, d(4, 13)).phase == Phase.FOLLOW_UP
    timeline = build_timeline(interview, d(4, 14))
    assert timeline.phase == Phase.MOVE_ON
    assert kinds(timeline) == ["move_on"]
    assert text_of(timeline, "move_on") == (
        "From Tue 14 Apr, it is fine to move on from Acme: hiring often runs long; a short "
        "reflection sets it down, and a call would be a pleasant surprise."
    )
    assert timeline.next_step == "free to move on from Tue 14 Apr"


def test_rule_4_also_runs_while_waiting_to_hear_about_a_next_round() -> None:
    interview = closed_as(with_contacts(make(), (ContactKind.THANK_YOU, T)), Outcome.NEXT_ROUND, T)
    interview = replace(interview, fit=FitReflection(work=4))
    assert build_timeline(interview, d(3, 17)).phase == Phase.FOLLOW_UP
    assert build_timeline(interview, d(4, 14)).phase == Phase.MOVE_ON


# Rule 5: references


REFS = (Reference("Dana Lee", "former manager", id=1), Reference("Sam Ortiz", id=2))


def test_rule_5_after_a_final_round_each_reference_gets_a_heads_up() -> None:
    interview = make(final_round=True)
    timeline = build_timeline(interview, d(3, 5), REFS)
    assert text_of(timeline, "references") == (
        "Give Dana Lee and Sam Ortiz a short heads-up about the Platform engineer role at "
        "Acme: it was the final round, so they may call."
    )


def test_rule_5_only_those_not_yet_told() -> None:
    interview = make(final_round=True)
    interview = log_contact(interview, ContactKind.REFERENCES_NOTIFIED, T, T, references=[1])
    text = text_of(build_timeline(interview, d(3, 5), REFS), "references")
    assert "Give Sam Ortiz a short" in text
    assert "Dana" not in text
    everyone = log_contact(
        interview, ContactKind.REFERENCES_NOTIFIED, d(3, 4), d(3, 4), references=[2]
    )
    assert "references" not in kinds(build_timeline(everyone, d(3, 5), REFS))


def test_rule_5_when_they_ask_for_references() -> None:
    interview = with_contacts(make(), (ContactKind.REFERENCES_REQUESTED, d(3, 9)))
    assert "references" not in kinds(build_timeline(make(), d(3, 10), REFS))
    timeline = build_timeline(interview, d(3, 10), REFS)
    assert text_of(timeline, "references").endswith("Acme: they asked for references.")
    assert [s.due for s in timeline.suggestions if s.kind == "references"] == [d(3, 9)]


def test_rule_5_with_no_references_on_file_it_asks_once_in_general() -> None:
    interview = make(final_round=True)
    assert "Give your references a short heads-up" in text_of(
        build_timeline(interview, d(3, 5)), "references"
    )
    told = log_contact(interview, ContactKind.REFERENCES_NOTIFIED, d(3, 5), d(3, 5))
    assert "references" not in kinds(build_timeline(told, d(3, 5)))
    # a reference added later was not told
    assert "Give Dana Lee and Sam Ortiz" in text_of(
        build_timeline(told, d(3, 6), REFS), "references"
    )


def test_rule_5_ends_with_the_timeline_or_when_moving_on_is_offered() -> None:
    interview = make(final_round=True)
    assert "references" not in kinds(build_timeline(interview, d(4, 14), REFS))
    rejected = closed_as(interview, Outcome.REJECTED, d(3, 5))
    assert "references" not in kinds(build_timeline(rejected, d(3, 5), REFS))


# Rule 6: debrief


@pytest.mark.parametrize(("offset", "expected"), [(-1, False), (0, True), (1, True), (2, False)])
def test_rule_6_debrief_on_t_and_t_plus_1(offset: int, expected: bool) -> None:
    timeline = build_timeline(make(), T + timedelta(days=offset))
    assert ("debrief" in kinds(timeline)) is expected


def test_rule_6_not_once_debriefed_nor_when_closed() -> None:
    assert "debrief" not in kinds(build_timeline(make(debriefed_on=T), T))
    assert "debrief" not in kinds(build_timeline(closed_as(make(), Outcome.WITHDRAWN, T), T))
    text = text_of(build_timeline(make(), T), "debrief")
    assert text.startswith("While it is fresh, jot down how the Acme interview went")


def test_rule_6_reminds_kindly_to_ask_about_the_timeline() -> None:
    hint = debrief_hint(make())
    assert hint is not None
    assert "ask about the next steps and the timeline" in hint
    assert debrief_hint(make(decision_by=d(3, 10))) is None


# Rule 7: do I want this job?


def test_rule_7_a_next_round_asks_for_the_fit_reflection_first() -> None:
    interview = closed_as(make(), Outcome.NEXT_ROUND, d(3, 6))
    (decide,) = [s for s in build_timeline(interview, d(3, 6)).suggestions if s.kind == "decide"]
    assert decide.home
    assert "note how it felt while you remember" in decide.text


def test_rule_7_a_written_reflection_is_surfaced_on_the_interview() -> None:
    interview = closed_as(make(fit=FitReflection(work=4, commute=2)), Outcome.NEXT_ROUND, d(3, 6))
    (decide,) = [s for s in build_timeline(interview, d(3, 6)).suggestions if s.kind == "decide"]
    assert not decide.home
    assert decide.text == (
        "Before the next round at Acme, look back at how it felt (Work 4 · Commute 2)."
    )


def test_rule_7_a_verbal_offer_asks_for_it_in_writing() -> None:
    interview = closed_as(make(fit=FitReflection(pay=3)), Outcome.OFFER_VERBAL, d(3, 10))
    timeline = build_timeline(interview, d(3, 10))
    assert timeline.phase == Phase.DECIDE
    assert timeline.follow_up_from is None
    assert timeline.move_on_from is None
    assert text_of(timeline, "in_writing") == (
        "Acme made a verbal offer: ask kindly to have it in writing."
    )
    assert text_of(timeline, "decide") == (
        "Before you answer Acme's verbal offer, look back at how it felt (Pay 3)."
    )
    assert timeline.next_step == "verbal offer: ask for it in writing"


def test_rule_7_a_written_offer() -> None:
    interview = closed_as(make(), Outcome.OFFER_WRITTEN, d(3, 10))
    timeline = build_timeline(interview, d(3, 10))
    assert timeline.phase == Phase.DECIDE
    assert text_of(timeline, "decide") == (
        "Before you answer Acme's written offer, take stock of the work, the people, "
        "the manager, the commute and the pay."
    )
    noted = replace(interview, fit=FitReflection(note="Lovely team"))
    assert "look back at your notes on how it felt" in text_of(
        build_timeline(noted, d(3, 10)), "decide"
    )


# Rule 8: keep applying until accepted


def test_rule_8_only_an_accepted_offer_in_writing_lifts_the_applying_goal() -> None:
    assert not any_accepted([])
    written = closed_as(make(), Outcome.OFFER_WRITTEN, T)
    assert not any_accepted([written])
    assert not any_accepted([closed_as(make(), Outcome.OFFER_VERBAL, T)])
    assert any_accepted([make(), set_outcome(written, Outcome.ACCEPTED, T)])
    verbal = closed_as(make(), Outcome.OFFER_VERBAL, T)
    assert not any_accepted([set_outcome(verbal, Outcome.ACCEPTED, T)])


# Rule 9: feedback, once


def test_rule_9_after_a_rejection_ask_for_feedback_once() -> None:
    interview = closed_as(make(), Outcome.REJECTED, d(3, 20))
    timeline = build_timeline(interview, d(3, 20))
    assert timeline.phase == Phase.CLOSED
    assert kinds(timeline) == ["feedback"]
    assert text_of(timeline, "feedback") == (
        "If you would like to, ask Ana Ruiz or Ben Cho at Acme once for a little feedback; "
        "whatever comes back helps the next interview."
    )
    assert kinds(build_timeline(interview, d(3, 27))) == ["feedback"]
    assert kinds(build_timeline(interview, d(3, 28))) == []
    asked = log_contact(interview, ContactKind.FEEDBACK_REQUEST, d(3, 21), d(3, 21))
    assert kinds(build_timeline(asked, d(3, 21))) == []


# Rule 10: closed outcomes


@pytest.mark.parametrize(
    "outcome", [Outcome.ACCEPTED, Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.MOVED_ON]
)
def test_rule_10_a_closed_outcome_ends_the_timeline(outcome: Outcome) -> None:
    interview = closed_as(make(final_round=True), outcome, T)
    timeline = build_timeline(interview, T, REFS)
    assert timeline.phase == Phase.CLOSED
    assert timeline.follow_up_from is None
    assert timeline.move_on_from is None
    assert timeline.thank_you_by is None
    # an offer accepted with none logged in writing keeps the nudge to have it written
    assert set(kinds(timeline)) <= {"decide", "feedback", "in_writing"}


def test_closed_lines_say_what_and_when() -> None:
    moved = closed_as(make(), Outcome.MOVED_ON, d(4, 14))
    timeline = build_timeline(moved, d(4, 20))
    assert timeline.next_step == "moved on Tue 14 Apr"
    assert "reopen it" in timeline.status
    accepted = build_timeline(closed_as(make(), Outcome.ACCEPTED, d(3, 20)), d(3, 20))
    assert accepted.next_step == "accepted Fri 20 Mar"


# next_round: the next round logged as its own interview closes this one


def test_a_next_round_logged_closes_this_timeline() -> None:
    interview = closed_as(make(), Outcome.NEXT_ROUND, d(3, 6))
    linked = replace(interview, next_round_id=2)
    timeline = build_timeline(linked, d(3, 10))
    assert timeline.phase == Phase.CLOSED
    assert timeline.suggestions == ()
    assert timeline.next_step == "the next round is logged"
    assert not linked.is_open


# Phases


def test_every_phase_in_one_interviews_life() -> None:
    interview = make(decision_by=d(3, 13))
    assert build_timeline(interview, T).phase == Phase.THANK_YOU
    interview = with_contacts(interview, (ContactKind.THANK_YOU, d(3, 4)))
    assert build_timeline(interview, d(3, 5)).phase == Phase.QUIET
    assert build_timeline(interview, d(3, 16)).phase == Phase.FOLLOW_UP
    interview = with_contacts(interview, (ContactKind.FOLLOW_UP, d(3, 16)))
    assert build_timeline(interview, d(3, 17)).phase == Phase.QUIET
    assert build_timeline(interview, d(4, 14)).phase == Phase.MOVE_ON
    offered = set_outcome(interview, Outcome.OFFER_WRITTEN, d(4, 15))
    assert build_timeline(offered, d(4, 20)).phase == Phase.DECIDE
    accepted = set_outcome(offered, Outcome.ACCEPTED, d(4, 21))
    assert build_timeline(accepted, d(4, 21)).phase == Phase.CLOSED


def test_phase_words_are_the_contract() -> None:
    assert [p.value for p in Phase] == [
        "upcoming",
        "thank_you",
        "quiet",
        "follow_up",
        "move_on",
        "decide",
        "closed",
    ]
    assert Phase.FOLLOW_UP.word == "check-in"


# The milestone line of the detail view


def test_milestones_in_order_with_what_is_reached() -> None:
    interview = example_3()
    timeline = build_timeline(interview, d(3, 20))
    assert milestones(interview, timeline, d(3, 20)) == [
        Milestone("interview", T, True),
        Milestone("thank-you", d(3, 4), True),
        Milestone("decision", d(3, 6), True),
        Milestone("check-in", d(3, 12), True),
        Milestone("move on", d(4, 14), False),
    ]


def test_milestones_show_the_thank_you_best_by_and_the_outcome() -> None:
    fresh = make()
    line = milestones(fresh, build_timeline(fresh, T), T)
    assert [m.label for m in line] == ["interview", "thank-you", "check-in", "move on"]
    assert line[1] == Milestone("thank-you", d(3, 4), False)
    moved = closed_as(make(), Outcome.MOVED_ON, d(4, 15))
    line = milestones(moved, build_timeline(moved, d(4, 16)), d(4, 16))
    assert [m.label for m in line] == ["interview", "moved on"]


def test_helpers() -> None:
    assert names([]) == ""
    assert names(["A"]) == "A"
    assert names(["A", "B"], "or") == "A or B"
    assert next_weekday(d(3, 7)) == d(3, 9)
    assert next_weekday(d(3, 8)) == d(3, 9)
    assert next_weekday(d(3, 9)) == d(3, 9)
