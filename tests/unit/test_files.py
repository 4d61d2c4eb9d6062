"""Atomic writes: a failure at any step leaves the previous file whole."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from companion.store.files import FileProblem, parse_tables, write_atomic


def _boom(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_write_atomic_writes_private_files(tmp_path: Path) -> None:
    target = tmp_path / "new" / "db.json"
    write_atomic(target, b'{"a": {}}')
    assert target.read_bytes() == b'{"a": {}}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_write_atomic_leaves_an_existing_folder_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    write_atomic(tmp_path / "db.json", b"{}")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failure_at_any_step_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "db.json"
    write_atomic(target, b"old contents")
    monkeypatch.setattr(os, step, _boom)
    with pytest.raises(OSError):
        write_atomic(target, b"new contents that never land")
    monkeypatch.undo()
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"settings": {"1": {"weekly', "not valid JSON"),
        (b"not json at all", "not valid JSON"),
        (b"[1, 2, 3]", "an array"),
        (b'"text"', "a string"),
        (b'{"settings": [1]}', "table 'settings' is an array"),
        (b'{"settings": {"x": {}}}', "not a number"),
        (b'{"settings": {"1": 5}}', "document 1 of table 'settings' is a number"),
    ],
)
def test_bad_shapes_are_named(raw: bytes, words: str) -> None:
    with pytest.raises(FileProblem) as caught:
        parse_tables(raw)
    assert words in str(caught.value)
