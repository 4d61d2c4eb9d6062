"""Reading keymap.toml: each line on its own, refused with its number, the rest applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.tui.app import CompanionApp
from companion.tui.keymap import normal_key, parse_keymap, read_keymap
from companion.tui.user_config import binding_keys

DEFAULTS = {"home": "h", "waiting": "w", "practice": "p", "help": "question_mark,f1", "quit": "q"}


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("h", "h"),
        ("?", "question_mark"),
        ("question_mark", "question_mark"),
        ("F1".lower(), "f1"),
        ("ctrl+s", "ctrl+s"),
        ("Ctrl+Shift+up", "ctrl+shift+up"),
        ("alt+H", "alt+H"),
        ("space", "space"),
        ("/", "slash"),
        ("é", "é"),
    ],
)
def test_keys_are_named_as_textual_names_them(typed: str, key: str) -> None:
    assert normal_key(typed) == key


@pytest.mark.parametrize("typed", ["", " ", "ctrl+", "+", "hyper2+a", "foo", "f1 f2", "\x1b"])
def test_what_is_not_a_key_is_not_taken_for_one(typed: str) -> None:
    assert normal_key(typed) is None


def test_every_app_binding_has_an_id_the_keymap_can_name() -> None:
    keys = binding_keys(CompanionApp.__new__(CompanionApp))
    assert set(keys) == {
        "home",
        "waiting",
        "practice",
        "bank",
        "journal",
        "applications",
        "settings",
        "help",
        "quit",
    }
    assert keys["help"] == "question_mark,f1"


def test_good_lines_apply_in_any_form() -> None:
    keymap = parse_keymap(
        '# comment\n\nhome = "f2, g"\nwaiting = ["f3", "/"]\nquit = "ctrl+q" # trailing\n',
        DEFAULTS,
        "k.toml",
    )
    assert keymap.problems == ()
    assert keymap.keys == {"home": "f2,g", "waiting": "f3,slash", "quit": "ctrl+q"}


def test_two_bindings_may_swap_keys() -> None:
    keymap = parse_keymap('home = "w"\nwaiting = "h"\n', DEFAULTS, "k.toml")
    assert keymap.problems == ()
    assert keymap.keys == {"home": "w", "waiting": "h"}


def test_each_bad_line_is_refused_with_its_number_and_why() -> None:
    text = "\n".join(
        [
            'home = "f2"',  # 1 fine
            "[keys]",  # 2 a section
            'nope = "f3"',  # 3 no such id
            "practice = 5",  # 4 not text
            'quit = "ctrl+"',  # 5 not a key
            "waiting: f4",  # 6 not TOML
            'home = "f5"',  # 7 given twice
            'quit = ""',  # 8 no key
            'help = "p"',  # 9 practice keeps p
        ]
    )
    keymap = parse_keymap(text, DEFAULTS, "/cfg/keymap.toml")
    assert keymap.keys == {"home": "f2"}
    assert [p.split(":")[0] for p in keymap.problems] == [
        f"/cfg/keymap.toml, line {n}" for n in (2, 3, 4, 5, 6, 7, 8, 9)
    ]
    why = dict(zip((2, 3, 4, 5, 6, 7, 8, 9), keymap.problems, strict=True))
    assert "sections are not used" in why[2]
    assert "there is no binding 'nope'; the ids are home, waiting, practice" in why[3]
    assert "in quotes" in why[4]
    assert "'ctrl+' is not a key" in why[5]
    assert 'this is not id = "keys"' in why[6]
    assert "given keys on line 1 already" in why[7]
    assert "no key is given" in why[8]
    assert "p is already the key for 'practice'" in why[9]


def test_a_refused_line_gives_its_binding_back_its_own_keys_and_what_then_clashes() -> None:
    # waiting's new key clashes, so waiting keeps w, which line 1 wanted for home.
    keymap = parse_keymap('home = "w"\nwaiting = "p"\n', DEFAULTS, "k.toml")
    assert keymap.keys == {}
    assert len(keymap.problems) == 2
    assert "line 1: w is already the key for 'waiting'" in keymap.problems[0]
    assert "line 2: p is already the key for 'practice'" in keymap.problems[1]


def test_a_missing_file_is_no_keymap_and_an_unreadable_one_is_said(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "none.toml", DEFAULTS).keys == {}
    assert read_keymap(tmp_path / "none.toml", DEFAULTS).problems == ()
    bad = tmp_path / "keymap.toml"
    bad.write_bytes(b'home = "\xff"\n')
    keymap = read_keymap(bad, DEFAULTS)
    assert keymap.keys == {}
    assert keymap.problems == (
        f"{bad}: could not be read (it is not UTF-8 text); no key was changed.",
    )
    assert read_keymap(tmp_path, DEFAULTS).problems[0].startswith(f"{tmp_path}: could not be read")
