"""Snapshots of practice and the question bank: frozen clock, 80x24, blink and animations off."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.practice import Scheduling, Star, new_question, rehearse
from companion.store.repository import Repository
from tests.conftest import AppFactory, add_interviews

SIZE = (80, 24)


def _bank(db_path: Path, clock: FrozenClock) -> None:
    """A small bank: one question due now with everything filled in, others later."""
    now = clock.now()
    with Repository.open(db_path, clock) as repo:
        add_interviews(repo, 3)
        repo.questions.add(
            new_question(
                "Tell me about a time you disagreed with your manager.",
                now - timedelta(days=2),
                tags=["conflict", "behavioural"],
                interview_id=3,
                went_wrong="I rambled about the project and never said what I did.",
                answer=(
                    "I disagreed about the release date. I asked for ten minutes, showed the "
                    "test results, and we agreed to ship a smaller first version on time."
                ),
                star=Star(
                    situation="A release planned for Friday with failing tests.",
                    task="Make the risk visible without blocking the team.",
                    action="Brought the numbers to a short one-to-one.",
                    result="We shipped a smaller release on time; no rollback.",
                ),
                hint="Respect, evidence, and commitment once the decision was made.",
            )
        )
        repo.questions.add(
            new_question(
                "Why do you want to work here?",
                now,
                tags=["motivation"],
                due=now + timedelta(days=2),
            )
        )
        repo.questions.add(
            new_question(
                "What is your biggest weakness?",
                now,
                tags=["about you"],
                interview_id=3,
                due=now + timedelta(days=9),
            )
        )
        resting = repo.questions.add(
            new_question("Where do you see yourself in five years?", now, tags=["motivation"])
        )
        repo.questions.set_suspended(resting, True)


def _history(db_path: Path, clock: FrozenClock) -> None:
    """Rehearsals on some of the last 30 days, for the sparkline and the stats."""
    scheduling = Scheduling(0.9, fuzz=False)
    with Repository.open(db_path, clock) as repo:
        question = repo.questions.add(
            new_question("How do you handle pressure?", clock.now() - timedelta(days=40))
        )
        for days_ago in (27, 20, 19, 12, 6, 5, 1):
            moment = clock.now() - timedelta(days=days_ago)
            for _ in range(1 + days_ago % 3):
                question, rehearsal = rehearse(question, Rating.Good, moment, None, scheduling)
                repo.questions.record(question, rehearsal)
                moment += timedelta(minutes=30)


def test_practice_question_before_reveal(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p"])


def test_practice_question_after_reveal(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=(80, 30), press=["p", "space"])


def test_practice_after_reveal_light_theme(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    app = build_app(theme="companion-dawn")
    assert snap_compare(app, terminal_size=(80, 30), press=["p", "space"])


def test_practice_nothing_due(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _history(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p"])


def test_practice_empty_bank(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p"])


def test_practice_session_summary(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _history(db_path, clock)
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p", "space", "3"])


def test_practice_markup_in_a_question_is_shown_literally(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.questions.add(
            new_question(
                "What does [bold]ownership[/] mean to you? [red]Honestly[/]",
                clock.now(),
                tags=["[b]values[/b]"],
                answer="Taking [i]care[/] of it to the end, even the dull parts [/].",
            )
        )
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p", "space"])


def test_bank_with_filters(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)

    async def filter_by_interview_and_words(pilot: Any) -> None:
        await pilot.press("b", "o", "enter", "down", "enter", "slash", *"manager", "escape")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=filter_by_interview_and_words)


def test_bank_all_questions(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["b"])


def test_deleting_a_question_asks_first(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["b", "d"])


def test_improve_answer_dialog(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _bank(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["p", "space", "e"])


def test_starter_deck_picker(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, press=["b", "m"])
