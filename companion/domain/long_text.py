"""What people write, checked: one line (a question, a title, a thought) or longer text
(an answer, a note, a part of a story)."""

from __future__ import annotations

from companion.domain.errors import FieldError

MAX_TEXT_LENGTH = 20_000


def parse_long_text(text: str, field_name: str) -> str:
    """Kept as typed, trimmed at the ends; refused only when very long."""
    value = text.strip()
    if len(value) > MAX_TEXT_LENGTH:
        raise FieldError(
            field_name,
            f"that is {len(value)} characters; keep it under {MAX_TEXT_LENGTH}.",
        )
    return value


def parse_line(text: str, field_name: str, *, empty: str, limit: int, keep: str) -> str:
    """One line of the user's words: spacing at either end dropped, runs of spaces and line
    breaks made one space. `empty` is the sentence for no words; `keep` ends the sentence
    for too many ("keep <keep>" after the count and the limit are named)."""
    value = " ".join(text.split())
    if not value:
        raise FieldError(field_name, empty)
    if len(value) > limit:
        raise FieldError(field_name, f"that is {len(value):,} characters; keep {keep}")
    return value
