"""Where companion keeps its data. Nothing is created until asked for."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "companion"
DB_FILENAME = "companion.json"
DB_ENV = "COMPANION_DB"
KEYMAP_ENV = "COMPANION_KEYMAP"
KEYMAP_FILENAME = "keymap.toml"


def default_data_dir() -> Path:
    """The platform's user data folder for companion (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_config_dir() -> Path:
    """The platform's user config folder for companion (not created here)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def keymap_path(environ: Mapping[str, str] | None = None) -> Path:
    """`COMPANION_KEYMAP`, else keymap.toml in the config folder (it need not exist)."""
    env = os.environ if environ is None else environ
    if env.get(KEYMAP_ENV):
        return user_path(env[KEYMAP_ENV])
    return default_config_dir() / KEYMAP_FILENAME


def user_path(text: str) -> Path:
    """A path as a person typed it: `~` and `~user` expanded as a shell would.

    A `~name` that names no user on this machine stays as written, a relative
    path (a shell does the same), instead of failing.
    """
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def resolve_db_path(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """`--db` wins over `COMPANION_DB`, which wins over the platform default."""
    env = os.environ if environ is None else environ
    if cli_value:
        return user_path(cli_value)
    if env.get(DB_ENV):
        return user_path(env[DB_ENV])
    return default_data_dir() / DB_FILENAME
