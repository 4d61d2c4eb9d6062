"""Run the benchmarks of issue 7 and print the table.

    python -m benchmarks.run                      # heavy profile, 7 paired runs
    python -m benchmarks.run --profile typical --runs 1   # the CI smoke run
    python -m benchmarks.run --markdown           # the table for benchmarks/README.md

The database is generated through the repository (benchmarks/generate.py)
into benchmarks/out/<profile>/ unless --db names one.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bare_app import MARKER
from benchmarks.generate import DEFAULT_SEED, describe, generate
from benchmarks.measure import Pair, RunFailed, paired
from benchmarks.profiles import PROFILES

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
COMPANION = str(BIN / "companion")
PYTHON = sys.executable
FROZEN_NOW = "2026-03-03T09:30:00+00:00"


@dataclass(frozen=True)
class Benchmark:
    id: str
    what: str
    baseline: str
    target: str
    limit: float | None = None  # the ratio to stay under; None: not measured yet
    metric: str = "wall"  # "wall" or "peak_rss_kb"
    measured_argv: Callable[[Path], list[str]] | None = None
    baseline_argv: Sequence[str] = ()
    pty: bool = False
    painted: tuple[bytes, bytes] | None = None  # what each must have painted (measured, baseline)
    pending: str = ""  # why it cannot be measured yet


def _tui(db: Path) -> list[str]:
    return [COMPANION, "--db", str(db)]


BENCHMARKS = (
    Benchmark(
        "B1",
        "`companion summary --short` wall time",
        "`python3 -c pass`",
        "<= 6x",
        6.0,
        measured_argv=lambda db: [COMPANION, "--db", str(db), "summary", "--short"],
        baseline_argv=(PYTHON, "-c", "pass"),
    ),
    Benchmark(
        "B2",
        "TUI cold start until home has painted, then exit",
        "bare Textual app (Header, Static, Footer), same way",
        "<= 1.3x",
        1.3,
        measured_argv=_tui,
        baseline_argv=(PYTHON, str(HERE / "bare_app.py")),
        pty=True,
        painted=(b"Home", MARKER.encode()),
    ),
    Benchmark(
        "B3",
        "rehearsal: rating key to next question painted, p95 of 200",
        "the same on typical",
        "<= 1.5x and < 50 ms",
        pending="needs practice mode (questions, reviews)",
    ),
    Benchmark(
        "B4",
        "after a rating, until the change is in a file that loads",
        "none",
        "<= 1 s",
        pending="needs practice mode (a rating to make)",
    ),
    Benchmark(
        "B5",
        "peak RSS of the TUI (the B2 runs)",
        "bare Textual app",
        "<= 3x",
        3.0,
        metric="peak_rss_kb",
        measured_argv=_tui,
        baseline_argv=(PYTHON, str(HERE / "bare_app.py")),
        pty=True,
        painted=(b"Home", MARKER.encode()),
    ),
    Benchmark(
        "B6",
        "`companion interview list --json` wall time",
        "`python3 -c pass`",
        "<= 8x",
        8.0,
        measured_argv=lambda db: [COMPANION, "--db", str(db), "interview", "list", "--json"],
        baseline_argv=(PYTHON, "-c", "pass"),
    ),
)


@dataclass(frozen=True)
class Row:
    bench: Benchmark
    baseline: str = ""
    measured: str = ""
    ratio: float | None = None

    @property
    def met(self) -> str:
        if self.ratio is None or self.bench.limit is None:
            return "not yet"
        return "yes" if self.ratio <= self.bench.limit else "no"


def _shown(value: float, metric: str) -> str:
    if metric == "peak_rss_kb":
        return f"{value / 1024:.1f} MB"
    return f"{value * 1000:.0f} ms"


def measure_all(db: Path, runs: int, only: set[str] | None = None) -> list[Row]:
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")},
        "COMPANION_FROZEN_NOW": FROZEN_NOW,
        "COMPANION_EXIT_AFTER_PAINT": "1",
        "TEXTUAL_ANIMATIONS": "none",
    }
    pairs: dict[tuple[object, ...], Pair] = {}
    rows = []
    for bench in BENCHMARKS:
        if (only and bench.id not in only) or bench.measured_argv is None:
            rows.append(Row(bench))
            continue
        measured = bench.measured_argv(db)
        key = (tuple(measured), tuple(bench.baseline_argv), bench.pty)
        if key not in pairs:  # B2 and B5 share their runs
            pairs[key] = paired(measured, bench.baseline_argv, runs=runs, env=env, pty=bench.pty)
            if bench.painted:
                check_painted(pairs[key], *bench.painted)
        pair = pairs[key]
        rows.append(
            Row(
                bench,
                _shown(pair.median("baseline", bench.metric), bench.metric),
                _shown(pair.median("measured", bench.metric), bench.metric),
                pair.ratio(bench.metric),
            )
        )
    return rows


def check_painted(pair: Pair, measured: bytes, baseline: bytes) -> None:
    """A start that exited before painting would be fast for nothing: refuse it."""
    for runs, marker in ((pair.measured, measured), (pair.baseline, baseline)):
        for run in runs:
            if marker not in run.output:
                raise RunFailed(f"a run exited without painting {marker!r}")


def table(rows: list[Row], markdown: bool) -> str:
    header = ("id", "what", "baseline", "measured", "ratio", "target", "met?")
    body = []
    for row in rows:
        bench = row.bench
        if row.ratio is None:
            measured = f"not measured yet: {bench.pending}" if bench.pending else "skipped"
            body.append(
                (bench.id, bench.what, bench.baseline, measured, "", bench.target, "not yet")
            )
        else:
            base = f"{bench.baseline}: {row.baseline}"
            body.append(
                (
                    bench.id,
                    bench.what,
                    base,
                    row.measured,
                    f"{row.ratio:.2f}x",
                    bench.target,
                    row.met,
                )
            )
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in (header, *body)) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip()
        for r in (header, *body)
    )


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores (nproc), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The benchmarks of issue 7.")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="heavy")
    parser.add_argument("--runs", type=int, default=7, help="paired runs each (default 7)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--db", type=Path, help="measure this database instead of generating one")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated data goes")
    parser.add_argument("--only", action="append", help="run only this id (repeatable)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    db = args.db
    if db is None:
        db = args.out / args.profile / "companion.json"
        print(describe(generate(db, PROFILES[args.profile], args.seed), db))
    print(f"machine: {machine()}")
    print(f"profile: {args.profile}, {args.runs} paired run(s) each, medians and median ratios")
    print()
    try:
        rows = measure_all(db, args.runs, set(args.only) if args.only else None)
    except RunFailed as failure:
        print(f"benchmark run failed: {failure}", file=sys.stderr)
        return 1
    print(table(rows, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
