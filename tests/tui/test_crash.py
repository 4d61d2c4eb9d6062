"""A fault in the app: a plain sentence, never the user's words, a private report, exit 1.

The app runs as a person runs it, on a pseudo-terminal, with a screen made to fail
while a local variable holds private text (what Textual's own traceback would print).
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import stat
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.store.repository import Repository

PRIVATE = "Dear Ana, my salary is 90k"
FAILING_APP = f"""
import sys
from datetime import UTC, datetime
from pathlib import Path

from companion.clock import FrozenClock
from companion.tui import launch
from companion.tui.screens.home import HomeScreen


def fail(self):
    letter = {PRIVATE!r}
    raise RuntimeError("the home screen could not be built")


HomeScreen.on_mount = fail
clock = FrozenClock(datetime(2026, 3, 3, 9, 30, tzinfo=UTC))
sys.exit(launch.run_app(Path(sys.argv[1]), clock, ask=lambda problem: False))
"""


def _run_in_pty(argv: list[str], timeout: float = 60.0) -> tuple[int, str]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    code = proc.wait(timeout=10)
    return code, b"".join(chunks).decode("utf-8", "replace")


def _plain(output: str) -> str:
    """The words on the terminal, with escape sequences and line breaks taken out."""
    text = re.sub(
        r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)", "", output
    )
    return " ".join(text.split())


@pytest.mark.slow
def test_a_fault_in_the_app_shows_a_sentence_not_private_text_and_exits_1(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    code, output = _run_in_pty([sys.executable, "-c", FAILING_APP, str(db_path)])
    words = _plain(output)
    assert code == 1, words[-600:]
    assert PRIVATE not in output
    assert "Traceback" not in output
    assert "companion stopped because of a fault in the app itself (RuntimeError)" in words
    (report,) = db_path.parent.glob("crash-*.txt")
    assert f"keptat{report}" in words.replace(" ", "")  # (a long path may wrap)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "RuntimeError: the home screen could not be built" in text
    assert "in fail" in text  # where it failed
    assert PRIVATE not in text  # no locals
