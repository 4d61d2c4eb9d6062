"""The B3 and B4 driver: a rehearsal inside the real app, on a copy of a database.

It starts `companion --db COPY` on an 80x24 pseudo-terminal, as a person
would, opens practice (`p`) and for each question reveals the answer (space)
and rates it (1-4), at a human pace. It reads everything the app writes to
the terminal:

- B3: from writing a rating key to the terminal until the frame showing the
  next question ("Question k+1 of n") has been written back; its p95 over the
  session.
- B4: after a rating, until the rating is in this month's reviews part on disk,
  in the file the main file names (a save counts once its commit point, the
  main file, is replaced), and that file loads (parsed as companion parses it);
  polled every few ms.

Afterwards the copy is opened again and every rating pressed must be there, in
order, or the session fails: a rating that was not stored would be fast for
nothing.

Ratings cycle through Good, Again, Easy, Hard. A sitting ends when its
questions are done (at most the daily limit, and an Again or Hard comes back
only once): then the driver practises ahead (`f`) and goes on, and the rating
that ended the sitting is stored and checked but not timed (no next question
follows it). A database with nothing due is practised ahead first.
"""

from __future__ import annotations

import math
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import orjson

from benchmarks.measure import RunFailed, spawn_in_pty
from companion.store.files import FileProblem, parse_tables
from companion.store.layout import Layout
from companion.store.manifest import Manifest, manifest_of, take_manifest
from companion.store.questions_store import REVIEWS, reviews_part

COMPANION = str(Path(sys.executable).parent / "companion")
SIZE = (80, 24)
# A person reads the question before revealing, and the answer before rating:
# far slower than this, but a faster pace only makes background work overlap more.
PAUSE_BEFORE_REVEAL = 0.1
PAUSE_BEFORE_RATING = 0.15
B4_PAUSE = 1.0  # between ratings while watching the file, so each save stands alone
B4_POLL = 0.005
WAIT = 30.0  # seconds for anything to appear on the terminal
B3_RATINGS = 200
B4_RATINGS = 10
CYCLE = "3142"  # Good, Again, Easy, Hard

PROGRESS = re.compile(rb"Question (\d+) of (\d+)")
REVEALED = b"Your answer"
SITTING_DONE = b"You rehearsed"


@dataclass
class Session:
    latencies: list[float] = field(default_factory=list)  # seconds, key to next question
    save_delays: list[float] = field(default_factory=list)  # seconds, key to a loading file
    ratings: list[int] = field(default_factory=list)
    due_at_start: int = 0
    sittings: int = 1

    def p95(self) -> float:
        return percentile(self.latencies, 95)

    def summary(self) -> str:
        """One line: the figures of this sitting, in ms."""
        shown = [
            f"{len(self.ratings)} ratings",
            f"{self.due_at_start} in the first queue",
            f"{self.sittings} sittings",
        ]
        if self.latencies:
            shown.append(
                f"next question p50 {percentile(self.latencies, 50) * 1000:.1f} ms, "
                f"p95 {self.p95() * 1000:.1f} ms, max {max(self.latencies) * 1000:.1f} ms"
            )
        if self.save_delays:
            shown.append(
                f"saved p50 {percentile(self.save_delays, 50) * 1000:.0f} ms, "
                f"max {max(self.save_delays) * 1000:.0f} ms"
            )
        return "; ".join(shown)


def percentile(values: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def copy_database(source: Path, folder: Path) -> Path:
    """The main file and its history parts, copied into a fresh `folder` (no backups)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    source_layout = Layout(source)
    target = folder / source.name
    shutil.copy2(source, target)
    if source_layout.history.is_dir():
        shutil.copytree(source_layout.history, Layout(target).history)
    return target


class Terminal:
    """The app on a pseudo-terminal: keys in, everything it writes kept in order."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str]) -> None:
        self.proc, self.master = spawn_in_pty(argv, env, SIZE)
        self.output = bytearray()
        self.mark = 0  # searches look at what came after the last mark
        self.closed = False

    def press(self, key: str) -> float:
        """Write a key; returns the moment just before it was written."""
        self.mark = len(self.output)
        moment = time.perf_counter()
        os.write(self.master, key.encode())
        return moment

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.output += chunk
        return True

    def wait_for(
        self, pattern: re.Pattern[bytes] | bytes, timeout: float = WAIT
    ) -> re.Match[bytes]:
        """Read until `pattern` appears after the mark; the match, found as soon as it is read."""
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        deadline = time.perf_counter() + timeout
        start = self.mark
        while True:
            found = regex.search(self.output, start)
            if found:
                return found
            # a pattern split across two reads: search again from a little before the end
            start = max(self.mark, len(self.output) - 200)
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed:
                tail = bytes(self.output[-300:])
                raise RunFailed(f"{regex.pattern!r} did not appear within {timeout} s: {tail!r}")
            self._read(min(left, 0.5))

    def wait_for_progress(
        self, shown: int, timeout: float = WAIT, or_done: bool = False
    ) -> tuple[int, float]:
        """Read until "Question `shown` of n" is on the terminal; (n, the moment it was read).
        With `or_done`, the end of the sitting is an answer too: (0, the moment)."""
        deadline = time.perf_counter() + timeout
        start = self.mark
        while True:
            for found in PROGRESS.finditer(self.output, start):
                if int(found.group(1)) == shown:
                    return int(found.group(2)), time.perf_counter()
            if or_done and self.output.find(SITTING_DONE, start) >= 0:
                return 0, time.perf_counter()
            start = max(self.mark, len(self.output) - 200)
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed:
                tail = bytes(self.output[-300:])
                raise RunFailed(f"question {shown} was not painted within {timeout} s: {tail!r}")
            self._read(min(left, 0.5))

    def drain(self, seconds: float) -> None:
        """Keep reading for a while (the app must never block on a full pty)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0 and not self.closed:
            self._read(left)

    def finish(self, timeout: float = WAIT) -> int:
        """Wait for the app to exit (reading what it writes meanwhile); its exit code."""
        deadline = time.perf_counter() + timeout
        while not self.closed and time.perf_counter() < deadline:
            self._read(0.5)
        try:
            code = self.proc.wait(timeout=max(0.1, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            raise RunFailed("the app did not exit after q") from None
        finally:
            os.close(self.master)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        if not self.closed:
            self.closed = True
            os.close(self.master)


def stored_reviews(db: Path, now: datetime) -> dict[str, dict[str, object]]:
    """The documents of `now`'s reviews part as the main file on disk names it, by id
    ({} when it names none)."""
    try:
        path = Layout(db).part(reviews_part(now))
    except KeyError:
        return {}
    return parse_tables(path.read_bytes()).get(REVIEWS, {})


class CommittedCount:
    """How many reviews a part holds in the database on disk: in the file the main file
    names (a save is on disk once the main file names it, store/commit.py). The main
    file is read again only when it was replaced (a new inode)."""

    def __init__(self, db: Path, part: str) -> None:
        self._layout = Layout(db)
        self._part = part
        self._seen: tuple[int, int] | None = None
        self._count: int | None = None

    def __call__(self) -> int | None:
        try:
            stat = self._layout.main.stat()
        except FileNotFoundError:
            return None
        if (stat.st_ino, stat.st_mtime_ns) != self._seen:
            try:
                generation = self._manifest().parts[self._part]
                path = self._layout.part_file(self._part, generation)
                self._count = len(parse_tables(path.read_bytes()).get(REVIEWS, {}))
            except (KeyError, FileNotFoundError, FileProblem):
                self._count = None
            self._seen = (stat.st_ino, stat.st_mtime_ns)
        return self._count

    def _manifest(self) -> Manifest:
        """The main file's list of files, read from its meta table alone when that comes
        first (as companion writes it): parsing the whole heavy main file would add
        about 12 ms to each measurement, none of it companion's."""
        raw = self._layout.main.read_bytes()
        end = raw.find(b"}}}") if raw.startswith(b'{"meta":') else -1
        if end > 0:
            try:
                meta = orjson.loads(raw[: end + 3] + b"}")
            except orjson.JSONDecodeError:
                meta = None
            manifest = take_manifest(meta) if isinstance(meta, dict) else None
            if manifest is not None:
                return manifest
        return manifest_of(parse_tables(raw), self._layout)


def rehearse_in_app(
    db: Path,
    env: Mapping[str, str],
    now: datetime,
    *,
    ratings: int,
    watch_saves: bool = False,
    command: Sequence[str] = (COMPANION,),
) -> Session:
    """Rate `ratings` questions in the app on `db` (changed: pass a copy).

    `now` is the app's frozen clock (env's COMPANION_FROZEN_NOW), which says
    which reviews part the ratings go to. `command` starts companion (a
    profiler can go in front). With `watch_saves`, each rating is
    followed by polling that part until it holds the rating (B4), at a slower
    pace; otherwise only the terminal is read (B3).
    """
    saved_count = CommittedCount(db, reviews_part(now))
    before = stored_reviews(db, now)
    session = Session()
    term = Terminal([*command, "--db", str(db)], env)
    try:
        term.wait_for(b"Home")
        term.press("p")
        found = term.wait_for(re.compile(PROGRESS.pattern + rb"|Nothing to practise|bank is empty"))
        if found.group(0) == b"bank is empty":
            raise RunFailed(f"{db} has no questions to rehearse")
        if found.group(1) is None:  # nothing due: practise ahead
            term.press("f")
        total, _ = term.wait_for_progress(1)
        session.due_at_start = total
        shown = 1
        for index in range(ratings):
            time.sleep(PAUSE_BEFORE_REVEAL)
            term.press(" ")
            term.wait_for(REVEALED)
            time.sleep(PAUSE_BEFORE_RATING)
            key = CYCLE[index % len(CYCLE)]
            pressed = term.press(key)
            total, painted = term.wait_for_progress(shown + 1, or_done=True)
            session.ratings.append(int(key))
            if total:
                session.latencies.append(painted - pressed)
                shown += 1
            else:  # the sitting ended: practise ahead and go on
                session.sittings += 1
                term.drain(0.05)
                term.press("f")
                term.wait_for_progress(1)
                shown = 1
            if watch_saves:
                wanted = len(before) + len(session.ratings)
                while (saved_count() or 0) < wanted:
                    if time.perf_counter() - pressed > WAIT:
                        raise RunFailed(f"rating {index + 1} was not saved within {WAIT} s")
                    term.drain(B4_POLL)
                session.save_delays.append(time.perf_counter() - pressed)
                term.drain(B4_PAUSE)
        term.drain(0.05)
        term.press("q")
        code = term.finish()
    except BaseException:
        term.kill()
        raise
    if code != 0:
        raise RunFailed(f"the app exited {code}: {bytes(term.output[-300:])!r}")
    check_stored(db, now, before, session.ratings)
    return session


def check_stored(
    db: Path, now: datetime, before: Mapping[str, object], ratings: Sequence[int]
) -> None:
    """Every rating pressed is in the reviews part on disk, in order."""
    after = stored_reviews(db, now)
    new = [after[key] for key in sorted(set(after) - set(before), key=int)]
    got = [doc.get("rating") for doc in new]
    if got != list(ratings):
        raise RunFailed(
            f"the reviews part holds {len(new)} new ratings {got[:12]}..., "
            f"but {len(ratings)} were pressed {list(ratings)[:12]}..."
        )
