"""A mood from 1 (heavy) to 5 (bright), noted with a journal entry or a debrief."""

from __future__ import annotations

from collections.abc import Sequence

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number

MOOD_LOW, MOOD_HIGH = 1, 5
MOOD_WORDS = {1: "heavy", 2: "low", 3: "steady", 4: "good", 5: "bright"}
MOOD_SCALE = " · ".join(f"{n} {word}" for n, word in MOOD_WORDS.items())
SPARKS = "▁▂▄▆█"


def parse_mood(value: str | int | None, field: str = "mood") -> int | None:
    """A mood from 1 to 5; None when left blank."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    number = whole_number(text)
    if number is not None and MOOD_LOW <= number <= MOOD_HIGH:
        return number
    raise FieldError(
        field,
        f"{text!r} is not a mood; use a number from {MOOD_LOW} to {MOOD_HIGH} "
        f"({MOOD_SCALE}), or leave it out.",
    )


def mood_word(mood: int | None) -> str:
    return MOOD_WORDS.get(mood, "") if mood is not None else ""


def spark(mood: float | None) -> str:
    """One cell for a day's mood: a low bar for heavy, a full one for bright, a dot for none."""
    if mood is None:
        return "·"
    index = int(mood + 0.5) - MOOD_LOW
    return SPARKS[max(0, min(len(SPARKS) - 1, index))]


def mood_sparkline(moods: Sequence[float | None]) -> str:
    return "".join(spark(mood) for mood in moods)
