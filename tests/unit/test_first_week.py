"""The first week, honest (issue 14): rule 0, a thank-you per person, offers to the end
(rules 8, 11 and 12), public holidays, and etiquette.md's worked examples for them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from companion.domain.days_off import (
    NO_HOLIDAYS,
    next_working_day,
    parse_place,
    place_text,
    public_holidays,
)
from companion.domain.errors import FieldError
from companion.domain.interviews import (
    ContactKind,
    Interview,
    Offer,
    Outcome,
    any_accepted,
    check_outcome_on,
    log_contact,
    parse_offer,
    set_outcome,
)
from companion.domain.kind_dates import kind_dates
from companion.domain.references import Reference
from companion.domain.timeline import Phase, Timeline, build_timeline, elsewhere_of
from companion.domain.waiting import interview_actions, recent_replies, waiting_room

T = date(2026, 3, 3)  # Tuesday, as in etiquette.md's worked examples


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def make(**changes: object) -> Interview:
    base = Interview(company="Acme", role="Platform engineer", held_on=T, id=1)
    return replace(base, **changes)  # type: ignore[arg-type]


def kinds(timeline: Timeline) -> list[str]:
    return [s.kind for s in timeline.suggestions]


def text_of(timeline: Timeline, kind: str) -> str:
    (found,) = [s.text for s in timeline.suggestions if s.kind == kind]
    return found


# Rule 0 and phase `upcoming`: etiquette.md's fifth worked example.


def test_example_5_the_interview_seen_before_it_is_upcoming_with_nothing_to_do() -> None:
    timeline = build_timeline(make(), d(3, 1))
    assert timeline.phase == Phase.UPCOMING
    assert timeline.phase.word == "coming up"
    assert timeline.suggestions == ()
    assert timeline.thank_you_by is None
    assert timeline.next_step == "interview on Tue 3 Mar"
    assert "held" not in timeline.status and "waiting" not in timeline.status.lower()


def test_example_5_the_day_before_brings_one_prep_suggestion() -> None:
    timeline = build_timeline(make(), d(3, 2))
    assert timeline.phase == Phase.UPCOMING
    assert kinds(timeline) == ["prepare"]
    assert text_of(timeline, "prepare") == (
        "Your Acme interview is on Tue 3 Mar: practise a few questions for the Platform "
        "engineer role out loud, and plan to ask them about the next steps and when they "
        "expect to decide."
    )


def test_upcoming_wins_over_every_phase_even_an_offer() -> None:
    offered = set_outcome(make(held_on=d(3, 10)), Outcome.OFFER_VERBAL, T)
    assert build_timeline(offered, T).phase == Phase.UPCOMING


def test_on_the_day_the_prep_stays_for_an_interview_logged_ahead_until_something_is_logged() -> (
    None
):
    ahead = make(added_on=d(2, 27))
    assert "prepare" in kinds(build_timeline(ahead, T))
    assert "today" in text_of(build_timeline(ahead, T), "prepare")
    thanked = log_contact(ahead, ContactKind.THANK_YOU, T, T)
    assert "prepare" not in kinds(build_timeline(thanked, T))
    assert "prepare" not in kinds(build_timeline(replace(ahead, debriefed_on=T), T))
    # logged on the day: most likely after it was held
    assert "prepare" not in kinds(build_timeline(make(added_on=T), T))
    assert "prepare" not in kinds(build_timeline(ahead, d(3, 4)))


def test_a_final_round_allows_a_references_heads_up_from_two_days_before() -> None:
    final = make(final_round=True)
    references = (Reference("Dana", id=1),)
    assert kinds(build_timeline(final, d(2, 28), references)) == []
    on_t_minus_2 = build_timeline(final, d(3, 1), references)
    assert kinds(on_t_minus_2) == ["references"]
    assert "the final round is on Tue 3 Mar, so they may call" in text_of(
        on_t_minus_2, "references"
    )
    assert kinds(build_timeline(make(), d(3, 1), references)) == []


def test_a_request_for_references_before_the_interview_brings_the_heads_up() -> None:
    asked = log_contact(make(), ContactKind.REFERENCES_REQUESTED, d(2, 25), d(2, 25))
    timeline = build_timeline(asked, d(2, 25), (Reference("Dana", id=1),))
    assert timeline.phase == Phase.UPCOMING
    assert kinds(timeline) == ["references"]
    assert "they asked for references" in text_of(timeline, "references")


def test_a_references_heads_up_may_be_logged_before_the_interview() -> None:
    final = make(final_round=True)
    told = log_contact(final, ContactKind.REFERENCES_NOTIFIED, d(3, 1), d(3, 1), references=[1])
    assert told.contacts[0].on == d(3, 1)
    assert kinds(build_timeline(told, d(3, 2), (Reference("Dana", id=1),))) == ["prepare"]


@pytest.mark.parametrize(
    "kind",
    [
        ContactKind.THANK_YOU,
        ContactKind.FOLLOW_UP,
        ContactKind.REPLY,
        ContactKind.FEEDBACK_REQUEST,
    ],
)
def test_nothing_else_is_logged_before_the_interview(kind: ContactKind) -> None:
    with pytest.raises(FieldError) as caught:
        log_contact(make(), kind, d(3, 1), d(3, 1))
    assert "before the interview" in caught.value.message


# Rule 1, per person: etiquette.md's worked example with Ana and Ben.


def test_example_5_a_thank_you_to_ana_leaves_ben_named_the_next_day() -> None:
    met = make(interviewers=("Ana", "Ben"))
    thanked = log_contact(met, ContactKind.THANK_YOU, T, T, to=["ana"])
    assert thanked.contacts[0].to == ("Ana",)
    timeline = build_timeline(thanked, d(3, 4))
    assert timeline.phase == Phase.THANK_YOU
    assert text_of(timeline, "thank_you").startswith(
        "Send a short thank-you note to Ben at Acme, best by Wed 4 Mar"
    )
    both = log_contact(thanked, ContactKind.THANK_YOU, d(3, 4), d(3, 4), to=["Ben"])
    assert "thank_you" not in kinds(build_timeline(both, d(3, 4)))


def test_a_thank_you_to_no_one_in_particular_or_to_everyone_thanks_everyone() -> None:
    met = make(interviewers=("Ana", "Ben"))
    assert log_contact(met, ContactKind.THANK_YOU, T, T).not_yet_thanked() == ()
    everyone = log_contact(met, ContactKind.THANK_YOU, T, T, to=["Ana", "Ben"])
    assert everyone.contacts[0].to == ()
    assert everyone.not_yet_thanked() == ()


def test_a_note_names_only_people_met_and_only_a_note_sent_names_them() -> None:
    met = make(interviewers=("Ana", "Ben"))
    with pytest.raises(FieldError) as caught:
        log_contact(met, ContactKind.THANK_YOU, T, T, to=["Cy"])
    assert caught.value.field == "to" and "Ana, Ben" in caught.value.message
    with pytest.raises(FieldError):
        log_contact(met, ContactKind.REPLY, d(3, 20), d(3, 20), to=["Ana"])
    check_in = log_contact(met, ContactKind.FOLLOW_UP, d(3, 20), d(3, 20), to=["ana", "Ben"])
    assert check_in.contacts[-1].to == ("Ana", "Ben"), "only a thank-you to all is to everyone"
    with pytest.raises(FieldError) as nobody:
        log_contact(make(), ContactKind.THANK_YOU, T, T, to=["Ana"])
    assert "no one is noted as met" in nobody.value.message


def test_the_calendar_keeps_the_thank_you_date_while_someone_is_not_thanked() -> None:
    met = make(interviewers=("Ana", "Ben"))
    half = log_contact(met, ContactKind.THANK_YOU, T, T, to=["Ana"])
    assert next(k.kind for k in kind_dates([half], T)) == "thank_you"
    done = log_contact(half, ContactKind.THANK_YOU, T, T, to=["Ben"])
    assert "thank_you" not in [k.kind for k in kind_dates([done], T)]


# Public holidays: etiquette.md's last worked example.


def test_example_6_christmas_in_gb_moves_the_check_in_to_the_29th() -> None:
    friday = make(held_on=d(12, 11))
    gb = public_holidays("GB")
    assert build_timeline(friday, d(12, 11), holidays=gb).follow_up_from == d(12, 29)
    assert build_timeline(friday, d(12, 11)).follow_up_from == d(12, 25)
    (check_in,) = [k for k in kind_dates([friday], d(12, 11), gb) if k.kind == "follow_up"]
    assert check_in.on == d(12, 29)


def test_a_region_adds_its_own_holidays() -> None:
    # 2 January is a bank holiday in Scotland, not in England.
    assert next_working_day(d(1, 2, 2026), public_holidays("GB", "SCT")) == d(1, 5, 2026)
    assert next_working_day(d(1, 2, 2026), public_holidays("GB", "ENG")) == d(1, 2, 2026)
    assert next_working_day(d(1, 2, 2026), NO_HOLIDAYS) == d(1, 2, 2026)


@pytest.mark.parametrize(
    ("typed", "place"),
    [("GB", ("GB", "")), ("gb-sct", ("GB", "SCT")), ("us_ca", ("US", "CA")), ("none", None)],
)
def test_a_country_is_typed_as_a_code_with_an_optional_region(
    typed: str, place: tuple[str, str] | None
) -> None:
    assert parse_place(typed) == place
    assert place_text(*(place or (None, None))) == (
        "none" if place is None else "-".join(p for p in place if p)
    )


@pytest.mark.parametrize("typed", ["XX", "England", "GB-XYZ"])
def test_an_unknown_country_or_region_says_what_is_accepted(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_place(typed)
    assert caught.value.field == "country"
    assert "GB" in caught.value.message


# Rule 8: an offer accepted while only verbal.


def test_a_verbal_offer_accepted_keeps_asking_for_it_in_writing_and_the_goal() -> None:
    verbal = set_outcome(make(), Outcome.OFFER_VERBAL, d(3, 20))
    accepted = set_outcome(verbal, Outcome.ACCEPTED, d(3, 21))
    timeline = build_timeline(accepted, d(3, 22))
    assert timeline.phase == Phase.CLOSED
    assert kinds(timeline) == ["in_writing"]
    assert "ask kindly to have it in writing" in text_of(timeline, "in_writing")
    assert not any_accepted([accepted])
    written = set_outcome(accepted, Outcome.OFFER_WRITTEN, d(3, 25))
    assert written.outcome == Outcome.ACCEPTED
    assert written.offered_in_writing
    assert kinds(build_timeline(written, d(3, 25))) == []
    assert any_accepted([written])


# Rule 11: letting the others know.


def _saved(interview: Interview, number: int) -> Interview:
    return replace(interview, id=number)


def test_after_accepting_each_other_open_interview_gets_one_let_them_know() -> None:
    offer = set_outcome(_saved(make(company="Globex"), 2), Outcome.OFFER_WRITTEN, d(3, 20))
    accepted = set_outcome(offer, Outcome.ACCEPTED, d(3, 21))
    other = _saved(make(interviewers=("Ana",)), 1)
    coming = _saved(make(company="Initech", held_on=d(3, 30)), 3)
    rows = waiting_room([accepted, other, coming], [], d(3, 22))
    by_company = {row.interview.company: kinds(row.timeline) for row in rows}
    assert by_company == {"Acme": ["withdraw"], "Initech": ["withdraw"]}
    (text,) = [s.text for r in rows for s in r.timeline.suggestions if r.id == 1]
    assert text.startswith("You accepted Globex's offer: let Ana at Acme know kindly")
    withdrawn = log_contact(other, ContactKind.WITHDRAW, d(3, 22), d(3, 22))
    assert withdrawn.outcome == Outcome.WITHDRAWN
    assert not withdrawn.is_open


def test_letting_an_upcoming_interview_know_may_come_before_it() -> None:
    coming = make(held_on=d(3, 30))
    cancelled = log_contact(coming, ContactKind.WITHDRAW, d(3, 22), d(3, 22))
    assert cancelled.outcome == Outcome.WITHDRAWN


# Rule 12: an offer in hand.


def _offer(respond_by: date | None) -> Interview:
    return replace(
        set_outcome(_saved(make(company="Globex"), 2), Outcome.OFFER_WRITTEN, d(3, 20)),
        offer=Offer(respond_by=respond_by),
    )


def test_an_offer_with_a_respond_by_date_suggests_asking_the_others_their_timeline_once() -> None:
    other = _saved(log_contact(make(), ContactKind.THANK_YOU, T, T), 1)
    elsewhere = elsewhere_of([_offer(d(3, 27)), other])
    timeline = build_timeline(other, d(3, 20), elsewhere=elsewhere)
    assert "speed_up" in kinds(timeline)
    assert text_of(timeline, "speed_up") == (
        "You have an offer to answer by Fri 27 Mar: if you would like to, tell the team at "
        "Acme kindly, and ask whether they can share their timeline."
    )
    asked = log_contact(other, ContactKind.SPEED_UP, d(3, 20), d(3, 20))
    after = build_timeline(asked, d(3, 21), elsewhere=elsewhere)
    assert "speed_up" not in kinds(after)
    # it is an outgoing contact: no check-in for a week after it, and none unanswered
    assert after.follow_up_from is None
    assert after.unanswered_since == d(3, 20)


def test_no_timeline_question_without_a_respond_by_date_or_once_it_has_passed() -> None:
    other = _saved(make(), 1)
    assert "speed_up" not in kinds(
        build_timeline(other, d(3, 20), elsewhere=elsewhere_of([_offer(None), other]))
    )
    late = elsewhere_of([_offer(d(3, 27)), other])
    assert "speed_up" not in kinds(build_timeline(other, d(3, 28), elsewhere=late))


def test_an_offer_logged_with_its_details() -> None:
    offer = parse_offer(T, respond_by="fri", pay="52k", leave="25 days", start="2026-04-01")
    assert offer == Offer(respond_by=d(3, 6), pay="52k", leave="25 days", start_on=d(4, 1))
    with pytest.raises(FieldError) as caught:
        parse_offer(T, respond_by="soon")
    assert caught.value.field == "respond-by"


# An invitation to a next round is an answer (walk-through finding).


def test_after_invited_to_a_next_round_no_check_in_on_the_old_round() -> None:
    waited = make(decision_by=d(3, 6))
    assert build_timeline(waited, d(3, 20)).phase == Phase.FOLLOW_UP
    invited = set_outcome(waited, Outcome.NEXT_ROUND, d(3, 20))
    timeline = build_timeline(invited, d(3, 20))
    assert "follow_up" not in kinds(timeline)
    assert timeline.follow_up_from == d(3, 27)


# The burnout guard (walk-through finding).


def test_the_burnout_guard_counts_a_booked_interview_as_an_answer() -> None:
    assert recent_replies([make(held_on=d(3, 10))], T) == 1
    assert recent_replies([make(held_on=d(2, 1))], T) == 0


def test_an_outcome_is_dated_between_the_interview_and_today() -> None:
    interview = make()
    check_outcome_on(T, interview, d(3, 5))
    with pytest.raises(FieldError):
        check_outcome_on(d(3, 6), interview, d(3, 5))
    with pytest.raises(FieldError):
        check_outcome_on(d(3, 1), interview, d(3, 5))


def test_the_actions_of_an_open_offer_are_kept() -> None:
    verbal = _saved(set_outcome(make(), Outcome.OFFER_VERBAL, T), 1)
    actions = interview_actions(waiting_room([verbal], [], d(3, 20)))
    assert {a.kind for a in actions} == {"in_writing", "decide"}
    assert all(a.keep for a in actions)


def test_a_place_the_holidays_package_does_not_know_skips_weekends_only() -> None:
    assert public_holidays("XX") == NO_HOLIDAYS
    assert public_holidays("GB", "ZZ") == NO_HOLIDAYS
    assert next_working_day(d(12, 25), public_holidays("XX")) == d(12, 25)
