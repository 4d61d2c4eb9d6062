"""Where companion keeps its data. Nothing is created until asked for."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from companion.domain.errors import FieldError
from companion.private_files import APP_NAME

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
    """`--db` wins over `COMPANION_DB`, which wins over the platform default.

    The path is resolved once, here (`database_path`), and must name a file or
    nothing yet: an empty `--db`, a folder, a FIFO or a device is refused with a
    FieldError naming where the path came from.
    """
    env = os.environ if environ is None else environ
    if cli_value is not None:
        if not cli_value.strip():
            raise FieldError(
                "--db",
                "is empty; name a database file (such as companion.json), or leave --db out "
                f"to use ${DB_ENV} or the default.",
            )
        return _checked(database_path(user_path(cli_value)), "--db")
    if env.get(DB_ENV, "").strip():
        return _checked(database_path(user_path(env[DB_ENV])), DB_ENV)
    return _checked(database_path(default_data_dir() / DB_FILENAME), "database")


def database_path(path: Path) -> Path:
    """The file `path` names, every symbolic link followed: a linked database is read,
    written and locked where it is, never replaced by a file of its own.

    A path that is not a link stays as given (relative, if it was). The text keeps
    the path's bytes (`os.fsencode` gives back what was typed, even bytes that are
    not UTF-8)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


_NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _checked(path: Path, field: str) -> Path:
    """`path`, unless something other than a plain file is there (never opened: a FIFO
    would wait for a writer forever)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return path  # nothing there yet (it is created), or the store says what is wrong
    for test, what in _NOT_FILES:
        if test(mode):
            raise FieldError(field, f"{path} is {what}, not a file; name a database file.")
    return path
