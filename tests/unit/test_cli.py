"""The printing CLI: output shapes, exit codes and error sentences."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from companion import __version__
from companion.cli import main
from companion.clock import FrozenClock
from companion.store.backups import list_backups
from companion.store.layout import Layout
from companion.store.repository import Repository


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
    for command in ("summary", "backups", "restore"):
        assert command in out
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
    assert out == "companion: nothing today\n"


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
    code, out, _ = run(capsys, "--db", str(db_path), "restore", day_one.isoformat())
    assert code == 0
    assert "Restored" in out
    _, out, _ = run(capsys, "--db", str(db_path), "summary")
    assert "0 of 2" in out
    replaced = [p for p in (db_path.parent / "backups").glob("companion-replaced-*.json")]
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
    monkeypatch.setattr("companion.cli.backups_cmd.LOCK_WAIT_SECONDS", 0.1)
    with Repository.open(db_path, clock):
        code, _, err = run(capsys, "--db", str(db_path), "restore", str(backup))
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
