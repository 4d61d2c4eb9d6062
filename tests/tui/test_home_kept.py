"""Home's summary kept for the next start (services/kept_home.py): shown only for the
main file it was made from, within its window, and then the same as one made now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from companion import answers
from companion.clock import FrozenClock
from companion.domain.summary import Summary
from companion.services import kept_home
from companion.services import summary as summaries
from companion.store.repository import Repository
from companion.tui.app import CompanionApp, make_app
from tests import seed_interviews
from tests.conftest import AppFactory

HOME_TEXT = ("#today", "#message", "#actions", "#coming-up", "#suggestion", "#also")


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall clock an hour ahead: a file written in the test counts as settled."""
    monkeypatch.setattr(answers, "wall_ns", lambda: answers.time.time_ns() + 3_600 * 10**9)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[Summary]:
    """Each summary made from the data (not taken from the kept one)."""
    calls: list[Summary] = []
    original = summaries.summary

    def spy(repo: object) -> Summary:
        summary = original(repo)  # type: ignore[arg-type]
        calls.append(summary)
        return summary

    monkeypatch.setattr(summaries, "summary", spy)
    return calls


def _kept_file(db_path: Path) -> Path:
    return Path(answers.kept_path(str(db_path), answers.HOME_SUMMARY))


async def _home(app: CompanionApp) -> dict[str, str]:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()  # home keeps its summary once it has painted
        return {selector: str(app.screen.query_one(selector).render()) for selector in HOME_TEXT}


@pytest.fixture
def start(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> Callable[[], CompanionApp]:
    """Each call a start of the app on the same data (welcomed once, before)."""
    seed_interviews.seed(db_path, clock, seed_interviews.every_phase())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    return lambda: build_app(welcomed=False)  # False: the factory writes nothing


async def test_the_next_start_shows_the_kept_summary_as_it_would_make_it(
    start: Callable[[], CompanionApp], db_path: Path, settled: None, made: list[Summary]
) -> None:
    made_now = await _home(start())
    assert len(made) == 1
    assert _kept_file(db_path).stat().st_mode & 0o777 == 0o600
    made.clear()
    kept = await _home(start())
    assert made == []
    assert kept == made_now
    assert "heads-up" in kept["#actions"] or kept["#actions"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda clock, db: clock.advance(timedelta(hours=1)), id="the-next-hour"),
        pytest.param(lambda clock, db: clock.advance(timedelta(days=1)), id="the-next-day"),
        pytest.param(
            lambda clock, db: seed_interviews.seed(db, clock, seed_interviews.every_phase()[:1]),
            id="a-change-to-the-data",
        ),
        pytest.param(lambda clock, db: _kept_file(db).chmod(0o644), id="others-may-read-it"),
        pytest.param(
            lambda clock, db: _kept_file(db).write_bytes(
                _kept_file(db).read_bytes()[:-1] + b"\x00"
            ),
            id="not-a-pickle-of-a-summary",
        ),
    ],
)
async def test_a_kept_summary_that_does_not_hold_is_made_again(
    start: Callable[[], CompanionApp],
    db_path: Path,
    clock: FrozenClock,
    settled: None,
    made: list[Summary],
    change: Callable[[FrozenClock, Path], object],
) -> None:
    await _home(start())
    assert _kept_file(db_path).exists()
    change(clock, db_path)
    made.clear()
    shown = await _home(start())
    assert len(made) == 1
    _kept_file(db_path).unlink(missing_ok=True)
    fresh = await _home(start())
    assert shown == fresh


async def test_nothing_is_kept_from_a_main_file_still_settling(
    start: Callable[[], CompanionApp], db_path: Path
) -> None:
    await _home(start())
    assert not _kept_file(db_path).exists()


# Home drawn from the kept summary, the database opened after its first frame


def _after_paint(db_path: Path, clock: FrozenClock, **options: Any) -> CompanionApp:
    return make_app(db_path, clock, cursor_blink=False, open_after_paint=True, **options)


async def _keep_one(start: Callable[[], CompanionApp], db_path: Path) -> dict[str, str]:
    shown = await _home(start())
    assert _kept_file(db_path).exists()
    return shown


async def test_home_drawn_before_the_data_is_opened_is_home_as_it_is(
    start: Callable[[], CompanionApp],
    db_path: Path,
    clock: FrozenClock,
    settled: None,
    made: list[Summary],
) -> None:
    shown = await _keep_one(start, db_path)
    made.clear()
    app = _after_paint(db_path, clock)
    assert app.opens_after_paint
    opened_at_first_frame: list[bool] = []
    original = app.open_after_paint

    def at_first_frame() -> None:
        opened_at_first_frame.append(not app.opens_after_paint)
        original()

    app.open_after_paint = at_first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert opened_at_first_frame[:1] == [False]  # nothing opened it before the frame
        assert not app.opens_after_paint
        assert not app.read_only
        texts = {selector: str(app.screen.query_one(selector).render()) for selector in HOME_TEXT}
        assert texts == shown
        assert made == []
        await pilot.press("w")  # and the data is there for every place
        await pilot.pause()
        assert app.current_mode == "waiting"
    app.close_repository()


async def test_another_companion_holding_the_data_is_said_once_it_is_opened(
    start: Callable[[], CompanionApp], db_path: Path, clock: FrozenClock, settled: None
) -> None:
    await _keep_one(start, db_path)
    with Repository.open(db_path, clock):
        app = _after_paint(db_path, clock)
        assert app.opens_after_paint
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert app.read_only
            assert "Read-only" in str(app.screen.query_one("#read-only").render())
            assert app.screen.query_one("#read-only").display


async def test_a_file_that_no_longer_loads_ends_the_app_saying_so(
    start: Callable[[], CompanionApp], db_path: Path, clock: FrozenClock, settled: None
) -> None:
    await _keep_one(start, db_path)
    app = _after_paint(db_path, clock)
    assert app.opens_after_paint
    # between the summary kept and the open, the file was spoilt (no longer the same file)
    db_path.write_text("{ not json", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 1
    assert app.exit_problem is not None and str(db_path) in app.exit_problem
    assert db_path.read_text(encoding="utf-8") == "{ not json"  # left as it was
    app.close_repository()  # nothing was opened: nothing to close


async def test_anything_that_needs_the_data_sooner_opens_it(
    start: Callable[[], CompanionApp], db_path: Path, clock: FrozenClock, settled: None
) -> None:
    await _keep_one(start, db_path)
    app = _after_paint(db_path, clock)
    assert app.opens_after_paint
    assert app.repo.interviews.all()  # opened here, before any frame
    assert not app.opens_after_paint
    app.close_repository()


@pytest.mark.parametrize(
    "options", [{"start": "waiting"}, {"start": "breathe"}], ids=["another-place", "a-target"]
)
async def test_only_home_is_drawn_before_the_data_is_opened(
    start: Callable[[], CompanionApp],
    db_path: Path,
    clock: FrozenClock,
    settled: None,
    options: dict[str, str],
) -> None:
    await _keep_one(start, db_path)
    app = _after_paint(db_path, clock, **options)
    assert not app.opens_after_paint
    app.close_repository()


async def test_the_welcome_is_never_skipped(
    db_path: Path, clock: FrozenClock, settled: None
) -> None:
    seed_interviews.seed(db_path, clock, seed_interviews.every_phase())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=False)
    first = make_app(db_path, clock, cursor_blink=False)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert type(first.screen).__name__ == "WelcomeScreen"
    first.close_repository()
    kept = kept_home.kept_summary(db_path, kept_home.identity(db_path), clock.now())
    assert kept is not None and not kept.settings.welcomed  # kept even so, and still holds
    app = _after_paint(db_path, clock)
    assert not app.opens_after_paint  # but the welcome is not drawn before the data
    app.close_repository()


async def test_quitting_before_the_data_is_opened_saves_nothing_and_says_nothing(
    start: Callable[[], CompanionApp], db_path: Path, clock: FrozenClock, settled: None
) -> None:
    await _keep_one(start, db_path)
    before = db_path.read_bytes()
    app = _after_paint(db_path, clock)
    assert app.save_now() is None
    assert not app.unsaved_changes
    app.close_repository()
    assert app.exit_problem is None
    assert app.opens_after_paint  # nothing opened it
    assert db_path.read_bytes() == before
