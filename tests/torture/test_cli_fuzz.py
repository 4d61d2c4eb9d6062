"""Bad input everywhere: hypothesis drives every CLI subcommand with arbitrary input.

Each row of tests/torture/commands.py is filled with arbitrary text, dates, ids
and numbers (including what a shell can pass but Python cannot decode, and
markup). The result is exit 0, 1 or 2; a non-zero exit comes with a message on
stderr and never a traceback; and a command that was refused changed no file.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.cli import main
from companion.cli.main import build_parser
from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.store.backups import list_backups
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.torture.commands import COMMANDS, CliCommand, subcommand_paths

pytestmark = pytest.mark.slow

ODD = [
    "",
    " ",
    "-",
    "--",
    "[bold]x[/]",
    "[/]",
    "[link=x]y",
    "\x1b[31mred",
    "\t\n",
    "😀",
    "ünï",
    "%s%n",
    "{}",
    "../..",
    "/",
    ".",
    "~",
    "NaN",
    "inf",
    "-1",
    "0",
    "1e309",
    "١٢",
    "²",
]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=300),
    st.sampled_from(ODD),
    # what a shell passes but is not UTF-8: Python makes lone surrogates of it
    st.binary(max_size=30).map(lambda b: b.decode("utf-8", "surrogateescape").replace("\x00", "")),
)
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "today",
            "yesterday",
            "tomorrow",
            "+3d",
            "-2w",
            "+0d",
            "+99999999999d",
            "-1000000w",
            "2026-02-30",
            "2026-13-01",
            "0000-00-00",
            "9999-12-31",
            "10000-01-01",
            "2026-3-3",
        ]
    ),
    TEXT,
)
IDS = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["0", "-0", "01", "1.0", "0x10", "١", "99999999999999999999"]),
    TEXT,
)
NUMBERS = st.one_of(st.integers().map(str), st.floats().map(str), TEXT)
FLAGS = st.sampled_from(["--json", "--short", "--all", "--due", "--on", "--help", "-h", "--x"])
EXTRA = st.lists(st.one_of(FLAGS, TEXT), max_size=3)
PLACEHOLDERS = {"text": TEXT, "date": DATES, "id": IDS, "number": NUMBERS}


def test_every_subcommand_is_fuzzed() -> None:
    """A new subcommand needs its rows in tests/torture/commands.py."""
    fuzzed = {command.path for command in COMMANDS}
    missing = subcommand_paths(build_parser()) - fuzzed
    assert not missing, f"add argv templates for {sorted(missing)} to tests/torture/commands.py"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _run(argv: list[str]) -> tuple[int, str, str]:
    """Run in this process with streams like a real one's: stdout strict UTF-8, stderr
    replacing what it cannot encode (so text Python could not decode fails as it would)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(argv)
    except SystemExit as leaving:  # argparse: --help, or bad usage
        code = leaving.code if isinstance(leaving.code, int) else 2
    finally:
        sys.stdout, sys.stderr = real
    out.flush()
    err.flush()
    return code, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()


@pytest.fixture
def data(db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A database with some history and a backup, and what the templates may refer to.

    The app itself is stubbed out: a command that would open it (or serve it) returns at once.
    """
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    monkeypatch.setattr("companion.tui.launch.run_app", lambda *args, **kwargs: 0)
    monkeypatch.setattr(
        "companion.serve.server.PrivateServer.serve", lambda self, debug=False: self.sock.close()
    )
    # `breathe --plain` paces in no time and finds its input at an end (no choice: exit 3)
    monkeypatch.setattr("companion.cli.plain_pacer.SLEEP", lambda seconds: None)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.chdir(db_path.parent.parent)  # where an export with a relative name lands
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2, welcomed=True)
    clock.advance(timedelta(days=1))
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
        repo.interviews.add(
            Interview(company="Acme", role="Analyst", held_on=clock.today(), interviewers=("Ana",))
        )
    return {"backup_day": list_backups(Layout(db_path))[0].day.isoformat()}


def _fill(command: CliCommand, draw: st.DrawFn, known: dict[str, str]) -> list[str]:
    argv = []
    for word in command.argv:
        for name in re.findall(r"{(\w+)}", word):
            value = known[name] if name in known else draw(PLACEHOLDERS[name])
            word = word.replace("{" + name + "}", value)
        argv.append(word)
    return argv + draw(EXTRA)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c.argv))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draw=st.data())
def test_any_input_exits_0_1_or_2_with_a_message_and_a_refusal_changes_nothing(
    command: CliCommand,
    draw: st.DataObject,
    data: dict[str, str],
    db_path: Path,
) -> None:
    argv = ["--db", str(db_path), *_fill(command, draw.draw, data)]
    before = _files(db_path.parent)
    code, _, err = _run(argv)
    assert code in command.exit_codes, (argv, code, err)
    assert "Traceback" not in err
    if code not in (0, 3):
        assert err.strip(), (argv, code)
        assert _files(db_path.parent) == before, argv
    if not command.writes and code == 0:
        assert _files(db_path.parent) == before, argv


@pytest.mark.parametrize(
    "argv",
    [
        ["restore", "caf\udce9"],
        ["restore", "x" * 300],
        ["restore", "2026-02-30"],
        ["summary", "[bold]"],
        ["backups", "--json"],
    ],
)
def test_the_real_command_refuses_bad_input_without_a_traceback(
    data: dict[str, str], db_path: Path, argv: list[str]
) -> None:
    before = _files(db_path.parent)
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--db", str(db_path), *argv],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip()
    assert b"Traceback" not in result.stderr
    assert _files(db_path.parent) == before
