"""Practice's use cases over the repository: today's plan, rating a rehearsal, a mock's pool.

The practice screen, the mock interview, the prep card and the command line
all call these, so every path rates and plans the same way. (They move to the
service layer, `companion/services/`, when it lands.)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from fsrs import Rating

from companion.domain.interviews import Interview
from companion.domain.practice import Question, plan_items, rehearse
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import BankItem, TodayPlan, plan_today
from companion.domain.prep import prep_question_ids, upcoming_preps
from companion.domain.rubric import Tick
from companion.domain.stories import Story, stories_that_fit
from companion.store.repository import Repository


def practice_days(repo: Repository, now: datetime) -> PracticeDays:
    return PracticeDays.at(now, repo.settings.get().day_starts)


def plan_for_today(
    repo: Repository, now: datetime, questions: Sequence[Question] | None = None
) -> TodayPlan:
    """What today's practice offers now: the limit, rest days and upcoming interviews."""
    settings = repo.settings.get()
    days = PracticeDays.at(now, settings.day_starts)
    items = plan_items(repo.questions.all() if questions is None else questions)
    preps = upcoming_preps(repo.interviews.all(), items, days.today(now))
    return plan_today(items, now, days, settings.load, preps)


def rate(
    repo: Repository,
    question: Question,
    rating: Rating,
    now: datetime,
    answered_for: timedelta | None,
    ticks: Sequence[Tick] = (),
    *,
    mock: bool = False,
) -> Question:
    """Rate one rehearsal and save it: the card moved on (a used step goes to days), the
    review with its ticks, and each story ticked as told counted once more."""
    moved, rehearsal = rehearse(
        question, rating, now, answered_for, repo.scheduling(), ticks=ticks, mock=mock
    )
    repo.questions.record(moved, rehearsal)
    return moved


def fitting_stories(repo: Repository, question: Question) -> tuple[list[Story], list[Story]]:
    """The stories linked to a question, and those that share a tag with it."""
    if question.id is None:
        return [], []
    return stories_that_fit(question.id, question.tags, repo.stories.all())


def interview_questions(
    repo: Repository, interview: Interview, questions: Sequence[Question] | None = None
) -> tuple[int, ...]:
    """The questions an interview brings forward (its prep set), the most useful first."""
    bank = repo.questions.all() if questions is None else questions
    items: list[BankItem] = plan_items(bank)
    return prep_question_ids(interview, repo.interviews.all(), items)
