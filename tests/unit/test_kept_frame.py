"""Home's kept frame (companion/kept_frame.py): what makes a frame hold, and the
terminal put back as it was when the app never takes it over."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import termios
from pathlib import Path

from companion import kept_frame


def test_only_a_plain_start_of_the_app_shows_a_kept_frame() -> None:
    env = {"COMPANION_DB": "/data/c.json"}
    assert kept_frame.tui_start_db([], env) == "/data/c.json"
    assert kept_frame.tui_start_db(["--db", "/x.json"], env) == "/x.json"
    assert kept_frame.tui_start_db(["--db=/x.json"], env) == "/x.json"
    for other in (["summary"], ["--db", "/x.json", "summary"], ["--db", "-h"], ["--db="], ["-h"]):
        assert kept_frame.tui_start_db(other, env) is None, other


def test_a_frame_holds_only_for_what_it_was_drawn_with(tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    files = [str(keymap)]
    env = {"TERM": "xterm-256color", "HOME": "/home/a", "PATH": "/bin"}
    key = kept_frame.drawn_with((80, 24), env, files)
    assert kept_frame.drawn_with((80, 24), {**env, "PATH": "/usr/bin"}, files) == key
    after_paint = {**env, "COMPANION_EXIT_AFTER_PAINT": "1"}
    assert kept_frame.drawn_with((80, 24), after_paint, files) == key
    for other in (
        kept_frame.drawn_with((81, 24), env, files),
        kept_frame.drawn_with((80, 25), env, files),
        kept_frame.drawn_with((80, 24), {**env, "TERM": "xterm"}, files),
        kept_frame.drawn_with((80, 24), {**env, "NO_COLOR": "1"}, files),
        kept_frame.drawn_with((80, 24), {**env, "COMPANION_THEME": "dawn"}, files),
        kept_frame.drawn_with((80, 24), {**env, "TEXTUAL_COLOR_SYSTEM": "standard"}, files),
    ):
        assert other != key
    keymap.write_text("[keys]\n")  # a keymap file where there was none
    assert kept_frame.drawn_with((80, 24), env, files) != key


def test_a_kept_frame_reads_back_as_written() -> None:
    frame = "\x1b[1;1H Home \u2581\n\x1b[2;1H caf\u00e9"
    data = kept_frame.encode("80x24 []", ["/a", "/b c"], frame)
    assert kept_frame.decode(data) == ("80x24 []", ["/a", "/b c"], frame.encode())
    assert kept_frame.decode(b"no line break") is None


SHOW_THEN_FAIL = """
import os, sys, termios
from companion import kept_frame
shown = kept_frame.show_at_once(["--db", sys.argv[1]], os.environ)
lflag = termios.tcgetattr(0)[3]
os.write(2, f"shown={shown} echo={bool(lflag & termios.ECHO)}\\n".encode())
try:
    raise RuntimeError("the start failed before the app ran")
finally:
    kept_frame.put_back()
    lflag = termios.tcgetattr(0)[3]
    os.write(2, f"after echo={bool(lflag & termios.ECHO)}\\n".encode())
"""


def test_a_start_that_fails_before_the_app_runs_puts_the_terminal_back(
    tmp_path: Path,
) -> None:
    """The frame is shown in the alternate screen with keys unechoed; a start that ends
    before the app's driver takes over leaves the alternate screen and echoes again."""
    db = tmp_path / "companion.json"
    db.write_text("{}")
    now = "2026-03-03T09:30:00+00:00"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "COMPANION_FROZEN_NOW": now,
        "HOME": str(tmp_path),
        "LC_ALL": "C.UTF-8",  # as set: Python sets none of its own (PEP 538)
    }
    from datetime import datetime, timedelta

    moment = datetime.fromisoformat(now)
    files = [str(tmp_path / "nothing")]
    data = kept_frame.encode(
        kept_frame.drawn_with((80, 24), env, files), files, "\x1b[1;1HKEPT-FRAME"
    )
    from companion import answers

    read_from = answers.identity(db)
    assert read_from is not None
    _dev, _ino, _size, mtime, ctime = read_from
    original_wall = answers.wall_ns
    try:
        # the file counts as settled
        answers.wall_ns = lambda: max(mtime, ctime) + answers.SETTLE_NS  # type: ignore[assignment]
        assert answers.keep_bytes(
            db, answers.HOME_FRAME, read_from, data, moment, moment + timedelta(hours=1)
        )
    finally:
        answers.wall_ns = original_wall  # type: ignore[assignment]
    master, slave = os.openpty()
    import fcntl
    import struct

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    before = termios.tcgetattr(slave)
    assert before[3] & termios.ECHO
    proc = subprocess.Popen(
        [sys.executable, "-c", SHOW_THEN_FAIL, str(db)],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    written = b""
    try:
        while select.select([master], [], [], 30)[0]:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            written += chunk
    except OSError:  # the other side has closed
        pass
    finally:
        os.close(master)
    _, err = proc.communicate(timeout=30)
    lines = err.decode()
    assert "shown=True echo=False" in lines, lines
    assert "after echo=True" in lines, lines
    assert "RuntimeError" in lines
    assert written.startswith(kept_frame.ENTER.encode())
    assert b"KEPT-FRAME" in written
    assert written.endswith(kept_frame.LEAVE.encode())
