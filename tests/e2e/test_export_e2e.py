"""The installed command in tmux: export from the palette, then the file parses and restores."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.store.repository import SCHEMAS
from companion.store.snapshot import parse_export
from tests.e2e.tmux import COMPANION, Tmux, companion_env
from tests.export_data import fill

pytestmark = pytest.mark.e2e


def test_export_from_the_palette_writes_a_file_that_parses(
    tmux: Tmux, db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    fill(db_path, clock)
    env = companion_env(clock.now().isoformat())
    target = tmp_path / "out" / "mine.json"
    target.parent.mkdir()
    tmux.start([str(COMPANION), "--db", str(db_path)], env)
    tmux.wait_for("Good morning")
    tmux.send("C-p")
    tmux.wait_for("Search for commands")
    tmux.send("Export")
    tmux.wait_for("Export...")
    tmux.send("Enter")
    tmux.wait_for("Export your data")
    tmux.send("Tab", "End", "C-u", str(target))
    tmux.wait_for("mine.json")
    tmux.send("Enter")
    tmux.wait_for("Everything is in")
    tmux.send("Escape")
    tmux.wait_for("Good morning")
    tmux.send("q")
    assert tmux.wait_for_exit() == 0

    exported = target.read_bytes()
    snapshot = parse_export(exported, SCHEMAS)
    assert snapshot.counts()["interviews"] == 2
    assert orjson.loads(exported)["history"]
    # the same bytes as the command line writes from the same data
    printed = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "export", "--output", "-"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == exported
