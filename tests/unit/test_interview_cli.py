"""`companion interview` and `companion reference`: subcommands, JSON contract, exit codes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, Outcome
from companion.store.repository import Repository

JSON_KEYS = {
    "id",
    "company",
    "role",
    "round",
    "held_on",
    "decision_by",
    "outcome",
    "phase",
    "thank_you_by",
    "follow_up_from",
    "move_on_from",
}


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_path: Path) -> Cli:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def add_acme(cli, *extra: str) -> None:
    code, _, err = cli(
        "interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "today", *extra
    )
    assert code == 0, err


def test_add_prints_the_next_date_and_saves_everything(
    cli: Cli, db_path: Path, clock: FrozenClock
) -> None:
    code, out, err = cli(
        "interview",
        "add",
        "--company",
        "Acme",
        "--role",
        "Platform engineer",
        "--on",
        "2026-03-03",
        "--round",
        "second",
        "--decision-by",
        "+3d",
        "--with",
        "Ana Ruiz",
        "--with",
        "Ben Cho",
        "--contact-pref",
        "phone",
        "--final",
        "--notes",
        "Nice team",
    )
    assert code == 0, err
    assert out == (
        "Added interview 1: Acme · Platform engineer (second, final round), Tue 3 Mar.\n"
        "Next: thank-you best by Wed 4 Mar.\n"
    )
    with Repository.open(db_path, clock, access="read") as repo:
        (interview,) = repo.interviews.all()
    assert interview.interviewers == ("Ana Ruiz", "Ben Cho")
    assert interview.decision_by is not None and interview.decision_by.isoformat() == "2026-03-06"
    assert interview.contact_pref == "phone"
    assert interview.final_round
    assert interview.round == "second"
    assert interview.notes == "Nice team"


def test_list_json_keeps_the_contract(cli: Cli) -> None:
    add_acme(cli)
    code, out, _ = cli("interview", "list", "--json")
    assert code == 0
    (row,) = orjson.loads(out)
    assert set(row) >= JSON_KEYS
    assert row["id"] == 1
    assert row["held_on"] == "2026-03-03"
    assert row["decision_by"] is None
    assert row["outcome"] == "waiting"
    assert row["phase"] == "thank_you"
    assert row["thank_you_by"] == "2026-03-04"
    assert row["follow_up_from"] == "2026-03-17"
    assert row["move_on_from"] == "2026-04-14"


def test_list_text_and_the_empty_state(cli: Cli) -> None:
    code, out, _ = cli("interview", "list")
    assert code == 0
    assert out.startswith("No open interviews.")
    assert cli("interview", "list", "--json")[1].strip() == "[]"
    add_acme(cli, "--with", "Ana")
    _, out, _ = cli("interview", "list")
    assert out == "  1  Acme · Engineer  thank-you  thank-you best by Wed 4 Mar\n"


def test_log_moves_the_timeline_and_a_reply_brings_a_new_date(
    cli: Cli, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(cli, "--decision-by", "2026-03-06")
    code, out, _ = cli("interview", "log", "1", "thank-you")
    assert code == 0
    assert "thank-you sent, Tue 3 Mar" in out
    assert "Next: polite check-in from Tue 10 Mar." in out
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["phase"] == "quiet"
    assert row["thank_you_by"] is None
    code, out, _ = cli("interview", "log", "1", "reply", "--decision-by", "+2w", "--note", "soon")
    assert code == 0
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["decision_by"] == "2026-03-17"
    assert row["follow_up_from"] == "2026-03-18"
    with Repository.open(db_path, clock, access="read") as repo:
        contacts = repo.interviews.require(1).contacts
    assert [c.kind for c in contacts] == [ContactKind.THANK_YOU, ContactKind.REPLY]
    assert contacts[1].note == "soon"


def test_follow_up_with_no_reply_leaves_it_with_them(cli: Cli) -> None:
    code, _, _ = cli("interview", "add", "--company", "A", "--role", "r", "--on", "-3w")
    assert code == 0
    assert cli("interview", "log", "1", "follow-up", "--on", "yesterday")[0] == 0
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["phase"] == "quiet"
    assert row["follow_up_from"] is None
    assert row["held_on"] == "2026-02-10"  # `--on -3w` is a date, not an option
    assert row["move_on_from"] == "2026-03-24"  # T + 42


def test_outcome_closes_and_reopens(cli: Cli, db_path: Path, clock: FrozenClock) -> None:
    add_acme(cli)
    code, out, _ = cli("interview", "outcome", "1", "moved-on", "--reflection", "Ask for dates.")
    assert code == 0
    assert "It leaves your lists" in out
    assert orjson.loads(cli("interview", "list", "--json")[1]) == []
    assert "`companion interview list --all` shows the closed ones" in cli("interview", "list")[1]
    (row,) = orjson.loads(cli("interview", "list", "--all", "--json")[1])
    assert row["outcome"] == "moved_on"
    assert row["phase"] == "closed"
    assert row["follow_up_from"] is None and row["move_on_from"] is None
    assert "moved on Tue 3 Mar" in cli("interview", "list", "--all")[1]
    code, out, _ = cli("interview", "outcome", "1", "waiting")
    assert code == 0
    assert "Next:" in out
    with Repository.open(db_path, clock, access="read") as repo:
        interview = repo.interviews.require(1)
    assert interview.outcome == Outcome.WAITING
    assert interview.reflection == "Ask for dates."
    code, out, _ = cli("interview", "outcome", "1", "waiting")
    assert code == 0
    assert "nothing changed" in out


def test_offer_words_use_underscores_in_json(cli: Cli) -> None:
    add_acme(cli)
    assert cli("interview", "outcome", "1", "offer-verbal")[0] == 0
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["outcome"] == "offer_verbal"
    assert row["move_on_from"] is None


def test_adding_the_next_round_closes_the_first(cli: Cli) -> None:
    add_acme(cli)
    cli("interview", "outcome", "1", "next-round")
    code, out, _ = cli("interview", "add", "--company", "acme", "--role", "engineer", "--on", "+1w")
    assert code == 0
    assert "next round of interview 1" in out
    rows = orjson.loads(cli("interview", "list", "--all", "--json")[1])
    by_id = {r["id"]: r for r in rows}
    assert by_id[1]["phase"] == "closed"
    assert by_id[1]["outcome"] == "next_round"
    assert by_id[2]["phase"] == "upcoming"
    assert [r["id"] for r in orjson.loads(cli("interview", "list", "--json")[1])] == [2]


def test_show_prints_the_timeline(cli: Cli) -> None:
    add_acme(cli, "--with", "Ana")
    cli("interview", "log", "1", "thank-you", "--note", "by email")
    code, out, _ = cli("interview", "show", "1")
    assert code == 0
    assert "Acme · Engineer, held Tue 3 Mar" in out
    assert "With Ana" in out
    assert "Phase: quiet. Nothing to do until Tue 17 Mar" in out
    assert "thank-you sent: by email" in out


def test_references_and_their_heads_up(cli: Cli, db_path: Path, clock: FrozenClock) -> None:
    assert cli("reference", "add", "Dana Lee", "--relation", "manager", "--reach", "d@x")[0] == 0
    assert cli("reference", "add", "Sam")[0] == 0
    code, out, _ = cli("reference", "list")
    assert out == "  1  Dana Lee, manager (d@x)\n  2  Sam\n"
    data = orjson.loads(cli("reference", "list", "--json")[1])
    assert data[0] == {"id": 1, "name": "Dana Lee", "relation": "manager", "reach": "d@x"}
    add_acme(cli, "--final")
    _, out, _ = cli("summary")
    assert "Give Dana Lee and Sam a short heads-up" in out
    code, out, _ = cli("interview", "log", "1", "references-notified", "--reference", "2")
    assert code == 0
    assert "Told: Sam." in out
    _, out, _ = cli("summary")
    assert "Give Dana Lee a short heads-up" in out
    cli("interview", "log", "1", "references-notified")
    _, out, _ = cli("summary")
    assert "heads-up" not in out
    with Repository.open(db_path, clock, access="read") as repo:
        assert [c.references for c in repo.interviews.require(1).contacts] == [(2,), (1, 2)]


ADD = ["interview", "add", "--company", "A", "--role", "r", "--on", "today"]
BAD = [
    (["interview", "add", "--company", "", "--role", "r", "--on", "today"], "company:"),
    (["interview", "add", "--company", "A", "--role", " ", "--on", "today"], "role:"),
    (["interview", "add", "--company", "A", "--role", "r", "--on", "3 March"], "on:"),
    (
        [*ADD, "--decision-by", "-1d"],
        "decision-by: Mon 2 Mar is before the interview",
    ),
    (
        ["interview", "add", "--company", "A", "--role", "r", "--on", "x", "--contact-pref", "fax"],
        "on:",
    ),
    (
        [*ADD, "--contact-pref", "fax"],
        "contact-pref: 'fax' is not a way to reach them; use email or phone.",
    ),
    (["interview", "log", "7", "reply"], "id: there is no interview 7"),
    (["interview", "log", "one", "reply"], "id: 'one' is not an id"),
    (["interview", "log", "1", "wave"], "kind: 'wave' is not a kind of contact; use one of:"),
    (["interview", "log", "1", "reply", "--on", "tomorrow"], "on: Wed 4 Mar has not come yet"),
    (["interview", "log", "1", "reply", "--on", "-1d"], "on: Mon 2 Mar is before the interview"),
    (["interview", "log", "1", "thank-you", "--decision-by", "+1w"], "decision-by: only a reply"),
    (["interview", "log", "1", "reply", "--decision-by", "soon"], "decision-by: 'soon' is not"),
    (["interview", "log", "1", "references-notified", "--reference", "9"], "reference: there is"),
    (["interview", "log", "1", "reply", "--reference", "1"], "reference: name references only"),
    (["interview", "outcome", "1", "ghosted"], "outcome: 'ghosted' is not an outcome"),
    (["interview", "outcome", "9", "rejected"], "id: there is no interview 9"),
    (["interview", "outcome", "1", "rejected", "--reflection", "x"], "reflection:"),
    (["reference", "add", " "], "name: the name is empty"),
]


@pytest.mark.parametrize(("argv", "message"), BAD)
def test_bad_input_exits_2_names_the_field_and_saves_nothing(
    cli: Cli, db_path: Path, clock: FrozenClock, argv: list[str], message: str
) -> None:
    add_acme(cli)
    with Repository.open(db_path, clock) as repo:
        repo.flush()
    before = db_path.read_bytes()
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert err.startswith("companion: ")
    assert message in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_missing_flags_are_bad_usage(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), "interview", "add", "--company", "A"])
    assert caught.value.code == 2
    assert "--role" in capsys.readouterr().err
    assert not db_path.exists()


def test_summary_lists_the_waiting_in_every_shape(cli: Cli) -> None:
    add_acme(cli, "--with", "Ana")
    cli("interview", "add", "--company", "Globex", "--role", "Analyst", "--on", "-30d")
    _, out, _ = cli("summary")
    assert "Waiting to hear:\n" in out
    assert "  Globex · Analyst: polite check-in from Mon 16 Feb\n" in out
    assert "  Acme · Engineer: thank-you best by Wed 4 Mar\n" in out
    assert "1. Send a short thank-you note to Ana at Acme" in out
    assert cli("summary", "--short")[1] == "companion: 3 things today · 2 waiting\n"
    summary = orjson.loads(cli("summary", "--json")[1])
    listed = orjson.loads(cli("interview", "list", "--json")[1])
    assert summary["waiting"] == listed
    assert [a["kind"] for a in summary["actions"]] == ["thank_you", "debrief", "follow_up"]


CLI_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
print("LOADED:" + ",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
raise SystemExit(code)
"""


def test_the_interview_commands_do_not_import_textual(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    for argv in (
        ["interview", "add", "--company", "A", "--role", "r", "--on", "today"],
        ["interview", "list", "--json"],
        ["interview", "log", "1", "thank-you"],
        ["interview", "outcome", "1", "rejected"],
        ["interview", "show", "1"],
        ["reference", "list"],
    ):
        result = subprocess.run(
            [sys.executable, "-c", CLI_PROBE, "--db", db, *argv],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("LOADED:"), result.stdout
