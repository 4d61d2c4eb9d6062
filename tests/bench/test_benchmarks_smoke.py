"""The benchmark scripts work (typical profile, one run each); no timing is asserted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from benchmarks.generate import GENERATORS, generate
from benchmarks.measure import Pair, Run, RunFailed, run_in_pty
from benchmarks.profiles import PROFILES
from benchmarks.rehearsal import (
    check_stored,
    copy_database,
    percentile,
    rehearse_in_app,
    stored_reviews,
)
from benchmarks.run import BENCHMARKS, FROZEN_NOW
from benchmarks.visits import MARKERS, PLACES, visit_places
from companion.clock import FrozenClock
from companion.domain.dates import week_start
from companion.domain.timeline import Phase
from companion.domain.worries import State as WorryState
from companion.domain.writing import PROGRAMME_TAG
from companion.services import summary as summaries
from companion.store.repository import Repository
from tests.conftest import FROZEN_AT

ROOT = Path(__file__).parent.parent.parent

pytestmark = pytest.mark.slow


def test_the_generator_writes_every_part_through_the_repository_with_a_fixed_seed(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a" / "companion.json", tmp_path / "b" / "companion.json"
    outcome = generate(first, PROFILES["typical"], seed=5)
    generate(second, PROFILES["typical"], seed=5)
    assert first.read_bytes() == second.read_bytes()
    parts = sorted(p.name for p in first.with_suffix(".history").iterdir())
    assert parts == sorted(p.name for p in second.with_suffix(".history").iterdir())
    for name in parts:
        again = second.with_suffix(".history") / name
        assert (first.with_suffix(".history") / name).read_bytes() == again.read_bytes(), name
    # every part of the profile is written, with its count
    assert outcome.pending == {}
    assert outcome.written == {
        name: part.count(PROFILES["typical"]) for name, part in GENERATORS.items()
    }


def test_the_typical_database_looks_lived_in_on_the_frozen_day(tmp_path: Path) -> None:
    path = tmp_path / "companion.json"
    generate(path, PROFILES["typical"])
    with Repository.open(path, FrozenClock(FROZEN_AT), access="read") as repo:
        assert repo.settings.get().welcomed  # the app opens on home, not the welcome
        inputs = summaries.summary_inputs(repo)
        assert inputs.practice_due > 0
        phases = {row.timeline.phase for row in inputs.waiting}
        assert phases >= {Phase.THANK_YOU, Phase.QUIET, Phase.FOLLOW_UP, Phase.MOVE_ON}
        assert Phase.DECIDE in phases
        this_week = [a for a in inputs.applications if a.applied_on >= week_start(FROZEN_AT.date())]
        assert this_week
        entries = [e for e in repo.journal.all() if PROGRAMME_TAG not in e.tags]
        assert len(entries) == PROFILES["typical"].journal_entries  # and the programme's
        assert repo.writing.steps()
        assert {t.state for t in repo.worries.all()} == set(WorryState)
        assert repo.questions.recent_rehearsals(FROZEN_AT)  # the stats have a month to show
        months = repo.db.part_names("reviews-")
        assert len(months) >= 6, months


def test_the_ratio_is_the_median_of_paired_ratios() -> None:
    def runs(*walls: float) -> list[Run]:
        return [Run(wall, 1000, b"") for wall in walls]

    pair = Pair(baseline=runs(1.0, 2.0, 10.0), measured=runs(3.0, 4.0, 10.0))
    assert pair.ratio("wall") == 2.0  # ratios 3, 2, 1
    assert pair.median("baseline", "wall") == 2.0
    assert pair.median("measured", "peak_rss_kb") == 1000


def test_a_pty_run_tells_when_its_marker_was_read_apart_from_its_exit() -> None:
    script = "import sys, time; sys.stdout.write('ready'); sys.stdout.flush(); time.sleep(0.4)"
    env = {"PATH": os.environ.get("PATH", "")}
    run = run_in_pty([sys.executable, "-c", script], env, marker=b"ready")
    assert run.painted is not None
    assert run.wall - run.painted >= 0.35  # the sleep before the exit is not in `painted`
    unseen = run_in_pty([sys.executable, "-c", "print('other')"], env, marker=b"ready")
    assert unseen.painted is None


def test_the_benchmarks_run_on_the_typical_profile(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--profile",
            "typical",
            "--runs",
            "1",
            "--out",
            str(tmp_path),
            "--ratings",
            "5",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line[:1] == "B"}
    assert sorted(lines) == sorted(b.id for b in BENCHMARKS)
    for measured in ("B1", "B1e", "B2", "B3", "B5", "B6"):
        assert re.search(r"\dx +<=", lines[measured]), lines[measured]  # a ratio, then the target
    for recorded in ("B1c", "B2x", "B2c", "B6c"):
        assert re.search(r"\dx +none", lines[recorded]), lines[recorded]
    assert re.search(r"\d ms +<= 1 s", lines["B4"]), lines["B4"]
    assert re.search(r"\d ms +\d+\.\d+x +p95 <= 150 ms", lines["B7"]), lines["B7"]
    # each sitting says what it did
    assert "B3 baseline: 5 ratings" in result.stdout
    assert "B4 measured: 10 ratings" in result.stdout
    assert "B7 sitting 1: first/second w " in result.stdout
    assert "machine:" in result.stdout
    assert "not generated yet:" not in result.stdout


def test_the_rehearsal_driver_rates_in_the_app_and_finds_every_rating_on_disk(
    tmp_path: Path,
) -> None:
    source = tmp_path / "typical" / "companion.json"
    generate(source, PROFILES["typical"], seed=5)
    copy = copy_database(source, tmp_path / "sitting")
    now = datetime.fromisoformat(FROZEN_NOW)
    before = stored_reviews(copy, now)
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")},
        "COMPANION_FROZEN_NOW": FROZEN_NOW,
        "TEXTUAL_ANIMATIONS": "none",
    }
    session = rehearse_in_app(copy, env, now, ratings=6, watch_saves=True)
    assert len(session.latencies) == len(session.save_delays) == 6
    assert session.due_at_start > 0
    assert len(stored_reviews(copy, now)) == len(before) + 6
    assert source.read_bytes() != copy.read_bytes()  # the copy changed, not the source
    with pytest.raises(RunFailed):  # a rating missing on disk fails the sitting
        check_stored(copy, now, before, [*session.ratings, 3])


def test_the_p95_is_the_nearest_rank() -> None:
    values = [n / 1000 for n in range(1, 201)]
    assert percentile(values, 95) == 0.190
    assert percentile([0.5], 95) == 0.5


def test_the_visits_driver_sees_each_place_painted_twice(tmp_path: Path) -> None:
    source = tmp_path / "typical" / "companion.json"
    generate(source, PROFILES["typical"], seed=5)
    copy = copy_database(source, tmp_path / "visits")
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")},
        "COMPANION_FROZEN_NOW": FROZEN_NOW,
        "TEXTUAL_ANIMATIONS": "none",
    }
    visits = visit_places(copy, env)
    assert sorted(visits.first) == sorted(visits.second) == sorted(PLACES)
    assert all(seconds > 0 for seconds in [*visits.first.values(), *visits.second.values()])


def test_a_place_that_never_paints_its_words_fails_the_visit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "typical" / "companion.json"
    generate(source, PROFILES["typical"], seed=5)
    copy = copy_database(source, tmp_path / "visits")
    monkeypatch.setitem(MARKERS, "s", re.compile(rb"words no place shows"))
    env = {"PATH": os.environ.get("PATH", ""), "COMPANION_FROZEN_NOW": FROZEN_NOW}
    with pytest.raises(RunFailed):
        visit_places(copy, env, places="s", timeout=3.0)
