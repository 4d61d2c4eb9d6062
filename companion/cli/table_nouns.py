"""How each table's records are named in sentences, singular and plural.

`companion check` counts with them and the restore's comparison labels its rows with
them; a table missing here would be shown by its raw name.
"""

from __future__ import annotations

TABLE_NOUNS: dict[str, tuple[str, str]] = {
    "interviews": ("interview", "interviews"),
    "references": ("reference", "references"),
    "applications": ("application", "applications"),
    "questions": ("practice question", "practice questions"),
    "answers": ("earlier answer", "earlier answers"),
    "reviews": ("rehearsal", "rehearsals"),
    "stories": ("story", "stories"),
    "journal": ("journal entry", "journal entries"),
    "debriefs": ("debrief", "debriefs"),
    "writing": ("writing-programme day", "writing-programme days"),
    "urges": ("urge noted", "urges noted"),
    "worries": ("parked thought", "parked thoughts"),
}


def plural(table: str) -> str:
    return TABLE_NOUNS[table][1] if table in TABLE_NOUNS else table
