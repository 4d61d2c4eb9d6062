"""Handing a note on: the mail client (only where one can open), the person's editor, and
a private copy beside the data."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from companion.services import handoff


def _program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_no_mail_program_opens_without_a_desktop_session(bin_dir: Path) -> None:
    _program(bin_dir, "xdg-open", "exit 0")
    assert handoff.opener_command({}, "linux") is None
    started: list[list[str]] = []
    problem = handoff.open_link("mailto:?subject=x", {}, platform="linux", start=started.append)
    assert problem == handoff.NO_OPENER
    assert started == []


def test_in_a_desktop_session_xdg_open_gets_the_link(bin_dir: Path) -> None:
    opener = _program(bin_dir, "xdg-open", "exit 0")
    started: list[list[str]] = []
    problem = handoff.open_link(
        "mailto:?subject=Hi",
        {"WAYLAND_DISPLAY": "wayland-0"},
        platform="linux",
        start=started.append,
    )
    assert problem is None
    assert started == [[str(opener), "mailto:?subject=Hi"]]


def test_without_xdg_open_it_says_so(bin_dir: Path) -> None:
    assert handoff.opener_command({"DISPLAY": ":0"}, "linux") is None


def test_an_opener_that_cannot_start_is_named(bin_dir: Path) -> None:
    _program(bin_dir, "xdg-open", "exit 0")

    def refuse(argv: list[str]) -> object:
        raise PermissionError(13, "Permission denied")

    problem = handoff.open_link("mailto:", {"DISPLAY": ":0"}, platform="linux", start=refuse)
    assert problem is not None
    assert "could not be started (Permission denied)" in problem


def test_the_editor_is_visual_then_editor_as_a_shell_splits_it(bin_dir: Path) -> None:
    _program(bin_dir, "ed1", "exit 0")
    assert handoff.editor_command({"EDITOR": "ed1 --wait 'a b'"}) == ["ed1", "--wait", "a b"]
    assert handoff.editor_command({"VISUAL": "ed1 -v", "EDITOR": "nope"}) == ["ed1", "-v"]
    assert handoff.editor_command({"VISUAL": "missing", "EDITOR": "ed1"}) == ["ed1"]
    assert handoff.editor_command({"EDITOR": "'unclosed"}) is None
    assert handoff.editor_command({}) is None


def test_the_editor_edits_a_private_copy_that_is_then_removed(bin_dir: Path) -> None:
    editor = _program(bin_dir, "fake-editor", 'printf "P.S. thanks\\n" >> "$1"')
    edited = handoff.edit_text("Subject: x\n\nHello.", [str(editor)])
    assert edited == "Subject: x\n\nHello.\nP.S. thanks"


def test_the_file_the_editor_gets_is_private_and_removed_after() -> None:
    seen: list[tuple[Path, int]] = []

    def look(argv: list[str]) -> object:
        path = Path(argv[-1])
        seen.append((path, stat.S_IMODE(path.stat().st_mode)))
        return None

    assert handoff.edit_text("Hello.", ["editor", "--wait"], run=look) == "Hello."
    ((path, mode),) = seen
    assert mode == 0o600
    assert not path.exists()
    assert not path.parent.exists()


def test_a_copy_beside_the_data_is_private(tmp_path: Path) -> None:
    path = handoff.keep_copy(tmp_path, "Subject: x\n\nHello ␛ $$ [b]")
    assert path == tmp_path / "last-draft.txt"
    assert path.read_text(encoding="utf-8") == "Subject: x\n\nHello ␛ $$ [b]"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
