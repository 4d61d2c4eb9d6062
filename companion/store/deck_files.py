"""Deck files: the starter decks shipped with companion, and reading a deck the user names.

The starter decks live in `questions/` at the root of the source tree; the
wheel carries them as `companion/questions/` (pyproject's force-include). So
an installed companion finds them inside its package, and a checkout (or an
editable install) finds them beside the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from companion.domain.decks import Deck, DeckError, parse_deck
from companion.domain.errors import FieldError

DECK_SUFFIX = ".toml"


@dataclass(frozen=True)
class ShippedDeck:
    slug: str
    deck: Deck


def shipped_decks_dir() -> Traversable | None:
    """Where the starter decks are: inside the installed package, else beside it in a checkout."""
    packaged = files("companion") / "questions"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    source = checkout / "questions"
    if source.is_dir() and (checkout / "pyproject.toml").is_file():
        return source
    return None


def shipped_decks() -> list[ShippedDeck]:
    """Every starter deck, in file-name order (the names start with a number)."""
    folder = shipped_decks_dir()
    if folder is None:
        return []
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(DECK_SUFFIX):
            slug = entry.name.removesuffix(DECK_SUFFIX)
            found.append(ShippedDeck(slug, parse_deck(entry.read_text("utf-8"), entry.name)))
    return found


def _plain_slug(slug: str) -> str:
    """'03-behavioural' -> 'behavioural'."""
    head, _, rest = slug.partition("-")
    return rest if head.isascii() and head.isdigit() and rest else slug


def find_shipped(name: str) -> ShippedDeck | None:
    """A starter deck by its file name ('behavioural', '03-behavioural') or its deck name."""
    wanted = name.strip().casefold().removesuffix(DECK_SUFFIX)
    for shipped in shipped_decks():
        names = {shipped.slug, _plain_slug(shipped.slug), shipped.deck.name.casefold()}
        if wanted in names:
            return shipped
    return None


def read_deck_file(path: Path) -> Deck:
    """Read and check a deck file; raises DeckError naming the file and the line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FieldError("FILE", f"{str(path)!r} does not exist.") from None
    except IsADirectoryError:
        raise FieldError("FILE", f"{str(path)!r} is a folder; name a deck file (.toml).") from None
    except OSError as error:
        raise FieldError("FILE", f"{str(path)!r} could not be read ({error.strerror}).") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DeckError(str(path), "the file", "it is not UTF-8 text") from None
    return parse_deck(text, str(path))
