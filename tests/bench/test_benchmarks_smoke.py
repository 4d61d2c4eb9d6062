"""The benchmark scripts work (typical profile, one run each); no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import GENERATORS, generate
from benchmarks.measure import Pair, Run
from benchmarks.profiles import PROFILES
from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests.conftest import FROZEN_AT

ROOT = Path(__file__).parent.parent.parent

pytestmark = pytest.mark.slow


def test_the_generator_writes_through_the_repository_with_a_fixed_seed(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "companion.json", tmp_path / "b" / "companion.json"
    outcome = generate(first, PROFILES["typical"], seed=5)
    generate(second, PROFILES["typical"], seed=5)
    assert first.read_bytes() == second.read_bytes()
    assert outcome.written["settings"] == 1
    with Repository.open(first, FrozenClock(FROZEN_AT), access="read") as repo:
        assert repo.settings.get().welcomed  # the app opens on home, not the welcome
    # every part of the profile is either written or listed as pending, with its count
    assert set(outcome.written) | set(outcome.pending) == set(GENERATORS)
    for name, why in outcome.pending.items():
        assert f"{GENERATORS[name].count(PROFILES['typical']):,} wanted" in why


def test_the_ratio_is_the_median_of_paired_ratios() -> None:
    def runs(*walls: float) -> list[Run]:
        return [Run(wall, 1000, b"") for wall in walls]

    pair = Pair(baseline=runs(1.0, 2.0, 10.0), measured=runs(3.0, 4.0, 10.0))
    assert pair.ratio("wall") == 2.0  # ratios 3, 2, 1
    assert pair.median("baseline", "wall") == 2.0
    assert pair.median("measured", "peak_rss_kb") == 1000


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
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line[:1] == "B"}
    assert sorted(lines) == ["B1", "B2", "B3", "B4", "B5", "B6"]
    for measured in ("B1", "B2", "B5"):
        assert "x  <=" in lines[measured], lines[measured]
    for pending in ("B3", "B4", "B6"):
        assert "not measured yet" in lines[pending]
    assert "machine:" in result.stdout
    assert "not generated yet:" in result.stdout
