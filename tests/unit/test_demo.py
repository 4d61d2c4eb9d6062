"""Demo mode: a realistic throwaway database that never touches the user's own."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.demo import demo_database
from companion.domain.timeline import Phase
from companion.domain.waiting import waiting_room
from companion.services import summary as summaries
from companion.store.repository import Repository


def test_the_demo_shows_every_phase_and_every_capability(clock: FrozenClock) -> None:
    with demo_database(clock) as path, Repository.open(path, clock, access="read") as repo:
        rows = waiting_room(
            repo.interviews.all(), repo.references.all(), clock.today(), include_closed=True
        )
        phases = {row.timeline.phase for row in rows}
        summary = summaries.summary(repo)
        assert set(Phase) <= phases
        assert summary.practice_due > 0
        assert summary.applied_this_week > 0
        assert summary.urges_today > 0
        assert len(summary.actions) == 3
        assert repo.questions.recent_rehearsals(clock.now())
        assert len(repo.journal.all()) >= 3


def test_the_demo_folder_is_removed_afterwards(
    clock: FrozenClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with demo_database(clock) as path:
        assert path.exists()
    assert list(tmp_path.iterdir()) == []


def test_demo_commands_never_touch_the_users_database(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    monkeypatch.setenv("COMPANION_DB", str(db_path))
    assert main(["--demo", "summary", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert len(data["waiting"]) >= 5
    assert data["practice_due"] > 0
    assert (
        main(
            [
                "--demo",
                "--db",
                str(db_path),
                "interview",
                "add",
                "--company",
                "X",
                "--role",
                "Y",
                "--on",
                "today",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert not db_path.exists()
    assert not db_path.parent.exists()
