"""CLI bugs found by the torture tests (tests/torture), each pinned by a small test."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.cli import main


def test_restore_of_a_name_too_long_for_the_system_is_bad_input(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    """It used to exit 1 with 'companion could not write xxx... (File name too long)'."""
    code = main(["--db", str(db_path), "restore", "x" * 300])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("companion: backup: ")
    assert "neither a backup date" in err
    assert not db_path.parent.exists()
