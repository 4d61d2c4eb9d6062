"""The database profiles of issue 7: typical and heavy, with the counts each table gets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    applications: int
    interviews: int
    contacts_per_interview: int
    questions: int
    answer_words: int
    answer_versions: int
    reviews: int
    journal_entries: int
    journal_words: int
    days: int  # how far back the history goes from the frozen day


PROFILES = {
    "typical": Profile(
        "typical",
        applications=60,
        interviews=12,
        contacts_per_interview=1,
        questions=150,
        answer_words=60,
        answer_versions=1,
        reviews=2_000,
        journal_entries=80,
        journal_words=80,
        days=180,
    ),
    # About 12-15 MB of JSON once every table exists.
    "heavy": Profile(
        "heavy",
        applications=1_500,
        interviews=300,
        contacts_per_interview=3,
        questions=2_000,
        answer_words=150,
        answer_versions=3,
        reviews=60_000,
        journal_entries=3_000,
        journal_words=180,
        days=730,
    ),
}
