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
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from benchmarks.bare_app import MARKER
from benchmarks.generate import DEFAULT_SEED
from benchmarks.measure import Pair, RunFailed, paired
from benchmarks.profiles import PROFILES
from benchmarks.rehearsal import (
    B3_RATINGS,
    B4_RATINGS,
    copy_database,
    percentile,
    rehearse_in_app,
)
from benchmarks.visits import PLACES, figures, visit_places
from companion.answers import SUMMARY_SHORT

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
COMPANION = str(BIN / "companion")
PYTHON = sys.executable
FROZEN_NOW = "2026-03-03T09:30:00+00:00"
# What home shows at FROZEN_NOW above its summary, drawn with it: the top bar's "Home"
# alone can be painted before the summary is.
HOME_GREETING = b"Good morning"


@dataclass(frozen=True)
class Benchmark:
    id: str
    what: str
    baseline: str
    target: str
    limit: float | None = None  # the ratio to stay under; None: not measured yet
    # "wall", "painted" (pty runs: to the first frame showing the marker), "live" (to the
    # last such frame) or "peak_rss_kb"
    metric: str = "wall"
    measured_argv: Callable[[Path], list[str]] | None = None
    baseline_argv: Sequence[str] = ()
    pty: bool = False
    painted: tuple[bytes, bytes] | None = None  # what each must have painted (measured, baseline)
    pending: str = ""  # why it cannot be measured yet
    # Measured inside the app instead of a command line: "rehearsal" (B3) or "saving"
    # (B4) by benchmarks/rehearsal.py, "visits" (B7) by benchmarks/visits.py.
    driver: str = ""
    most: float | None = None  # an upper bound on the measured value itself, in seconds
    # "measured": the profile's database; "empty": one companion made with nothing in it.
    database: str = "measured"
    # The shell prompt's answer is kept beside the database (companion/answers.py):
    # "kept" measures it as a prompt sees it (the database has settled, so the
    # warm-up run keeps the answer); "computed" changes the main file's times
    # before each run, as a write would, so that every run computes it.
    answer: str = ""


def _tui(db: Path) -> list[str]:
    return [COMPANION, "--db", str(db)]


def _tui_start(
    id: str,
    what: str,
    baseline: str,
    target: str = "none",
    limit: float | None = None,
    metric: str = "wall",
    answer: str = "kept",
) -> Benchmark:
    """A TUI cold start on a pty against the bare Textual app's (B2, B2x and B5 share
    their runs: the same command lines). "kept": home's summary kept by the warm-up
    run, as at a start with no change since the last (`services/kept_home.py`);
    "computed": made at each start, as after a change."""
    return Benchmark(
        id,
        what,
        baseline,
        target,
        limit,
        metric=metric,
        measured_argv=_tui,
        baseline_argv=(PYTHON, str(HERE / "bare_app.py")),
        pty=True,
        painted=(HOME_GREETING, MARKER.encode()),
        answer=answer,
    )


BENCHMARKS = (
    Benchmark(
        "B1",
        "`companion summary --short` wall time (the answer kept, as a prompt sees it)",
        "`python3 -c pass`",
        "<= 3x",
        3.0,
        measured_argv=lambda db: [COMPANION, "--db", str(db), "summary", "--short"],
        baseline_argv=(PYTHON, "-c", "pass"),
        answer="kept",
    ),
    Benchmark(
        "B1e",
        "the same on an empty database (made by companion, nothing in it)",
        "`python3 -c pass`",
        "<= 2x",
        2.0,
        measured_argv=lambda db: [COMPANION, "--db", str(db), "summary", "--short"],
        baseline_argv=(PYTHON, "-c", "pass"),
        database="empty",
        answer="kept",
    ),
    Benchmark(
        "B1c",
        "`summary --short` computed (after each write), for the record",
        "`python3 -c pass`",
        "none",
        measured_argv=lambda db: [COMPANION, "--db", str(db), "summary", "--short"],
        baseline_argv=(PYTHON, "-c", "pass"),
        answer="computed",
    ),
    _tui_start(
        "B2",
        "TUI cold start until home's frame is read on the terminal (home's summary kept)",
        "bare Textual app (Header, Static, Footer), same way",
        "<= 1.2x",
        1.2,
        "painted",
    ),
    _tui_start(
        "B2x", "the same runs until the process has exited, for the record", "bare Textual app"
    ),
    _tui_start(
        "B2l",
        "the same runs until the app's own frame of home (it answers keys from then; the "
        "first may be the frame kept by the last start), for the record",
        "bare Textual app",
        metric="live",
    ),
    _tui_start(
        "B2c",
        "the same, home's summary made at the start (after a change), for the record",
        "bare Textual app",
        metric="painted",
        answer="computed",
    ),
    Benchmark(
        "B3",
        "rehearsal: rating key to next question painted, p95 of 200",
        "the same on typical",
        "<= 1.5x and < 50 ms",
        1.5,
        driver="rehearsal",
        most=0.050,
    ),
    Benchmark(
        "B4",
        "after a rating, until the change is in a file that loads (worst of a sitting)",
        "none",
        "<= 1 s",
        driver="saving",
        most=1.0,
    ),
    _tui_start(
        "B5", "peak RSS of the TUI (the B2 runs)", "bare Textual app", "<= 3x", 3.0, "peak_rss_kb"
    ),
    Benchmark(
        "B6",
        "`companion interview list --json` wall time (the answer kept)",
        "`python3 -c pass`",
        "<= 4x",
        4.0,
        measured_argv=lambda db: [COMPANION, "--db", str(db), "interview", "list", "--json"],
        baseline_argv=(PYTHON, "-c", "pass"),
        answer="kept",
    ),
    Benchmark(
        "B6c",
        "`interview list --json` computed (after each write), for the record",
        "`python3 -c pass`",
        "none",
        measured_argv=lambda db: [COMPANION, "--db", str(db), "interview", "list", "--json"],
        baseline_argv=(PYTHON, "-c", "pass"),
        answer="computed",
    ),
    Benchmark(
        "B7",
        f"each place's first visit ({' '.join(PLACES)}) from home, key to painted frame: "
        "p95 of the first visits",
        "the second visit",
        "p95 <= 150 ms, <= 2x the second",
        2.0,
        driver="visits",
        most=0.150,
    ),
)


@dataclass(frozen=True)
class Row:
    bench: Benchmark
    baseline: str = ""
    measured: str = ""
    ratio: float | None = None
    value: float | None = None  # the measured median, in seconds (for `most`)

    @property
    def done(self) -> bool:
        return self.ratio is not None or self.value is not None

    @property
    def met(self) -> str:
        bench = self.bench
        if not self.done:
            return "not yet"
        if bench.limit is None and bench.most is None:
            return "-"
        ok = True
        if bench.limit is not None:
            ok = self.ratio is not None and self.ratio <= bench.limit
        if bench.most is not None:
            ok = ok and self.value is not None and self.value <= bench.most
        return "yes" if ok else "no"


def _shown(value: float, metric: str) -> str:
    if metric == "peak_rss_kb":
        return f"{value / 1024:.1f} MB"
    return f"{value * 1000:.0f} ms"


@dataclass(frozen=True)
class InApp:
    """What the in-app benchmarks (B3, B4) need besides the database."""

    typical: Path  # B3's baseline database
    scratch: Path  # where each sitting's copy of a database goes
    ratings: int = B3_RATINGS
    saving_ratings: int = B4_RATINGS


def measure_all(
    db: Path,
    runs: int,
    only: set[str] | None = None,
    in_app: InApp | None = None,
    empty: Path | None = None,
) -> list[Row]:
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")},
        "COMPANION_FROZEN_NOW": FROZEN_NOW,
        "COMPANION_EXIT_AFTER_PAINT": "1",
        "TEXTUAL_ANIMATIONS": "none",
    }
    pairs: dict[tuple[object, ...], Pair] = {}
    rows = []
    for bench in BENCHMARKS:
        if only and bench.id not in only:
            rows.append(Row(bench))
            continue
        if bench.driver:
            if in_app is None:
                rows.append(Row(bench))
                continue
            app_env = {k: v for k, v in env.items() if k != "COMPANION_EXIT_AFTER_PAINT"}
            rows.append(measure_in_app(bench, db, runs, app_env, in_app))
            continue
        target = empty if bench.database == "empty" else db
        if bench.measured_argv is None or target is None:
            rows.append(Row(bench))
            continue
        measured = bench.measured_argv(target)
        key = (tuple(measured), tuple(bench.baseline_argv), bench.pty, bench.answer)
        if key not in pairs:  # B2, B2x and B5 share their runs
            prepare = None
            if bench.answer == "kept":
                settle(target)
            elif bench.answer == "computed":
                prepare = partial(os.utime, target)
            pairs[key] = paired(
                measured,
                bench.baseline_argv,
                runs=runs,
                env=env,
                pty=bench.pty,
                prepare=prepare,
                markers=bench.painted or (b"", b""),
            )
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


def settle(db: Path) -> None:
    """Wait until the main file has not changed for the time companion asks before it
    keeps an answer computed from it (`companion.answers.SETTLE_NS`), so that the
    warm-up run keeps the answer the timed runs then print."""
    from companion.answers import SETTLE_NS

    stat = db.stat()
    age = time.time() - max(stat.st_mtime, stat.st_ctime)
    time.sleep(max(0.0, SETTLE_NS / 1e9 - age + 0.1))


def make_empty(db: Path) -> Path:
    """A database as companion makes it on the first start, with nothing in it."""
    from companion.clock import FrozenClock
    from companion.store.repository import Repository

    for path in (db, db.with_name(f"{db.name}.{SUMMARY_SHORT}")):
        path.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Repository.open(db, FrozenClock(datetime.fromisoformat(FROZEN_NOW))) as repo:
        repo.settings.update(welcomed=True)
    return db


def measure_in_app(
    bench: Benchmark, db: Path, runs: int, env: Mapping[str, str], in_app: InApp
) -> Row:
    """B3: paired sittings on the typical profile and on `db`, p95 each, the median ratio.
    B4: `runs` sittings on `db`, the worst save of each, their median."""
    now = datetime.fromisoformat(FROZEN_NOW)

    def sitting(source: Path, name: str, ratings: int, watch: bool) -> list[float]:
        copy = copy_database(source, in_app.scratch / name)
        session = rehearse_in_app(copy, env, now, ratings=ratings, watch_saves=watch)
        print(f"  {bench.id} {name}: {session.summary()}", flush=True)
        return session.save_delays if watch else session.latencies

    if bench.driver == "saving":
        worst = [max(sitting(db, "measured", in_app.saving_ratings, True)) for _ in range(runs)]
        value = statistics.median(worst)
        return Row(bench, "", _shown(value, "wall"), None, value)
    if bench.driver == "visits":
        sittings = []
        for index in range(runs):
            copy = copy_database(db, in_app.scratch / "visits")
            visits = visit_places(copy, env)
            print(f"  {bench.id} sitting {index + 1}: first/second {visits.summary()}", flush=True)
            sittings.append(visits)
        found = figures(sittings)
        return Row(
            bench,
            _shown(found.second_median, "wall"),
            _shown(found.first_p95, "wall"),
            found.worst_ratio,
            found.first_p95,
        )
    base: list[float] = []
    meas: list[float] = []
    for index in range(runs):
        order = [("baseline", in_app.typical), ("measured", db)]
        for name, source in order if index % 2 == 0 else order[::-1]:
            p95 = percentile(sitting(source, name, in_app.ratings, False), 95)
            (base if name == "baseline" else meas).append(p95)
    ratio = statistics.median(m / b for b, m in zip(base, meas, strict=True))
    value = statistics.median(meas)
    return Row(bench, _shown(statistics.median(base), "wall"), _shown(value, "wall"), ratio, value)


def check_painted(pair: Pair, measured: bytes, baseline: bytes) -> None:
    """A start that exited before painting would be fast for nothing: refuse it."""
    for runs, marker in ((pair.measured, measured), (pair.baseline, baseline)):
        for run in runs:
            if marker not in run.output or run.painted is None:
                raise RunFailed(f"a run exited without painting {marker!r}")


def table(rows: list[Row], markdown: bool) -> str:
    header = ("id", "what", "baseline", "measured", "ratio", "target", "met?")
    body = []
    for row in rows:
        bench = row.bench
        if not row.done:
            measured = f"not measured yet: {bench.pending}" if bench.pending else "skipped"
            body.append(
                (bench.id, bench.what, bench.baseline, measured, "", bench.target, "not yet")
            )
        else:
            base = f"{bench.baseline}: {row.baseline}" if row.baseline else bench.baseline
            body.append(
                (
                    bench.id,
                    bench.what,
                    base,
                    row.measured,
                    f"{row.ratio:.2f}x" if row.ratio is not None else "",
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


def generate_apart(profile: str, db: Path, seed: int) -> None:
    """Generate a profile's database in a child process, and print what it wrote.

    Not in this process: generating heavy takes it to about 120 MB, and a child
    started afterwards would report that as its own peak RSS (B5).
    """
    argv = [PYTHON, "-m", "benchmarks.generate", "--profile", profile, "--out", str(db)]
    done = subprocess.run(
        [*argv, "--seed", str(seed)], cwd=HERE.parent, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"generating {profile} failed:\n{done.stderr}")
    print(done.stdout, end="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The benchmarks of issue 7.")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="heavy")
    parser.add_argument("--runs", type=int, default=7, help="paired runs each (default 7)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--db", type=Path, help="measure this database instead of generating one")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated data goes")
    parser.add_argument("--only", action="append", help="run only this id (repeatable)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--ratings",
        type=int,
        default=B3_RATINGS,
        help=f"ratings in each B3 sitting (default {B3_RATINGS})",
    )
    parser.add_argument(
        "--typical-db",
        type=Path,
        help="B3's baseline database (default: the typical profile, generated)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.ratings < 1:
        parser.error("--ratings must be at least 1")

    db = args.db
    if db is None:
        db = args.out / args.profile / "companion.json"
        generate_apart(args.profile, db, args.seed)
    wanted = set(args.only) if args.only else {bench.id for bench in BENCHMARKS}
    in_app = None
    if {"B3", "B4", "B7"} & wanted:
        typical = args.typical_db or args.out / "typical" / "companion.json"
        if (
            "B3" in wanted
            and args.typical_db is None
            and (args.profile != "typical" or args.db is not None)
        ):
            generate_apart("typical", typical, args.seed)
        in_app = InApp(typical, args.out / "sittings", ratings=args.ratings)
    empty = make_empty(args.out / "empty" / "companion.json") if "B1e" in wanted else None
    print(f"machine: {machine()}")
    print(f"profile: {args.profile}, {args.runs} paired run(s) each, medians and median ratios")
    print()
    try:
        rows = measure_all(db, args.runs, wanted, in_app, empty)
    except RunFailed as failure:
        print(f"benchmark run failed: {failure}", file=sys.stderr)
        return 1
    print(table(rows, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
