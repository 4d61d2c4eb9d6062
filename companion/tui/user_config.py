"""What the user set outside the database: `COMPANION_THEME` and keymap.toml.

Both apply to the app as it starts. A bad value is named in a notification
and the rest applies: a typo in a keymap line must not cost every other line,
nor the app its start.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App
from textual.binding import Binding

from companion.domain.errors import FieldError
from companion.domain.settings import THEME_ENV, theme_named
from companion.paths import keymap_path
from companion.tui.keymap import read_keymap


def binding_keys(app: App[Any]) -> dict[str, str]:
    """Each id of the app's own bindings, with its keys as declared (of every binding
    with that id: help is ? and F1)."""
    keys: dict[str, list[str]] = {}
    for binding in type(app).BINDINGS:
        if isinstance(binding, Binding) and binding.id:
            keys.setdefault(binding.id, []).extend(binding.key.split(","))
    return {binding_id: ",".join(own) for binding_id, own in keys.items()}


def apply_user_config(app: App[Any], environ: Mapping[str, str]) -> dict[str, str]:
    """Apply the environment's theme and the keymap file; returns the keymap applied."""
    problems: list[str] = []
    wanted_theme = environ.get(THEME_ENV, "")
    if wanted_theme.strip():
        try:
            app.theme = theme_named(wanted_theme)
        except FieldError as error:
            problems.append(f"{THEME_ENV}: {error.message}")
    keymap = read_keymap(keymap_path(environ), binding_keys(app))
    if keymap.keys:
        app.set_keymap(keymap.keys)
    problems.extend(keymap.problems)
    if problems:
        app.notify(
            "\n".join([*problems, "The rest applies."]),
            title="Some of your settings were not used",
            timeout=20,
            markup=False,
        )
    return keymap.keys
