"""Paths as people type them: `--db`, `COMPANION_DB`, and the files commands name."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.cli.main import main
from companion.paths import DB_FILENAME, resolve_db_path, user_path

NO_SUCH_USER = "~nobody-companion-test0"


def test_a_tilde_is_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_path("~/data/c.json") == tmp_path / "data" / "c.json"


def test_a_tilde_naming_no_user_stays_as_written() -> None:
    assert user_path(f"{NO_SUCH_USER}/c.json") == Path(f"{NO_SUCH_USER}/c.json")


def test_db_flag_wins_over_the_environment_which_wins_over_the_default(tmp_path: Path) -> None:
    env = {"COMPANION_DB": str(tmp_path / "env.json")}
    assert resolve_db_path(str(tmp_path / "flag.json"), env) == tmp_path / "flag.json"
    assert resolve_db_path(None, env) == tmp_path / "env.json"
    assert resolve_db_path(None, {}).name == DB_FILENAME


def test_importing_a_file_under_an_unknown_user_is_a_calm_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "companion.json"
    code = main(["--db", str(db), "import", NO_SUCH_USER, "--replace"])
    assert code == 2
    assert capsys.readouterr().err.startswith("companion: ")
