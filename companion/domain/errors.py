"""Errors that carry the field that was wrong and what it accepts."""

from __future__ import annotations


class FieldError(ValueError):
    """A value the user typed was not accepted.

    `field` is the name the user sees (a form label or a CLI flag without
    dashes); `message` says what was wrong and what is accepted, in a sentence.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    @property
    def sentence(self) -> str:
        """The message as a sentence on its own (capitalised), where no field name leads."""
        return self.message[:1].upper() + self.message[1:]
