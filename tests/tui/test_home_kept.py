"""Home's summary kept for the next start (services/kept_home.py): shown only for the
main file it was made from, within its window, and then the same as one made now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from companion import answers
from companion.clock import FrozenClock
from companion.domain.summary import Summary
from companion.services import summary as summaries
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
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
