"""Snapshots of getting ready: the rubric, a mock interview's end, the prep card, the stories.

Frozen clock, 80x24, blink and animations off, as every snapshot.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from companion.clock import FrozenClock
from companion.domain.debrief import Debrief
from companion.domain.fit import FitReflection
from companion.domain.interviews import new_interview
from companion.domain.practice import Star, new_question
from companion.domain.stories import new_story
from companion.services import debrief as debrief_service
from companion.store.repository import Repository
from tests.conftest import AppFactory

SIZE = (80, 24)


def _ready(db_path: Path, clock: FrozenClock) -> None:
    """A first round at Acme, the second on Friday; questions, a story, a debrief."""
    now = clock.now()
    today = clock.today()
    with Repository.open(db_path, clock) as repo:
        first, _ = repo.interviews.add(
            new_interview(
                company="Acme",
                role="Data analyst",
                held_on=today - timedelta(days=12),
                interviewers=["Ana Ruiz"],
            )
        )
        first = replace(first, fit=FitReflection(work=4, people=5, note="Kind, quick people."))
        repo.interviews.save(first)
        second = new_interview(
            company="Acme",
            role="Data analyst",
            held_on=date(2026, 3, 6),
            round="second",
            interviewers=["Ana Ruiz", "Sam Lee (head of data)"],
            tags=["leadership"],
        )
        repo.interviews.add(replace(second, previous_round_id=first.id))
        conflict = repo.questions.add(
            new_question(
                "Tell me about a time you disagreed with your manager.",
                now - timedelta(days=12),
                tags=["conflict"],
                interview_id=first.id,
                went_wrong="I rambled about the project and never said what I did.",
                answer="I disagreed about the release date and brought the test results.",
                key_points=["Respect the decision", "Evidence, not opinion"],
                star=Star(
                    situation="A Friday release with failing tests.",
                    result="Shipped a smaller release on time; no rollback.",
                ),
            )
        )
        repo.questions.add(
            new_question(
                "Why do you want to work here?",
                now - timedelta(days=12),
                tags=["motivation"],
                interview_id=first.id,
                answer="Their data team ships to real users every week.",
                key_points=["Their product", "How I would grow"],
            )
        )
        repo.questions.add(
            new_question(
                "What is your biggest weakness?",
                now - timedelta(days=3),
                answer="I say yes too often; I now plan my week on Mondays.",
            )
        )
        repo.stories.add(
            new_story(
                "The late launch",
                now,
                situation="A Friday release with failing tests.",
                task="Make the risk visible.",
                action="I brought the numbers to a ten-minute one-to-one.",
                result="Shipped a smaller release on time; no rollback.",
                tags=["conflict"],
                question_ids=[conflict.id or 0],
            )
        )
        debrief_service.save_debrief(
            repo,
            Debrief(
                interview_id=first.id or 0,
                started_at=now - timedelta(days=12),
                updated_at=now - timedelta(days=12),
                went="Warm, a little rushed at the end.",
                questions=("What do you know about us?", "A time you failed?"),
            ),
            first,
        )


def test_the_rubric_after_the_reveal(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)

    async def tick_some(pilot: Any) -> None:
        await pilot.press("p")
        clock.advance(timedelta(seconds=95))
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("t", "space", "down", "space", "down", "space")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=tick_some)


def test_the_rubric_of_a_plain_question_with_key_points(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)

    async def second_question(pilot: Any) -> None:
        await pilot.press("p", "space", "3", "space", "t", "space")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=second_question)


def test_a_mock_interviews_end(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)

    async def mock_end(pilot: Any) -> None:
        await pilot.press("p")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("space", "3")
            await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        for seconds in (105, 80, 130):
            clock.advance(timedelta(seconds=seconds))
            await pilot.press("enter")
            await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=mock_end)


def test_a_mock_interview_rated(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)

    async def rated(pilot: Any) -> None:
        await pilot.press("p")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("space", "3")
            await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        for seconds in (105, 80, 130):
            clock.advance(timedelta(seconds=seconds))
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("r", "3", "2", "s")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=rated)


def test_the_prep_card(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["g"])


def test_the_prep_card_whole(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)
    assert snap_compare(build_app(), terminal_size=(80, 48), press=["g"])


def test_the_story_bank(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)
    assert snap_compare(build_app(), terminal_size=SIZE, press=["b", "y"])


def test_a_rest_day(
    snap_compare: Any, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _ready(db_path, clock)
    app = build_app(rest_days=frozenset({clock.today().weekday()}))
    assert snap_compare(app, terminal_size=SIZE, press=["p"])
