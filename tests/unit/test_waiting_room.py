"""The waiting room's order and what it gives the summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    ContactKind,
    Interview,
    Outcome,
    log_contact,
    new_interview,
    set_outcome,
)
from companion.domain.waiting import interview_actions, waiting_room

TODAY = date(2026, 3, 3)


def saved(interview: Interview, interview_id: int) -> Interview:
    return replace(interview, id=interview_id)


def test_open_ones_soonest_first_then_closed_ones_latest_first() -> None:
    thank = saved(new_interview(company="A", role="r", held_on=TODAY), 1)  # best by 4 Mar
    check_in = saved(new_interview(company="B", role="r", held_on=date(2026, 2, 1)), 2)  # 16 Feb
    upcoming = saved(new_interview(company="C", role="r", held_on=date(2026, 3, 20)), 3)
    closed_early = saved(set_outcome(check_in, Outcome.REJECTED, date(2026, 2, 1)), 4)
    closed_late = saved(set_outcome(thank, Outcome.WITHDRAWN, date(2026, 3, 2)), 5)
    interviews = [upcoming, closed_early, thank, closed_late, check_in]
    assert [r.id for r in waiting_room(interviews, [], TODAY)] == [2, 1, 3]
    everything = waiting_room(interviews, [], TODAY, include_closed=True)
    assert [r.id for r in everything] == [2, 1, 3, 5, 4]
    assert everything[-1].timeline.next_step == "not this time, Sun 1 Feb"


def test_actions_point_at_their_interview_and_leave_quiet_notes_out() -> None:
    fresh = saved(new_interview(company="A", role="r", held_on=TODAY), 7)
    noted = saved(
        replace(
            set_outcome(
                log_contact(
                    new_interview(company="B", role="r", held_on=date(2026, 2, 20)),
                    ContactKind.THANK_YOU,
                    date(2026, 2, 20),
                    TODAY,
                ),
                Outcome.NEXT_ROUND,
                date(2026, 3, 1),
            ),
            fit=FitReflection(work=5),
        ),
        8,
    )
    rows = waiting_room([fresh, noted], [], TODAY)
    assert [s.kind for s in rows[1].timeline.suggestions] == ["decide"]
    actions = interview_actions(rows)
    assert [(a.kind, a.target) for a in actions] == [
        ("thank_you", "draft:7:thank_you"),
        ("debrief", "debrief:7"),
    ]
    assert actions[0].due == date(2026, 3, 4)
