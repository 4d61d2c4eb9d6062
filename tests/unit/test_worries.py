"""Worry time: parking a thought, the slot it waits for, the answers, and the look back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.errors import FieldError
from companion.domain.interviews import Interview, Outcome, set_outcome
from companion.domain.worries import (
    DEFAULT_SLOT,
    State,
    Thought,
    TurnedOut,
    did_something,
    doing_for,
    is_due,
    keep_for_tomorrow,
    leave_it_words,
    let_go,
    looked_back,
    next_slot,
    offer,
    park,
    parse_thought,
    same_key,
)
from companion.services import summary as summaries
from companion.services import worries as parking
from companion.store.errors import BadDatabaseFile
from companion.store.repository import Repository

MORNING = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
CHECKIN = time(17, 0)


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return MORNING.replace(hour=hour, minute=minute) + timedelta(days=days)


def parked(text: str = "Did Acme write back?", when: datetime = MORNING) -> Thought:
    return park([], text, when, CHECKIN)


def test_a_thought_is_one_line_of_the_users_words() -> None:
    assert parse_thought("  Did Acme\n write back?  ") == "Did Acme write back?"
    with pytest.raises(FieldError, match="empty"):
        parse_thought(" \n ")
    with pytest.raises(FieldError, match="under 500"):
        parse_thought("x" * 501)


def test_the_same_worry_is_the_same_words_whatever_the_case_and_punctuation() -> None:
    assert same_key("Did ACME write back?!") == same_key("did acme, write back")
    assert same_key("ﬁne") == same_key("FINE")  # NFKC: the ligature is the two letters
    assert same_key("Did Acme write back") != same_key("Did Acme call back")


def test_a_thought_parked_before_the_slot_waits_for_today_after_it_for_tomorrow() -> None:
    assert parked(when=at(9)).offer_on == date(2026, 3, 3)
    assert parked(when=at(16, 59)).offer_on == date(2026, 3, 3)
    assert parked(when=at(17)).offer_on == date(2026, 3, 4)
    assert parked(when=at(22)).offer_on == date(2026, 3, 4)
    assert next_slot(at(9), None).time() == DEFAULT_SLOT  # no check-in set: 17:00


def test_the_choice_says_until_when() -> None:
    assert leave_it_words(at(9), CHECKIN) == "Leave it until 17:00"
    assert leave_it_words(at(18), CHECKIN) == "Leave it until 17:00 tomorrow"
    assert leave_it_words(at(9), time(8, 15)) == "Leave it until 08:15 tomorrow"
    assert leave_it_words(at(9), None) == "Leave it until 17:00"


def test_the_same_worry_parked_again_counts_up_on_the_one_that_waits() -> None:
    first = Thought(text="Did Acme write back?", parked_at=at(9), offer_on=date(2026, 3, 3), id=1)
    again = park([first], "did acme write back", at(11), CHECKIN)
    assert again.id == 1 and again.times == 2 and again.last_parked_at == at(11)
    assert again.text == "Did Acme write back?"  # the words first written stay
    other = park([first], "Will Umbrella call?", at(11), CHECKIN)
    assert other.id is None and other.times == 1
    gone = park([let_go(first, date(2026, 3, 3))], "Did Acme write back?", at(11), CHECKIN)
    assert gone.id is None  # a thought let go is not waiting: this is a new one


def test_a_thought_is_not_offered_before_the_slot_and_is_offered_at_it() -> None:
    thought = parked()
    assert not offer([thought], at(16, 59), CHECKIN)
    assert not is_due(thought, at(16, 59), CHECKIN)
    shown = offer([thought], at(17), CHECKIN)
    assert shown.parked == (thought,) and len(shown) == 1
    assert offer([thought], at(23, 59), CHECKIN).parked == (thought,)


def test_a_missed_slot_waits_for_the_next_slot_not_the_next_morning() -> None:
    thought = parked()  # waited for 17:00 on the 3rd; the app was not opened that evening
    assert not offer([thought], at(8, days=1), CHECKIN)
    assert offer([thought], at(17, days=1), CHECKIN).parked == (thought,)


def test_each_answer_changes_the_thought_as_it_says() -> None:
    thought = parked()
    today = date(2026, 3, 3)
    kept = keep_for_tomorrow(thought, today)
    assert kept.state == State.WAITING and kept.offer_on == date(2026, 3, 4)
    assert not offer([kept], at(17, 30), CHECKIN)  # shown once today
    assert offer([kept], at(17, days=1), CHECKIN).parked == (kept,)
    gone = let_go(thought, today)
    assert gone.state == State.LET_GO and gone.answered_on == today
    assert not offer([gone], at(17, days=1), CHECKIN)
    done = did_something(thought, today)
    assert done.state == State.DONE and not offer([done], at(17, days=8), CHECKIN)


def test_how_did_it_turn_out_is_asked_once_a_week_after_letting_go() -> None:
    gone = let_go(parked(), date(2026, 3, 3))
    assert not offer([gone], at(17, days=6), CHECKIN)
    assert not offer([gone], at(16, days=7), CHECKIN)
    assert offer([gone], at(17, days=7), CHECKIN).looking_back == (gone,)
    answered = looked_back(gone, TurnedOut.BETTER)
    assert not offer([answered], at(17, days=8), CHECKIN)
    skipped = looked_back(gone, TurnedOut.SKIPPED)
    assert not offer([skipped], at(17, days=30), CHECKIN)
    assert not offer([did_something(parked(), date(2026, 3, 3))], at(17, days=7), CHECKIN)


def test_do_something_opens_the_open_interview_the_thought_names() -> None:
    acme = Interview("Acme", "Designer", date(2026, 2, 27), id=3)
    umbrella = Interview("Umbrella", "QA lead", date(2026, 2, 20), id=4)
    closed = set_outcome(Interview("Initech", "Developer", date(2026, 2, 1), id=5),
                         Outcome.REJECTED, date(2026, 2, 10))  # fmt: skip
    interviews = [acme, umbrella, closed]
    assert doing_for(parked("Did acme write back?"), interviews).target == "interview:3"
    assert doing_for(parked("Did acme write back?"), interviews).words == ("Open Acme · Designer")
    assert doing_for(parked("Acmeology is my thing"), interviews).target == "waiting"
    assert doing_for(parked("Initech might still call"), interviews).target == "waiting"
    both = parked("Acme or Umbrella, which first?")
    assert doing_for(both, interviews).target == "waiting"  # two named: the waiting room


def test_do_something_opens_the_draft_when_the_named_interview_asks_for_a_note() -> None:
    from companion.domain.drafts import DraftKind

    acme = Interview("Acme", "Designer", date(2026, 2, 27), id=3)
    umbrella = Interview("Umbrella", "QA lead", date(2026, 2, 20), id=4)
    asks = {3: DraftKind.CHECK_IN}
    doing = doing_for(parked("Did acme write back?"), [acme, umbrella], lambda i: asks.get(i.id))
    assert doing.target == "draft:3:check-in"
    assert doing.words == "Write the note for Acme · Designer: a polite check-in"
    quiet = doing_for(parked("Will Umbrella call?"), [acme, umbrella], lambda i: asks.get(i.id))
    assert quiet.target == "interview:4"  # nothing to write: the interview, as before
    both = doing_for(parked("Acme or Umbrella?"), [acme, umbrella], lambda i: asks.get(i.id))
    assert both.target == "waiting"


def test_parked_thoughts_are_kept_in_a_part_of_their_own(db_path: Path) -> None:
    clock = FrozenClock(MORNING)
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(checkin_time=CHECKIN)
        first = parking.park(repo, "Did Acme write back?")
        again = parking.park(repo, "did acme write back")
        parking.park(repo, "Will Umbrella call?")
        assert again.id == first.id and again.times == 2
    with Repository.open(db_path, clock, access="read") as repo:
        summaries.summary(repo)
        assert repo.db.loaded_parts() == []  # the summary never reads them
        thoughts = repo.worries.all()
        assert repo.db.loaded_parts() == ["worries"]
    assert [(t.text, t.times, t.state) for t in thoughts] == [
        ("Did Acme write back?", 2, State.WAITING),
        ("Will Umbrella call?", 1, State.WAITING),
    ]
    assert thoughts[0].parked_at == MORNING and thoughts[0].offer_on == date(2026, 3, 3)


def test_a_stored_answer_round_trips(db_path: Path) -> None:
    clock = FrozenClock(MORNING)
    with Repository.open(db_path, clock) as repo:
        thought = parking.park(repo, "Did Acme write back?")
        parking.answer(repo, thought, "let_go")
        parking.look_back(repo, repo.worries.all()[0], TurnedOut.AS_FEARED)
    with Repository.open(db_path, clock, access="read") as repo:
        (stored,) = repo.worries.all()
    assert stored.state == State.LET_GO and stored.turned_out == TurnedOut.AS_FEARED
    assert stored.answered_on == clock.today()


@pytest.mark.parametrize(
    ("field", "value"),
    [("state", "forgotten"), ("turned_out", "fine"), ("offer_on", "soon"), ("times", "2")],
)
def test_a_bad_stored_thought_is_refused_naming_table_id_and_field(
    db_path: Path, field: str, value: str
) -> None:
    clock = FrozenClock(MORNING)
    with Repository.open(db_path, clock) as repo:
        thought = parking.park(repo, "Did Acme write back?")
        assert thought.id is not None
        repo.db.update_one(repo.db.part("worries").table("worries"), thought.id, {field: value})
    files = sorted(p for p in db_path.parent.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    with Repository.open(db_path, clock) as repo, pytest.raises(BadDatabaseFile) as caught:
        repo.worries.all()
    message = str(caught.value)
    assert "document 1 of table 'worries'" in message and repr(field) in message
    assert {p: p.read_bytes() for p in files} == before  # a bad file is left as it is
