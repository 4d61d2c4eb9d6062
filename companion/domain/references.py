"""The user's references: who can vouch for them, and how to reach them (rule 5)."""

from __future__ import annotations

from dataclasses import dataclass

from companion.domain.errors import FieldError


@dataclass(frozen=True)
class Reference:
    name: str
    relation: str = ""
    reach: str = ""
    id: int | None = None

    @property
    def line(self) -> str:
        """'Dana Lee, former manager (dana@example.com)'."""
        text = self.name
        if self.relation:
            text += f", {self.relation}"
        if self.reach:
            text += f" ({self.reach})"
        return text


def new_reference(name: str, relation: str = "", reach: str = "") -> Reference:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise FieldError("name", "the name is empty; type the person's name, like Dana Lee.")
    return Reference(name=cleaned, relation=" ".join(relation.split()), reach=reach.strip())
