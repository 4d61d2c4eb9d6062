"""`companion question add | list`, `companion import`, and practice in the summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.store.deck_files import find_shipped
from companion.store.repository import Repository
from tests.conftest import add_interviews
from tests.unit.test_decks import MALFORMED


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_question_added_from_the_shell_is_due_now(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        add_interviews(repo, 3)
    code, out, _ = run(
        capsys,
        db_path,
        "question",
        "add",
        "Why did you leave [bold]Acme[/]?",
        "--interview",
        "3",
        "--tag",
        "Motivation",
        "--tag",
        "acme",
        "--answer",
        "To grow.",
    )
    assert code == 0
    assert out.startswith("Saved question 1.")
    code, out, _ = run(capsys, db_path, "question", "list", "--json")
    assert code == 0
    assert orjson.loads(out) == [
        {
            "id": 1,
            "text": "Why did you leave [bold]Acme[/]?",
            "tags": ["motivation", "acme"],
            "interview_id": 3,
            "due": "2026-03-03T09:30:00+00:00",
            "due_on": "2026-03-03",
            "suspended": False,
            "key_points": [],
        }
    ]
    code, out, _ = run(capsys, db_path, "summary", "--short")
    assert out.strip() == "companion: 1 thing today · 1 to practise"
    code, out, _ = run(capsys, db_path, "summary", "--json")
    data = orjson.loads(out)
    assert data["practice_due"] == 1
    assert data["actions"][0]["kind"] == "practice"


def test_list_json_keeps_the_contract_keys(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    run(capsys, db_path, "question", "add", "Why?")
    _, out, _ = run(capsys, db_path, "question", "list", "--json")
    (item,) = orjson.loads(out)
    assert {"id", "text", "tags", "interview_id", "due"} <= set(item)
    assert item["due"].endswith("+00:00")


def test_list_due_shows_only_what_is_due(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    run(capsys, db_path, "question", "add", "Due now?")
    with Repository.open(db_path, clock) as repo:
        shipped = find_shipped("about-you")
        assert shipped is not None
        repo.questions.import_deck(shipped.deck, clock.now())
    _, out, _ = run(capsys, db_path, "question", "list", "--due", "--json")
    due = orjson.loads(out)
    # Five new questions a day: the one added by hand counts, so four come from the deck.
    assert len(due) == 5
    assert sum(1 for q in due if q["text"] == "Due now?") == 1
    _, out, _ = run(capsys, db_path, "question", "list")
    assert len(out.strip().splitlines()) == 1 + len(shipped.deck.questions)
    assert "tomorrow" in out
    assert "overdue" not in out.lower()


def test_list_when_nothing_is_due_says_when_the_next_one_comes(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(capsys, db_path, "question", "list", "--due")
    assert code == 0
    assert "empty" in out
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["question", "add", "   "], "question"),
        (["question", "add", "Why?", "--interview", "first"], "interview"),
        (["question", "add", "Why?", "--tag", "x" * 50], "tag"),
    ],
)
def test_bad_input_exits_2_names_the_field_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str], field: str
) -> None:
    code, out, err = run(capsys, db_path, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"companion: {field}: ")
    assert "Traceback" not in err
    assert not db_path.exists()


def test_question_needs_an_action(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), "question"])
    assert caught.value.code == 2


def _deck(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


DECK = '[deck]\nname = "Mine"\n\n[[questions]]\ntext = "One?"\n\n[[questions]]\ntext = "Two?"\n'


def test_import_a_deck_file_twice(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = _deck(tmp_path, DECK)
    code, out, _ = run(capsys, db_path, "import", str(path))
    assert code == 0
    assert out.startswith("Added 2 questions from Mine.")
    code, out, _ = run(capsys, db_path, "import", str(path))
    assert code == 0
    assert "already in your bank" in out
    _, out, _ = run(capsys, db_path, "question", "list", "--json")
    assert [q["text"] for q in orjson.loads(out)] == ["One?", "Two?"]


def test_a_malformed_deck_exits_2_naming_the_file_and_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = _deck(tmp_path, DECK + '\n[[questions]]\ntext = "Three?"\nstar = "yes"\n')
    code, out, err = run(capsys, db_path, "import", str(path))
    assert code == 2
    assert out == ""
    assert err.strip() == (
        f"companion: {path}: line 12 (questions entry 3): 'star' should be true or false. "
        "Nothing was imported."
    )
    assert not db_path.exists()


def test_import_reads_decks_and_full_exports_only(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = _deck(tmp_path, "{}", "export.json")
    code, _, err = run(capsys, db_path, "import", str(path))
    assert code == 2
    assert "it is not a companion export" in err
    path = _deck(tmp_path, "text = 'Why?'", "deck.txt")
    code, _, err = run(capsys, db_path, "import", str(path))
    assert code == 2
    assert "import reads full exports (.json) and question decks (.toml)" in err
    code, _, err = run(capsys, db_path, "import", str(tmp_path / "missing.toml"))
    assert code == 2
    assert "does not exist" in err
    code, _, err = run(capsys, db_path, "import", "no-such-deck")
    assert code == 2
    assert "--list" in err
    assert not db_path.exists()


def test_starter_decks_are_listed_and_imported_by_name(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(capsys, db_path, "import", "--list")
    assert code == 0
    assert "behavioural" in out
    assert "Questions to ask them" in out
    code, out, _ = run(capsys, db_path, "import", "behavioural")
    assert code == 0
    assert "from Behavioural" in out
    assert "a few a day, from Tue 3 Mar to" in out


CLI_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
print("LOADED:" + ",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
raise SystemExit(code)
"""


def test_question_and_import_commands_do_not_import_textual(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    for argv in (
        ["question", "add", "Why?"],
        ["question", "list", "--json"],
        ["import", "--list"],
        ["import", "motivation"],
    ):
        result = subprocess.run(
            [sys.executable, "-c", CLI_PROBE, "--db", db, *argv],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("LOADED:"), result.stdout


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_each_kind_of_malformed_deck_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, case: str
) -> None:
    run(capsys, db_path, "question", "add", "Already here?")
    before = db_path.read_bytes()
    text, where, problem = MALFORMED[case]
    path = _deck(tmp_path, text, "broken.toml")
    code, out, err = run(capsys, db_path, "import", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"companion: {path}: {where}: ")
    assert problem in err
    assert "Nothing was imported." in err
    assert db_path.read_bytes() == before
