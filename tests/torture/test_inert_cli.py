"""Every printing command, on a hostile database: no control character reaches the terminal.

The database (tests/hostile_data.py) holds terminal attacks in every text a
person typed or imported, and lives in a folder whose name holds one too (a
path is echoed by backups, restore, import and export). Each command of
`companion --help` runs here, in each of its shapes (text, --json, --short,
exports printed with `--output -`, errors that echo what was typed); what it
prints must hold no C0 control but the line break (a calendar's CR LF line
ends aside), no DEL, no C1 control and no bidi control, and must still show
the text: the markup as typed and each control as its visible symbol. A
command that `companion --help` lists and this table does not is a failure.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from companion.cli.main import build_parser, main
from companion.clock import FrozenClock
from companion.store.repository import Repository
from tests.hostile_data import (
    DECK_SHOWN,
    DECK_TOML,
    HOSTILE,
    HOSTILE_TAG,
    NOW,
    OSC52,
    SHOWN,
    SHOWN_TAG,
    build_hostile,
    controls_in,
    missing_text,
)
from tests.torture.commands import subcommand_paths

pytestmark = pytest.mark.slow

FOLDER = f"data{OSC52}\x9b2J"
FOLDER_SHOWN = "data␛]52;c;SGVsbG8=␇<U+009B>2J"
MARKUP = "[bold]x[/]"
PICTURE = "␛]52;c;SGVsbG8=␇"
# The commands that open the app: tests/torture/test_inert_app.py covers what it shows
# (`serve` shows it in a browser; here it runs only as far as a refused port).
OPENS_APP = {("practice",), ("breathe",)}


@dataclass(frozen=True)
class Case:
    """A command line ({db} the database, {dir} its folder, {deck} a deck file) and what
    its output must show; `code` is its exit code."""

    argv: tuple[str, ...]
    shows: tuple[str, ...] = ()
    code: int = 0
    before: tuple[str, ...] = ()  # a command run first (a change makes the day's backup)
    env: tuple[tuple[str, str], ...] = ()

    @property
    def path(self) -> tuple[str, ...]:
        """The subcommand words, up to the first option or value."""
        words: list[str] = []
        for word in self.argv:
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        return tuple(words)


WORDS = f"Hello{HOSTILE}"
CASES = (
    Case(("summary",), (SHOWN, MARKUP)),
    Case(("summary", "--short")),
    Case(("summary", "--json")),
    Case(("interview", "list"), (SHOWN,)),
    Case(("interview", "list", "--all"), (SHOWN,)),
    Case(("interview", "list", "--all", "--json")),
    Case(("interview", "show", "2"), (SHOWN,)),
    Case(("interview", "show", "3"), (SHOWN,)),
    Case(("interview", "show", WORDS), (MARKUP,), code=2),
    Case(("interview", "add", "--company", WORDS, "--role", WORDS, "--on", "today"), (SHOWN,)),
    Case(("interview", "log", "3", "follow-up", "--note", WORDS), (SHOWN,)),
    Case(("interview", "log", "3", WORDS), (MARKUP,), code=2),
    Case(("interview", "outcome", "3", "waiting"), (SHOWN,)),
    Case(("interview", "outcome", "3", "moved-on", "--reflection", WORDS), (SHOWN,)),
    Case(("interview", "edit", "3", "--talked-about", WORDS), (SHOWN,)),
    Case(("draft", "2"), (SHOWN,)),
    Case(("draft", "2", "references", "--json")),
    Case(("draft", "3", "check-in", "--to", WORDS), (MARKUP,), code=2),
    Case(("draft", "3", WORDS), (MARKUP,), code=2),
    Case(("draft", "--template", "thank-you")),
    Case(("reference", "add", WORDS, "--relation", WORDS, "--reach", WORDS), (SHOWN,)),
    Case(("reference", "list"), (SHOWN,)),
    Case(("reference", "list", "--json")),
    Case(("question", "add", WORDS, "--tag", "calm", "--answer", WORDS), ()),
    Case(("question", "list"), (MARKUP, PICTURE, SHOWN_TAG)),
    Case(("question", "list", "--due", "--json")),
    Case(("question", "add", WORDS, "--key-point", WORDS), ()),
    Case(("story", "list"), (MARKUP, SHOWN_TAG)),
    Case(("story", "list", "--json")),
    Case(("story", "add", WORDS, "--situation", WORDS, "--tag", "calm", "--question", "1"), ()),
    Case(("journal", WORDS, "--tag", "calm")),
    Case(("journal", "list"), (SHOWN_TAG, "One line." + SHOWN[:30])),
    Case(("journal", "list", "--tag", HOSTILE_TAG)),
    Case(("journal", "list", "--tag", WORDS), (MARKUP,), code=2),
    Case(("journal", "list", "--json")),
    Case(("apply", "--company", WORDS, "--role", WORDS, "--source", WORDS), (SHOWN,)),
    Case(("export", "--output", "-"), ("\\u001b]52;c;SGVsbG8=\\u0007", "\\u009b31m")),
    Case(("export", "--format", "markdown", "--output", "-"), (SHOWN,)),
    Case(("export", "--format", "ics", "--output", "-"), (MARKUP, "␛]52", "<U+009B>31m")),
    Case(("export", "--output", "{dir}/notes.md"), (FOLDER_SHOWN,)),
    Case(("import", "{deck}"), (PICTURE,)),
    Case(("import", "--list")),
    Case(("import", "{dir}/export.json"), (FOLDER_SHOWN,), code=2),
    Case(("import", WORDS), (MARKUP,), code=2),
    Case(("backups",), (FOLDER_SHOWN,)),
    Case(
        ("restore", "2026-03-03", "--yes"),
        (FOLDER_SHOWN,),
        before=("interview", "log", "3", "reply"),
    ),
    Case(("restore", "{dir}/missing.json"), code=2),
    Case(("restore", WORDS), (MARKUP,), code=2),
    Case(("check",), (FOLDER_SHOWN,)),
    Case(("settings",), (SHOWN,)),
    Case(("settings",), (SHOWN,), env=(("COMPANION_THEME", WORDS),)),
    Case(("settings", "--weekly-goal", "3"), (SHOWN,)),
    Case(("settings", "--calendar", "{dir}/kind.ics"), (FOLDER_SHOWN,)),
    Case(("settings", "--weekly-goal", WORDS), (MARKUP,), code=2),
    Case(("completion", "bash")),
    Case(("completion", "zsh")),
    Case(("completion", "fish")),
    Case(("serve", "--port", WORDS), (MARKUP,), code=2),
    Case(("park", WORDS)),
    Case(("parked",), (SHOWN,)),
    Case(("parked", "--all"), (SHOWN,)),
    Case(("parked", "--all", "--json")),
    Case(("interview", "outcome", "3", "rejected"), (SHOWN, "If you like")),
    Case(("settings", "--breathing", WORDS), (MARKUP,), code=2),
    Case(("settings", "--reduced-motion", WORDS), (MARKUP,), code=2),
    Case(("settings", "--daily-limit", WORDS), (MARKUP,), code=2),
    Case(("settings", "--rest-days", WORDS), code=2),
    Case(("settings", "--day-starts", WORDS), (MARKUP,), code=2),
    Case(
        ("interview", "add", "--company", "A", "--role", "B", "--on", "+2d", "--tag", HOSTILE_TAG)
    ),
    Case(
        ("interview", "add", "--company", "A", "--role", "B", "--on", "+2d", "--tag", WORDS), code=2
    ),
    Case(("story", "add", WORDS, "--question", WORDS), (MARKUP,), code=2),
    Case(("practice", "--mock", WORDS), (MARKUP,), code=2),
    Case(("breathe", "--pattern", WORDS), (MARKUP,), code=2),
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    path, _ = build_hostile(folder)
    yield path.parent


@pytest.fixture
def db(hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the hostile database in a folder whose name is hostile too."""
    monkeypatch.setenv("COMPANION_FROZEN_NOW", NOW.isoformat())
    folder = tmp_path / FOLDER
    shutil.copytree(hostile, folder)
    return folder / "companion.json"


def assert_inert(output: str) -> None:
    """No control character but line breaks (and a CR LF line end) reaches the terminal."""
    bad = controls_in(output.replace("\r\n", "\n"))
    assert not bad, f"{bad!r} reach the terminal in:\n{output}"


def texts_in(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from texts_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from texts_in(value)


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as leaving:
        code = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def test_the_hostile_database_has_attacks_in_every_text_field(tmp_path: Path) -> None:
    path, changed = build_hostile(tmp_path)
    assert not missing_text(changed), "fill these fields in tests/hostile_data.build_plain"
    with Repository.open(path, FrozenClock(NOW), access="read") as repo:
        companies = {i.company for i in repo.interviews.all()}
    assert "Northwind" + HOSTILE in companies  # stored exactly as imported


def test_every_printing_command_is_run_on_the_hostile_database() -> None:
    covered = {case.path for case in CASES} | OPENS_APP
    for path in subcommand_paths(build_parser()):
        assert any(run[: len(path)] == path for run in covered), (
            f"add {' '.join(path)} to CASES in {__name__}"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda case: " ".join(case.argv)[:60])
def test_each_command_prints_hostile_text_inert(
    case: Case,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    deck = tmp_path / f"deck{OSC52}.toml"
    deck.write_text(DECK_TOML, encoding="utf-8")
    shutil.copy(db, db.parent / "export.json")
    fill = {"{db}": str(db), "{dir}": str(db.parent), "{deck}": str(deck)}
    argv = ["--db", str(db)]
    for word in case.argv:
        for key, value in fill.items():
            word = word.replace(key, value)
        argv.append(word)
    if case.before:
        assert run(capsys, ["--db", str(db), *case.before])[0] == 0
    code, output = run(capsys, argv)
    assert code == case.code, output
    assert_inert(output)
    for shown in case.shows:
        assert shown in output, f"{shown!r} is not in:\n{output}"


@pytest.mark.parametrize(
    "argv",
    [
        ("summary", "--json"),
        ("interview", "list", "--all", "--json"),
        ("reference", "list", "--json"),
        ("question", "list", "--json"),
        ("journal", "list", "--json"),
    ],
)
def test_json_output_keeps_the_text_exactly(
    argv: tuple[str, ...], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run(capsys, ["--db", str(db), *argv])
    assert code == 0
    assert_inert(output)
    assert any(HOSTILE in text for text in texts_in(orjson.loads(output)))


def test_a_printed_json_export_imports_as_the_same_database(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed = run(capsys, ["--db", str(db), "export", "--output", "-"])
    assert code == 0
    written = tmp_path / "written.json"
    assert run(capsys, ["--db", str(db), "export", "--output", str(written)])[0] == 0
    assert orjson.loads(printed) == orjson.loads(written.read_bytes())


def test_the_installed_command_writes_no_control_bytes(db: Path) -> None:
    for argv in (("summary",), ("question", "list"), ("interview", "show", "2")):
        result = subprocess.run(
            [sys.executable, "-m", "companion", "--db", str(db), *argv],
            capture_output=True,
            check=False,
            env={"COMPANION_FROZEN_NOW": NOW.isoformat(), "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream
            assert_inert(stream.decode("utf-8"))
        assert "␛]52;c;SGVsbG8=␇".encode() in result.stdout


def test_a_shared_deck_keeps_its_text_and_lists_it_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", NOW.isoformat())
    deck = tmp_path / "shared.toml"
    deck.write_text(DECK_TOML, encoding="utf-8")
    db = tmp_path / "companion.json"
    code, output = run(capsys, ["--db", str(db), "import", str(deck)])
    assert code == 0
    assert_inert(output)
    with Repository.open(db, FrozenClock(NOW), access="read") as repo:
        (question,) = repo.questions.all()
    assert OSC52 in question.text and "\x9b31m" in question.hint  # kept as written
    code, output = run(capsys, ["--db", str(db), "question", "list"])
    assert code == 0
    assert_inert(output)
    assert DECK_SHOWN in output


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_completion_script_is_printed_unchanged(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from companion.cli.completion_cmd import completion_script

    code, output = run(capsys, ["completion", shell])
    assert code == 0
    assert output == completion_script(shell)
