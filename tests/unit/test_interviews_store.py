"""Interviews and references on disk: round trips, stable ids, links, schema checks, summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.clock import FrozenClock
from companion.domain.errors import FieldError
from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    Contact,
    ContactKind,
    Interview,
    Outcome,
    OutcomeChange,
    new_interview,
    set_outcome,
)
from companion.domain.references import Reference
from companion.services import summary as summaries
from companion.store.errors import BadDatabaseFile
from companion.store.interviews_store import interview_from_doc, interview_to_doc
from companion.store.repository import Repository

T = date(2026, 3, 3)


def full_interview() -> Interview:
    return Interview(
        company="Acme [bold]",
        role="Engineer",
        held_on=T,
        round="final",
        interviewers=("Ana Ruiz", "Ben Cho"),
        decision_by=date(2026, 3, 6),
        contact_pref="phone",
        notes="Line one\nline two",
        final_round=True,
        contacts=(
            Contact(ContactKind.THANK_YOU, date(2026, 3, 4), note="sent"),
            Contact(ContactKind.REPLY, date(2026, 3, 5), decision_by=date(2026, 3, 9)),
            Contact(ContactKind.REFERENCES_NOTIFIED, date(2026, 3, 5), references=(1, 2)),
        ),
        outcomes=(OutcomeChange(Outcome.NEXT_ROUND, date(2026, 3, 5)),),
        debriefed_on=T,
        fit=FitReflection(work=4, pay=2, note="far"),
        reflection="learned",
        previous_round_id=1,
        next_round_id=None,
    )


def test_an_interview_survives_a_round_trip_through_the_file(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for name in ("Ana Ruiz", "Ben Cho"):  # the references its contact told
            repo.references.add(Reference(name=name))
        first, _ = repo.interviews.add(Interview(company="Earlier", role="Engineer", held_on=T))
        added, previous = repo.interviews.add(full_interview())
    assert previous is None
    assert added.id == 2
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.interviews.all() == [first, added]
        assert repo.interviews.get(2) == added
        assert repo.interviews.get(3) is None


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(min_size=1, max_size=30),
    st.lists(st.text(max_size=12), max_size=4),
    st.none() | st.dates(),
    st.lists(st.tuples(st.sampled_from(list(ContactKind)), st.dates()), max_size=4),
    st.lists(st.tuples(st.sampled_from(list(Outcome)), st.dates()), max_size=3),
    st.fixed_dictionaries({}, optional={"work": st.integers(1, 5), "pay": st.integers(1, 5)}),
)
def test_documents_round_trip(
    company: str,
    interviewers: list[str],
    decision_by: date | None,
    contacts: list[tuple[ContactKind, date]],
    outcomes: list[tuple[Outcome, date]],
    scores: dict[str, int],
) -> None:
    interview = Interview(
        company=company,
        role="r",
        held_on=T,
        interviewers=tuple(interviewers),
        decision_by=decision_by,
        contacts=tuple(Contact(kind, on) for kind, on in contacts),
        outcomes=tuple(OutcomeChange(o, on) for o, on in outcomes),
        fit=FitReflection(**scores),
        id=5,
    )
    doc = orjson.loads(orjson.dumps(interview_to_doc(interview)))
    assert interview_from_doc(doc, 5) == interview


def test_ids_are_stable_and_changes_are_saved(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        first, _ = repo.interviews.add(new_interview(company="A", role="r", held_on=T))
        second, _ = repo.interviews.add(new_interview(company="B", role="r", held_on=T))
        repo.interviews.save(set_outcome(first, Outcome.REJECTED, T))
    with Repository.open(db_path, clock, access="read") as repo:
        assert [i.id for i in repo.interviews.all()] == [1, 2]
        assert repo.interviews.require(1).outcome == Outcome.REJECTED
        assert repo.interviews.require(2) == second


def test_an_unknown_id_is_a_field_error(repo: Repository) -> None:
    with pytest.raises(FieldError) as caught:
        repo.interviews.require(42)
    assert caught.value.field == "id"
    assert "there is no interview 42" in caught.value.message
    with pytest.raises(FieldError):
        repo.references.require(1)


def test_adding_the_next_round_links_and_closes_the_first(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        first, _ = repo.interviews.add(new_interview(company="Acme", role="Eng", held_on=T))
        repo.interviews.save(set_outcome(first, Outcome.NEXT_ROUND, date(2026, 3, 5)))
        second, previous = repo.interviews.add(
            new_interview(company="acme", role="eng", held_on=date(2026, 3, 12), round="second")
        )
    assert previous is not None and previous.id == first.id
    assert second.previous_round_id == first.id
    with Repository.open(db_path, clock, access="read") as repo:
        stored_first = repo.interviews.require(1)
        assert stored_first.next_round_id == 2
        assert not stored_first.is_open
        assert stored_first.outcome == Outcome.NEXT_ROUND
        assert repo.interviews.require(2).previous_round_id == 1


def test_references_round_trip_and_removal(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        dana = repo.references.add(Reference("Dana", "manager", "dana@x"))
        sam = repo.references.add(Reference("Sam"))
        repo.references.save(replace(sam, reach="555"))
        repo.references.remove(dana.id or 0)
        third = repo.references.add(Reference("Lee"))
    assert third.id == 3, "ids are never reused"
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.references.all() == [Reference("Sam", "", "555", id=2), third]
        assert repo.references.require(2).reach == "555"


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"company": "A", "role": "r"}, "has no 'held_on' field"),
        ({"company": "A", "role": "r", "held_on": "3 March"}, "'held_on' = '3 March'"),
        (
            {
                "company": "A",
                "role": "r",
                "held_on": "2026-03-03",
                "outcomes": [{"outcome": "maybe", "on": "2026-03-03"}],
            },
            "'outcomes[0].outcome' = 'maybe', where companion expects one of waiting",
        ),
        (
            {"company": "A", "role": "r", "held_on": "2026-03-03", "contacts": [{"kind": "reply"}]},
            "has no 'contacts[0].on' field",
        ),
        (
            {"company": "A", "role": "r", "held_on": "2026-03-03", "contacts": ["reply"]},
            "'contacts[0]' = 'reply', where companion expects an object",
        ),
        (
            {"company": "A", "role": "r", "held_on": "2026-03-03", "fit": {"work": "4"}},
            "'fit.work' = '4'",
        ),
    ],
)
def test_a_malformed_interview_makes_the_file_bad_and_untouched(
    db_path: Path, clock: FrozenClock, doc: dict[str, object], words: str
) -> None:
    db_path.parent.mkdir(parents=True)
    blob = orjson.dumps(
        {"meta": {"1": {"schema_version": 1, "next_ids": {}}}, "interviews": {"1": doc}}
    )
    db_path.write_bytes(blob)
    with pytest.raises(BadDatabaseFile) as caught:
        Repository.open(db_path, clock)
    assert words in str(caught.value)
    assert db_path.read_bytes() == blob


def test_a_minimal_document_loads_with_defaults(db_path: Path, clock: FrozenClock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(
        orjson.dumps(
            {
                "meta": {"1": {"schema_version": 1, "next_ids": {"interviews": 2}}},
                "interviews": {"1": {"company": "A", "role": "r", "held_on": "2026-03-03"}},
            }
        )
    )
    with Repository.open(db_path, clock, access="read") as repo:
        (interview,) = repo.interviews.all()
    assert interview == Interview(company="A", role="r", held_on=T, id=1)


def test_the_summary_gathers_the_timelines(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(company="Acme", role="Eng", held_on=T, interviewers=["Ana"])
        )
        rejected, _ = repo.interviews.add(
            new_interview(company="Globex", role="Eng", held_on=date(2026, 2, 2))
        )
        repo.interviews.save(set_outcome(rejected, Outcome.REJECTED, date(2026, 3, 2)))
        summary = summaries.summary(repo)
    assert [a.kind for a in summary.actions] == ["thank_you", "debrief", "feedback"]
    assert summary.actions[0].target == "draft:1:thank_you"
    assert [w.interview.company for w in summary.waiting] == ["Acme"]
    assert summary.message == "3 things are worth doing today."


@settings(max_examples=200, deadline=None)
@given(
    outcomes=st.lists(st.sampled_from(list(Outcome)), max_size=3),
    next_round=st.one_of(st.none(), st.integers(1, 9)),
)
def test_open_ones_are_exactly_the_open_interviews(
    outcomes: list[Outcome], next_round: int | None
) -> None:
    from companion.domain.interviews import Interview, OutcomeChange
    from companion.store.interviews_store import _may_be_open

    interview = Interview(
        "Acme",
        "Designer",
        date(2026, 3, 3),
        outcomes=tuple(OutcomeChange(o, date(2026, 3, 4)) for o in outcomes),
        next_round_id=next_round,
    )
    doc = orjson.loads(orjson.dumps(interview_to_doc(interview)))
    assert _may_be_open(doc) == interview_from_doc(doc, 1).is_open


def test_the_open_ones_and_the_count(db_path: Path, clock: FrozenClock) -> None:
    from companion.domain.interviews import Interview, OutcomeChange

    with Repository.open(db_path, clock) as repo:
        for outcome in (Outcome.WAITING, Outcome.REJECTED, Outcome.NEXT_ROUND):
            change = OutcomeChange(outcome, date(2026, 3, 2))
            repo.interviews.add(
                Interview("Acme", outcome.value, date(2026, 3, 1), outcomes=(change,))
            )
        assert repo.interviews.count() == 3
        assert [i.role for i in repo.interviews.open_ones()] == ["waiting", "next_round"]
        assert [i for i in repo.interviews.all() if i.is_open] == repo.interviews.open_ones()


def test_the_companies_are_every_interviews_by_id(db_path: Path, clock: FrozenClock) -> None:
    from companion.domain.interviews import Interview

    with Repository.open(db_path, clock) as repo:
        for company in ("Acme", "[b]Globex[/b]"):
            repo.interviews.add(Interview(company, "Designer", date(2026, 3, 1)))
        assert repo.interviews.companies() == {i.id: i.company for i in repo.interviews.all()}


def test_the_next_interview_is_read_from_the_open_ones(db_path: Path, clock: FrozenClock) -> None:
    from companion.domain.interviews import Interview, OutcomeChange
    from companion.domain.prep import soonest_upcoming
    from companion.services import practice
    from tests import seed_interviews

    seed_interviews.seed(db_path, clock, seed_interviews.every_phase())
    closed = OutcomeChange(Outcome.WITHDRAWN, date(2026, 3, 2))
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(Interview("Soonest", "Closed", date(2026, 3, 4), outcomes=(closed,)))
        repo.interviews.add(Interview("Next", "Open", date(2026, 3, 5)))
        coming = practice.next_interview(repo)
        assert coming is not None and coming.company == "Next"
        assert coming == soonest_upcoming(repo.interviews.all(), clock.today())
