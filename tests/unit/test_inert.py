"""Text made inert: every control character a terminal would obey becomes visible."""

from __future__ import annotations

import ast
import io
import unicodedata
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

import companion.cli
from companion.cli.output import InertWriter, json_text
from companion.inert import BIDI_CONTROLS, inert_json, one_line, visible

OSC52 = "\x1b]52;c;SGVsbG8=\x07"


def reaches_terminal(ch: str) -> bool:
    """A character that a terminal acts on, or that reorders the text around it."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def controls_in(text: str, allowed: str = "") -> list[str]:
    return [ch for ch in text if reaches_terminal(ch) and ch not in allowed]


def test_c0_controls_become_their_pictures() -> None:
    assert visible(OSC52) == "␛]52;c;SGVsbG8=␇"
    assert visible("a\x00b\x08c\x1fd\x7fe") == "a␀b␈c␟d␡e"


def test_c1_controls_and_bidi_controls_are_written_as_their_code_point() -> None:
    assert visible("\x9b31mred") == "<U+009B>31mred"
    assert visible("\x85next") == "<U+0085>next"
    assert visible("abc\u202edef\u2066x\u2069") == "abc<U+202E>def<U+2066>x<U+2069>"


def test_line_breaks_and_tabs_stay_where_several_lines_fit() -> None:
    assert visible("one\ntwo\tthree\r\nfour") == "one\ntwo\tthree\nfour"
    assert visible("over\rwrite") == "over␍write"


def test_one_line_makes_line_breaks_and_tabs_spaces() -> None:
    assert one_line("Acme\nFake row\tx\r\ny\rz") == "Acme Fake row x y␍z"


def test_markup_and_other_text_pass_unchanged() -> None:
    for text in ("[bold]x[/]", "$x {y}", "été 日本 🙂", "\u200bzero\u200dwidth", "\\x1b"):
        assert visible(text) == text
        assert one_line(text) == text


@given(st.text())
def test_no_control_character_survives_and_a_second_pass_changes_nothing(text: str) -> None:
    shown = visible(text)
    assert not controls_in(shown, allowed="\n\t")
    assert visible(shown) == shown
    line = one_line(text)
    assert not controls_in(line)
    assert one_line(line) == line


@given(st.recursive(st.text() | st.integers(-(2**63), 2**63 - 1) | st.none(), st.lists))
def test_json_keeps_the_data_exactly_with_no_raw_control_character(data: object) -> None:
    text = inert_json(orjson.dumps(data).decode())
    assert not controls_in(text, allowed="\n")
    assert orjson.loads(text) == data
    assert orjson.loads(json_text(data)) == data


def test_the_cli_stream_shows_controls_and_keeps_line_ends() -> None:
    raw = io.StringIO()
    stream = InertWriter(raw)
    print(f"{OSC52}\x9b2J\u202e", file=stream)
    stream.write("BEGIN:VCALENDAR\r\nX:a\rb\r\n")
    assert raw.getvalue() == "␛]52;c;SGVsbG8=␇<U+009B>2J<U+202E>\nBEGIN:VCALENDAR\r\nX:a␍b\r\n"


def test_no_cli_module_writes_to_the_process_streams_itself() -> None:
    """Output goes through the context's inert streams (cli/context.py makes them)."""
    for path in sorted(Path(companion.cli.__file__).parent.glob("*.py")):
        if path.name == "context.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr"):
                assert not (isinstance(node.value, ast.Name) and node.value.id == "sys"), where
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                assert any(k.arg == "file" for k in node.keywords), f"{where}: print to ctx"
