"""`companion journal`: an entry from the shell (argument, pipe, editor or terminal); the list."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.cli.journal_cmd import SCISSORS, TERMINAL_HINT, entry_from_template
from companion.clock import FrozenClock
from companion.domain.interviews import new_interview
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.unit.test_journal_store import AWKWARD, LONG


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def entries(db: Path, clock: FrozenClock) -> list[dict[str, object]]:
    with Repository.open(db, clock, access="read") as repo:
        return [
            {"text": e.text, "mood": e.mood, "tags": e.tags, "interview_id": e.interview_id}
            for e in repo.journal.all()
        ]


class Piped(io.TextIOWrapper):
    """Standard input from a pipe: bytes, not a terminal."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")

    def isatty(self) -> bool:
        return False


class Terminal(Piped):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def interview_db(db_path: Path, clock: FrozenClock) -> Path:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(new_interview(company="Acme", role="R", held_on=clock.today()))
    return db_path


def test_an_entry_from_the_shell_with_mood_interview_and_tags(
    capsys: pytest.CaptureFixture[str], interview_db: Path, clock: FrozenClock
) -> None:
    code, out, err = run(
        capsys,
        interview_db,
        "journal",
        "Felt",
        "calmer [bold]today[/]",
        "--mood",
        "4",
        "--interview",
        "1",
        "--tag",
        "Calm",
    )
    assert (code, err) == (0, "")
    assert out == "Saved journal entry 1. It is in your journal (j in the app).\n"
    assert entries(interview_db, clock) == [
        {"text": "Felt calmer [bold]today[/]", "mood": 4, "tags": ("calm",), "interview_id": 1}
    ]
    code, out, _ = run(capsys, interview_db, "journal", "list", "--json")
    assert code == 0
    assert orjson.loads(out) == [
        {
            "id": 1,
            "written_at": "2026-03-03T09:30:00+00:00",
            "mood": 4,
            "tags": ["calm"],
            "interview_id": 1,
            "text": "Felt calmer [bold]today[/]",
            "edited_at": None,
            "kind": "entry",
        }
    ]


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["--mood", "6"], "mood"),
        (["--mood", "great"], "mood"),
        (["--interview", "9"], "interview"),
        (["--interview", "abc"], "interview"),
        (["--tag", "x" * 41], "tag"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_saves_nothing(
    capsys: pytest.CaptureFixture[str],
    interview_db: Path,
    clock: FrozenClock,
    argv: list[str],
    field: str,
) -> None:
    main_before = interview_db.read_bytes()
    code, out, err = run(capsys, interview_db, "journal", "Some words", *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"companion: {field}: ")
    assert "Traceback" not in err and err.count("\n") == 1
    assert interview_db.read_bytes() == main_before
    assert Layout(interview_db).part_names() == []


def test_a_pipe_is_read_exactly(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EDITOR", "an-editor-that-must-not-open")
    for text in (AWKWARD, LONG):
        monkeypatch.setattr(sys, "stdin", Piped(text.encode() + b"\n"))
        code, _, err = run(capsys, db_path, "journal", "--mood", "2")
        assert (code, err) == (0, "")
    # Newest first; written in the same frozen moment, the later id is newer.
    assert [e["text"] for e in entries(db_path, clock)] == [LONG.strip(), AWKWARD.strip()]


@pytest.mark.parametrize(("data", "words"), [(b"  \n\n", "empty"), (b"\xff\xfe bad", "UTF-8")])
def test_an_empty_or_undecodable_pipe_saves_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    words: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", Piped(data))
    code, _, err = run(capsys, db_path, "journal")
    assert code == 2
    assert err.startswith("companion: text: ") and words in err
    assert not db_path.exists()


def test_a_terminal_with_no_editor_says_how_to_finish(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(b"Typed at the prompt\n"))
    code, out, err = run(capsys, db_path, "journal")
    assert code == 0
    assert err.strip() == TERMINAL_HINT
    assert "Ctrl-D" in err
    assert out.startswith("Saved journal entry 1.")
    assert [e["text"] for e in entries(db_path, clock)] == ["Typed at the prompt"]


def write_editor(tmp_path: Path, body: str, status: int = 0) -> str:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "template = path.read_text(encoding='utf-8')\n"
        f"path.write_text({body!r} + template, encoding='utf-8')\n"
        f"raise SystemExit({status})\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_the_editor_opens_on_a_template_when_set(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(b""))
    monkeypatch.setenv("EDITOR", write_editor(tmp_path, "Written in the editor\n# kept, a hashtag"))
    code, out, err = run(capsys, db_path, "journal", "--mood", "5")
    assert (code, err) == (0, "")
    assert out.startswith("Saved journal entry 1.")
    (entry,) = entries(db_path, clock)
    assert entry["text"] == "Written in the editor\n# kept, a hashtag"
    assert entry["mood"] == 5
    assert not list(Path(tmp_path).glob("companion-journal-*"))


def test_an_editor_left_empty_or_failing_saves_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(b""))
    monkeypatch.setenv("EDITOR", write_editor(tmp_path, ""))
    code, _, err = run(capsys, db_path, "journal")
    assert code == 2 and "empty" in err

    monkeypatch.setenv("EDITOR", write_editor(tmp_path, "Half a thought", status=1))
    code, _, err = run(capsys, db_path, "journal")
    assert code == 2
    assert "exited with status 1" in err
    kept = Path(err.split("kept in ")[1].rstrip(".\n"))
    assert kept.read_text(encoding="utf-8").startswith("Half a thought")
    kept.unlink()

    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    code, _, err = run(capsys, db_path, "journal")
    assert code == 2
    assert err.startswith("companion: EDITOR: could not start")
    assert not db_path.exists()


def test_the_template_keeps_only_what_is_above_the_scissors() -> None:
    assert entry_from_template(f"Hello\n\n{SCISSORS}\n# help\nmore") == "Hello\n"
    assert entry_from_template("No scissors left\n# at all") == "No scissors left\n# at all"


def test_list_shows_entries_newest_first_and_filters(
    capsys: pytest.CaptureFixture[str], interview_db: Path, clock: FrozenClock
) -> None:
    code, out, _ = run(capsys, interview_db, "journal", "list")
    assert code == 0 and "Your journal is empty." in out
    run(capsys, interview_db, "journal", "First", "--tag", "calm")
    run(capsys, interview_db, "journal", "About Acme", "--interview", "1", "--mood", "3")
    code, out, _ = run(capsys, interview_db, "journal", "list")
    lines = out.splitlines()
    assert len(lines) == 2
    assert "About Acme" in lines[0] and "steady" in lines[0]
    assert "First" in lines[1] and "(calm)" in lines[1]
    assert "Tue 3 Mar" in lines[0]
    _, out, _ = run(capsys, interview_db, "journal", "list", "--interview", "1", "--json")
    assert [e["text"] for e in orjson.loads(out)] == ["About Acme"]
    _, out, _ = run(capsys, interview_db, "journal", "list", "--tag", "calm", "--json")
    assert [e["text"] for e in orjson.loads(out)] == ["First"]
    _, out, _ = run(capsys, interview_db, "journal", "list", "--tag", "nothing")
    assert out.strip() == "No entry matches."


@pytest.mark.parametrize(
    "argv",
    [["Some words", "--json"], ["list", "--mood", "3"]],
)
def test_flags_in_the_wrong_place_are_bad_usage(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str]
) -> None:
    code, _, err = run(capsys, db_path, "journal", *argv)
    assert code == 2
    assert err.startswith("companion: ")
    assert not db_path.exists()


PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
print("LOADED:" + ",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
raise SystemExit(code)
"""


def test_the_journal_command_does_not_import_textual(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    for argv in (["journal", "A line", "--mood", "3"], ["journal", "list", "--json"]):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, "--db", db, *argv],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("LOADED:"), result.stdout
