"""The question bank and rehearsing: today's plan, rating a rehearsal (with its ticks), a
mock interview's questions, an interview's prep card, questions and starter decks.

Builds on the `fsrs` scheduler (through `domain.practice`): only what practises
imports this module. Every rating goes through `rate`, so every path (practice,
practising ahead, a mock interview, a script) schedules the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from companion.domain.dates import friendly
from companion.domain.decks import Deck, ImportResult
from companion.domain.interviews import Interview
from companion.domain.mock import mock_questions, with_tag
from companion.domain.practice import (
    Question,
    Rating,
    Scheduling,
    Star,
    plan_items,
    rehearse,
)
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import TodayPlan
from companion.domain.practice_stats import PracticeStats, practice_stats
from companion.domain.prep import plan_for, prep_question_ids, soonest_upcoming
from companion.domain.prep_card import PrepCard, build_prep_card
from companion.domain.rubric import Tick
from companion.domain.stories import Story, stories_that_fit
from companion.store.deck_files import ShippedDeck as ShippedDeck
from companion.store.deck_files import shipped_decks
from companion.store.repository import Repository

TO_ASK_DECK = "08-questions-to-ask-them"


def scheduling(repo: Repository) -> Scheduling:
    """How rehearsals are scheduled, from the user's desired retention and day start."""
    settings = repo.settings.get()
    return Scheduling(desired_retention=settings.desired_retention, day_starts=settings.day_starts)


def practice_days(repo: Repository) -> PracticeDays:
    """The person's days: the clock's zone, and the hour their day starts."""
    return PracticeDays.at(repo.clock.now(), repo.settings.get().day_starts)


def plan_for_today(repo: Repository, questions: Sequence[Question] | None = None) -> TodayPlan:
    """What today's practice offers now: the limit, rest days, upcoming interviews."""
    bank = repo.questions.all() if questions is None else questions
    return plan_for(plan_items(bank), repo.interviews.all(), repo.clock.now(), repo.settings.get())


def rate(
    repo: Repository,
    question: Question,
    rating: Rating,
    answered_for: timedelta | None,
    ticks: Sequence[Tick] = (),
    *,
    mock: bool = False,
) -> Question:
    """Rate a rehearsal now: the card moves on (a used step goes to days), the rehearsal is
    logged with its ticks, and each story ticked as told is counted once more. Returns
    the question as saved."""
    moved, rehearsal = rehearse(
        question, rating, repo.clock.now(), answered_for, scheduling(repo), ticks=ticks, mock=mock
    )
    repo.questions.record(moved, rehearsal)
    return moved


def add_question(repo: Repository, question: Question) -> Question:
    """Save a new question; returns it with its id."""
    return repo.questions.add(question)


def edit_question(
    repo: Repository,
    question: Question,
    answer: str,
    star: Star | None = None,
    key_points: Sequence[str] | None = None,
) -> Question:
    """Save an edited question with its answer: a changed answer becomes a new version,
    and the one it replaces is kept; key points (None: as they were) change in place."""
    return repo.questions.improve_answer(question, answer, repo.clock.now(), star, key_points)


def set_resting(repo: Repository, question: Question, resting: bool) -> Question:
    """A resting question does not come up until it is woken."""
    return repo.questions.set_suspended(question, resting)


def delete_question(repo: Repository, question: Question) -> None:
    """The question and its earlier answers (and its place in any story); its anonymous
    rehearsal log is kept."""
    repo.questions.delete(question)


def starter_decks() -> list[ShippedDeck]:
    return shipped_decks()


def import_deck(repo: Repository, deck: Deck) -> ImportResult:
    """Add the deck's questions the bank does not have yet, a few a day from today, each
    day's from the start of that day."""
    return repo.questions.import_deck(deck, repo.clock.now(), practice_days(repo))


def stats(
    repo: Repository, questions: list[Question], now: datetime, plan: TodayPlan | None = None
) -> PracticeStats:
    """The practice stats panel: the bank, the rehearsals of the last weeks, and what
    today's plan still offers."""
    recent = repo.questions.recent_rehearsals(now)
    return practice_stats(
        questions,
        [r.at for r in recent],
        now,
        scheduling(repo),
        left_today=plan.count if plan else 0,
        rest_day=plan.rest_day if plan else False,
    )


def fitting_stories(repo: Repository, question: Question) -> tuple[list[Story], list[Story]]:
    """The stories linked to a question, and those that share a tag with it."""
    if question.id is None:
        return [], []
    return stories_that_fit(question.id, question.tags, repo.stories.all())


def next_interview(repo: Repository) -> Interview | None:
    """The soonest interview held on a future day, still open (only the open ones are
    read: an upcoming interview is open)."""
    return soonest_upcoming(repo.interviews.open_ones(), repo.clock.today())


def interview_questions(
    repo: Repository, interview: Interview, questions: Sequence[Question] | None = None
) -> tuple[int, ...]:
    """The questions an interview brings forward (its prep set), the most useful first."""
    bank = repo.questions.all() if questions is None else questions
    return prep_question_ids(interview, repo.interviews.all(), plan_items(bank))


def mock_for(
    repo: Repository, count: int, interview_id: int | None = None, tag: str | None = None
) -> tuple[list[Question], str]:
    """The questions of a mock and what it is for: a tag's, an interview's, or (with
    neither) the next interview's when one is coming up, else any."""
    questions = repo.questions.all()
    if tag is not None:
        return mock_questions(with_tag(questions, tag), count), f"tagged {tag}"
    interview = (
        repo.interviews.get(interview_id) if interview_id is not None else next_interview(repo)
    )
    if interview is None:
        return mock_questions(questions, count), ""
    wanted = interview_questions(repo, interview, questions)
    chosen = mock_questions(questions, count, wanted)
    if len(chosen) < count:
        taken = {q.id for q in chosen}
        chosen += mock_questions([q for q in questions if q.id not in taken], count - len(chosen))
    return chosen, f"for {interview.company} ({friendly(interview.held_on, repo.clock.today())})"


def _deck_to_ask() -> list[str]:
    for shipped in shipped_decks():
        if shipped.slug == TO_ASK_DECK:
            return [q.text for q in shipped.deck.questions]
    return []


def prep_card(repo: Repository, interview_id: int) -> PrepCard | None:
    """One page to read before an interview; None when there is no such interview."""
    interview = repo.interviews.get(interview_id)
    if interview is None:
        return None
    questions = repo.questions.all()
    return build_prep_card(
        interview,
        repo.interviews.all(),
        questions,
        interview_questions(repo, interview, questions),
        repo.stories.all(),
        {d.interview_id: d for d in repo.debriefs.all()},
        _deck_to_ask(),
        practice_days(repo),
    )
