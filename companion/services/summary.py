"""The calm summary, gathered from the main file: what home, `companion summary` and
the shell prompt show.

This is the hot path of every prompt (benchmark B1): it reads the main file
only, and the question bank's cards and the applications as stored, building
domain objects only for what it counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.domain.applications import summary_since
from companion.domain.interviews import any_accepted
from companion.domain.practice_due import practice_actions
from companion.domain.prep import plan_for
from companion.domain.summary import Summary, SummaryInputs, build_summary
from companion.domain.urges import CHART_DAYS
from companion.domain.waiting import interview_actions, recent_replies, waiting_room
from companion.services.days_off import holidays

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers


def summary_inputs(repo: Repository) -> SummaryInputs:
    """What the summary reads, as of the repository's clock."""
    today = repo.clock.today()
    interviews = repo.interviews.all()
    settings = repo.settings.get()
    rows = waiting_room(
        interviews, repo.references.all(), today, include_closed=True, holidays=holidays(repo)
    )
    # What today's practice offers: the daily limit, rest days, upcoming interviews.
    plan = plan_for(repo.question_cards.items(), interviews, repo.clock.now(), settings)
    practice_due = plan.count
    first_for = next(iter(plan.for_interview.values()), None)
    readying = next((i for i in interviews if i.id == first_for), None)
    for_it = sum(1 for iid in plan.for_interview.values() if iid == first_for)
    return SummaryInputs(
        settings=settings,
        actions=(
            *interview_actions(rows),
            *practice_actions(practice_due, readying, today, for_it),
        ),
        waiting=tuple(row for row in rows if row.interview.is_open),
        offer_accepted=any_accepted(interviews),
        recent_replies=recent_replies(interviews, today),
        practice_due=practice_due,
        applications=tuple(repo.applications.seen_since(summary_since(today))),
        urge_days=tuple(repo.urges.recent_days(today, CHART_DAYS)),
        questions=repo.question_cards.count(),
        interviews=len(interviews),
        interviews_held=any(i.held_on <= today for i in interviews),
    )


def summary(repo: Repository) -> Summary:
    """The summary of now: today's, with a suggestion that fits the hour."""
    now = repo.clock.now()
    return build_summary(summary_inputs(repo), now.date(), now.hour)
