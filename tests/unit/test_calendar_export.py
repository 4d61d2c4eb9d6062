"""The calendar: the kind dates of etiquette.md's worked examples, parsed back with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from companion.clock import FrozenClock
from companion.domain.interviews import (
    ContactKind,
    Outcome,
    log_contact,
    new_interview,
    set_outcome,
)
from companion.domain.kind_dates import kind_dates, thank_you_best_by
from companion.exports import render
from companion.store.repository import Repository

T = date(2026, 3, 3)  # a Tuesday, as in etiquette.md


def _d(month: int, day: int) -> date:
    return date(2026, month, day)


def _at(clock: FrozenClock, day: date) -> None:
    clock.at = datetime.combine(day, time(9, 30), tzinfo=clock.at.tzinfo)


def _events(repo: Repository) -> dict[str, Event]:
    calendar = Calendar.from_ical(render(repo, "ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//companion//")
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _dates(events: dict[str, Event]) -> dict[str, date]:
    found = {}
    for uid, event in events.items():
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            continue
        assert event.decoded("DTEND") == start + timedelta(days=1)  # all day
        assert event.get("DTSTART").params["VALUE"] == "DATE"
        found[uid] = start
    return found


def _log(
    repo: Repository, clock: FrozenClock, kind: ContactKind, on: date, **extra: object
) -> None:
    interview = repo.interviews.require(1)
    repo.interviews.save(log_contact(interview, kind, on, clock.today(), **extra))  # type: ignore[arg-type]


THANK, CHECK, MOVE = (f"interview-1-{k}@companion" for k in ("thank-you", "follow-up", "move-on"))


def test_the_worked_examples_day_by_day_with_stable_uids(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(company="Acme", role="Engineer", held_on=T, interviewers=["Ana Ruiz"])
        )
        # 1. nothing logged, today T
        events = _events(repo)
        assert _dates(events) == {THANK: _d(3, 4), CHECK: _d(3, 17), MOVE: _d(4, 14)}
        thanks = events[THANK]
        assert str(thanks["SUMMARY"]) == "Thank-you note to Acme"
        assert "Send a short thank-you note to Ana Ruiz at Acme, best by Wed 4 Mar" in str(
            thanks["DESCRIPTION"]
        )
        assert "two weeks is a patient wait" in str(events[CHECK]["DESCRIPTION"])
        assert "hiring often runs long" in str(events[MOVE]["DESCRIPTION"])
        assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in events.values())

        # 2. a thank-you on 03-04, decision by Fri 03-06: F = Wed 03-11, M stays
        _at(clock, _d(3, 4))
        _log(repo, clock, ContactKind.THANK_YOU, _d(3, 4))
        interview = repo.interviews.require(1)
        repo.interviews.save(replace(interview, decision_by=_d(3, 6)))
        assert _dates(_events(repo)) == {CHECK: _d(3, 11), MOVE: _d(4, 14)}

        # 3. a check-in on 03-12, no reply, today 03-20: no F; M = 04-14
        _at(clock, _d(3, 20))
        _log(repo, clock, ContactKind.FOLLOW_UP, _d(3, 12))
        assert _dates(_events(repo)) == {MOVE: _d(4, 14)}

        # 4. a reply on 03-23 with a new decision date 03-27: F = Mon 03-30
        _at(clock, _d(3, 23))
        _log(repo, clock, ContactKind.REPLY, _d(3, 23), decision_by=_d(3, 27))
        events = _events(repo)
        assert _dates(events) == {CHECK: _d(3, 30), MOVE: _d(4, 14)}
        assert "Mon 30 Mar" in str(events[CHECK]["DESCRIPTION"])


def test_uids_and_events_are_the_same_across_two_exports(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(new_interview(company="Acme", role="Engineer", held_on=T))
        repo.interviews.add(new_interview(company="Globex", role="Analyst", held_on=_d(2, 20)))
        first = _events(repo)
        second = _events(repo)
    assert list(first) == list(second)
    assert len(first) == 5  # Acme: three dates; Globex: check-in and move on
    for uid in first:
        assert first[uid].to_ical() == second[uid].to_ical()
    assert len({str(e["UID"]) for e in first.values()}) == len(first)


def test_only_open_interviews_give_dates(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        for company, outcome in (
            ("Open", None),
            ("Rejected", Outcome.REJECTED),
            ("Moved", Outcome.MOVED_ON),
            ("Offer", Outcome.OFFER_WRITTEN),
        ):
            interview = new_interview(company=company, role="R", held_on=_d(2, 26))
            if outcome is not None:
                interview = set_outcome(interview, outcome, T)
            repo.interviews.add(interview)
        summaries = sorted(str(e["SUMMARY"]) for e in _events(repo).values())
    assert summaries == [
        "A polite check-in with Open is welcome",
        "Free to move on from Open",
    ]


def test_the_thank_you_date_is_there_until_the_note_stops_being_kind() -> None:
    held = new_interview(company="Acme", role="R", held_on=T)
    assert thank_you_best_by(held, T - timedelta(days=5)) == _d(3, 4)  # an interview ahead
    assert thank_you_best_by(held, _d(3, 6)) == _d(3, 4)  # T + 3: still kind
    assert thank_you_best_by(held, _d(3, 7)) is None  # then never again
    thanked = log_contact(held, ContactKind.THANK_YOU, T, T)
    assert thank_you_best_by(thanked, T) is None


def test_dates_are_ordered_by_day_then_interview() -> None:
    a = new_interview(company="A", role="R", held_on=T)
    b = new_interview(company="B", role="R", held_on=_d(2, 2))
    found = kind_dates([replace(a, id=1), replace(b, id=2)], T)
    assert [(d.interview_id, d.kind, d.on) for d in found] == [
        (2, "follow_up", _d(2, 16)),  # welcome since then: the date stays where it fell
        (1, "thank_you", _d(3, 4)),
        (2, "move_on", _d(3, 16)),
        (1, "follow_up", _d(3, 17)),
        (1, "move_on", _d(4, 14)),
    ]


@pytest.mark.parametrize("slot", [time(17, 0), time(8, 30)])
def test_the_inbox_check_recurs_daily_at_its_time(
    db_path: Path, clock: FrozenClock, slot: time
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(checkin_time=slot)
        events = _events(repo)
    check = events["inbox-check@companion"]
    start = check.decoded("DTSTART")
    assert start == datetime.combine(T, slot)
    assert start.tzinfo is None  # floating: the same hour every day, whatever the zone
    assert check.decoded("DURATION") == timedelta(minutes=15)
    assert dict(check["RRULE"]) == {"FREQ": ["DAILY"]}
    assert str(check["SUMMARY"]) == "Inbox check"


def test_no_inbox_check_without_a_time(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock, access="read") as repo:
        calendar = Calendar.from_ical(render(repo, "ics"))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == "companion: kind dates"


def test_user_text_cannot_break_the_calendar(db_path: Path, clock: FrozenClock) -> None:
    tricky = "Acme; Inc,\nEND:VEVENT\\n"
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(new_interview(company=tricky, role="R", held_on=T))
        events = _events(repo)
    assert len(events) == 3
    assert str(events[THANK]["SUMMARY"]) == "Thank-you note to Acme; Inc, END:VEVENT\\n"
