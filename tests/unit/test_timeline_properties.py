"""Properties of the calm timeline over many generated interviews."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    CHECK_INS,
    CLOSED,
    FROM_EMPLOYER,
    OFFERS,
    OPEN_WAITING,
    SPACING,
    Contact,
    ContactKind,
    Interview,
    Offer,
    Outcome,
    OutcomeChange,
)
from companion.domain.references import Reference
from companion.domain.timeline import Phase, build_timeline, milestones

START = date(2025, 12, 1)
TODAY_OFFSETS = st.integers(min_value=-10, max_value=160)


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    held = START + timedelta(days=draw(st.integers(0, 120)))
    decision_by = draw(st.none() | st.integers(0, 60).map(lambda n: held + timedelta(days=n)))
    contacts = tuple(
        sorted(
            (
                Contact(kind, held + timedelta(days=offset), references=refs, to=to)
                for kind, offset, refs, to in draw(
                    st.lists(
                        st.tuples(
                            st.sampled_from(list(ContactKind)),
                            st.integers(-3, 90),
                            st.lists(st.integers(1, 3), max_size=3).map(tuple),
                            st.lists(st.sampled_from(["Ana", "Ben"]), max_size=2).map(tuple),
                        ),
                        max_size=6,
                    )
                )
            ),
            key=lambda c: c.on,
        )
    )
    outcomes = tuple(
        OutcomeChange(outcome, held + timedelta(days=offset))
        for outcome, offset in draw(
            st.lists(st.tuples(st.sampled_from(list(Outcome)), st.integers(0, 90)), max_size=3)
        )
    )
    return Interview(
        company="Acme",
        role="Engineer",
        held_on=held,
        interviewers=tuple(draw(st.lists(st.sampled_from(["Ana", "Ben", "Cy"]), max_size=3))),
        decision_by=decision_by,
        contact_pref=draw(st.sampled_from(["email", "phone"])),
        final_round=draw(st.booleans()),
        contacts=contacts,
        outcomes=outcomes,
        debriefed_on=draw(st.none() | st.just(held)),
        fit=draw(st.sampled_from([FitReflection(), FitReflection(work=3, note="ok")])),
        next_round_id=draw(st.none() | st.just(9)),
        added_on=draw(st.none() | st.integers(-10, 2).map(lambda n: held + timedelta(days=n))),
        offer=Offer(
            respond_by=draw(st.none() | st.integers(0, 90).map(lambda n: held + timedelta(days=n)))
        ),
        id=1,
    )


REFERENCES = (Reference("Dana", id=1), Reference("Sam", id=2))


def answers(interview: Interview) -> list[date]:
    """The employer's answers: replies, requests for references, and an invitation to
    a next round or an offer."""
    return [c.on for c in interview.contacts if c.kind in FROM_EMPLOYER] + [
        o.on for o in interview.outcomes if o.outcome in (Outcome.NEXT_ROUND, *OFFERS)
    ]


def spacing(interview: Interview) -> list[date]:
    return [c.on for c in interview.contacts if c.kind in SPACING] + answers(interview)


def unanswered(interview: Interview) -> date | None:
    follow_ups = [c.on for c in interview.contacts if c.kind in CHECK_INS]
    if not follow_ups:
        return None
    last = max(follow_ups)
    if any(on >= last for on in answers(interview)):
        return None
    return last


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS, st.booleans())
def test_f_respects_the_date_given_a_week_between_contacts_and_weekends(
    interview: Interview, offset: int, with_refs: bool
) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today, REFERENCES if with_refs else ())
    f = timeline.follow_up_from
    if f is None:
        return
    if interview.decision_by is not None:
        assert f >= interview.decision_by + timedelta(days=1)
    else:
        assert f >= interview.held_on + timedelta(days=14)
    for on in spacing(interview):
        assert f >= on + timedelta(days=7)
    assert f.weekday() < 5
    # never later than needed: the first weekday on or after the latest bound
    assert (f - timedelta(days=1)).weekday() >= 5 or f - timedelta(days=1) < max(
        [
            interview.decision_by + timedelta(days=1)
            if interview.decision_by
            else interview.held_on + timedelta(days=14),
            *(on + timedelta(days=7) for on in spacing(interview)),
        ]
    )


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_m_is_never_before_six_weeks_nor_two_weeks_after_the_anchor(
    interview: Interview, offset: int
) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today)
    m = timeline.move_on_from
    if m is None:
        assert timeline.phase in (Phase.CLOSED, Phase.DECIDE) or interview.outcome in OFFERS
        return
    assert m >= interview.held_on + timedelta(days=42)
    a = unanswered(interview)
    if a is not None:
        assert m >= a + timedelta(days=14)
        assert timeline.follow_up_from is None
    else:
        assert timeline.follow_up_from is not None
        assert m >= timeline.follow_up_from + timedelta(days=14)


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_no_follow_up_is_suggested_while_one_is_unanswered(
    interview: Interview, offset: int
) -> None:
    timeline = build_timeline(interview, interview.held_on + timedelta(days=offset))
    if unanswered(interview) is not None:
        assert "follow_up" not in [s.kind for s in timeline.suggestions]
        assert timeline.follow_up_from is None


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_a_closed_outcome_suggests_nothing_but_rules_7_and_9(
    interview: Interview, offset: int
) -> None:
    timeline = build_timeline(interview, interview.held_on + timedelta(days=offset), REFERENCES)
    if interview.outcome in CLOSED:
        assert timeline.phase == Phase.CLOSED
        allowed = {"decide", "feedback"}
        if interview.outcome == Outcome.ACCEPTED and not interview.offered_in_writing:
            allowed.add("in_writing")  # rule 8: an offer accepted only verbally
        assert {s.kind for s in timeline.suggestions} <= allowed
        assert timeline.follow_up_from is None
        assert timeline.move_on_from is None


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_the_thank_you_is_never_suggested_outside_t_to_t_plus_3(
    interview: Interview, offset: int
) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today)
    suggested = "thank_you" in [s.kind for s in timeline.suggestions]
    if suggested:
        assert interview.held_on <= today <= interview.held_on + timedelta(days=3)
        assert interview.not_yet_thanked()
        assert timeline.phase == Phase.THANK_YOU
        assert timeline.thank_you_by == interview.held_on + timedelta(days=1)
    else:
        assert timeline.thank_you_by is None


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_phases_and_suggestions_agree(interview: Interview, offset: int) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today, REFERENCES)
    kinds = [s.kind for s in timeline.suggestions]
    assert len(kinds) == len(set(kinds)), "one suggestion a rule"
    assert ("follow_up" in kinds) == (timeline.phase == Phase.FOLLOW_UP)
    assert ("move_on" in kinds) == (timeline.phase == Phase.MOVE_ON)
    if timeline.phase == Phase.MOVE_ON:
        assert interview.outcome in OPEN_WAITING
        assert timeline.move_on_from is not None and today >= timeline.move_on_from
    if timeline.phase == Phase.DECIDE:
        assert timeline.follow_up_from is None and timeline.move_on_from is None
    if timeline.phase == Phase.FOLLOW_UP:
        assert timeline.follow_up_from is not None and today >= timeline.follow_up_from


@settings(max_examples=400)
@given(interviews(), TODAY_OFFSETS)
def test_every_sentence_is_calm(interview: Interview, offset: int) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today, REFERENCES)
    sentences = [timeline.status, timeline.next_step, *(s.text for s in timeline.suggestions)]
    for sentence in sentences:
        lowered = sentence.lower()
        assert "!" not in sentence
        assert "overdue" not in lowered
        assert " days" not in lowered, "say when, not how long"
        assert "late" not in lowered.split()
    line = milestones(interview, timeline, today)
    assert [m.on for m in line] == sorted(m.on for m in line)
    assert all(m.reached == (m.on <= today) for m in line)


@settings(max_examples=200)
@given(interviews(), TODAY_OFFSETS)
def test_the_timeline_is_a_pure_function(interview: Interview, offset: int) -> None:
    today = interview.held_on + timedelta(days=offset)
    assert build_timeline(interview, today, REFERENCES) == build_timeline(
        interview, today, REFERENCES
    )


@settings(max_examples=400)
@given(interviews(), st.integers(min_value=-10, max_value=-1))
def test_before_the_interview_nothing_but_preparation(interview: Interview, offset: int) -> None:
    today = interview.held_on + timedelta(days=offset)
    timeline = build_timeline(interview, today, REFERENCES)
    if not interview.is_open:
        return
    assert timeline.phase == Phase.UPCOMING
    assert timeline.thank_you_by is None
    assert {s.kind for s in timeline.suggestions} <= {"prepare", "references"}
    if "prepare" in [s.kind for s in timeline.suggestions]:
        assert offset == -1
    if "references" in [s.kind for s in timeline.suggestions]:
        assert interview.references_requested_on or (interview.final_round and offset >= -2)
