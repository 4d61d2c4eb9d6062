"""TextField keeps only what it can show as typed."""

from __future__ import annotations

from companion.tui.widgets.fields import printable_text


def test_control_characters_are_dropped_and_tabs_become_spaces() -> None:
    assert printable_text("\x1b]0;title\x07 red\x1b[31m") == "]0;title red[31m"
    assert printable_text("a\tb\x08c\x7fd\r") == "a bcd"
    assert printable_text("\u202eevil\u2066") == "evil"


def test_what_scripts_and_emoji_need_is_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert printable_text(f"été 日本 {family} [bold]") == f"été 日本 {family} [bold]"
