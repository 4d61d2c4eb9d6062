"""The longer things people write (an answer, a note, a part of a story), checked."""

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
