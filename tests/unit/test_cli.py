"""The printing CLI: output shapes, exit codes and error sentences."""

from __future__ import annotations

import subprocess
import sys
from datetime import time, timedelta
from pathlib import Path

import orjson
import pytest

from companion import __version__
from companion.cli import main
from companion.cli.main import build_parser
from companion.clock import FrozenClock
from companion.domain.applications import parse_application
from companion.store.backups import list_backups
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.torture.commands import subcommand_paths


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"companion {__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    commands = {path[0] for path in subcommand_paths(build_parser())}
    assert {"summary", "interview", "question", "journal", "export", "import"} <= commands
    for command in commands:
        assert f"    {command} " in out or f"    {command}\n" in out, command
    assert "Exit codes" in out


def test_bad_usage_exits_2_with_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err
    assert "Traceback" not in err


def test_empty_summary_is_calm(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "summary")
    assert code == 0
    assert out.startswith("Nothing needs you today.")
    assert "A kind use of the time:" in out
    assert "Applied this week: 0 of 5" in out
    assert not db_path.exists()


def test_summary_json_keeps_the_contract(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "summary", "--json")
    data = orjson.loads(out)
    assert code == 0
    assert {
        "actions",
        "waiting",
        "practice_due",
        "applied_this_week",
        "weekly_goal",
        "message",
    } <= set(data)
    assert data["message"] == "Nothing needs you today."
    assert data["actions"] == []
    assert data["weekly_goal"] == 5


def test_summary_short_is_one_line(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "summary", "--short")
    assert code == 0
    # day one: how to begin (issue 14)
    assert out == "companion: nothing today · had an interview? companion interview add\n"


def test_the_environment_names_the_database(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    monkeypatch.setenv("COMPANION_DB", str(db_path))
    _, out, _ = run(capsys, "summary")
    assert "0 of 2" in out
    _, out, _ = run(capsys, "--db", str(db_path.parent / "other.json"), "summary")
    assert "0 of 5" in out


def test_a_bad_database_exits_1_and_is_left_alone(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b'{"meta": ')
    code, out, err = run(capsys, "--db", str(db_path), "summary")
    assert code == 1
    assert out == ""
    assert str(db_path) in err
    assert "not valid JSON" in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == b'{"meta": '


def test_backups_and_restore(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=9)
    # the backup named for a day holds the database as that day began
    day_one = clock.today()
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert code == 0
    assert "Wed 4 Mar" in out
    assert day_one.isoformat() in out
    db_path.write_bytes(b"")
    code, out, err = run(capsys, "--db", str(db_path), "summary")
    assert code == 1
    assert f"restore {day_one.isoformat()}" in err
    code, out, _ = run(capsys, "--db", str(db_path), "restore", day_one.isoformat(), "--yes")
    assert code == 0
    assert "does not load" in out
    assert "Restored" in out
    _, out, _ = run(capsys, "--db", str(db_path), "summary")
    assert "0 of 2" in out
    replaced = [p for p in (db_path.parent / "backups").glob("companion-before-restore-*.json")]
    assert [p.read_bytes() for p in replaced] == [b""]
    assert len(list_backups(Layout(db_path))) == 1


def test_restore_names_the_backups_there_are(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "restore", "2020-01-01")
    assert code == 2
    assert err.startswith("companion: backup:")
    assert "none yet" in err


def test_restore_waits_for_and_respects_another_writer(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    backup = db_path.parent / "copy.json"
    backup.write_bytes(db_path.read_bytes())
    monkeypatch.setattr("companion.cli.context.LOCK_WAIT_SECONDS", 0.1)
    with Repository.open(db_path, clock):
        code, _, err = run(capsys, "--db", str(db_path), "restore", str(backup), "--yes")
    assert code == 1
    assert "another companion" in err
    assert "nothing was changed" in err


def test_python_dash_m_works(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--db", str(db_path), "summary", "--short"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("companion:")


def _busy_database(db_path: Path, clock: FrozenClock) -> None:
    """A week with three applications, two urges, a check-in time and a goal of 14."""
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=14, checkin_time=time(17, 0))
        for company, day in (("Acme", "2026-03-02"), ("Globex", "2026-03-03")):
            repo.applications.add(
                parse_application(clock.today(), company=company, role="Designer", applied_on=day)
            )
        repo.applications.add(
            parse_application(
                clock.today(), company="Initech", role="Analyst", applied_on="2026-02-26"
            )
        )
        repo.urges.note(clock.now())
        repo.urges.note(clock.now() - timedelta(days=2))


def test_summary_json_from_a_fixture_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    _busy_database(db_path, clock)
    code, out, _ = run(capsys, "--db", str(db_path), "summary", "--json")
    data = orjson.loads(out)
    assert code == 0
    # Tuesday, goal 14: an even pace over Monday is 2; 2 were sent, so no nudge.
    assert data["actions"] == []
    assert data["message"] == "Nothing needs you today."
    assert (data["applied_this_week"], data["weekly_goal"]) == (2, 14)
    assert data["practice_due"] == 0
    assert data["waiting"] == []
    assert data["checkin"] == "Your inbox check is at 17:00."
    assert data["urges_today"] == 1
    assert data["urges_last_14_days"][-3:] == [1, 0, 1]
    assert data["rest"] is None


def test_summary_json_and_short_show_the_apply_action(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _busy_database(db_path, clock)
    thursday = clock.now() + timedelta(days=2)
    monkeypatch.setenv("COMPANION_FROZEN_NOW", thursday.isoformat())
    _, out, _ = run(capsys, "--db", str(db_path), "summary", "--json")
    data = orjson.loads(out)
    assert data["actions"] == [
        {
            "kind": "apply",
            "text": "Apply somewhere new today, if you can: 2 of 14 so far this week.",
        }
    ]
    assert data["message"] == "One thing is worth doing today."
    code, out, _ = run(capsys, "--db", str(db_path), "summary", "--short")
    assert code == 0
    assert out == "companion: 1 thing today · had an interview? companion interview add\n"
    _, out, _ = run(capsys, "--db", str(db_path), "summary")
    assert "  1. Apply somewhere new today" in out
    assert "Applied this week: 2 of 14. Keep applying" in out
    assert out.rstrip().endswith("Your inbox check is at 17:00.")


def test_apply_logs_an_application_and_counts_the_week(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "apply", "--company", "Acme", "--role", "Designer",
        "--on", "yesterday", "--source", "referral", "--link", "https://acme.example/1",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Logged #1: Designer at Acme, applied Mon 2 Mar.\nThis week: 1 of 5.\n"
    with Repository.open(db_path, clock, access="read") as repo:
        (saved,) = repo.applications.all()
    assert (saved.source, saved.link, saved.status) == (
        "referral",
        "https://acme.example/1",
        "applied",
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--on", "next week"], "companion: applied on: 'next week' is not a date"),
        (["--on", "+2d"], "companion: applied on: Thu 5 Mar is still to come"),
        (["--status", "ghosted"], "companion: status: 'ghosted' is not a status"),
        (["--company", " "], "companion: company: this is needed"),
    ],
)
def test_apply_refuses_bad_input_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, extra: list[str], message: str
) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "apply", "--company", "Acme", "--role", "Designer", *extra
    )
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert not db_path.exists()


def test_apply_after_fifteen_with_no_answer_suggests_rest(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for n in range(14):
            repo.applications.add(
                parse_application(clock.today(), company=f"Co {n}", role="Designer")
            )
    _, out, _ = run(
        capsys, "--db", str(db_path), "apply", "--company", "Acme", "--role", "Designer"
    )
    assert "This week: 15 of 5." in out
    assert "none has answered yet" in out
    assert "rest" in out


def test_breathe_at_a_terminal_opens_the_app_on_the_pacer(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(
        "companion.cli.breathe_cmd.launch_tui", lambda ctx, start=None: opened.append(start) or 3
    )
    monkeypatch.setattr("companion.cli.plain_pacer.wants_plain", lambda environ, out: False)
    assert main(["--db", str(db_path), "breathe"]) == 3  # the app's exit code is breathe's
    assert main(["--db", str(db_path), "breathe", "--pattern", "sigh"]) == 3
    assert opened == ["breathe", "breathe:sigh"]


def test_the_lazy_command_table_matches_the_modules() -> None:
    """`companion --help` lists each command from COMMANDS without importing its module:
    each row's loader must give the `register` that registers it, with the same help line."""
    import argparse

    from companion.cli.main import COMMANDS

    registered: dict[str, str | None] = {}
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            registered = {choice.dest: choice.help for choice in action._choices_actions}
    assert list(registered) == list(COMMANDS)
    for name, command in COMMANDS.items():
        assert registered[name] == command.help, name
        probe = argparse.ArgumentParser()
        sub = probe.add_subparsers()
        command.load()(sub)
        assert name in sub.choices, name
        assert sub.choices[name].description, name
        assert [a.help for a in sub._choices_actions if a.dest == name] == [command.help], name


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from companion.cli import main\n"
        "main(sys.argv[1:])\n"
        "print(','.join(sorted(m for m in sys.modules if m.endswith('_cmd'))))\n"
    )
    db = str(tmp_path / "c.json")
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", db, "summary", "--short"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.strip().splitlines()[-1].split(","))
    assert "companion.cli.summary_cmd" in loaded
    others = {"journal", "import", "export", "backups", "question", "apply", "breathe"}
    assert not loaded & {f"companion.cli.{name}_cmd" for name in others}, loaded


def test_the_readmes_short_example_matches_the_output() -> None:
    """The README's `--short` line is what `summary --short` prints for those counts."""
    import re
    from datetime import date

    from companion.cli.summary_cmd import short_line
    from companion.domain.interviews import Interview
    from companion.domain.summary import Action, Summary
    from companion.domain.timeline import build_timeline
    from companion.domain.waiting import Waiting

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"will see\s+`(companion: [^`]+)`", readme)
    assert shown is not None
    today = date(2026, 3, 3)

    def row(held: date) -> Waiting:
        interview = Interview("Acme", "R", held, id=1)
        return Waiting(interview, build_timeline(interview, today))

    summary = Summary(
        message="One thing is worth doing today.",
        actions=(Action("thank_you", "Thank Ana"),),
        suggestion=None,
        practice_due=4,
        applied_this_week=0,
        weekly_goal=5,
        waiting=(row(date(2026, 3, 6)), *(row(date(2026, 2, 20)) for _ in range(3))),
    )
    assert short_line(summary) == " ".join(shown.group(1).split())
