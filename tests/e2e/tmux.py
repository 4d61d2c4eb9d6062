"""Drive the installed `companion` in a private tmux server, as a user would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

COMPANION = Path(sys.executable).parent / "companion"


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


@contextmanager
def tmux_session(workdir: Path, width: int = 100, height: int = 30) -> Iterator[Tmux]:
    """A tmux server of its own for one test, killed after it; a missing tmux fails the test
    (it is never skipped: `make test` installs tmux)."""
    if not tmux_available():
        pytest.fail(
            "tmux is missing: `make test` installs it; install it with apt-get install tmux"
        )
    session = Tmux(workdir, width=width, height=height)
    try:
        yield session
    finally:
        session.kill()


class Tmux:
    def __init__(self, workdir: Path, width: int = 100, height: int = 30) -> None:
        self.socket = f"companion-test-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self.status_file = workdir / f"{self.socket}.status"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )

    def start(self, argv: list[str], env: Mapping[str, str]) -> None:
        # The exit status is written by a shell around the command: tmux does not
        # always reap a finished pane promptly, so `pane_dead` is not reliable.
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        inner = f"env {exports} {shlex.join(argv)}; echo $? > {shlex.quote(str(self.status_file))}"
        command = f"sh -c {shlex.quote(inner)}"
        result = self._run(
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-e",
            "TERM=xterm-256color",
            command,
        )
        assert result.returncode == 0, result.stderr
        self._run("set-option", "-t", "main", "remain-on-exit", "on")

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", "main").stdout

    def send(self, *keys: str) -> None:
        for key in keys:
            self._run("send-keys", "-t", "main", key)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def pane(self, field: str) -> str:
        return self._run("display-message", "-p", "-t", "main", f"#{{{field}}}").stdout.strip()

    def wait_for_exit(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return int(self.status_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"companion did not exit; the screen shows:\n{self.screen()}")

    def kill(self) -> None:
        self._run("kill-server")


def running_with(marker: str) -> list[int]:
    """Live processes whose command line mentions `marker` (a unique path)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline and "sh -c" not in cmdline:
            found.append(int(proc.name))
    return found


def companion_env(frozen_now: str, zone: str = "UTC") -> dict[str, str]:
    """The environment of a run: a frozen clock, and a time zone whatever the machine's."""
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL"}}
    return {
        **keep,
        "COMPANION_FROZEN_NOW": frozen_now,
        "TZ": zone,
        "TEXTUAL_ANIMATIONS": "none",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
    }
