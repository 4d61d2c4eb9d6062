"""The waiting room: every interview with its timeline, and what the summary takes from them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from companion.domain.actions import Action
from companion.domain.days_off import NO_HOLIDAYS, Holidays
from companion.domain.interviews import OPEN_WAITING, ContactKind, Interview
from companion.domain.references import Reference
from companion.domain.timeline import Timeline, build_timeline, elsewhere_of


@dataclass(frozen=True)
class Waiting:
    """One row of the waiting room: an interview and its timeline as of today."""

    interview: Interview
    timeline: Timeline

    @property
    def id(self) -> int:
        assert self.interview.id is not None, "only saved interviews are listed"
        return self.interview.id


def waiting_room(
    interviews: Iterable[Interview],
    references: Sequence[Reference],
    today: date,
    *,
    include_closed: bool = False,
    holidays: Holidays = NO_HOLIDAYS,
) -> list[Waiting]:
    """Open interviews, the soonest next date first; closed ones after, latest first.

    `interviews` should be all of them (closed ones too): an offer accepted or in
    hand elsewhere changes what the open ones suggest (rules 11 and 12)."""
    every = list(interviews)
    elsewhere = elsewhere_of(every)
    rows = [
        Waiting(
            interview,
            build_timeline(interview, today, references, holidays=holidays, elsewhere=elsewhere),
        )
        for interview in every
        if include_closed or interview.is_open
    ]
    open_rows = sorted(
        (r for r in rows if r.interview.is_open),
        key=lambda r: (r.timeline.next_on or date.max, r.interview.held_on, r.id),
    )
    closed_rows = sorted(
        (r for r in rows if not r.interview.is_open),
        key=lambda r: (r.interview.outcome_on or r.interview.held_on, r.id),
        reverse=True,
    )
    return open_rows + closed_rows


# Suggestions that open something other than the interview's own view.
TARGET_PREFIXES = {"debrief": "debrief", "prepare": "prep"}
# Suggestions a note answers open its draft ("draft:3:thank_you"; domain/drafts.py).
NOTES = frozenset(
    {"thank_you", "references", "follow_up", "withdraw", "speed_up", "in_writing", "feedback"}
)


def action_target(kind: str, interview_id: int) -> str:
    if kind in NOTES:
        return f"draft:{interview_id}:{kind}"
    return f"{TARGET_PREFIXES.get(kind, 'interview')}:{interview_id}"


def interview_actions(rows: Iterable[Waiting]) -> list[Action]:
    """The timeline's suggestions for the home screen and `companion summary`.

    Each opens its interview, but a debrief opens the debrief itself and a note
    (a thank-you, a check-in...) opens its draft.
    """
    return [
        Action(
            s.kind,
            s.text,
            due=s.due,
            target=action_target(s.kind, row.id),
            keep=s.kind in OFFER_STEPS and row.interview.outcome not in OPEN_WAITING,
        )
        for row in rows
        for s in row.timeline.suggestions
        if s.home
    ]


# An offer's own steps: an open offer always has a place on home.
OFFER_STEPS = frozenset({"in_writing", "decide"})


EMPLOYER_ANSWERS = frozenset({ContactKind.REPLY, ContactKind.REFERENCES_REQUESTED})


def recent_replies(interviews: Iterable[Interview], today: date, days: int = 7) -> int:
    """Employer answers in the last `days` days, for the burnout guard of calm.md.

    A reply, a request for references, an interview held and an interview booked
    (still to come) all mean that somebody answered; applying a lot with none of
    these back is when rest helps.
    """
    since = today - timedelta(days=days - 1)
    answers = 0
    for interview in interviews:
        if since <= interview.held_on:
            answers += 1
        answers += sum(
            1 for c in interview.contacts if c.kind in EMPLOYER_ANSWERS and since <= c.on <= today
        )
    return answers
