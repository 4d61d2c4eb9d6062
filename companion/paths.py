"""Where companion keeps its data. Nothing is created until asked for."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "companion"
DB_FILENAME = "companion.json"
DB_ENV = "COMPANION_DB"


def default_data_dir() -> Path:
    """The platform's user data folder for companion (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """`--db` wins over `COMPANION_DB`, which wins over the platform default."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    return default_data_dir() / DB_FILENAME
