"""The Markdown export: a title, then one section after another.

A section is a function of the repository and the moment of the export that
returns its whole text (its `##` heading included) or "" to be left out.
Another capability adds its own with one line in SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from companion.domain.journal_markdown import journal_markdown
from companion.domain.markdown import (
    interviews_markdown,
    long_day,
    questions_markdown,
    stories_markdown,
    thoughts_markdown,
)
from companion.services import interviews
from companion.store.repository import Repository

Section = Callable[[Repository, datetime], str]


def interviews_section(repo: Repository, now: datetime) -> str:
    today = now.date()
    names = {r.id: r.name for r in repo.references.all() if r.id is not None}
    return interviews_markdown(interviews.waiting_rows(repo, include_closed=True), today, names)


def questions_section(repo: Repository, now: datetime) -> str:
    return questions_markdown(repo.questions.all(), repo.interviews.all(), now)


def stories_section(repo: Repository, now: datetime) -> str:
    return stories_markdown(repo.stories.all(), repo.questions.all())


def journal_section(repo: Repository, now: datetime) -> str:
    """The journal, the debriefs and the move-on reflections; left out when there are none."""
    entries, debriefs, interviews = repo.journal.all(), repo.debriefs.all(), repo.interviews.all()
    if not (entries or debriefs or any(i.reflection for i in interviews)):
        return ""
    text = journal_markdown(entries, interviews, debriefs, today=now.date(), tz=now.tzinfo, level=2)
    return text.rstrip("\n")


def thoughts_section(repo: Repository, now: datetime) -> str:
    return thoughts_markdown(repo.worries.all(), now.tzinfo)


SECTIONS: tuple[Section, ...] = (
    interviews_section,
    questions_section,
    stories_section,
    journal_section,
    thoughts_section,
)

NOTHING_YET = "Nothing is written down yet: no interviews, no questions, no journal."


def markdown_document(
    repo: Repository, now: datetime, sections: Sequence[Section] = SECTIONS
) -> str:
    """The whole document; user text inside is escaped or fenced (domain/markdown.py)."""
    parts = [
        "# companion",
        f"Written on {long_day(now.date())}. Dates are in your own time zone.",
    ]
    bodies = [text for text in (section(repo, now) for section in sections) if text]
    parts.extend(bodies or [NOTHING_YET])
    return "\n\n".join(parts) + "\n"
