"""Do I want this job? A fit reflection, written while the interview is fresh (rule 7).

Six aspects scored 1 (poor) to 5 (great), each optional, and a free note. The
app surfaces it when a next round or an offer comes, before the user decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number

ASPECTS = ("work", "culture", "people", "manager", "commute", "pay")
# The one set of labels every place shows the aspects with (the form, the debrief's
# first impressions, the interview, two offers side by side).
ASPECT_LABELS = {aspect: aspect.capitalize() for aspect in ASPECTS}
ASPECT_QUESTIONS = {
    "work": "Would you like this work every day?",
    "culture": "Would their way of working suit you?",
    "people": "Did you click with the people?",
    "manager": "Would you want to work for the manager?",
    "commute": "Could you live with the commute?",
    "pay": "Does the pay work for you?",
}
LOW, HIGH = 1, 5


@dataclass(frozen=True)
class FitReflection:
    work: int | None = None
    culture: int | None = None
    people: int | None = None
    manager: int | None = None
    commute: int | None = None
    pay: int | None = None
    note: str = ""

    def scores(self) -> dict[str, int | None]:
        return {aspect: getattr(self, aspect) for aspect in ASPECTS}

    @property
    def is_empty(self) -> bool:
        return not self.note and all(score is None for score in self.scores().values())

    def brief(self) -> str:
        """'Work 4 · People 5 · Commute 2', the scores given, in a line."""
        return " · ".join(
            f"{ASPECT_LABELS[a]} {s}" for a, s in self.scores().items() if s is not None
        )


def parse_score(text: str, aspect: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    score = whole_number(value)
    if score is not None and LOW <= score <= HIGH:
        return score
    raise FieldError(
        aspect, f"{value!r} is not a score; use {LOW} (poor) to {HIGH} (great), or leave it blank."
    )


def parse_fit(scores: dict[str, str], note: str = "") -> FitReflection:
    """A reflection from typed scores by aspect; raises FieldError naming the first bad one."""
    unknown = set(scores) - set(ASPECTS)
    if unknown:
        raise FieldError(sorted(unknown)[0], f"is not an aspect; use {', '.join(ASPECTS)}.")
    values = {aspect: parse_score(scores.get(aspect, ""), aspect) for aspect in ASPECTS}
    return FitReflection(**values, note=note.strip())
