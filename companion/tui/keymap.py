"""keymap.toml: the app-wide keys, changed from a file in the config folder.

One line a binding, its id and its keys, as in posting and harlequin:

    # ~/.config/companion/keymap.toml
    home = "f2"
    waiting = "f3,w"
    help = "question_mark,f1"

The ids are those of the app's own bindings (`CompanionApp.BINDINGS`: the
places, help and quit). Each line is read on its own, so a line that is
wrong is refused with the file, its number and what is wrong, and every
other line still applies. A key that another binding keeps is refused too:
two places on one key would leave one of them out of reach.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(
    {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}
    | set(KEY_NAME_REPLACEMENTS.values())
)
KEYS_ACCEPTED = (
    "a character (h, ?, 1), a named key (f1, escape, space, tab, enter, up, pageup), "
    "either with modifiers (ctrl+s, alt+h); several separated by commas"
)


@dataclass(frozen=True)
class Keymap:
    """What a keymap file asks for that can be applied, and what was refused."""

    keys: dict[str, str]
    problems: tuple[str, ...] = ()


def _is_base_key(name: str) -> bool:
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in _NAMED_KEYS:
        return True
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def normal_key(text: str) -> str | None:
    """A key as Textual names it ("?" -> "question_mark", "ctrl+S" -> "ctrl+S"), or None."""
    *modifiers, base = text.strip().split("+")
    if not base or any(m.lower() not in MODIFIERS for m in modifiers):
        return None
    if not _is_base_key(base):
        return None
    name = _character_to_key(base) if len(base) == 1 else base
    return "+".join([*(m.lower() for m in modifiers), name])


def _keys_of(value: object) -> list[str] | str:
    """The keys a line's value names, normalised, or why it names none."""
    items: list[object]
    if value == "" or value == []:
        return "no key is given; name at least one."
    if isinstance(value, str):
        items = list(value.split(","))
    elif isinstance(value, list):
        items = list(value)
    else:
        return 'the keys go in quotes, like "f2" or "f2,h".'
    keys: list[str] = []
    for item in items:
        key = normal_key(item) if isinstance(item, str) else None
        if key is None:
            return f"{item!r} is not a key; use {KEYS_ACCEPTED}."
        if key not in keys:
            keys.append(key)
    return keys


def read_keymap(path: Path, defaults: Mapping[str, str]) -> Keymap:
    """Read a keymap file; `defaults` maps each binding id to its own keys.

    A missing file is an empty keymap. A file that cannot be read is one
    problem, and nothing is applied.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Keymap({})
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        return Keymap({}, (f"{path}: could not be read ({reason}); no key was changed.",))
    return parse_keymap(text, defaults, str(path))


def parse_keymap(text: str, defaults: Mapping[str, str], where: str) -> Keymap:
    """The keymap in `text` (from the file `where`), line by line."""
    problems: list[tuple[int, str]] = []
    wanted: dict[str, tuple[int, list[str]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue

        def refuse(message: str, number: int = number) -> None:
            problems.append((number, f"{where}, line {number}: {message}"))

        if entry.startswith("["):
            refuse('sections are not used; write each binding on its own line, as id = "keys".')
            continue
        try:
            parsed = tomllib.loads(entry)
        except tomllib.TOMLDecodeError:
            refuse('this is not id = "keys" (for example: home = "f2").')
            continue
        ((binding_id, value),) = parsed.items() if len(parsed) == 1 else ((None, None),)
        if not isinstance(binding_id, str):
            refuse('write one binding a line, as id = "keys".')
            continue
        if binding_id not in defaults:
            refuse(f"there is no binding {binding_id!r}; the ids are {', '.join(defaults)}.")
            continue
        if binding_id in wanted:
            refuse(f"{binding_id!r} was given keys on line {wanted[binding_id][0]} already.")
            continue
        keys = _keys_of(value)
        if isinstance(keys, str):
            refuse(keys)
            continue
        wanted[binding_id] = (number, keys)
    applied = _without_clashes(wanted, defaults, where, problems)
    return Keymap(applied, tuple(message for _, message in sorted(problems)))


def _without_clashes(
    wanted: Mapping[str, tuple[int, list[str]]],
    defaults: Mapping[str, str],
    where: str,
    problems: list[tuple[int, str]],
) -> dict[str, str]:
    """The lines whose keys no other binding holds, in file order; the others refused.

    A refused line leaves its binding on its own keys, which may be the keys an
    earlier line took: so the lines are checked again without it, until none is refused.
    """
    remaining = dict(wanted)
    while True:
        holder: dict[str, str] = {}
        for binding_id, own in defaults.items():
            if binding_id not in remaining:
                for key in own.split(","):
                    holder[normal_key(key) or key] = binding_id
        applied: dict[str, str] = {}
        refused: list[tuple[int, str]] = []
        for binding_id, (number, keys) in sorted(remaining.items(), key=lambda item: item[1][0]):
            taken = [key for key in keys if key in holder]
            if taken:
                other = holder[taken[0]]
                refused.append(
                    (
                        number,
                        f"{where}, line {number}: {taken[0]} is already the key for {other!r}; "
                        f"choose another, or give {other!r} other keys too.",
                    )
                )
                del remaining[binding_id]
                continue
            for key in keys:
                holder[key] = binding_id
            applied[binding_id] = ",".join(keys)
        if not refused:
            return applied
        problems.extend(refused)


def shown_key(app: App[object], binding_id: str, default: str) -> str:
    """The first key of an app binding as the footer shows it, after the keymap."""
    keymap: Mapping[str, str] = getattr(app, "keymap", {})
    first = keymap.get(binding_id, default).split(",")[0]
    return app.get_key_display(Binding(first, ""))
