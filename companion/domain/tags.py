"""Tags, as people type them for questions, stories and interviews."""

from __future__ import annotations

from collections.abc import Iterable

from companion.domain.errors import FieldError

MAX_TAG_LENGTH = 40
MAX_TAGS = 12


def parse_tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags from `--tag` values or a comma-separated field: lower case, no repeats."""
    found: list[str] = []
    for value in values:
        for piece in value.split(","):
            tag = " ".join(piece.split()).lower()
            if not tag:
                continue
            if len(tag) > MAX_TAG_LENGTH:
                raise FieldError(
                    "tag", f"{tag[:20]!r}... is long; keep a tag under {MAX_TAG_LENGTH} letters."
                )
            if tag not in found:
                found.append(tag)
    if len(found) > MAX_TAGS:
        raise FieldError("tag", f"{len(found)} tags is a lot; use at most {MAX_TAGS}.")
    return tuple(found)
