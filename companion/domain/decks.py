"""Question decks: a TOML file of questions with hints, read strictly, imported once.

The format is documented in `questions/README.md`. A deck that is not quite
right is refused whole, with the file and the line (or the entry) named, so
that nothing half-imported ever lands in the bank.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from companion.domain.dates import friendly
from companion.domain.errors import FieldError

DECK_KEYS = {"name": str, "description": str, "tags": list}
QUESTION_KEYS = {"text": str, "hint": str, "tags": list, "star": bool}
TOP_KEYS = ("deck", "questions")
# Imported questions come up a few a day, not all at once.
NEW_PER_DAY = 5

_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_KIND_WORDS = {str: "text in quotes", list: "a list of texts in quotes", bool: "true or false"}


class DeckError(FieldError):
    """A deck that cannot be imported; `field` is the file, `message` says where and what."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        super().__init__(source, f"{where}: {problem}. Nothing was imported.")
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class DeckQuestion:
    text: str
    hint: str = ""
    tags: tuple[str, ...] = ()
    star: bool = False


@dataclass(frozen=True)
class Deck:
    name: str
    questions: tuple[DeckQuestion, ...]
    description: str = ""
    tags: tuple[str, ...] = ()

    def key_of(self, question: DeckQuestion) -> str:
        return import_key(self.name, question.text)


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def import_key(deck_name: str, text: str) -> str:
    """What makes a deck question the same question: its deck and its words."""
    return f"{normalise(deck_name)}::{normalise(text)}"


@dataclass(frozen=True)
class ImportResult:
    deck: str
    added: int
    already_there: int
    first_day: date | None
    last_day: date | None


def import_sentence(result: ImportResult, today: date) -> str:
    """What an import did, in a calm sentence or two."""
    if not result.added:
        return f"Every question of {result.deck} is already in your bank, so nothing was added."
    plural = "question" if result.added == 1 else "questions"
    text = f"Added {result.added} {plural} from {result.deck}"
    if result.already_there:
        text += f" ({result.already_there} were already in your bank)"
    if result.first_day and result.last_day and result.first_day != result.last_day:
        return (
            f"{text}. They come up a few a day, from {friendly(result.first_day, today)} "
            f"to {friendly(result.last_day, today)}."
        )
    return f"{text}. They are ready to practise."


class _Lines:
    """Finds where a key or an entry is written, so errors can name the line."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.entries = [
            n for n, line in enumerate(self.lines, start=1) if line.strip() == "[[questions]]"
        ]
        self.deck_header = next(
            (n for n, line in enumerate(self.lines, start=1) if line.strip() == "[deck]"), None
        )

    def _key_in(self, key: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, min(end, len(self.lines)) + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def entry(self, index: int) -> str:
        """'questions entry 3 (line 27)'; index counts from 0."""
        where = f"questions entry {index + 1}"
        if index < len(self.entries):
            where += f" (line {self.entries[index]})"
        return where

    def entry_key(self, index: int, key: str) -> str:
        where = f"questions entry {index + 1}"
        if index < len(self.entries):
            start = self.entries[index]
            end = self.entries[index + 1] - 1 if index + 1 < len(self.entries) else len(self.lines)
            line = self._key_in(key, start, end)
            return f"line {line} ({where})" if line else f"{where} (line {start})"
        return where

    def deck_key(self, key: str) -> str:
        if self.deck_header is None:
            return "the [deck] table"
        following = [n for n in self.entries if n > self.deck_header]
        end = following[0] - 1 if following else len(self.lines)
        line = self._key_in(key, self.deck_header, end)
        return f"line {line or self.deck_header} ([deck])"

    def top_key(self, key: str) -> str:
        header = re.compile(rf"^\s*\[{{1,2}}\s*{re.escape(key)}\s*[\].]")
        for number, text in enumerate(self.lines, start=1):
            if header.match(text):
                return f"line {number}"
        first_table = min([*self.entries, self.deck_header or len(self.lines) + 1])
        found = self._key_in(key, 1, first_table - 1)
        return f"line {found}" if found else "the top of the file"


def _strings(value: list[Any]) -> bool:
    return all(isinstance(item, str) for item in value)


def _check_type(value: Any, kind: type, where: str, key: str, source: str) -> None:
    fits = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
    if fits and kind is list and not _strings(value):
        fits = False
    if not fits:
        raise DeckError(source, where, f"{key!r} should be {_KIND_WORDS[kind]}")


def _tags(values: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for value in values:
        tag = " ".join(value.split()).lower()
        if tag and tag not in found:
            found.append(tag)
    return tuple(found)


def parse_deck(text: str, source: str) -> Deck:
    """A deck from the text of a TOML file; `source` names the file in errors."""
    import tomllib  # only when a deck is read: the printing commands start faster without it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_AT.search(message)
        reason = _TOML_AT.sub("", message).rstrip(".")
        where = f"line {match.group(1)}" if match else "the file"
        raise DeckError(source, where, f"this is not valid TOML ({reason})") from None
    lines = _Lines(text)
    for key in data:
        if key not in TOP_KEYS:
            raise DeckError(
                source,
                lines.top_key(key),
                f"unknown key {key!r}; a deck holds a [deck] table and [[questions]] entries",
            )
    deck_table = data.get("deck")
    if not isinstance(deck_table, dict):
        raise DeckError(
            source, "the top of the file", 'a [deck] table with a name is missing (name = "...")'
        )
    for key, value in deck_table.items():
        if key not in DECK_KEYS:
            raise DeckError(
                source,
                lines.deck_key(key),
                f"unknown key {key!r} in [deck]; it accepts {', '.join(DECK_KEYS)}",
            )
        _check_type(value, DECK_KEYS[key], lines.deck_key(key), key, source)
    name = " ".join(str(deck_table.get("name", "")).split())
    if not name:
        raise DeckError(source, lines.deck_key("name"), 'the deck needs a name (name = "...")')
    entries = data.get("questions")
    if not isinstance(entries, list) or not entries:
        raise DeckError(
            source,
            "the end of the file",
            'a deck needs at least one question ([[questions]] with text = "...")',
        )
    questions: list[DeckQuestion] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise DeckError(source, lines.entry(index), "each question is a [[questions]] table")
        for key, value in entry.items():
            if key not in QUESTION_KEYS:
                raise DeckError(
                    source,
                    lines.entry_key(index, key),
                    f"unknown key {key!r}; a question accepts {', '.join(QUESTION_KEYS)}",
                )
            _check_type(value, QUESTION_KEYS[key], lines.entry_key(index, key), key, source)
        words = " ".join(str(entry.get("text", "")).split())
        if not words:
            raise DeckError(source, lines.entry(index), 'the question has no text (text = "...")')
        key = normalise(words)
        if key in seen:
            raise DeckError(
                source,
                lines.entry(index),
                f"this question repeats questions entry {seen[key] + 1}",
            )
        seen[key] = index
        questions.append(
            DeckQuestion(
                text=words,
                hint=" ".join(str(entry.get("hint", "")).split()),
                tags=_tags(entry.get("tags", [])),
                star=bool(entry.get("star", False)),
            )
        )
    return Deck(
        name=name,
        questions=tuple(questions),
        description=" ".join(str(deck_table.get("description", "")).split()),
        tags=_tags(deck_table.get("tags", [])),
    )


def questions_to_add(deck: Deck, existing_keys: Iterable[str]) -> list[DeckQuestion]:
    """The deck's questions the bank does not hold yet, in the deck's order."""
    have = set(existing_keys)
    return [q for q in deck.questions if deck.key_of(q) not in have]


def stagger(count: int, new_per_day: Mapping[date, int], today: date) -> list[date]:
    """The day each of `count` imported questions first comes up, a few a day.

    `new_per_day` counts the questions already waiting for their first
    rehearsal, by the day they come up (earlier days count as today), so a
    second deck queues after the first instead of piling onto the same days.
    """
    load: Counter[date] = Counter()
    for day, number in new_per_day.items():
        load[max(day, today)] += number
    days: list[date] = []
    day = today
    while len(days) < count:
        room = NEW_PER_DAY - load[day]
        if room > 0:
            take = min(room, count - len(days))
            days.extend([day] * take)
            load[day] += take
        day += timedelta(days=1)
    return days
