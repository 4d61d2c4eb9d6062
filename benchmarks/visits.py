"""The B7 driver: each place's first and second visit, in the real app on a pty.

It starts `companion --db COPY` on an 80x24 pseudo-terminal with the frozen
clock, waits for home, reads it for `READ_HOME` seconds (the app builds the
places meanwhile: companion/startup.py, `WarmUp`), and then for each place key
(`w p b j a s`) presses it, reads until the place's own words are on the terminal, goes back home
(`h`, until home's greeting is painted again) and does the same a second
time. What it measures is from writing the key to reading the frame that
shows the place: the first visit builds the place (its module, its widgets,
its data), the second finds it built.

Each sitting is a new app (its first visits are first again); a visit that
never paints its place fails the run instead of looking fast.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import RunFailed
from benchmarks.rehearsal import COMPANION, WAIT, Terminal, percentile

PLACES = "wpbjas"
# What each place paints that nothing else does (static words of ours, not data).
MARKERS: Mapping[str, re.Pattern[bytes]] = {
    "w": re.compile(rb"next date worth knowing|No interviews"),
    "p": re.compile(rb"Question \d+ of \d+|Nothing to practise|bank is empty"),
    "b": re.compile(rb"Comes up"),
    "j": re.compile(rb"Entry|No entries"),
    "a": re.compile(rb"Company"),
    "s": re.compile(rb"Applications a week"),
}
HOME = re.compile(rb"Good (morning|afternoon|evening)")
SETTLE = 0.25  # seconds after each frame, as a (fast) person looks at it
READ_HOME = 2.0  # seconds on home before the first key: a glance at what needs you


@dataclass
class Visits:
    first: dict[str, float] = field(default_factory=dict)  # seconds, key to painted place
    second: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return ", ".join(
            f"{key} {self.first[key] * 1000:.0f}/{self.second[key] * 1000:.0f} ms" for key in PLACES
        )


def visit_places(
    db: Path,
    env: Mapping[str, str],
    *,
    places: str = PLACES,
    command: Sequence[str] = (COMPANION,),
    timeout: float = WAIT,
) -> Visits:
    """Visit each place twice from home in a new app on `db` (pass a copy); a place
    not painted within `timeout` seconds fails the run."""
    visits = Visits()
    term = Terminal([*command, "--db", str(db)], env)
    try:
        term.wait_for(HOME)
        term.drain(READ_HOME)
        for key in places:
            for seen in (visits.first, visits.second):
                pressed = term.press(key)
                term.wait_for(MARKERS[key], timeout)
                seen[key] = time.perf_counter() - pressed
                term.drain(SETTLE)
                term.press("h")
                term.wait_for(HOME)
                term.drain(SETTLE)
        term.press("q")
        code = term.finish()
    except BaseException:
        term.kill()
        raise
    if code != 0:
        raise RunFailed(f"the app exited {code}: {bytes(term.output[-300:])!r}")
    return visits


@dataclass(frozen=True)
class VisitFigures:
    """Over several sittings: the p95 of every first visit, and each place's medians."""

    first_p95: float
    second_median: float
    worst_ratio: float  # the largest, over places, of median first / median second
    by_place: dict[str, tuple[float, float]]  # key: (median first, median second)


def figures(sittings: Sequence[Visits]) -> VisitFigures:
    by_place = {
        key: (
            statistics.median(s.first[key] for s in sittings),
            statistics.median(s.second[key] for s in sittings),
        )
        for key in sittings[0].first
    }
    firsts = [s.first[key] for s in sittings for key in s.first]
    seconds = [s.second[key] for s in sittings for key in s.second]
    return VisitFigures(
        first_p95=percentile(firsts, 95),
        second_median=statistics.median(seconds),
        worst_ratio=max(first / second for first, second in by_place.values()),
        by_place=by_place,
    )
