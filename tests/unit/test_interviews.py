"""Interviews as data: checked input, the contact log, outcomes, moving on and reopening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from companion.domain.errors import FieldError
from companion.domain.fit import FitReflection, parse_fit, parse_score
from companion.domain.interviews import (
    ContactKind,
    Interview,
    Outcome,
    OutcomeChange,
    log_contact,
    move_on,
    new_interview,
    parse_contact_kind,
    parse_contact_pref,
    parse_interviewers,
    parse_outcome,
    previous_round_for,
    references_told,
    reopen,
    set_outcome,
)
from companion.domain.references import new_reference

T = date(2026, 3, 3)
TODAY = date(2026, 3, 10)


def acme(**changes: object) -> Interview:
    interview = new_interview(company="Acme", role="Engineer", held_on=T)
    return replace(interview, id=1, **changes)  # type: ignore[arg-type]


def test_a_new_interview_is_tidied() -> None:
    interview = new_interview(
        company="  Acme   Corp ",
        role="Data  analyst",
        held_on=T,
        round=" second ",
        interviewers=["Ana Ruiz, Ben Cho", " ", "Ana Ruiz"],
        decision_by=date(2026, 3, 6),
        contact_pref="Phone",
        notes="  Nice office  ",
        final_round=True,
    )
    assert interview.company == "Acme Corp"
    assert interview.role == "Data analyst"
    assert interview.round == "second"
    assert interview.interviewers == ("Ana Ruiz", "Ben Cho")
    assert interview.contact_pref == "phone"
    assert interview.notes == "Nice office"
    assert interview.outcome == Outcome.WAITING
    assert interview.is_open
    assert interview.title == "Acme Corp · Data analyst"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"company": "  "}, "company", "the company is empty"),
        ({"role": ""}, "role", "the role is empty"),
        ({"decision_by": date(2026, 3, 2)}, "decision-by", "before the interview (Tue 3 Mar)"),
        ({"contact_pref": "fax"}, "contact-pref", "use email or phone"),
    ],
)
def test_bad_input_names_the_field_and_what_it_accepts(
    changes: dict[str, object], field: str, words: str
) -> None:
    values: dict[str, object] = {"company": "Acme", "role": "Engineer", "held_on": T, **changes}
    with pytest.raises(FieldError) as caught:
        new_interview(**values)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert words in caught.value.message


def test_words_accept_dashes_or_underscores_and_list_the_choices() -> None:
    assert parse_outcome("next-round") == Outcome.NEXT_ROUND
    assert parse_outcome("OFFER_VERBAL") == Outcome.OFFER_VERBAL
    assert parse_contact_kind("thank-you") == ContactKind.THANK_YOU
    assert parse_contact_kind("references requested") == ContactKind.REFERENCES_REQUESTED
    with pytest.raises(FieldError) as caught:
        parse_outcome("ghosted")
    assert caught.value.field == "outcome"
    assert "'ghosted' is not an outcome" in caught.value.message
    assert "next-round" in caught.value.message and "moved-on" in caught.value.message
    with pytest.raises(FieldError) as caught:
        parse_contact_kind("")
    assert caught.value.field == "kind"
    assert "thank-you" in caught.value.message
    assert parse_contact_pref(" EMAIL ") == "email"
    assert parse_interviewers([]) == ()


def test_logging_a_contact_keeps_the_log_in_order() -> None:
    interview = log_contact(acme(), ContactKind.FOLLOW_UP, date(2026, 3, 9), TODAY, note=" hi ")
    interview = log_contact(interview, ContactKind.THANK_YOU, date(2026, 3, 4), TODAY)
    assert [c.kind for c in interview.contacts] == [ContactKind.THANK_YOU, ContactKind.FOLLOW_UP]
    assert interview.contacts[1].note == "hi"


def test_a_reply_brings_a_new_decision_date_and_keeps_it_on_record() -> None:
    interview = acme(decision_by=date(2026, 3, 6))
    replied = log_contact(interview, ContactKind.REPLY, TODAY, TODAY, decision_by=date(2026, 3, 20))
    assert replied.decision_by == date(2026, 3, 20)
    assert replied.contacts[-1].decision_by == date(2026, 3, 20)
    plain = log_contact(interview, ContactKind.REPLY, TODAY, TODAY)
    assert plain.decision_by == date(2026, 3, 6)


@pytest.mark.parametrize(
    ("kind", "on", "decision_by", "field", "words"),
    [
        (ContactKind.REPLY, date(2026, 3, 2), None, "on", "before the interview"),
        (ContactKind.REPLY, date(2026, 3, 11), None, "on", "has not come yet"),
        (ContactKind.THANK_YOU, TODAY, date(2026, 3, 20), "decision-by", "only a reply"),
        (ContactKind.REPLY, TODAY, date(2026, 3, 1), "decision-by", "before the interview"),
    ],
)
def test_a_contact_that_cannot_be_is_refused(
    kind: ContactKind, on: date, decision_by: date | None, field: str, words: str
) -> None:
    with pytest.raises(FieldError) as caught:
        log_contact(acme(), kind, on, TODAY, decision_by=decision_by)
    assert caught.value.field == field
    assert words in caught.value.message


def test_references_told_records_who_and_first_when() -> None:
    interview = log_contact(
        acme(), ContactKind.REFERENCES_NOTIFIED, TODAY, TODAY, references=[2, 2]
    )
    interview = log_contact(interview, ContactKind.REFERENCES_NOTIFIED, T, TODAY, references=[1, 2])
    assert interview.contacts[0].references == (1, 2)
    assert references_told(interview) == {1: T, 2: T}


def test_outcomes_keep_their_history() -> None:
    interview = set_outcome(acme(), Outcome.NEXT_ROUND, date(2026, 3, 5))
    assert set_outcome(interview, Outcome.NEXT_ROUND, TODAY) is interview
    interview = set_outcome(interview, Outcome.REJECTED, TODAY)
    assert interview.outcome == Outcome.REJECTED
    assert interview.outcome_on == TODAY
    assert not interview.is_open
    assert [c.outcome for c in interview.outcomes] == [Outcome.NEXT_ROUND, Outcome.REJECTED]


def test_moving_on_keeps_the_reflection_and_reopening_brings_it_back_whole() -> None:
    interview = log_contact(acme(round="first"), ContactKind.THANK_YOU, T, TODAY)
    interview = set_outcome(interview, Outcome.NEXT_ROUND, date(2026, 3, 5))
    moved = move_on(interview, "  Ask about the timeline.  ", date(2026, 4, 20))
    assert moved.outcome == Outcome.MOVED_ON
    assert moved.reflection == "Ask about the timeline."
    assert not moved.is_open
    back = reopen(moved, date(2026, 5, 1))
    assert back.outcome == Outcome.NEXT_ROUND
    assert back.is_open
    assert back.reflection == "Ask about the timeline."
    assert back.contacts == interview.contacts
    assert back.round == "first"
    assert reopen(back, date(2026, 5, 2)) is back
    assert move_on(back, "", date(2026, 5, 3)).reflection == "Ask about the timeline."


def test_reopening_with_no_open_outcome_before_means_waiting() -> None:
    rejected = replace(acme(), outcomes=(OutcomeChange(Outcome.REJECTED, TODAY),))
    assert reopen(rejected, TODAY).outcome == Outcome.WAITING


def test_the_next_round_is_found_by_company_and_role() -> None:
    first = set_outcome(acme(), Outcome.NEXT_ROUND, date(2026, 3, 5))
    second = new_interview(company="ACME", role="engineer", held_on=date(2026, 3, 12))
    assert previous_round_for(second, [first]) == first
    other_role = new_interview(company="Acme", role="Manager", held_on=date(2026, 3, 12))
    assert previous_round_for(other_role, [first]) is None
    earlier = new_interview(company="Acme", role="Engineer", held_on=date(2026, 3, 1))
    assert previous_round_for(earlier, [first]) is None
    assert previous_round_for(second, [acme()]) is None  # still waiting, not a next round
    assert previous_round_for(second, [replace(first, next_round_id=7)]) is None


def test_fit_scores_are_one_to_five_or_blank() -> None:
    fit = parse_fit({"work": "4", "pay": " ", "people": "5"}, note=" warm team ")
    assert fit == FitReflection(work=4, people=5, note="warm team")
    assert fit.brief() == "Work 4 · People 5"
    assert FitReflection().is_empty
    assert not FitReflection(note="x").is_empty
    for bad in ("0", "6", "four", "-1"):
        with pytest.raises(FieldError) as caught:
            parse_score(bad, "commute")
        assert caught.value.field == "commute"
        assert "use 1 (poor) to 5 (great)" in caught.value.message
    with pytest.raises(FieldError):
        parse_fit({"salary": "3"})


def test_a_reference_needs_a_name() -> None:
    reference = new_reference("  Dana  Lee ", "former  manager", " dana@example.com ")
    assert reference.line == "Dana Lee, former manager (dana@example.com)"
    with pytest.raises(FieldError) as caught:
        new_reference(" ")
    assert caught.value.field == "name"


@pytest.mark.parametrize("kept", ["Ana\nRuiz", "Ruiz, Ana", "  ANA  ruiz "])
def test_a_note_to_a_person_met_names_them_as_the_interview_keeps_them(kept: str) -> None:
    """A name kept with a line break or a comma (an import, an older version) is the same
    person when a note names them, whole or on one line."""
    interview = acme(interviewers=(kept, "Ben Ode"))
    for written in (kept, " ".join(kept.split())):
        thanked = log_contact(interview, ContactKind.THANK_YOU, T, TODAY, to=[written])
        assert thanked.contacts[-1].to == (kept,)
        assert thanked.not_yet_thanked() == ("Ben Ode",)
