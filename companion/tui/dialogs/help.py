"""Every key, generated from the bindings themselves so it cannot fall out of date."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from companion.tui.dialogs.dialog import Dialog
from companion.tui.keymap import shown_key
from companion.tui.navigation import DESTINATIONS

NAV_ACTIONS = {f"go('{d.mode}')" for d in DESTINATIONS}


def _key(binding: Binding) -> str:
    key = binding.key_display or binding.key.replace("question_mark", "?")
    return "escape" if key == "esc" else key


def _keys(binding: Binding) -> set[str]:
    """The keys a row names ("? f1" is two), for listing each key once."""
    return set(_key(binding).replace(",", " ").split())


def _rows(bindings: list[Binding]) -> Content:
    lines = [
        Content.assemble((f"{_key(b):<12}", "bold $primary"), b.description or b.action)
        for b in bindings
    ]
    return Content("\n").join(lines)


def screen_bindings(screen: Screen[object]) -> list[Binding]:
    """The keys companion's own screen classes define, in the order they declare them."""
    found: list[Binding] = []
    seen: set[str] = set()
    for cls in type(screen).__mro__:
        if not cls.__module__.startswith("companion."):
            continue
        for item in cls.__dict__.get("BINDINGS", []):
            binding = item if isinstance(item, Binding) else Binding(*item)
            if binding.key in seen or not binding.description or binding.action in NAV_ACTIONS:
                continue
            seen.add(binding.key)
            found.append(binding)
    return found


def _help_keys(app: App[object]) -> list[str]:
    keys: str = getattr(app, "keymap", {}).get("help", "question_mark,f1")
    return [app.get_key_display(Binding(key, "")) for key in keys.split(",")]


def _quit_key(app: App[object]) -> str:
    return shown_key(app, "quit", "q")


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark,f1", "dismiss", "Close", key_display="?", id="help"),
        Binding("q", "dismiss", "Close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        app = self.app
        places = [
            Binding(
                d.key,
                f"go('{d.mode}')",
                f"{d.label}: {d.about}",
                key_display=shown_key(app, d.mode, d.key),
            )
            for d in DESTINATIONS
        ]
        help_keys = " ".join(dict.fromkeys(_help_keys(app)))
        everywhere = [
            Binding("?", "help", "this help", key_display=help_keys),
            Binding("ctrl+p", "command_palette", "command palette: every command, by name"),
            Binding("tab", "focus_next", "move between fields and lists"),
            Binding("escape", "back", "close a dialog or form"),
            Binding("q", "quit", "quit (your data is saved as you go)", key_display=_quit_key(app)),
        ]
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static("Keys", classes="dialog-title")
            yield Static("Go to", classes="section-title first")
            yield Static(_rows(places))
            # Each key once: what it does everywhere is said there, and what a
            # screen gives a key of its own (escape: Back) is said under the screen.
            common = {key for b in everywhere for key in _keys(b)}
            here = [
                b
                for b in screen_bindings(self.under)
                if b.action not in ("app.help", "help")
                and (not _keys(b) & common or _keys(b) == {"escape"})
            ]
            mine = {key for b in here for key in _keys(b)}
            everywhere = [b for b in everywhere if not _keys(b) & mine]
            if here:
                title = getattr(self.under, "TITLE", None) or "this screen"
                yield Static(f"On {title}", classes="section-title")
                yield Static(_rows(here))
            yield Static("Everywhere", classes="section-title")
            yield Static(_rows(everywhere))
            yield Static(
                "Close this with escape or ?. In a shell, companion --help lists the commands.",
                classes="quiet hint",
            )
