"""A person's own note templates: used when sound; when not, the default, saying which
file, which line and what is wrong. The files are only ever read."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.domain.draft_template import render
from companion.domain.drafts import HINTS, DraftKind
from companion.store.draft_templates import default_text, drafts_folder, load_template


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "drafts"
    path.mkdir()
    return path


def _write(folder: Path, kind: DraftKind, text: str | bytes) -> Path:
    path = folder / f"{kind.value}.txt"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_with_no_file_of_their_own_the_default_is_used(folder: Path) -> None:
    loaded = load_template(DraftKind.THANK_YOU, folder)
    assert loaded.path is None
    assert loaded.problem is None
    assert loaded.text == default_text(DraftKind.THANK_YOU)


def test_their_own_template_is_used(folder: Path) -> None:
    path = _write(folder, DraftKind.CHECK_IN, "Subject: Hello ${company}\n\nHi ${first_name}.\n")
    loaded = load_template(DraftKind.CHECK_IN, folder)
    assert loaded.path == path
    assert loaded.problem is None
    note = render(loaded.template, {"company": "Acme", "first_name": "Ana"}, HINTS)
    assert (note.subject, note.body) == ("Hello Acme", "Hi Ana.")
    assert path.read_text(encoding="utf-8") == "Subject: Hello ${company}\n\nHi ${first_name}.\n"


def test_a_missing_field_in_their_template_shows_its_placeholder(folder: Path) -> None:
    _write(folder, DraftKind.CHECK_IN, "Subject: x\n\nBy ${decision_date}, ${talked_about}.")
    loaded = load_template(DraftKind.CHECK_IN, folder)
    note = render(loaded.template, {}, HINTS)
    assert note.body == "By [the date they gave], [something you talked about]."


def test_a_broken_template_is_refused_naming_the_file_and_line(folder: Path) -> None:
    path = _write(folder, DraftKind.THANK_YOU, "Subject: Thanks\n\nDear ${first_name,\nBye.")
    loaded = load_template(DraftKind.THANK_YOU, folder)
    assert loaded.path is None
    assert loaded.text == default_text(DraftKind.THANK_YOU)
    assert loaded.problem is not None
    assert loaded.problem.startswith(f"{path}, line 3: a field is opened with ${{")
    assert loaded.problem.endswith("companion used its own thank-you template instead.")


def test_a_field_name_with_a_typo_is_refused_with_a_suggestion(folder: Path) -> None:
    _write(folder, DraftKind.THANK_YOU, "Subject: Thanks\n\nAt ${compnay}.")
    problem = load_template(DraftKind.THANK_YOU, folder).problem or ""
    assert "line 3: there is no field ${compnay}; did you mean ${company}?" in problem


def test_a_template_that_is_not_utf8_is_refused_with_its_line(folder: Path) -> None:
    _write(folder, DraftKind.FEEDBACK, b"Subject: x\n\nCaf\xe9\n")
    problem = load_template(DraftKind.FEEDBACK, folder).problem or ""
    assert "line 3: it is not UTF-8 text" in problem


def test_a_template_that_cannot_be_read_is_refused(folder: Path) -> None:
    (folder / "accept.txt").mkdir()
    loaded = load_template(DraftKind.ACCEPT, folder)
    assert loaded.path is None
    assert "could not be read" in (loaded.problem or "")


def test_their_templates_live_in_the_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert drafts_folder() == tmp_path / "config" / "companion" / "drafts"
    _write_folder = drafts_folder()
    _write_folder.mkdir(parents=True)
    _write(_write_folder, DraftKind.DECLINE, "Subject: No\n\nNo, thank you.")
    assert load_template(DraftKind.DECLINE).path == _write_folder / "decline.txt"
