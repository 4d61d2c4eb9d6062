"""Drafts of the notes: every kind, on interviews in each phase, with the defaults that ship.

What a good note holds (the seeds): the person's name, the company, the role, a
date; brief (50 to 160 words); no exclamation marks and nothing pleading; a
check-in that names the date they gave and is never "just checking in".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from companion.domain.draft_template import parse_template
from companion.domain.drafts import (
    FIELDS,
    HINTS,
    Draft,
    DraftKind,
    Situation,
    check_fits,
    compose,
    current_kind,
    fitting_kinds,
    kindest_day,
    kindest_time,
    long_date,
    mailto_link,
    parse_kind,
    pick_recipient,
    recipients,
    refusal,
    split_text,
    thank_you_time,
    values,
    waiting_for,
    when_we_met,
    words,
)
from companion.domain.errors import FieldError
from companion.domain.interviews import (
    ContactKind,
    Interview,
    Offer,
    Outcome,
    log_contact,
    new_interview,
    set_outcome,
)
from companion.domain.references import Reference
from companion.domain.timeline import Suggestion, build_timeline
from companion.store.draft_templates import default_text

TODAY = date(2026, 3, 3)  # a Tuesday
PLEADING = (
    "just checking in",
    "just wanted",
    "desperate",
    "beg",
    "please, please",
    "sorry to bother",
    "i hope you don't mind",
    "any chance",
    "really need",
    "i would do anything",
    "at your earliest convenience",
)
DANA = Reference(name="Dana Lee", relation="former manager", reach="dana@example.com", id=1)
OMAR = Reference(name="Omar Said", relation="colleague", reach="+44 20 7946 0000", id=2)


def _interview(**changes: object) -> Interview:
    base = new_interview(
        company="Acme",
        role="Data analyst",
        held_on=TODAY,
        round="second",
        interviewers=["Ana Ruiz", "Ben Okafor"],
        decision_by=date(2026, 3, 13),
        talked_about="the move to a new data platform",
    )
    return replace(base, id=1, **changes)  # type: ignore[arg-type]


def _offer(outcome: Outcome, on: date = date(2026, 3, 2), **changes: object) -> Interview:
    held = _interview(held_on=date(2026, 2, 20), decision_by=None, **changes)
    return set_outcome(held, outcome, on)


def _elsewhere(outcome: Outcome) -> Interview:
    other = new_interview(company="Globex", role="Analyst", held_on=date(2026, 2, 16))
    offer = Offer(respond_by=date(2026, 3, 9))
    return replace(set_outcome(other, outcome, date(2026, 3, 1)), id=9, offer=offer)


def _logged(interview: Interview, *entries: tuple[ContactKind, date]) -> Interview:
    for kind, on in entries:
        interview = log_contact(interview, kind, on, TODAY)
    return interview


# Interviews in each phase as of Tue 3 Mar, and the kinds of note each invites.
PHASES: dict[str, tuple[Situation, tuple[DraftKind, ...]]] = {
    "thank-you": (Situation(_interview(), TODAY), (DraftKind.THANK_YOU, DraftKind.CHECK_IN)),
    "quiet": (
        Situation(
            _logged(
                _interview(held_on=date(2026, 2, 27)), (ContactKind.THANK_YOU, date(2026, 2, 27))
            ),
            TODAY,
        ),
        (DraftKind.CHECK_IN, DraftKind.WITHDRAW),
    ),
    "follow-up": (
        Situation(
            _logged(
                _interview(held_on=date(2026, 2, 10), decision_by=date(2026, 2, 20)),
                (ContactKind.THANK_YOU, date(2026, 2, 11)),
            ),
            TODAY,
        ),
        (DraftKind.CHECK_IN,),
    ),
    "no date given": (
        Situation(_interview(held_on=date(2026, 2, 12), decision_by=None), TODAY),
        (DraftKind.CHECK_IN,),
    ),
    "final round": (
        Situation(
            _interview(held_on=date(2026, 2, 26), final_round=True, decision_by=None),
            TODAY,
            references=(DANA, OMAR),
        ),
        (DraftKind.REFERENCES,),
    ),
    "coming up": (
        Situation(
            _interview(held_on=date(2026, 3, 10), final_round=True, decision_by=None),
            TODAY,
            references=(DANA,),
        ),
        (DraftKind.REFERENCES, DraftKind.WITHDRAW),
    ),
    "rejected": (
        Situation(_offer(Outcome.REJECTED), TODAY),
        (DraftKind.FEEDBACK,),
    ),
    "verbal offer": (
        Situation(_offer(Outcome.OFFER_VERBAL), TODAY),
        (DraftKind.IN_WRITING, DraftKind.ACCEPT, DraftKind.DECLINE),
    ),
    "written offer": (
        Situation(_offer(Outcome.OFFER_WRITTEN), TODAY),
        (DraftKind.ACCEPT, DraftKind.DECLINE),
    ),
    "offer elsewhere": (
        Situation(
            _interview(held_on=date(2026, 2, 24)),
            TODAY,
            others=(_elsewhere(Outcome.OFFER_WRITTEN),),
        ),
        (DraftKind.SPEED_UP, DraftKind.CHECK_IN),
    ),
    "accepted elsewhere": (
        Situation(
            _interview(held_on=date(2026, 2, 24)),
            TODAY,
            others=(_elsewhere(Outcome.ACCEPTED),),
        ),
        (DraftKind.WITHDRAW,),
    ),
}
CASES = [
    pytest.param(phase, kind, id=f"{phase}:{kind.value}")
    for phase, (_, kinds) in PHASES.items()
    for kind in kinds
]


def _draft(situation: Situation, kind: DraftKind, channel: str = "email") -> Draft:
    interview = replace(situation.interview, contact_pref=channel)  # type: ignore[arg-type]
    facts = replace(situation, interview=interview)
    template = parse_template(default_text(kind), FIELDS)
    return compose(kind, facts, pick_recipient(kind, facts, None), template)


def _dates(situation: Situation, kind: DraftKind) -> list[str]:
    """The date words a note of this kind should hold (one of them is enough)."""
    filled = values(kind, situation, pick_recipient(kind, situation, None))
    return [
        filled[name] or ""
        for name in ("when_we_met", "interview_day", "decision_date", "when_offered", "respond_by")
        if filled[name]
    ]


@pytest.mark.parametrize(("phase", "kind"), CASES)
def test_each_kind_fits_the_phases_it_is_for(phase: str, kind: DraftKind) -> None:
    situation, _ = PHASES[phase]
    assert refusal(kind, situation) is None


@pytest.mark.parametrize(("phase", "kind"), CASES)
def test_every_note_names_the_person_company_role_and_a_date(phase: str, kind: DraftKind) -> None:
    situation, _ = PHASES[phase]
    for channel in ("email", "phone"):
        note = _draft(situation, kind, channel)
        first = note.to.split()[0]
        assert note.to
        assert first in note.body
        assert "Acme" in note.body
        assert "Data analyst" in note.body
        assert any(day in note.body for day in _dates(situation, kind)), note.body


@pytest.mark.parametrize(("phase", "kind"), CASES)
def test_every_email_is_brief_and_calm(phase: str, kind: DraftKind) -> None:
    situation, _ = PHASES[phase]
    note = _draft(situation, kind)
    assert note.channel == "email"
    assert 50 <= words(note.body) <= 160, words(note.body)
    assert 2 <= words(note.subject) <= 12
    for text in (note.subject, note.body):
        assert "!" not in text
        lowered = text.casefold()
        assert not [phrase for phrase in PLEADING if phrase in lowered]


@pytest.mark.parametrize(("phase", "kind"), CASES)
def test_a_call_script_is_three_lines_when_they_prefer_the_phone(
    phase: str, kind: DraftKind
) -> None:
    situation, _ = PHASES[phase]
    note = _draft(situation, kind, "phone")
    if kind == DraftKind.REFERENCES:
        assert note.channel == "email", "a reference is reached the way their own details say"
        return
    assert note.channel == "phone"
    assert note.mailto is None
    lines = note.body.splitlines()
    assert len(lines) == 3
    assert all(5 <= words(line) <= 40 for line in lines)
    assert "!" not in note.body


def test_everything_known_leaves_no_placeholder() -> None:
    situation = replace(PHASES["thank-you"][0], your_name="Sam Park")
    for kind in (DraftKind.THANK_YOU, DraftKind.CHECK_IN):
        for channel in ("email", "phone"):
            note = _draft(situation, kind, channel)
            assert "[" not in note.body, note.body
            assert "Sam Park" in note.body


def test_a_missing_detail_shows_a_placeholder_to_fill_in() -> None:
    situation = Situation(_interview(talked_about="", interviewers=()), TODAY)
    note = _draft(situation, DraftKind.THANK_YOU)
    assert note.to == ""
    assert note.body.startswith("Dear [name],")
    assert "[something you talked about]" in note.body
    assert "[your name]" in _draft(situation, DraftKind.THANK_YOU, "phone").body


def test_the_email_is_signed_only_when_the_name_is_known() -> None:
    situation = PHASES["thank-you"][0]
    assert _draft(situation, DraftKind.THANK_YOU).body.endswith("Best wishes,")
    signed = _draft(replace(situation, your_name="Sam Park"), DraftKind.THANK_YOU)
    assert signed.body.endswith("Best wishes,\nSam Park")


def test_the_thank_you_builds_on_the_conversation() -> None:
    note = _draft(PHASES["thank-you"][0], DraftKind.THANK_YOU)
    assert "the move to a new data platform" in note.body
    assert "today" in note.subject


def test_the_check_in_names_the_date_they_gave() -> None:
    note = _draft(PHASES["follow-up"][0], DraftKind.CHECK_IN)
    assert "by Friday 20 February" in note.body
    assert "checking in" not in note.body.casefold()


def test_a_check_in_with_no_date_given_asks_for_the_timeline() -> None:
    note = _draft(PHASES["no date given"][0], DraftKind.CHECK_IN)
    assert "[" not in note.body
    assert "when you expect to reach a decision" in note.body


def test_the_references_heads_up_says_who_may_call_and_when() -> None:
    situation = replace(
        PHASES["final round"][0],
        interview=replace(PHASES["final round"][0].interview, decision_by=date(2026, 3, 13)),
    )
    note = _draft(situation, DraftKind.REFERENCES)
    assert note.to == "Dana Lee"
    assert note.address == "dana@example.com"
    assert "Ana Ruiz or Ben Okafor at Acme may be in touch before Friday 13 March" in note.body
    assert note.reference_id == 1


def test_a_reference_known_by_a_phone_number_gets_a_call_script() -> None:
    situation = PHASES["final round"][0]
    omar = pick_recipient(DraftKind.REFERENCES, situation, "Omar")
    note = compose(
        DraftKind.REFERENCES,
        situation,
        omar,
        parse_template(default_text(DraftKind.REFERENCES), FIELDS),
    )
    assert note.channel == "phone"
    assert len(note.body.splitlines()) == 3


def test_the_speed_up_note_is_subtle_about_the_other_offer() -> None:
    note = _draft(PHASES["offer elsewhere"][0], DraftKind.SPEED_UP)
    assert "Globex" not in note.body, "the other company is nobody else's business"
    assert "share your timeline" in note.body


def test_the_withdrawal_does_not_name_where_they_accepted() -> None:
    note = _draft(PHASES["accepted elsewhere"][0], DraftKind.WITHDRAW)
    assert "Globex" not in note.body
    assert "withdraw" in note.body


# What does not fit.


@pytest.mark.parametrize(
    ("phase", "kind", "words_"),
    [
        ("thank-you", DraftKind.IN_WRITING, "in-writing asks to have a verbal offer in writing"),
        ("written offer", DraftKind.IN_WRITING, "a written offer"),
        ("thank-you", DraftKind.FEEDBACK, "after a no"),
        ("thank-you", DraftKind.ACCEPT, "answers an offer"),
        ("quiet", DraftKind.DECLINE, "answers an offer"),
        ("coming up", DraftKind.THANK_YOU, "a thank-you comes after it"),
        ("coming up", DraftKind.CHECK_IN, "a check-in comes after it"),
        ("rejected", DraftKind.CHECK_IN, "closed (not this time)"),
        ("rejected", DraftKind.THANK_YOU, "closed"),
        ("verbal offer", DraftKind.CHECK_IN, "an offer is in"),
        ("verbal offer", DraftKind.SPEED_UP, "an offer is in"),
        ("written offer", DraftKind.THANK_YOU, "an offer is in"),
        ("quiet", DraftKind.SPEED_UP, "no other interview has one open"),
    ],
)
def test_a_kind_that_does_not_fit_is_refused_with_a_sentence(
    phase: str, kind: DraftKind, words_: str
) -> None:
    situation, _ = PHASES[phase]
    with pytest.raises(FieldError) as caught:
        check_fits(kind, situation)
    assert caught.value.field == "kind"
    assert words_ in caught.value.message
    assert kind not in fitting_kinds(situation)


def test_a_verbal_offer_accepted_may_still_be_asked_for_in_writing() -> None:
    accepted = set_outcome(_offer(Outcome.OFFER_VERBAL), Outcome.ACCEPTED, TODAY)
    assert refusal(DraftKind.IN_WRITING, Situation(accepted, TODAY)) is None
    written = set_outcome(_offer(Outcome.OFFER_WRITTEN), Outcome.ACCEPTED, TODAY)
    assert refusal(DraftKind.IN_WRITING, Situation(written, TODAY)) is not None


def test_an_unknown_kind_is_refused_naming_the_kinds() -> None:
    assert parse_kind("Thank You") == DraftKind.THANK_YOU
    assert parse_kind("speed_up") == DraftKind.SPEED_UP
    with pytest.raises(FieldError) as caught:
        parse_kind("love-letter")
    assert "thank-you | check-in" in caught.value.message


# To whom.


def test_a_thank_you_goes_to_each_person_met() -> None:
    situation = PHASES["thank-you"][0]
    assert [r.name for r in recipients(DraftKind.THANK_YOU, situation)] == [
        "Ana Ruiz",
        "Ben Okafor",
    ]
    assert pick_recipient(DraftKind.THANK_YOU, situation, "ben okafor").name == "Ben Okafor"
    assert pick_recipient(DraftKind.THANK_YOU, situation, "BEN").name == "Ben Okafor"


def test_a_person_met_is_found_as_the_contact_log_finds_them_whatever_the_spacing() -> None:
    kept = Situation(_interview(interviewers=("Ana\nRuiz", "Ben  Okafor")), TODAY)
    assert pick_recipient(DraftKind.THANK_YOU, kept, "ana ruiz").name == "Ana\nRuiz"
    assert pick_recipient(DraftKind.THANK_YOU, kept, "Ben Okafor").name == "Ben  Okafor"


def test_a_name_not_on_the_interview_is_refused_naming_who_is() -> None:
    situation = PHASES["thank-you"][0]
    with pytest.raises(FieldError) as caught:
        pick_recipient(DraftKind.THANK_YOU, situation, "Zed")
    assert caught.value.field == "to"
    assert "Ana Ruiz or Ben Okafor" in caught.value.message
    nobody = Situation(_interview(interviewers=()), TODAY)
    with pytest.raises(FieldError) as caught:
        pick_recipient(DraftKind.CHECK_IN, nobody, "Ana")
    assert "nobody is" in caught.value.message


def test_references_not_yet_told_come_first() -> None:
    situation = PHASES["final round"][0]
    told = log_contact(
        situation.interview, ContactKind.REFERENCES_NOTIFIED, TODAY, TODAY, references=[1]
    )
    later = replace(situation, interview=told)
    assert [r.name for r in recipients(DraftKind.REFERENCES, later)] == ["Omar Said", "Dana Lee"]
    with pytest.raises(FieldError) as caught:
        pick_recipient(DraftKind.REFERENCES, later, "Ana Ruiz")
    assert "not one of your references" in caught.value.message


def test_the_current_action_picks_the_note() -> None:
    situation = PHASES["thank-you"][0]
    timeline = build_timeline(situation.interview, TODAY)
    assert current_kind(timeline.suggestions) == DraftKind.THANK_YOU
    assert current_kind([Suggestion("debrief", "x"), Suggestion("follow_up", "y")]) == (
        DraftKind.CHECK_IN
    )
    assert current_kind([Suggestion("feedback", "x"), Suggestion("references", "y")]) == (
        DraftKind.REFERENCES
    )
    assert current_kind([Suggestion("debrief", "x"), Suggestion("move_on", "y")]) is None


# Words for days.


def test_the_day_they_met_as_a_note_says_it() -> None:
    assert when_we_met(TODAY, TODAY) == "today"
    assert when_we_met(TODAY - timedelta(days=1), TODAY) == "yesterday"
    assert when_we_met(date(2026, 2, 27), TODAY) == "on Friday"
    assert when_we_met(date(2026, 2, 24), TODAY) == "on Tuesday 24 February"
    assert long_date(date(2025, 12, 30), TODAY) == "Tuesday 30 December 2025"


# When to send it (seed 000).


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "day", "words_"),
    [
        (_at(3, 10, 30), date(2026, 3, 3), "Now is a kind time"),
        (_at(3, 8, 0), date(2026, 3, 3), "mid-morning today"),
        (_at(2, 8, 0), date(2026, 3, 2), "settled into the week"),
        (_at(4, 14, 0), date(2026, 3, 5), "Later today is fine"),
        (_at(4, 19, 0), date(2026, 3, 5), "mid-morning tomorrow, Thu 5 Mar"),
        (_at(6, 15, 0), date(2026, 3, 9), "late on a Friday"),
        (_at(7, 10, 0), date(2026, 3, 9), "Mon 9 Mar"),
        (_at(8, 20, 0), date(2026, 3, 9), "first thing Monday"),
    ],
)
def test_the_kindest_time_is_mid_morning_on_a_working_day(
    moment: datetime, day: date, words_: str
) -> None:
    assert kindest_day(moment) == day
    assert words_ in kindest_time(moment)
    assert "!" not in kindest_time(moment)


def test_a_check_in_drafted_early_says_from_when_it_is_welcome() -> None:
    sentence = kindest_time(_at(3, 10, 30), earliest=date(2026, 3, 14))
    assert kindest_day(_at(3, 10, 30), date(2026, 3, 14)) == date(2026, 3, 16)
    assert sentence.startswith("It is welcome from Mon 16 Mar")


@pytest.mark.parametrize(
    ("today", "best_by", "start"),
    [
        # A Friday interview thanked on Saturday: by Saturday, not "mid-morning on Monday".
        (date(2026, 3, 7), date(2026, 3, 7), "Best sent today, any time"),
        (date(2026, 3, 6), date(2026, 3, 7), "Best sent by tomorrow, Sat 7 Mar"),
        (date(2026, 3, 8), date(2026, 3, 7), "It is still welcome today"),
        (date(2026, 3, 8), None, "It is still welcome today"),
    ],
)
def test_a_thank_you_is_best_sent_soon_whatever_the_day(
    today: date, best_by: date | None, start: str
) -> None:
    sentence = thank_you_time(today, best_by)
    assert sentence.startswith(start)
    assert "Monday" not in sentence and "mid-morning" not in sentence


# The mail client and the text as edited.


def test_the_mailto_link_carries_the_subject_and_body_exactly() -> None:
    subject = "Re: A&B ?=#% [x]"
    body = "Dear Ana,\n\nA line & more ?x=1#y\nLast."
    link = mailto_link(subject, body, "dana@example.com")
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "dana@example.com"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == [subject]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert re.fullmatch(r"[A-Za-z0-9%:?=&@._~-]+", link)


def test_a_hostile_address_cannot_add_fields_to_the_link() -> None:
    link = mailto_link("x", "y", "dana@example.com?cc=someone@else&bcc=x")
    assert link.count("?") == 1
    assert "&bcc=" not in link


def test_text_as_edited_splits_into_subject_and_body() -> None:
    assert split_text("Subject: Hi\n\nBody\nmore\n") == ("Hi", "Body\nmore")
    assert split_text("No subject here") == ("", "No subject here")


def test_user_text_comes_out_as_typed_in_every_field() -> None:
    hostile = "${role} $$ {x} [b]bold[/b] \x1b[2J\x07"
    interview = _interview(
        company=hostile, role=hostile, interviewers=(hostile,), talked_about=hostile
    )
    note = _draft(Situation(interview, TODAY), DraftKind.THANK_YOU)
    assert hostile in note.body
    assert note.to == hostile
    assert HINTS  # placeholders are words, never the user's text


def test_every_suggestion_a_note_answers_opens_its_draft_from_home() -> None:
    from companion.domain.drafts import FOR_SUGGESTION
    from companion.domain.waiting import NOTES, action_target

    assert set(FOR_SUGGESTION) == NOTES
    assert action_target("follow_up", 3) == "draft:3:follow_up"
    assert action_target("decide", 3) == "interview:3"


def test_the_speed_up_names_the_date_the_other_offer_asks_for() -> None:
    note = _draft(PHASES["offer elsewhere"][0], DraftKind.SPEED_UP)
    assert "asked to answer by Monday 9 March" in note.body
    assert "[" not in note.body


def test_accepting_names_the_start_date_when_it_is_noted() -> None:
    offer = _offer(Outcome.OFFER_WRITTEN, offer=Offer(start_on=date(2026, 4, 6)))
    note = _draft(Situation(offer, TODAY), DraftKind.ACCEPT)
    assert "I look forward to starting on Monday 6 April." in note.body
    assert "starting on" not in _draft(PHASES["written offer"][0], DraftKind.ACCEPT).body


def test_a_thank_you_goes_first_to_those_not_yet_thanked() -> None:
    situation = PHASES["thank-you"][0]
    thanked_ana = log_contact(
        situation.interview, ContactKind.THANK_YOU, TODAY, TODAY, to=["Ana Ruiz"]
    )
    later = replace(situation, interview=thanked_ana)
    assert [r.name for r in recipients(DraftKind.THANK_YOU, later)] == ["Ben Okafor", "Ana Ruiz"]
    assert [r.name for r in waiting_for(DraftKind.THANK_YOU, later)] == ["Ben Okafor"]


def test_a_public_holiday_is_not_a_kind_day_to_send() -> None:
    holidays = frozenset({date(2026, 3, 4), date(2026, 3, 9)})
    assert kindest_day(_at(4, 9, 0), holidays=holidays) == date(2026, 3, 5)
    assert kindest_time(_at(4, 9, 0), holidays=holidays).startswith("Today is a public holiday")
    assert kindest_day(_at(6, 15, 0), holidays=holidays) == date(2026, 3, 10)
    assert "after the holiday" in kindest_time(_at(3, 14, 0), holidays=holidays)


def test_asking_for_the_offer_in_writing_once_takes_it_off_home() -> None:
    verbal = _offer(Outcome.OFFER_VERBAL)
    before = build_timeline(verbal, TODAY)
    assert [s.home for s in before.suggestions if s.kind == "in_writing"] == [True]
    asked = log_contact(verbal, ContactKind.IN_WRITING, TODAY, TODAY, to=["Ana Ruiz"])
    after = build_timeline(asked, TODAY)
    assert [s.home for s in after.suggestions if s.kind == "in_writing"] == [False]
