"""Measuring helpers: one run of a command (wall time, peak RSS), in a pty or not, and
paired runs of a command and its baseline in the same invocation.

The machines are shared and noisy: each pair runs the baseline and the
measured command back to back (alternating which goes first), and the ratio
reported is the median of the per-pair ratios.
"""

from __future__ import annotations

import fcntl
import os
import select
import statistics
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


class RunFailed(Exception):
    pass


@dataclass(frozen=True)
class Run:
    wall: float  # seconds, from spawning the process to reaping it
    peak_rss_kb: int  # the child's own ru_maxrss (wait4), in KiB on Linux
    output: bytes
    # seconds from spawning the process to reading the frame that shows its marker
    # (pty runs given one; what the person sees), else None
    painted: float | None = None
    # the same, to the last frame read that shows it: for companion's start, the app's
    # own frame once it runs (its first may be home's kept frame, companion/kept_frame.py)
    live: float | None = None


def _reap(pid: int) -> tuple[int, int]:
    _, status, usage = os.wait4(pid, 0)
    return status, usage.ru_maxrss


def run_plain(argv: Sequence[str], env: Mapping[str, str], timeout: float = 60.0) -> Run:
    """Run `argv` with a pipe for its output; reap it with wait4 to read its own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert proc.stdout is not None
    output, _, _ = _drain(proc.stdout.fileno(), timeout)
    status, rss = _reap(proc.pid)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode != 0:
        shown = output.decode(errors="replace")
        raise RunFailed(f"{' '.join(argv)} exited {proc.returncode}: {shown}")
    return Run(wall, rss, output)


def _drain(
    fd: int, timeout: float, marker: bytes = b""
) -> tuple[bytes, float | None, float | None]:
    """Read `fd` to its end; also the moments (perf_counter) `marker` was first and
    last read."""
    chunks = []
    seen_at: float | None = None
    last_at: float | None = None
    tail = b""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RunFailed(f"no end of output within {timeout} s")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # a pty whose other side has closed
            break
        if not chunk:
            break
        chunks.append(chunk)
        if marker:
            window = tail + chunk
            if marker in window:
                last_at = time.perf_counter()
                seen_at = last_at if seen_at is None else seen_at
            tail = window[-(len(marker) - 1) :] if len(marker) > 1 else b""
    return b"".join(chunks), seen_at, last_at


def spawn_in_pty(
    argv: Sequence[str], env: Mapping[str, str], size: tuple[int, int]
) -> tuple[subprocess.Popen[bytes], int]:
    """Start `argv` on a new pseudo-terminal of `size` (columns, rows); returns the
    process and the terminal's master side, which the caller reads and closes."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    proc = subprocess.Popen(
        list(argv),
        env={**env, "TERM": env.get("TERM", "xterm-256color")},
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    return proc, master


def run_in_pty(
    argv: Sequence[str],
    env: Mapping[str, str],
    *,
    size: tuple[int, int] = (80, 24),
    timeout: float = 60.0,
    marker: bytes = b"",
) -> Run:
    """Run `argv` on a pseudo-terminal of `size` (columns, rows), as a person would.

    For a TUI started with COMPANION_EXIT_AFTER_PAINT=1 this is a cold start
    until the first screen has painted, then exit; given the `marker` its first
    screen shows, the run also tells when that frame was read (`Run.painted`).
    """
    start = time.perf_counter()
    proc, master = spawn_in_pty(argv, env, size)
    try:
        output, seen_at, last_at = _drain(master, timeout, marker)
    except RunFailed:
        proc.kill()
        raise
    finally:
        os.close(master)
    status, rss = _reap(proc.pid)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RunFailed(f"{' '.join(argv)} exited {proc.returncode}: {output[-500:]!r}")
    painted = None if seen_at is None else seen_at - start
    live = None if last_at is None else last_at - start
    return Run(wall, rss, output, painted, live)


@dataclass(frozen=True)
class Pair:
    baseline: list[Run]
    measured: list[Run]

    def median(self, which: str, metric: str) -> float:
        runs = self.baseline if which == "baseline" else self.measured
        return statistics.median(float(getattr(run, metric)) for run in runs)

    def ratio(self, metric: str) -> float:
        """The median of the ratios of each measured run to the baseline run beside it."""
        return statistics.median(
            float(getattr(m, metric)) / float(getattr(b, metric))
            for b, m in zip(self.baseline, self.measured, strict=True)
        )


def paired(
    measured: Sequence[str],
    baseline: Sequence[str],
    *,
    runs: int,
    env: Mapping[str, str],
    pty: bool,
    warmup: bool = True,
    prepare: Callable[[], object] | None = None,
    markers: tuple[bytes, bytes] = (b"", b""),
) -> Pair:
    """Run the baseline and the measured command `runs` times each, alternating.

    One untimed run of each comes first (unless `warmup` is off), so that both
    start with the files they read in the page cache. `prepare`, if given, is
    called (untimed) before each run of the measured command. `markers` (measured,
    baseline; pty runs only) are what each paints first, for `Run.painted`.
    """

    def run(argv: Sequence[str], marker: bytes) -> Run:
        return run_in_pty(argv, env, marker=marker) if pty else run_plain(argv, env)

    def run_measured() -> Run:
        if prepare is not None:
            prepare()
        return run(measured, markers[0])

    def run_baseline() -> Run:
        return run(baseline, markers[1])

    if warmup:
        run_baseline()
        run_measured()
    base: list[Run] = []
    meas: list[Run] = []
    for index in range(runs):
        if index % 2 == 0:
            base.append(run_baseline())
            meas.append(run_measured())
        else:
            meas.append(run_measured())
            base.append(run_baseline())
    return Pair(base, meas)
