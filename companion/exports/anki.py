"""The question bank as an Anki package (.apkg), to rehearse on a phone.

One note a question: the question on the front; on the back the current
answer, what a good answer shows (the hint), what went wrong, and the STAR
notes, each left out when empty. Notes are tagged `companion`, by starter
deck (`deck::NAME`), by interview (`interview::COMPANY_ID`) and with the
question's own tags.

Importing a newer export updates the notes of the last one instead of adding
them again: each note's GUID is made from the question's id in the database,
and the note type and the deck keep fixed ids.

Question and answer text is the user's, and Anki's fields are HTML: it is
escaped (`<b>` shows as typed), line breaks become `<br>`, and control
characters become their visible symbols.

`genanki` is imported only when a package is written. Its own `write_to_file`
leaves the collection it builds in the system's temporary folder; here the
collection is built in a private temporary folder that is removed after.
"""

from __future__ import annotations

import html
import io
import itertools
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from companion.domain.interviews import Interview
    from companion.domain.practice import Question

# Fixed once, never to change: Anki recognises the note type and the deck by them.
MODEL_ID = 1_718_204_611
DECK_ID = 1_718_204_612
DECK_NAME = "companion: interview questions"
GUID_PREFIX = "companion-question"

FIELDS = ("Question", "Answer", "Good answer", "Went wrong", "STAR")
FRONT = '<div class="question">{{Question}}</div>'
BACK = """{{FrontSide}}
<hr id="answer">
{{#Answer}}<div class="answer">{{Answer}}</div>{{/Answer}}
{{#Good answer}}<h4>What a good answer shows</h4><div>{{Good answer}}</div>{{/Good answer}}
{{#Went wrong}}<h4>What went wrong</h4><div>{{Went wrong}}</div>{{/Went wrong}}
{{#STAR}}<h4>STAR notes</h4><div class="star">{{STAR}}</div>{{/STAR}}
"""
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; line-height: 1.4;
  color: #2B3033; background: #F5F2EC; }
.nightMode.card { color: #DDE3DF; background: #1D2326; }
.question { font-weight: bold; }
h4 { margin: 1em 0 0.2em; font-size: 0.8em; opacity: 0.75; }
"""

_KEEP = {"\n", "\t"}
_PICTURES = str.maketrans(
    {
        **{chr(code): chr(0x2400 + code) for code in range(0x20) if chr(code) not in _KEEP},
        "\x7f": "\u2421",
    }
)
_TAG_UNSAFE = re.compile(r"[\s\"]+")


def field_html(text: str) -> str:
    """User text as the content of an Anki field: shown exactly as typed."""
    plain = text.replace("\r\n", "\n").translate(_PICTURES)
    return html.escape(plain, quote=True).replace("\n", "<br>")


def tag(text: str) -> str:
    """A tag Anki keeps whole: no spaces (they separate tags) and no quotes."""
    return _TAG_UNSAFE.sub("_", text.translate(_PICTURES)).strip("_")


def note_guid(question_id: int) -> str:
    """The note's GUID: the same for the same question in every export."""
    import genanki

    guid: str = genanki.guid_for(GUID_PREFIX, question_id)
    return guid


def _star_html(question: Question) -> str:
    star = question.star
    if star is None or star.empty:
        return ""
    return "<br>".join(
        f"<b>{name}</b>: {field_html(text)}" for name, text in star.parts() if text.strip()
    )


def note_tags(question: Question, interviews: Mapping[int, Interview]) -> list[str]:
    tags = ["companion"]
    if question.deck:
        tags.append(f"deck::{tag(question.deck)}")
    interview = interviews.get(question.interview_id) if question.interview_id else None
    if interview is not None:
        tags.append(f"interview::{tag(interview.company)}_{interview.id}")
    tags.extend(t for t in (tag(own) for own in question.tags) if t)
    return list(dict.fromkeys(t for t in tags if t))


def note_fields(question: Question) -> list[str]:
    return [
        field_html(question.text),
        field_html(question.answer.text) if question.answer else "",
        field_html(question.hint),
        field_html(question.went_wrong),
        _star_html(question),
    ]


def anki_package(
    questions: Iterable[Question], interviews: Iterable[Interview], now: datetime
) -> bytes:
    """The questions as an .apkg file's bytes; `now` stamps the notes."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        "companion question",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Rehearse", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
        sort_field_index=0,
    )
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    by_id = {i.id: i for i in interviews if i.id is not None}
    for question in sorted((q for q in questions if q.id is not None), key=lambda q: q.id or 0):
        assert question.id is not None
        deck.add_note(
            genanki.Note(
                model=model,
                fields=note_fields(question),
                tags=note_tags(question, by_id),
                guid=note_guid(question.id),
            )
        )
    timestamp = now.timestamp()
    with tempfile.TemporaryDirectory(prefix="companion-anki-") as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            genanki.Package(deck).write_to_db(
                connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")
    return packed.getvalue()
