"""Style sheets parsed once (companion/tui/kept_styles.py): a later start takes the rules
it finds kept, and they are the rules parsing gives; a file that is not the user's
own, or does not load, is parsed past and written again."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from companion.tui.kept_styles import SHELVES, KeptStyles
from tests.conftest import AppFactory

CSS = "Static { color: $primary; padding: 1 2; }\n#home .quiet { text-style: italic; }"
COLOURS = {"primary": "#336699"}


@pytest.fixture
def kept_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "styles.pickle"


@pytest.fixture
def installed() -> Iterator[list[KeptStyles]]:
    """Each KeptStyles a test installs, taken out again after it."""
    done: list[KeptStyles] = []
    yield done
    for kept in reversed(done):
        kept.uninstall()


def _load(path: Path, installed: list[KeptStyles]) -> KeptStyles:
    kept = KeptStyles.load(path)
    kept.install()
    installed.append(kept)
    return kept


def _parsed(css: str = CSS, variables: dict[str, str] = COLOURS) -> str:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("test.tcss", ""))
    sheet.parse()
    return sheet.css


def test_a_later_start_finds_the_rules_and_they_are_what_parsing_gives(
    kept_path: Path, installed: list[KeptStyles]
) -> None:
    plain = _parsed()
    first = _load(kept_path, installed)
    assert _parsed() == plain
    assert (first.found, first.parsed) == (0, 1)
    assert first.save()
    assert kept_path.stat().st_mode & 0o777 == 0o600
    first.uninstall()

    later = _load(kept_path, installed)
    assert _parsed() == plain
    assert (later.found, later.parsed) == (1, 0)
    assert not later.save()  # nothing new: the file is left as it is


def test_other_variables_or_other_text_are_parsed(
    kept_path: Path, installed: list[KeptStyles]
) -> None:
    first = _load(kept_path, installed)
    _parsed()
    first.save()
    first.uninstall()

    later = _load(kept_path, installed)
    other_theme = _parsed(variables={"primary": "#aa0000"})
    assert "#AA0000" in other_theme.upper()
    assert _parsed(CSS + "\nLabel { width: 1fr; }") != _parsed()
    assert later.parsed == 2  # the other theme, the edited text; the same text was found
    assert later.found == 1


@pytest.mark.parametrize("mode", [0o644, 0o620, 0o604])
def test_a_file_others_may_read_or_write_is_not_loaded(
    kept_path: Path, installed: list[KeptStyles], mode: int
) -> None:
    first = _load(kept_path, installed)
    _parsed()
    first.save()
    first.uninstall()
    kept_path.chmod(mode)

    later = _load(kept_path, installed)
    _parsed()
    assert (later.found, later.parsed) == (0, 1)


@pytest.mark.parametrize(
    "content",
    [
        b"not a pickle",
        pickle.dumps({"format": "something else", "shelves": {}}),
        pickle.dumps({"format": "companion-styles 1", "shelves": ["a list"]}),
        pickle.dumps(
            {"format": "companion-styles 1", "shelves": {(("primary", "#336699"),): {"x": 1}}}
        ),
    ],
    ids=["garbage", "other-format", "shelves-not-a-dict", "rules-not-rules"],
)
def test_a_file_that_does_not_load_is_parsed_past_and_written_again(
    kept_path: Path, installed: list[KeptStyles], content: bytes
) -> None:
    kept_path.parent.mkdir()
    fd = os.open(kept_path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, content)
    os.close(fd)
    plain = _parsed()

    kept = _load(kept_path, installed)
    assert _parsed() == plain
    assert kept.parsed == 1
    assert kept.save()
    kept.uninstall()
    later = _load(kept_path, installed)
    assert _parsed() == plain
    assert (later.found, later.parsed) == (1, 0)


def test_rules_with_errors_are_not_kept(kept_path: Path, installed: list[KeptStyles]) -> None:
    kept = _load(kept_path, installed)
    with pytest.raises(Exception, match=r"(?i)error"):
        _parsed("Static { colour: red; }")
    _parsed()
    assert kept.save()
    kept.uninstall()
    later = _load(kept_path, installed)
    assert [source[0] for shelf in later.shelves.values() for source in shelf] == [CSS]


def test_the_themes_of_this_run_are_kept_before_older_ones(
    kept_path: Path, installed: list[KeptStyles]
) -> None:
    themes = [{"primary": f"#00000{n}"} for n in range(SHELVES + 2)]
    first = _load(kept_path, installed)
    for variables in themes:
        _parsed(variables=variables)
    first.save()
    first.uninstall()

    later = _load(kept_path, installed)
    assert len(later.shelves) == SHELVES
    _parsed(variables=themes[-1])  # the oldest kept...
    _parsed(variables={"primary": "#ffffff"})  # ...and a new one, to have a reason to save
    later.save()
    later.uninstall()
    kept = KeptStyles.load(kept_path)
    assert tuple(themes[-1].items()) in kept.shelves
    assert (("primary", "#ffffff"),) in kept.shelves
    assert len(kept.shelves) == SHELVES


async def test_the_app_drawn_from_kept_rules_is_drawn_as_from_parsed_ones(
    build_app: AppFactory, kept_path: Path, installed: list[KeptStyles]
) -> None:
    first = _load(kept_path, installed)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        parsed_screen = app.export_screenshot()
    assert first.parsed > 0
    first.save()
    first.uninstall()

    later = _load(kept_path, installed)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.export_screenshot() == parsed_screen
    assert later.found >= first.parsed
    assert later.parsed == 0
