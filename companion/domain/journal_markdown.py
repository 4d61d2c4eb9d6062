"""The journal and the debriefs as one Markdown document, grouped by interview.

A pure function for `companion export --format markdown`. The document reads
like a diary: interviews in the order they were held, and under each its
debrief, its entries in the order written, then the reflection written when
moving on; entries about no interview come last, in a section of their own.

Everything the user wrote is escaped, so that no entry can add a heading, a
list, a link, a code block or HTML to the document: what they typed is shown
as typed, in any Markdown viewer (CommonMark and GitHub's dialect).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

from companion.domain.dates import friendly
from companion.domain.debrief import Debrief, debrief_sections
from companion.domain.interviews import Interview
from companion.domain.journal import Entry, moved_on_day
from companion.domain.mood import mood_word

TITLE = "Journal"
NO_INTERVIEW = "Not about an interview"
# Characters with a meaning anywhere in a line (CommonMark and GitHub's tables,
# strikethrough and autolinks); each is shown as itself when escaped.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#!])")
# What opens a block when it starts a line: headings, quotes, lists, rules, setext.
_LINE_START = re.compile(r"^([>+\-=]|\d+[.)])")
_LEADING = re.compile(r"^[ \t]+")
NBSP = "\u00a0"


def escape_inline(text: str) -> str:
    """One line of user text, safe anywhere in a line of Markdown."""
    return _INLINE.sub(r"\\\1", text)


def escape_line(line: str) -> str:
    """A line of user text: inline escapes, block openers escaped, indentation kept visible.

    Leading spaces would make an indented code block; they become no-break
    spaces, which Markdown does not count as indentation.
    """
    stripped = line.rstrip()
    match = _LEADING.match(stripped)
    indent = ""
    if match:
        indent = match.group(0).replace("\t", "    ").replace(" ", NBSP)
        stripped = stripped[match.end() :]
    body = escape_inline(stripped)
    digits = re.match(r"^(\d+)([.)])", body)
    if digits:
        body = f"{digits.group(1)}\\{digits.group(2)}{body[digits.end() :]}"
    elif _LINE_START.match(body):
        body = "\\" + body
    return indent + body


def escape_block(text: str) -> str:
    """Several lines of user text: paragraphs where they left blank lines, line breaks kept."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(escape_line(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    # Two trailing spaces are a line break in every Markdown dialect.
    return "\n\n".join("  \n".join(lines) for lines in paragraphs if lines)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape_inline(' '.join(text.split()))}"


def _long_day(day: date) -> str:
    return f"{friendly(day)} {day.year}"


def _moment(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz)
    return f"{_long_day(local.date())}, {local:%H:%M}"


def _entry(entry: Entry, tz: tzinfo | None, level: int) -> list[str]:
    title = _moment(entry.written_at, tz)
    if entry.mood is not None:
        title += f" · mood {entry.mood} ({mood_word(entry.mood)})"
    parts = [heading(level, title)]
    if entry.tags:
        parts.append("Tags: " + ", ".join(f"`{tag.replace('`', '')}`" for tag in entry.tags))
    parts.append(escape_block(entry.text))
    if entry.edited_at is not None:
        parts.append(f"*Edited {_moment(entry.edited_at, tz)}.*")
    return parts


def _debrief(
    debrief: Debrief, interview: Interview, today: date, tz: tzinfo | None, level: int = 3
) -> list[str]:
    parts = [heading(level, f"Debrief, {_long_day(debrief.started_at.astimezone(tz).date())}")]
    sections = debrief_sections(debrief, interview, today)
    if not sections:
        parts.append("*Every step was skipped.*")
    for section in sections:
        parts.append(heading(level + 1, section.title))
        if section.text:
            parts.append(escape_block(section.text))
        if section.items:
            parts.append(
                "\n".join(f"- {escape_inline(' '.join(i.split()))}" for i in section.items)
            )
    return parts


def _interview_line(interview: Interview) -> str:
    facts = [f"Interview on {_long_day(interview.held_on)}"]
    if interview.round:
        facts.append(escape_inline(interview.round))
    if interview.interviewers:
        facts.append("with " + escape_inline(", ".join(interview.interviewers)))
    facts.append(interview.outcome.label)
    return " · ".join(facts) + "."


def journal_markdown(
    entries: Iterable[Entry],
    interviews: Iterable[Interview],
    debriefs: Iterable[Debrief] = (),
    *,
    today: date,
    tz: tzinfo | None = None,
    level: int = 1,
) -> str:
    """The journal, the debriefs and the move-on reflections, grouped by interview.

    `level` is the heading level of the title: 1 for a document of its own, 2
    for a section of a larger one (the full Markdown export).
    """
    by_id = {i.id: i for i in interviews if i.id is not None}
    about: dict[int | None, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (e.written_at, e.id or 0)):
        about[entry.interview_id if entry.interview_id in by_id else None].append(entry)
    debrief_of = {d.interview_id: d for d in debriefs if d.interview_id in by_id}

    parts = [heading(level, TITLE), f"Written down with companion; exported {_long_day(today)}."]
    shown = sorted(
        (
            (interview_id, interview)
            for interview_id, interview in by_id.items()
            if about.get(interview_id) or interview_id in debrief_of or interview.reflection
        ),
        key=lambda pair: (pair[1].held_on, pair[0]),
    )
    for interview_id, interview in shown:
        parts.append(heading(level + 1, interview.title))
        parts.append(_interview_line(interview))
        debrief = debrief_of.get(interview_id)
        if debrief is not None:
            parts.extend(_debrief(debrief, interview, today, tz, level + 2))
        for entry in about.get(interview_id, []):
            parts.extend(_entry(entry, tz, level + 2))
        if interview.reflection:
            moved = moved_on_day(interview)
            when = f", {_long_day(moved)}" if moved else ""
            parts.append(heading(level + 2, f"Moving on{when}"))
            parts.append(escape_block(interview.reflection))
    loose = about.get(None, [])
    if loose:
        parts.append(heading(level + 1, NO_INTERVIEW))
        for entry in loose:
            parts.extend(_entry(entry, tz, level + 2))
    if len(parts) == 2:
        parts.append("Nothing written yet.")
    return "\n\n".join(parts) + "\n"
