"""The journal: free entries with a mood, and everything else worth reading back.

An entry is the user's own words, kept exactly as written (only blank lines at
either end are dropped), with an optional mood from 1 (heavy) to 5 (bright),
tags and the interview it is about. The journal's list also shows each
interview's debrief and the reflection written when moving on from it: those
are read-only here and live with their interview (`JournalItem`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from companion.domain.debrief import Debrief, debrief_text
from companion.domain.errors import FieldError
from companion.domain.interviews import Interview, Outcome
from companion.domain.mood import mood_word, parse_mood
from companion.domain.practice import parse_tags

# About 30,000 words: a long evening's writing fits, a pasted file by mistake does not.
MAX_ENTRY_LENGTH = 200_000
SPARK_DAYS = 30


def parse_entry_text(text: str, field: str = "text") -> str:
    """The entry as written: blank lines and spaces at either end dropped, the rest kept."""
    value = text.strip()
    if not value:
        raise FieldError(field, "the entry is empty; write a few words, or as many as you like.")
    if len(value) > MAX_ENTRY_LENGTH:
        raise FieldError(
            field,
            f"that is {len(value):,} characters; keep an entry under {MAX_ENTRY_LENGTH:,} "
            "(split a long one in two).",
        )
    return value


@dataclass(frozen=True)
class Entry:
    """One journal entry. Times are UTC; `id` is None until the store has saved it."""

    text: str
    written_at: datetime
    mood: int | None = None
    tags: tuple[str, ...] = ()
    interview_id: int | None = None
    edited_at: datetime | None = None
    id: int | None = None

    @property
    def first_line(self) -> str:
        return first_line(self.text)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def new_entry(
    text: str,
    now: datetime,
    *,
    mood: str | int | None = None,
    tags: Sequence[str] = (),
    interview_id: int | None = None,
) -> Entry:
    """An entry from typed values, checked; raises FieldError naming the first bad field."""
    return Entry(
        text=parse_entry_text(text),
        written_at=now.astimezone(UTC),
        mood=parse_mood(mood),
        tags=parse_tags(tags),
        interview_id=interview_id,
    )


def edit_entry(
    entry: Entry,
    now: datetime,
    *,
    text: str,
    mood: str | int | None,
    tags: Sequence[str],
    interview_id: int | None,
) -> Entry:
    """The entry as changed; `edited_at` is set only when something did change."""
    changed = replace(
        entry,
        text=parse_entry_text(text),
        mood=parse_mood(mood),
        tags=parse_tags(tags),
        interview_id=interview_id,
    )
    if changed == entry:
        return entry
    return replace(changed, edited_at=now.astimezone(UTC))


# The journal's list: entries, debriefs and move-on reflections together.

ItemKind = Literal["entry", "debrief", "reflection"]
KIND_WORDS: Mapping[ItemKind, str] = {
    "entry": "entry",
    "debrief": "debrief",
    "reflection": "moving on",
}


@dataclass(frozen=True)
class JournalItem:
    """One row of the journal's list.

    `key` identifies it across reloads ("entry:12", "debrief:3", "reflection:3");
    `at` orders the list (newest first) and `day` is the local day it is shown
    under. Debriefs and reflections are read-only here: they belong to their
    interview, whose id is `interview_id`.
    """

    kind: ItemKind
    key: str
    at: datetime
    day: date
    text: str
    mood: int | None = None
    tags: tuple[str, ...] = ()
    interview_id: int | None = None
    entry: Entry | None = None

    @property
    def editable(self) -> bool:
        return self.kind == "entry"

    @property
    def preview(self) -> str:
        return first_line(self.text)


def entry_item(entry: Entry, tz: tzinfo | None) -> JournalItem:
    local = entry.written_at.astimezone(tz)
    return JournalItem(
        kind="entry",
        key=f"entry:{entry.id}",
        at=entry.written_at,
        day=local.date(),
        text=entry.text,
        mood=entry.mood,
        tags=entry.tags,
        interview_id=entry.interview_id,
        entry=entry,
    )


def moved_on_day(interview: Interview) -> date | None:
    """The day of the latest move-on, for dating its reflection."""
    days = [c.on for c in interview.outcomes if c.outcome == Outcome.MOVED_ON]
    return max(days) if days else None


def reflection_item(interview: Interview, tz: tzinfo | None) -> JournalItem | None:
    """The move-on reflection as a read-only journal item, dated the day it was written."""
    if not interview.reflection or interview.id is None:
        return None
    day = moved_on_day(interview) or interview.outcome_on or interview.held_on
    # Noon local time: after the morning's entries of that day, before the evening's.
    at = datetime.combine(day, time(12), tzinfo=tz).astimezone(UTC)
    return JournalItem(
        kind="reflection",
        key=f"reflection:{interview.id}",
        at=at,
        day=day,
        text=interview.reflection,
        interview_id=interview.id,
    )


def debrief_item(
    debrief: Debrief, interview: Interview, today: date, tz: tzinfo | None
) -> JournalItem:
    """The debrief as a read-only journal item, dated the day it was begun."""
    return JournalItem(
        kind="debrief",
        key=f"debrief:{debrief.interview_id}",
        at=debrief.started_at,
        day=debrief.started_at.astimezone(tz).date(),
        text=debrief_text(debrief, interview, today),
        mood=debrief.mood,
        interview_id=debrief.interview_id,
    )


def journal_items(
    entries: Iterable[Entry],
    debriefs: Iterable[Debrief],
    interviews: Iterable[Interview],
    today: date,
    tz: tzinfo | None,
) -> list[JournalItem]:
    """Everything the journal lists, newest first: entries, debriefs and move-on reflections."""
    by_id = {interview.id: interview for interview in interviews if interview.id is not None}
    items = [entry_item(entry, tz) for entry in entries]
    items.extend(
        debrief_item(debrief, by_id[debrief.interview_id], today, tz)
        for debrief in debriefs
        if debrief.interview_id in by_id
    )
    for interview in by_id.values():
        reflection = reflection_item(interview, tz)
        if reflection is not None:
            items.append(reflection)
    return sort_newest_first(items)


def sort_newest_first(items: Iterable[JournalItem]) -> list[JournalItem]:
    return sorted(items, key=lambda item: (item.at, item.key), reverse=True)


@dataclass(frozen=True)
class JournalFilter:
    """Words to find (all of them, in any order, ignoring case), a tag and an interview."""

    text: str = ""
    tag: str | None = None
    interview_id: int | None = None

    def matches(
        self,
        item: JournalItem,
        titles: Mapping[int, str] | None = None,
        haystack: str | None = None,
    ) -> bool:
        """`haystack` is `searchable(item, titles)`, when the caller keeps it between searches."""
        if self.tag is not None and self.tag not in item.tags:
            return False
        if self.interview_id is not None and item.interview_id != self.interview_id:
            return False
        words = self.text.casefold().split()
        if not words:
            return True
        if haystack is None:
            haystack = searchable(item, titles or {})
        return all(word in haystack for word in words)


def searchable(item: JournalItem, titles: Mapping[int, str]) -> str:
    """Everything a search looks through: the words, tags, kind and the interview's title."""
    about = titles.get(item.interview_id, "") if item.interview_id is not None else ""
    return " ".join(
        (item.text, " ".join(item.tags), KIND_WORDS[item.kind], about, mood_word(item.mood))
    ).casefold()


def filter_journal(
    items: Iterable[JournalItem],
    journal_filter: JournalFilter,
    titles: Mapping[int, str] | None = None,
) -> list[JournalItem]:
    """The items the filter keeps, newest first."""
    return sort_newest_first(i for i in items if journal_filter.matches(i, titles))


def journal_tags(items: Iterable[JournalItem]) -> list[str]:
    return sorted({tag for item in items for tag in item.tags})


def moods_by_day(
    items: Iterable[JournalItem], today: date, days: int = SPARK_DAYS
) -> tuple[float | None, ...]:
    """The mean mood of each of the `days` days ending today, oldest first; None for none noted."""
    first = today - timedelta(days=days - 1)
    noted: dict[date, list[int]] = defaultdict(list)
    for item in items:
        if item.mood is not None and first <= item.day <= today:
            noted[item.day].append(item.mood)
    result: list[float | None] = []
    for offset in range(days):
        moods = noted.get(first + timedelta(days=offset))
        result.append(sum(moods) / len(moods) if moods else None)
    return tuple(result)
