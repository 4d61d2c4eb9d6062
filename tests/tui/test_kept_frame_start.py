"""Home's kept frame in the real app on a pty (companion/kept_frame.py): the next
start writes it at once, the app's own first frame is the same bytes, and the
terminal is left as it was found."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from companion import answers, kept_frame
from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests import seed_interviews
from tests.conftest import FROZEN_AT

COMPANION = str(Path(sys.executable).parent / "companion")
GREETING = b"Good morning"


class Start:
    def __init__(self, output: bytes, lflag_before: int, lflag_after: int) -> None:
        self.output = output
        self.lflag_before = lflag_before
        self.lflag_after = lflag_after


def start(db: Path, home: Path, size: tuple[int, int] = (80, 24)) -> Start:
    """`companion --db DB` on a new pty of `size`, quitting once home has painted."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "COMPANION_FROZEN_NOW": FROZEN_AT.isoformat(),
        "COMPANION_EXIT_AFTER_PAINT": "1",
        "TEXTUAL_ANIMATIONS": "none",
    }
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    before = termios.tcgetattr(slave)[3]
    proc = subprocess.Popen(
        [COMPANION, "--db", str(db)], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    output = b""
    try:
        while proc.poll() is None or select.select([master], [], [], 0)[0]:
            if select.select([master], [], [], 0.2)[0]:
                output += os.read(master, 65536)
        assert proc.wait(timeout=60) == 0, output[-400:]
        after = termios.tcgetattr(slave)[3]
    finally:
        os.close(master)
        os.close(slave)
    return Start(output, before, after)


@pytest.fixture
def settled_db(tmp_path: Path) -> Path:
    """Data with interviews in every phase, welcomed, unchanged for long enough that
    what is drawn from it may be kept (`answers.SETTLE_NS`)."""
    db = tmp_path / "data" / "companion.json"
    clock = FrozenClock(FROZEN_AT)
    seed_interviews.seed(db, clock, seed_interviews.every_phase())
    with Repository.open(db, clock) as repo:
        repo.settings.update(welcomed=True)
    time.sleep(answers.SETTLE_NS / 1e9 + 0.2)
    return db


def kept(db: Path) -> bytes:
    raw = Path(answers.kept_path(str(db), answers.HOME_FRAME)).read_bytes()
    found = kept_frame.decode(raw.split(b"\n", answers.HEADER_LINES)[answers.HEADER_LINES])
    assert found is not None
    return found[2].replace(b"\n", b"\r\n")  # as the pty's output translates it


def test_the_next_start_writes_home_at_once_and_the_app_draws_the_same(
    settled_db: Path, tmp_path: Path
) -> None:
    first = start(settled_db, tmp_path)
    assert not first.output.startswith(kept_frame.ENTER.encode())
    frame_file = Path(answers.kept_path(str(settled_db), answers.HOME_FRAME))
    assert frame_file.stat().st_mode & 0o777 == 0o600
    frame = kept(settled_db)
    assert GREETING in frame

    kept_at = frame_file.stat().st_mtime_ns
    second = start(settled_db, tmp_path)
    assert frame_file.stat().st_mtime_ns == kept_at  # the frame it showed: not written again
    shown = kept_frame.ENTER.encode() + kept_frame.SYNC_START.encode() + frame
    assert second.output.startswith(shown)
    # the app's own first frame, written once it runs, is the same bytes
    assert second.output.count(frame) == 2
    # it did not enter the alternate screen again (some terminals clear it then)
    assert second.output.count(b"\x1b[?1049h") == 1
    assert second.output.rstrip().endswith(b"\x1b[?1006l")  # the app's own way out
    # keys echo again as before: the settings from before the frame was shown
    assert second.lflag_after == second.lflag_before
    assert second.lflag_before & termios.ECHO and second.lflag_before & termios.ICANON


def test_another_size_or_a_change_to_the_data_starts_without_the_kept_frame(
    settled_db: Path, tmp_path: Path
) -> None:
    start(settled_db, tmp_path)
    wider = start(settled_db, tmp_path, size=(100, 30))
    assert not wider.output.startswith(kept_frame.ENTER.encode())
    assert GREETING in wider.output
    os.utime(settled_db)  # any write gives the main file a new identity
    changed = start(settled_db, tmp_path)
    assert not changed.output.startswith(kept_frame.ENTER.encode())
    assert changed.lflag_after == changed.lflag_before
