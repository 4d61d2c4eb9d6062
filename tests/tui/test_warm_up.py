"""The places built while the person reads home (companion/startup.py, `WarmUp`): a
place built ahead is drawn as its visit will show it, and practice's sitting chosen
ahead starts (its timer) when it is seen, or is chosen again if the data moved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.practice import new_question
from companion.startup import AFTER_PAINT, QUIET, WarmUp
from companion.store.repository import Repository
from companion.tui.app import WARM_BUILT, CompanionApp
from companion.tui.navigation import DESTINATIONS
from companion.tui.screens.practice import PracticeScreen
from companion.tui.widgets import AnswerTimer
from tests import seed_interviews
from tests.conftest import AppFactory
from tests.seed_journal import seed_journal

KEYS = {d.mode: d.key for d in DESTINATIONS}


def _with_warm_up(app: CompanionApp) -> CompanionApp:
    app.warm_up = WarmUp(WARM_BUILT, ())
    return app


async def _until_warm(app: CompanionApp, pilot: Pilot[object]) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if app.warm_up is not None and app.warm_up.done:
            return
    raise AssertionError(f"places still to build: {app.warm_up and app.warm_up.left}")


def _seed_questions(db_path: Path, clock: FrozenClock, due_in: timedelta) -> None:
    with Repository.open(db_path, clock) as repo:
        for text in ("Why this company?", "Tell me about a setback."):
            repo.questions.add(new_question(text, clock.now() + due_in, answer="An answer"))


@pytest.fixture
def resized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The widgets whose size or scrolling area changes, as they change."""
    changed: list[str] = []
    original = Widget._size_updated

    def spy(self: Widget, size: object, virtual_size: object, container_size: object, **kw: object):  # type: ignore[no-untyped-def]
        before = (self.size, self.virtual_size, self.container_size)
        result = original(self, size, virtual_size, container_size, **kw)  # type: ignore[arg-type]
        if (self.size, self.virtual_size, self.container_size) != before:
            changed.append(f"{type(self).__name__}#{self.id}")
        return result

    monkeypatch.setattr(Widget, "_size_updated", spy)
    return changed


@pytest.mark.parametrize("mode", ["waiting", "practice", "bank", "journal", "applications"])
async def test_a_place_built_ahead_is_laid_out_as_its_first_visit_shows_it(
    build_app: AppFactory,
    db_path: Path,
    clock: FrozenClock,
    resized: list[str],
    mode: str,
) -> None:
    many = seed_interviews.every_phase() * 4  # more than a screen: the list scrolls
    app = _lived_in(build_app, db_path, clock, many)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until_warm(app, pilot)
        screen: Screen[object] = app._screen_stacks[mode][0]
        assert not screen._layout_required
        resized.clear()
        await pilot.press(KEYS[mode])
        await pilot.pause()
        assert app.screen is screen
        assert resized == [], f"re-arranged at the first visit of {mode}: {resized}"
        assert not screen._layout_required


def _lived_in(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, interviews: list[Interview]
) -> CompanionApp:
    """An app that builds its places ahead, on interviews, a journal and questions due."""
    seed_interviews.seed(db_path, clock, interviews)
    seed_journal(db_path, clock)
    _seed_questions(db_path, clock, timedelta(0))
    return _with_warm_up(build_app())


def _styles(screen: Screen[object]) -> dict[int, tuple[object, ...]]:
    """Each node's rules and classes, and its parts' rules (Textual's component styles)."""
    return {
        id(node): (
            dict(node.styles.base._rules),
            node.classes,
            {part: dict(styles.base._rules) for part, styles in node._component_styles.items()},
        )
        for node in screen.walk_children(with_self=True)
    }


@pytest.mark.parametrize("mode", WARM_BUILT)
async def test_a_place_built_ahead_is_styled_as_its_first_visit_shows_it(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, mode: str
) -> None:
    app = _lived_in(build_app, db_path, clock, seed_interviews.every_phase())
    async with app.run_test(size=(80, 24)) as pilot:
        await _until_warm(app, pilot)
        screen: Screen[object] = app._screen_stacks[mode][0]
        built = _styles(screen)
        await pilot.press(KEYS[mode])
        await pilot.pause()
        assert app.screen is screen
        seen = _styles(screen)
        assert [key for key in built if seen.get(key) != built[key]] == []


async def test_practice_chosen_ahead_starts_its_timer_when_seen(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _seed_questions(db_path, clock, timedelta(0))
    app = _with_warm_up(build_app())
    async with app.run_test(size=(80, 24)) as pilot:
        await _until_warm(app, pilot)
        practice = app._screen_stacks["practice"][0]
        assert isinstance(practice, PracticeScreen)
        assert practice.query_one(AnswerTimer).started is None
        clock.advance(timedelta(minutes=7))
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is practice
        assert practice.query_one(AnswerTimer).started == clock.now()
        assert "Question 1 of 2" in str(practice.query_one("#progress", Static).render())


def _add_a_due_question(app: CompanionApp, clock: FrozenClock) -> None:
    app.repo.questions.add(new_question("What would you change here?", clock.now()))


def _next_day(app: CompanionApp, clock: FrozenClock) -> None:
    clock.advance(timedelta(days=1))


@pytest.mark.parametrize(
    ("due_in", "move", "shown"),
    [
        (timedelta(days=3), _add_a_due_question, "Question 1 of 1"),
        (timedelta(days=1), _next_day, "Question 1 of 2"),
    ],
    ids=["the data moved", "the day moved"],
)
async def test_practice_chosen_ahead_is_chosen_again_when_what_it_read_moved(
    build_app: AppFactory,
    db_path: Path,
    clock: FrozenClock,
    due_in: timedelta,
    move: Callable[[CompanionApp, FrozenClock], None],
    shown: str,
) -> None:
    _seed_questions(db_path, clock, due_in)
    app = _with_warm_up(build_app())
    async with app.run_test(size=(80, 24)) as pilot:
        await _until_warm(app, pilot)
        practice = app._screen_stacks["practice"][0]
        assert isinstance(practice, PracticeScreen)
        assert practice.queue == [] and practice.current is None  # nothing due when chosen
        move(app, clock)
        await pilot.press("p")
        await pilot.pause()
        assert shown in str(practice.query_one("#progress", Static).render())
        assert practice.query_one(AnswerTimer).started == clock.now()


class _Timers:
    """What WarmUp asks of the app before it builds anything: timers, and no held frames."""

    _batch_count = 0

    def __init__(self) -> None:
        self.delays: list[float] = []

    def set_timer(self, delay: float, callback: object) -> None:
        self.delays.append(delay)


def test_the_first_place_waits_a_moment_after_the_paint_and_a_quiet_spell_after_a_key() -> None:
    app = _Timers()
    warm = WarmUp(["waiting"], ())
    warm.start(app)  # type: ignore[arg-type]
    assert app.delays == [AFTER_PAINT]
    warm.step(app)  # type: ignore[arg-type]
    assert 0 < app.delays[-1] <= AFTER_PAINT
    warm.on_key()
    warm.step(app)  # type: ignore[arg-type]
    assert AFTER_PAINT < app.delays[-1] <= QUIET
    assert warm.left == [("build", "waiting")]  # nothing built while not quiet


def test_a_key_puts_off_the_arrangement_and_the_drawing_of_a_place_being_built() -> None:
    app = _Timers()
    warm = WarmUp([], ())
    warm.on_key()
    screen = object()  # not looked at: either piece would fail on it if it went on
    warm.lay_out(app, screen)  # type: ignore[arg-type]
    warm.draw(app, screen)  # type: ignore[arg-type]
    assert len(app.delays) == 2
    assert all(AFTER_PAINT < delay <= QUIET for delay in app.delays)
