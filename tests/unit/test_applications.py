"""Applications: what the form and `companion apply` accept, and the store round trip."""

from __future__ import annotations

from datetime import date

import pytest

from companion.domain.applications import (
    STATUS_WORDS,
    Application,
    parse_application,
    parse_status,
    steady_pace,
    with_status,
)
from companion.domain.errors import FieldError
from companion.services import summary as summaries
from companion.store.repository import Repository

TODAY = date(2026, 3, 3)


def test_a_typed_application_is_tidied() -> None:
    app = parse_application(
        TODAY,
        company="  Acme   Corp ",
        role="Designer",
        applied_on="yesterday",
        source=" LinkedIn ",
        link="https://acme.example/jobs/1",
        notes="Referred by Sam",
    )
    assert app == Application(
        "Acme Corp",
        "Designer",
        date(2026, 3, 2),
        source="LinkedIn",
        link="https://acme.example/jobs/1",
        notes="Referred by Sam",
    )


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"company": " "}, "company", "this is needed"),
        ({"role": ""}, "role", "this is needed"),
        ({"applied_on": "someday"}, "applied on", "is not a date"),
        ({"applied_on": "tomorrow"}, "applied on", "Wed 4 Mar is still to come"),
        ({"link": "not a link"}, "link", "not a web address"),
        ({"status": "ghosted"}, "status", "heard back"),
        ({"company": "x" * 201}, "company", "keep it under 200"),
    ],
)
def test_bad_fields_name_themselves(fields: dict[str, str], field: str, words: str) -> None:
    typed = {"company": "Acme", "role": "Designer", **fields}
    with pytest.raises(FieldError) as caught:
        parse_application(TODAY, **typed)
    assert caught.value.field == field
    assert words in caught.value.message


def test_status_words_and_labels_are_both_understood() -> None:
    assert parse_status("heard back") == "heard_back"
    assert parse_status("Heard-Back") == "heard_back"
    assert parse_status("not this time") == "rejected"
    assert parse_status("rejected") == "rejected"
    assert {parse_status(word) for word in STATUS_WORDS} == set(STATUS_WORDS)


def test_a_new_status_remembers_the_day_it_changed() -> None:
    sent = Application("Acme", "Designer", date(2026, 2, 2), id=4)
    assert sent.changed_on == date(2026, 2, 2)
    heard = with_status(sent, "heard back", TODAY)
    assert (heard.status, heard.status_on, heard.id) == ("heard_back", TODAY, 4)
    assert with_status(heard, "heard_back", date(2026, 3, 9)) is heard
    edited = parse_application(
        date(2026, 3, 9), company="Acme", role="Lead", applied_on="2026-02-02",
        status="heard_back", previous=heard,
    )  # fmt: skip
    assert (edited.role, edited.status_on, edited.id) == ("Lead", TODAY, 4)
    moved = parse_application(
        date(2026, 3, 9), company="Acme", role="Lead", applied_on="2026-02-02",
        status="interviewing", previous=heard,
    )  # fmt: skip
    assert moved.status_on == date(2026, 3, 9)


def test_an_even_pace_counts_only_the_days_gone() -> None:
    week = [steady_pace(5, date(2026, 3, 2 + n)) for n in range(7)]
    assert week == [0, 0, 1, 2, 2, 3, 4]
    assert steady_pace(14, date(2026, 3, 3)) == 2


def test_applications_round_trip_through_the_store(repo: Repository) -> None:
    first = repo.applications.add(parse_application(TODAY, company="Acme", role="Designer"))
    second = repo.applications.add(
        parse_application(TODAY, company="Initech", role="Analyst", applied_on="2026-02-27")
    )
    assert (first.id, second.id) == (1, 2)
    assert [a.company for a in repo.applications.all()] == ["Acme", "Initech"]
    repo.applications.save(with_status(second, "interviewing", TODAY))
    assert repo.applications.get(2) == with_status(second, "interviewing", TODAY)
    assert repo.applications.delete(1)
    assert not repo.applications.delete(1)
    third = repo.applications.add(parse_application(TODAY, company="Globex", role="Lead"))
    assert third.id == 3  # ids are never handed out twice
    repo.flush()
    reopened = Repository.open(repo.path, repo.clock, access="read")
    try:
        assert [a.company for a in reopened.applications.all()] == ["Globex", "Initech"]
        assert summaries.summary(reopened).applied_this_week == 1
    finally:
        reopened.close()


def test_saving_needs_an_id(repo: Repository) -> None:
    with pytest.raises(ValueError):
        repo.applications.save(Application("Acme", "Designer", TODAY))
