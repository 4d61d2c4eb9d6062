"""Whole numbers as people type them."""

from __future__ import annotations


def whole_number(text: str) -> int | None:
    """The number written in plain digits 0-9 ("12"), or None.

    `str.isdigit` also accepts "²" and "١٢", which `int` then refuses or
    reads as another script's digits; an id or a score is ASCII digits only.
    """
    value = text.strip()
    return int(value) if value.isascii() and value.isdigit() else None
