"""The installed command: a mock interview from the shell, a run-through, then a rated one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.domain.practice import new_question
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env

pytestmark = pytest.mark.e2e


def _seed(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        for n, text in enumerate(("Why [b]this[/b] team?", "A time you failed?", "Your weakness?")):
            repo.questions.add(
                new_question(
                    text,
                    clock.now() - timedelta(days=5 - n),
                    tags=["behavioural"],
                    answer=f"My answer {n + 1}.",
                    key_points=["One point"],
                    due=clock.now() + timedelta(days=9),
                )
            )


def _cards(db_path: Path, clock: FrozenClock) -> dict[int | None, object]:
    with Repository.open(db_path, clock, access="read") as repo:
        return {q.id: q.card.to_dict() for q in repo.questions.all()}


def test_a_mock_interview_run_through_then_rated(
    tmux: Tmux, db_path: Path, clock: FrozenClock
) -> None:
    _seed(db_path, clock)
    before = _cards(db_path, clock)
    env = companion_env(clock.now().isoformat())
    argv = [str(COMPANION), "--db", str(db_path), "practice", "--mock", "2", "--tag", "behavioural"]

    tmux.start(argv, env)
    screen = tmux.wait_for("Mock interview · Question 1 of 2 · tagged behavioural")
    assert "Why [b]this[/b] team?" in screen
    assert "My answer 1." not in screen  # no notes until the end
    tmux.send("Enter")
    tmux.wait_for("Question 2 of 2")
    tmux.send("Enter")
    screen = tmux.wait_for("The mock interview is done: 2 questions")
    assert "A time you failed?" in screen
    tmux.send("j")
    tmux.wait_for("Just a run-through: nothing in your")
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    assert _cards(db_path, clock) == before
    assert "reviews-2026-03" not in Layout(db_path).part_names()

    second = Tmux(db_path.parent, width=80, height=24)
    try:
        second.start(argv, env)
        second.wait_for("Question 1 of 2")
        second.send("Enter")
        second.wait_for("Question 2 of 2")
        second.send("Enter")
        second.wait_for("The mock interview is done")
        second.send("r")
        screen = second.wait_for("My answer 1.")
        assert "What did your answer have?" in screen
        assert "One point" in screen
        second.send("t", "Space", "Enter")  # tick the key point, take the suggestion (Good)
        second.wait_for("Looking back · 2 of 2")
        second.send("2")
        screen = second.wait_for("Each rating went to your schedule.")
        assert "Good" in screen and "Hard" in screen
        second.send("q")
        assert second.wait_for_exit() == 0
    finally:
        second.kill()
    reviews = orjson.loads(Layout(db_path).part("reviews-2026-03").read_bytes())["reviews"]
    stored = sorted(reviews.values(), key=lambda r: r["review_datetime"])
    assert [(r["rating"], r["mock"]) for r in stored] == [(3, True), (2, True)]
    assert stored[0]["rubric"] == [{"label": "One point", "kind": "point", "ticked": True}]
    assert _cards(db_path, clock) != before
