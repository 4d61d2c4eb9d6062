"""Shared fixtures: a frozen clock, a database under tmp_path, and the app built from them."""

from __future__ import annotations

import os

os.environ["TEXTUAL_ANIMATIONS"] = "none"

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository
from companion.tui.app import CompanionApp, make_app

AppFactory = Callable[..., CompanionApp]

# Tuesday 3 March 2026, the day of the worked examples in etiquette.md.
FROZEN_AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(FROZEN_AT)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "companion.json"


@pytest.fixture
def repo(db_path: Path, clock: FrozenClock) -> Iterator[Repository]:
    repository = Repository.open(db_path, clock)
    yield repository
    repository.close()


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real user data or config folder, nor take the user's settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("COMPANION_DB", "COMPANION_THEME", "COMPANION_KEYMAP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COMPANION_FROZEN_NOW", raising=False)


@pytest.fixture(autouse=True)
def _work_in_a_temp_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each test (and each program it starts) runs in a folder of its own, so an export
    or any file written to the current folder never lands in the repository."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture
def build_app(db_path: Path, clock: FrozenClock) -> Iterator[AppFactory]:
    """Build the app the way the CLI does, on the test database, with the blink off."""
    built: list[CompanionApp] = []

    def build(welcomed: bool = True, **settings: Any) -> CompanionApp:
        if welcomed or settings:
            with Repository.open(db_path, clock) as repo:
                repo.settings.update(welcomed=welcomed, **settings)
        app = make_app(db_path, clock, cursor_blink=False)
        built.append(app)
        return app

    yield build
    for app in built:
        app.close_repository()


def add_interviews(repo: Repository, count: int) -> None:
    """Interviews 1..count that questions may point at; moved on, so they suggest nothing."""
    from companion.domain.interviews import Interview, move_on

    today = repo.clock.today()
    for n in range(1, count + 1):
        held = Interview(company=f"Company {n}", role="Analyst", held_on=today)
        repo.interviews.add(move_on(held, "", today))
