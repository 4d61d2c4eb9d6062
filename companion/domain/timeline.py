"""The calm timeline: what is kind to do about one interview, and when.

A pure function of an interview, the user's references and `today`, following
the rules of ../shared/design/etiquette.md (numbered here as there). `T` is the
day the interview was held, `F` the earliest polite check-in, `M` the day
moving on is offered.

Where the rules are silent, these choices are made (each one a career coach's
call, listed in the issue note):

- Before the interview day the phase is `upcoming` (rule 0): the prep note the
  day before and on the day (on the day only for an interview logged ahead,
  until something about it is logged: one logged on the day was most likely
  logged after it), and for a final round a heads-up to references from `T - 2`.
  Rule 11 wins over rule 0: an interview still to come is cancelled kindly
  once an offer is accepted elsewhere. Rule 12 waits for the interview.
- An invitation to a next round is an employer's answer: like a reply, it
  spaces the next check-in a week out (no check-in straight after it).
- Telling them of an offer in hand (rule 12) is a check-in for rules 2 to 4.
- After an offer is accepted elsewhere (rule 11), letting them know is the only
  suggestion an open interview gets.
- An offer accepted with no written offer logged keeps the nudge to have it in
  writing (rule 8), as a suggestion of its own (`in_writing`). Once the request
  is logged (a note sent from its draft), it stays on the interview but leaves
  the home screen: asked once, the ball is in their court.
- While the thank-you phase applies, no check-in is suggested: the thank-you
  comes first, and once sent it pushes `F` a week out anyway.
- A request for references is an employer's answer: it spaces the next
  check-in a week out and answers an unanswered check-in, like a reply.
- References (rule 5) are no longer suggested once moving on is offered.
- A `next_round` whose fit reflection is written shows it on the interview,
  not on the home screen every day; without one, writing it is suggested.
- Feedback (rule 9) is suggested in the week after `rejected` is logged, until
  a feedback request is logged; then never again.
- `M` is not moved off weekends: setting something down is a fine weekend task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from companion.domain.dates import friendly
from companion.domain.days_off import NO_HOLIDAYS, Holidays, next_working_day
from companion.domain.interviews import (
    CHECK_INS,
    FROM_EMPLOYER,
    OFFERS,
    SPACING,
    ContactKind,
    Interview,
    Outcome,
    references_told,
)
from companion.domain.references import Reference

THANK_YOU_BEST_DAYS = 1
THANK_YOU_LAST_DAYS = 3
UNKNOWN_DECISION_WAIT_DAYS = 14
DAYS_BETWEEN_CONTACTS = 7
MOVE_ON_AFTER_INTERVIEW_DAYS = 42
MOVE_ON_AFTER_CHECK_IN_DAYS = 14
DEBRIEF_DAYS = 1
FEEDBACK_WINDOW_DAYS = 7
PREPARE_DAYS_BEFORE = 1
REFERENCES_DAYS_BEFORE_FINAL = 2


class Phase(StrEnum):
    UPCOMING = "upcoming"
    THANK_YOU = "thank_you"
    QUIET = "quiet"
    FOLLOW_UP = "follow_up"
    MOVE_ON = "move_on"
    DECIDE = "decide"
    CLOSED = "closed"

    @property
    def word(self) -> str:
        """The one word a user sees first."""
        return PHASE_WORDS[self]


PHASE_WORDS = {
    Phase.UPCOMING: "coming up",
    Phase.THANK_YOU: "thank-you",
    Phase.QUIET: "quiet",
    Phase.FOLLOW_UP: "check-in",
    Phase.MOVE_ON: "move on",
    Phase.DECIDE: "decide",
    Phase.CLOSED: "closed",
}


@dataclass(frozen=True)
class Suggestion:
    """One kind thing to do, in the sentence the user reads.

    `kind` names the rule as the summary's actions do; `due` orders it among
    others; `home` is False for a suggestion that belongs on the interview
    itself and not on the home screen every day.
    """

    kind: str
    text: str
    due: date | None = None
    home: bool = True


@dataclass(frozen=True)
class Timeline:
    phase: Phase
    thank_you_by: date | None
    follow_up_from: date | None
    move_on_from: date | None
    unanswered_since: date | None
    suggestions: tuple[Suggestion, ...]
    next_step: str
    next_on: date | None
    status: str


@dataclass(frozen=True)
class Elsewhere:
    """What the other interviews mean for this one: an offer accepted (rule 11), or
    open offers with a respond-by date (rule 12). Made once for all of them."""

    accepted: tuple[Interview, ...] = ()
    offers: tuple[Interview, ...] = ()

    def accepted_besides(self, interview: Interview) -> Interview | None:
        others = [i for i in self.accepted if i.id != interview.id]
        return others[-1] if others else None

    def offer_besides(self, interview: Interview, today: date) -> Interview | None:
        """The open offer elsewhere to answer soonest, while its respond-by date is to come."""
        others = [
            i
            for i in self.offers
            if i.id != interview.id
            and i.offer.respond_by is not None
            and i.offer.respond_by >= today
        ]
        return min(others, key=lambda i: (i.offer.respond_by, i.id or 0)) if others else None


NOTHING_ELSEWHERE = Elsewhere()


def elsewhere_of(interviews: Sequence[Interview]) -> Elsewhere:
    return Elsewhere(
        accepted=tuple(i for i in interviews if i.outcome == Outcome.ACCEPTED),
        offers=tuple(i for i in interviews if i.open_offer and i.offer.respond_by is not None),
    )


@dataclass(frozen=True)
class Milestone:
    label: str
    on: date
    reached: bool


def names(people: Sequence[str], conjunction: str = "and") -> str:
    if len(people) <= 1:
        return "".join(people)
    return f"{', '.join(people[:-1])} {conjunction} {people[-1]}"


def next_weekday(day: date, holidays: Holidays = NO_HOLIDAYS) -> date:
    """`day`, or the next working day after it when it falls on a weekend or a holiday."""
    return next_working_day(day, holidays)


def _answered_on(interview: Interview) -> list[date]:
    """The days the employer answered: replies, requests for references, and an
    invitation to a next round (or an offer), which is an answer too."""
    days = [c.on for c in interview.contacts if c.kind in FROM_EMPLOYER]
    days += [
        change.on
        for change in interview.outcomes
        if change.outcome in (Outcome.NEXT_ROUND, *OFFERS)
    ]
    return days


def last_spacing_contact(interview: Interview) -> date | None:
    days = [c.on for c in interview.contacts if c.kind in SPACING] + _answered_on(interview)
    return max(days) if days else None


def unanswered_follow_up(interview: Interview) -> date | None:
    """Rule 3: the day of the latest check-in, while no answer came on or after it."""
    follow_ups = [c.on for c in interview.contacts if c.kind in CHECK_INS]
    if not follow_ups:
        return None
    sent = max(follow_ups)
    answered = any(on >= sent for on in _answered_on(interview))
    return None if answered else sent


def _base(interview: Interview) -> date:
    """Rule 2 before the week between contacts: the day after the decision date, or T + 14."""
    if interview.decision_by is not None:
        return interview.decision_by + timedelta(days=1)
    return interview.held_on + timedelta(days=UNKNOWN_DECISION_WAIT_DAYS)


def earliest_follow_up(interview: Interview, holidays: Holidays = NO_HOLIDAYS) -> date:
    """Rule 2: `F`, before rule 3 is applied; off weekends and public holidays."""
    base = _base(interview)
    last = last_spacing_contact(interview)
    if last is not None:
        base = max(base, last + timedelta(days=DAYS_BETWEEN_CONTACTS))
    return next_weekday(base, holidays)


def move_on_date(interview: Interview, anchor: date) -> date:
    """Rule 4: `M = max(T + 42, A + 14)`, `anchor` being `A` or `F`."""
    return max(
        interview.held_on + timedelta(days=MOVE_ON_AFTER_INTERVIEW_DAYS),
        anchor + timedelta(days=MOVE_ON_AFTER_CHECK_IN_DAYS),
    )


def thank_you_applies(interview: Interview, today: date) -> bool:
    """Rule 1: from `T` to `T + 3`, while someone met has had no thank-you and the
    interview is open."""
    held = interview.held_on
    return (
        interview.is_open
        and bool(interview.not_yet_thanked())
        and held <= today <= held + timedelta(days=THANK_YOU_LAST_DAYS)
    )


def build_timeline(
    interview: Interview,
    today: date,
    references: Sequence[Reference] = (),
    *,
    holidays: Holidays = NO_HOLIDAYS,
    elsewhere: Elsewhere = NOTHING_ELSEWHERE,
) -> Timeline:
    """The timeline of one interview on `today`. `holidays` are the public holidays
    kind dates skip (beyond weekends); `elsewhere` what the other interviews mean."""
    held = interview.held_on
    outcome = interview.outcome
    thank_you = thank_you_applies(interview, today)
    follow_up_from: date | None = None
    move_on_from: date | None = None
    unanswered: date | None = None
    if interview.is_open and outcome not in OFFERS:
        unanswered = unanswered_follow_up(interview)
        follow_up_from = None if unanswered else earliest_follow_up(interview, holidays)
        anchor = unanswered or follow_up_from
        assert anchor is not None
        move_on_from = move_on_date(interview, anchor)

    if not interview.is_open:
        phase = Phase.CLOSED
    elif today < held:
        phase = Phase.UPCOMING
    elif thank_you:
        phase = Phase.THANK_YOU
    elif outcome in OFFERS:
        phase = Phase.DECIDE
    elif move_on_from is not None and today >= move_on_from:
        phase = Phase.MOVE_ON
    elif follow_up_from is not None and today >= follow_up_from:
        phase = Phase.FOLLOW_UP
    else:
        phase = Phase.QUIET

    words = _Words(interview, today)
    accepted = elsewhere.accepted_besides(interview) if interview.is_open else None
    if accepted is not None:
        suggestions = [Suggestion("withdraw", words.withdraw(accepted), accepted.outcome_on)]
    else:
        suggestions = _suggestions(
            interview, today, references, phase, follow_up_from, move_on_from, words
        )
        suggestions += _speed_up(interview, today, phase, elsewhere, words)
    next_step, next_on = words.next_step(phase, follow_up_from, move_on_from, unanswered)
    return Timeline(
        phase=phase,
        thank_you_by=held + timedelta(days=THANK_YOU_BEST_DAYS) if thank_you else None,
        follow_up_from=follow_up_from,
        move_on_from=move_on_from,
        unanswered_since=unanswered,
        suggestions=tuple(suggestions),
        next_step=next_step,
        next_on=next_on,
        status=words.status(phase, follow_up_from, move_on_from, unanswered),
    )


def _suggestions(
    interview: Interview,
    today: date,
    references: Sequence[Reference],
    phase: Phase,
    follow_up_from: date | None,
    move_on_from: date | None,
    words: _Words,
) -> list[Suggestion]:
    held = interview.held_on
    found: list[Suggestion] = []
    if phase == Phase.UPCOMING or (phase == Phase.THANK_YOU and today == held):
        found.extend(_prepare(interview, today, words))
    if phase == Phase.UPCOMING:
        soon = today >= held - timedelta(days=REFERENCES_DAYS_BEFORE_FINAL)
        if (interview.final_round and soon) or interview.references_requested_on:
            found.extend(_references(interview, today, references, words))
        return found
    if phase == Phase.THANK_YOU:
        found.append(Suggestion("thank_you", words.thank_you(), held + timedelta(days=1)))
    if phase == Phase.FOLLOW_UP and follow_up_from is not None:
        found.append(Suggestion("follow_up", words.follow_up(follow_up_from), follow_up_from))
    if phase == Phase.MOVE_ON and move_on_from is not None:
        found.append(Suggestion("move_on", words.move_on(move_on_from), move_on_from))
    if interview.is_open and phase != Phase.MOVE_ON:
        found.extend(_references(interview, today, references, words))
    if (
        interview.is_open
        and interview.debriefed_on is None
        and held <= today <= held + timedelta(days=DEBRIEF_DAYS)
    ):
        found.append(Suggestion("debrief", words.debrief(), held))
    verbal = interview.is_open and interview.outcome == Outcome.OFFER_VERBAL
    if verbal or (interview.outcome == Outcome.ACCEPTED and not interview.offered_in_writing):
        asked = asked_in_writing(interview)
        found.append(
            Suggestion("in_writing", words.in_writing(), interview.outcome_on, home=not asked)
        )
    if not interview.superseded and interview.outcome in (Outcome.NEXT_ROUND, *OFFERS):
        found.append(words.decide())
    rejected_on = interview.outcome_on
    if (
        interview.outcome == Outcome.REJECTED
        and rejected_on is not None
        and not interview.logged(ContactKind.FEEDBACK_REQUEST)
        and rejected_on <= today <= rejected_on + timedelta(days=FEEDBACK_WINDOW_DAYS)
    ):
        found.append(Suggestion("feedback", words.feedback(), rejected_on))
    return found


def _prepare(interview: Interview, today: date, words: _Words) -> list[Suggestion]:
    """Rule 0: the day before and on the day. On the day, only for an interview logged
    before it, until anything about it is logged: one logged on the day was most
    likely logged after it was held."""
    held = interview.held_on
    if not held - timedelta(days=PREPARE_DAYS_BEFORE) <= today <= held:
        return []
    logged_ahead = interview.added_on is not None and interview.added_on < held
    if today == held and (
        not logged_ahead or interview.contacts or interview.debriefed_on is not None
    ):
        return []
    return [Suggestion("prepare", words.prepare(), held)]


def asked_in_writing(interview: Interview) -> bool:
    """A request to have the offer in writing is logged since the verbal offer came."""
    verbal = [c.on for c in interview.outcomes if c.outcome == Outcome.OFFER_VERBAL]
    since = max(verbal) if verbal else interview.held_on
    return any(c.on >= since for c in interview.logged(ContactKind.IN_WRITING))


def _speed_up(
    interview: Interview, today: date, phase: Phase, elsewhere: Elsewhere, words: _Words
) -> list[Suggestion]:
    """Rule 12: once, while an offer elsewhere waits for an answer by its date."""
    if (
        phase in (Phase.UPCOMING, Phase.CLOSED, Phase.DECIDE)
        or interview.outcome in OFFERS
        or interview.logged(ContactKind.SPEED_UP)
    ):
        return []
    offer = elsewhere.offer_besides(interview, today)
    if offer is None:
        return []
    return [Suggestion("speed_up", words.speed_up(offer), offer.outcome_on)]


def pending_references(interview: Interview, references: Sequence[Reference]) -> list[Reference]:
    """References not yet given a heads-up for this interview."""
    told = references_told(interview)
    return [r for r in references if r.id not in told]


def _references(
    interview: Interview, today: date, references: Sequence[Reference], words: _Words
) -> list[Suggestion]:
    """Rule 5."""
    requested = interview.references_requested_on
    if not (interview.final_round or requested):
        return []
    due = requested or interview.held_on
    pending = pending_references(interview, references)
    if references and pending:
        return [Suggestion("references", words.references([r.name for r in pending]), due)]
    if not references and not interview.logged(ContactKind.REFERENCES_NOTIFIED):
        return [Suggestion("references", words.references([]), due)]
    return []


def milestones(interview: Interview, timeline: Timeline, today: date) -> list[Milestone]:
    """The short line of the detail view: interview, thank-you, decision, check-in, move on."""
    found = [("interview", interview.held_on)]
    thanked = [c.on for c in interview.logged(ContactKind.THANK_YOU)]
    if thanked and not interview.not_yet_thanked():
        found.append(("thank-you", max(thanked)))
    elif timeline.thank_you_by is not None or today < interview.held_on:
        found.append(("thank-you", interview.held_on + timedelta(days=THANK_YOU_BEST_DAYS)))
    if interview.decision_by is not None:
        found.append(("decision", interview.decision_by))
    if timeline.unanswered_since is not None:
        found.append(("check-in", timeline.unanswered_since))
    elif timeline.follow_up_from is not None:
        found.append(("check-in", timeline.follow_up_from))
    if timeline.move_on_from is not None:
        found.append(("move on", timeline.move_on_from))
    if interview.outcome_on is not None and interview.outcome != Outcome.WAITING:
        found.append((MILESTONE_OUTCOMES[interview.outcome], interview.outcome_on))
    found.sort(key=lambda item: item[1])
    return [Milestone(label, on, on <= today) for label, on in found]


MILESTONE_OUTCOMES = {
    Outcome.WAITING: "reopened",
    Outcome.NEXT_ROUND: "next round",
    Outcome.OFFER_VERBAL: "offer",
    Outcome.OFFER_WRITTEN: "offer",
    Outcome.ACCEPTED: "accepted",
    Outcome.REJECTED: "closed",
    Outcome.WITHDRAWN: "withdrew",
    Outcome.MOVED_ON: "moved on",
}


def date_sentence(interview: Interview, kind: str, on: date, today: date) -> str:
    """The timeline's own sentence for one of its dates: `thank_you`, `follow_up` or `move_on`."""
    words = _Words(interview, today)
    if kind == "thank_you":
        return words.thank_you()
    if kind == "follow_up":
        return words.follow_up(on)
    return words.move_on(on)


def debrief_hint(interview: Interview) -> str | None:
    """Rule 6's kind reminder, for the debrief of an interview with no decision date."""
    if interview.decision_by is not None:
        return None
    return (
        "They did not say when they would decide. Next time, it is fine to ask about "
        "the next steps and the timeline at the end of the interview."
    )


class _Words:
    """The sentences of one interview's timeline, in the calm voice of calm.md."""

    def __init__(self, interview: Interview, today: date) -> None:
        self.interview = interview
        self.today = today
        self.company = interview.company

    def day(self, day: date) -> str:
        return friendly(day, self.today)

    @property
    def met(self) -> str:
        """Those not yet thanked (rule 1), by name when the people met are named."""
        people = [name for name in self.interview.not_yet_thanked() if name]
        return names(people) if people else "everyone you met"

    @property
    def contact_person(self) -> str:
        people = self.interview.interviewers
        return names(people, "or") if people else "the team"

    def thank_you(self) -> str:
        held = self.interview.held_on
        if self.today <= held + timedelta(days=THANK_YOU_BEST_DAYS):
            best = self.day(held + timedelta(days=THANK_YOU_BEST_DAYS))
            return (
                f"Send a short thank-you note to {self.met} at {self.company}, best by {best}: "
                "thank them, and mention something you talked about."
            )
        last = self.day(held + timedelta(days=THANK_YOU_LAST_DAYS))
        return (
            f"A short thank-you note to {self.met} at {self.company} is still kind "
            f"until {last}; a few warm lines are enough."
        )

    def follow_up(self, follow_up_from: date) -> str:
        interview = self.interview
        last = last_spacing_contact(interview)
        if last is not None and last + timedelta(days=DAYS_BETWEEN_CONTACTS) > _base(interview):
            why = "a week after the last message keeps it unhurried"
        elif interview.decision_by is not None:
            why = "the date they gave has passed"
        else:
            why = "two weeks is a patient wait"
        way = "call" if interview.contact_pref == "phone" else "email"
        return (
            f"A polite check-in with {self.contact_person} at {self.company} is welcome from "
            f"{self.day(follow_up_from)}: {why}. One short {way} is enough."
        )

    def move_on(self, move_on_from: date) -> str:
        return (
            f"From {self.day(move_on_from)}, it is fine to move on from {self.company}: hiring "
            "often runs long; a short reflection sets it down, and a call would be a "
            "pleasant surprise."
        )

    def prepare(self) -> str:
        interview = self.interview
        when = "today" if self.today == interview.held_on else f"on {self.day(interview.held_on)}"
        return (
            f"Your {interview.company} interview is {when}: practise a few questions for the "
            f"{interview.role} role out loud, and plan to ask them about the next steps and "
            "when they expect to decide."
        )

    def withdraw(self, accepted: Interview) -> str:
        return (
            f"You accepted {accepted.company}'s offer: let {self.contact_person} at "
            f"{self.company} know kindly, and thank them for their time. Logging it closes "
            "this one."
        )

    def speed_up(self, offer: Interview) -> str:
        assert offer.offer.respond_by is not None
        return (
            f"You have an offer to answer by {self.day(offer.offer.respond_by)}: if you "
            f"would like to, tell {self.contact_person} at {self.company} kindly, and ask "
            "whether they can share their timeline."
        )

    def in_writing(self) -> str:
        interview = self.interview
        if interview.outcome == Outcome.ACCEPTED:
            return (
                f"You accepted {self.company}'s offer: ask kindly to have it in writing, and "
                "keep applying gently until it is."
            )
        return f"{self.company} made a verbal offer: ask kindly to have it in writing."

    def references(self, people: list[str]) -> str:
        who = names(people) if people else "your references"
        interview = self.interview
        if interview.references_requested_on is not None:
            why = "they asked for references"
        elif self.today < interview.held_on:
            why = f"the final round is on {self.day(interview.held_on)}, so they may call"
        else:
            why = "it was the final round, so they may call"
        return (
            f"Give {who} a short heads-up about the {self.interview.role} role at "
            f"{self.company}: {why}."
        )

    def debrief(self) -> str:
        return (
            f"While it is fresh, jot down how the {self.company} interview went: the questions, "
            "the ones that tripped you up, what went well."
        )

    def decide(self) -> Suggestion:
        interview = self.interview
        fit = interview.fit
        looked = (
            f"look back at how it felt ({fit.brief()})"
            if fit.brief()
            else "look back at your notes on how it felt"
        )
        take_stock = "take stock of the work, the people, the manager, the commute and the pay"
        due = interview.outcome_on
        if interview.outcome == Outcome.NEXT_ROUND:
            if fit.is_empty:
                text = (
                    f"Before the next round at {self.company}, note how it felt while you "
                    "remember: the work, the people, the manager, the commute, the pay."
                )
                return Suggestion("decide", text, due)
            text = f"Before the next round at {self.company}, {looked}."
            return Suggestion("decide", text, due, home=False)
        before = looked if not fit.is_empty else take_stock
        kind = "verbal" if interview.outcome == Outcome.OFFER_VERBAL else "written"
        by = interview.offer.respond_by
        when = f" by {self.day(by)}" if by is not None and by >= self.today else ""
        text = f"Before you answer {self.company}'s {kind} offer{when}, {before}."
        return Suggestion("decide", text, due)

    def feedback(self) -> str:
        return (
            f"If you would like to, ask {self.contact_person} at {self.company} once for a "
            "little feedback; whatever comes back helps the next interview."
        )

    def next_step(
        self,
        phase: Phase,
        follow_up_from: date | None,
        move_on_from: date | None,
        unanswered: date | None,
    ) -> tuple[str, date | None]:
        """The list's short line: what is next, and from when."""
        interview = self.interview
        held = interview.held_on
        if phase == Phase.CLOSED:
            if interview.superseded:
                return "the next round is logged", interview.outcome_on
            on = interview.outcome_on
            joint = ", " if interview.outcome == Outcome.REJECTED else " "
            when = f"{joint}{self.day(on)}" if on else ""
            return f"{interview.outcome.label}{when}", on
        if phase == Phase.UPCOMING:
            return f"interview on {self.day(held)}", held
        if phase == Phase.THANK_YOU:
            best = held + timedelta(days=THANK_YOU_BEST_DAYS)
            if self.today <= best:
                return f"thank-you best by {self.day(best)}", best
            last = held + timedelta(days=THANK_YOU_LAST_DAYS)
            return f"thank-you still kind until {self.day(last)}", last
        if phase == Phase.DECIDE:
            if interview.outcome == Outcome.OFFER_VERBAL:
                return "verbal offer: ask for it in writing", interview.outcome_on
            return "written offer: decide in your own time", interview.outcome_on
        if phase == Phase.MOVE_ON and move_on_from is not None:
            return f"free to move on from {self.day(move_on_from)}", move_on_from
        if unanswered is not None and move_on_from is not None:
            return f"your part is done; move on from {self.day(move_on_from)}", move_on_from
        if follow_up_from is not None:
            return f"polite check-in from {self.day(follow_up_from)}", follow_up_from
        return "nothing to do", None  # pragma: no cover - every open phase has a date

    def status(
        self,
        phase: Phase,
        follow_up_from: date | None,
        move_on_from: date | None,
        unanswered: date | None,
    ) -> str:
        """The detail view's first sentence."""
        interview = self.interview
        if phase == Phase.CLOSED:
            if interview.superseded:
                return "The next round is logged as an interview of its own; this one is done."
            if interview.outcome == Outcome.MOVED_ON:
                return (
                    "You moved on from this one. If they get in touch, reopen it: "
                    "everything is kept."
                )
            if interview.outcome == Outcome.ACCEPTED:
                return "You accepted this offer. Well done, and well waited."
            return f"Closed: {interview.outcome.label}. Everything here is kept."
        if phase == Phase.UPCOMING:
            return (
                f"The interview is on {self.day(interview.held_on)}. Until then, "
                "prepare a little and rest."
            )
        if phase == Phase.THANK_YOU:
            return "A thank-you note is the one thing to do; after that, you can let it rest."
        if phase == Phase.DECIDE:
            return "An offer is in. Take your time: look at how it felt before you answer."
        if phase == Phase.MOVE_ON:
            return (
                "Hiring often takes longer than anyone expects. When you are ready, "
                "move on: if they call, it will be a pleasant surprise."
            )
        if unanswered is not None and move_on_from is not None:
            return (
                "You have done your part: the ball is in their court. "
                f"If nothing comes, it is fine to move on from {self.day(move_on_from)}."
            )
        if phase == Phase.FOLLOW_UP:
            return "A polite check-in is welcome now. One short message is enough."
        assert follow_up_from is not None
        return (
            f"Nothing to do until {self.day(follow_up_from)}, when a polite check-in "
            "becomes welcome. You can stop checking your inbox."
        )
