"""The question bank and rehearsing: add and edit questions, rate a rehearsal, starter decks.

Builds on the `fsrs` scheduler (through `domain.practice`): only what practises
imports this module.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from companion.domain.decks import Deck, ImportResult
from companion.domain.practice import Question, Rating, Scheduling, Star, rehearse
from companion.domain.practice_stats import PracticeStats, practice_stats
from companion.store.deck_files import ShippedDeck as ShippedDeck
from companion.store.deck_files import shipped_decks
from companion.store.repository import Repository


def scheduling(repo: Repository) -> Scheduling:
    """How rehearsals are scheduled, from the user's desired retention."""
    return Scheduling(desired_retention=repo.settings.get().desired_retention)


def rate(
    repo: Repository, question: Question, rating: Rating, answered_for: timedelta | None
) -> Question:
    """Rate a rehearsal now: the question's card moves on and the rehearsal is logged.
    Returns the question as saved."""
    moved, rehearsal = rehearse(question, rating, repo.clock.now(), answered_for, scheduling(repo))
    repo.questions.record(moved, rehearsal)
    return moved


def add_question(repo: Repository, question: Question) -> Question:
    """Save a new question; returns it with its id."""
    return repo.questions.add(question)


def edit_question(
    repo: Repository, question: Question, answer: str, star: Star | None = None
) -> Question:
    """Save an edited question with its answer: a changed answer becomes a new version,
    and the one it replaces is kept."""
    return repo.questions.improve_answer(question, answer, repo.clock.now(), star)


def set_resting(repo: Repository, question: Question, resting: bool) -> Question:
    """A resting question does not come up until it is woken."""
    return repo.questions.set_suspended(question, resting)


def delete_question(repo: Repository, question: Question) -> None:
    """The question and its earlier answers; its anonymous rehearsal log is kept."""
    repo.questions.delete(question)


def starter_decks() -> list[ShippedDeck]:
    return shipped_decks()


def import_deck(repo: Repository, deck: Deck) -> ImportResult:
    """Add the deck's questions the bank does not have yet, a few a day from today."""
    return repo.questions.import_deck(deck, repo.clock.now())


def stats(repo: Repository, questions: list[Question], now: datetime) -> PracticeStats:
    """The practice stats panel: the bank, and the rehearsals of the last weeks."""
    recent = repo.questions.recent_rehearsals(now)
    return practice_stats(questions, [r.at for r in recent], now, scheduling(repo))
