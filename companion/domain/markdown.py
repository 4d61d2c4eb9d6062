"""Markdown for people to keep: the interviews, the question bank and the parked thoughts.

User text never changes the document's shape. A short text placed inside a
line (a company, a tag, a question as a heading) is put on one line and its
Markdown characters are escaped with a backslash; longer words of the user's
(an answer, notes, a reflection) go in a fenced block whose fence is longer
than any run of backticks inside, so they come out exactly as typed.

Each `*_markdown` function returns a whole section, its `##` heading included,
or "" when there is nothing to say; the document is the sections joined
(exports/markdown.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo

from companion.domain.dates import friendly
from companion.domain.fit import FitReflection
from companion.domain.interviews import Contact, Interview
from companion.domain.practice import Question
from companion.domain.practice_days import PracticeDays
from companion.domain.stories import Story, told_words
from companion.domain.timeline import milestones
from companion.domain.waiting import Waiting
from companion.domain.worries import State as ThoughtState
from companion.domain.worries import Thought, TurnedOut

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_BACKTICKS = re.compile(r"`+")


def inline(text: str) -> str:
    """`text` on one line, safe inside a heading, a list item or a paragraph."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def fenced(text: str) -> str:
    """`text` verbatim in a fenced block that nothing inside it can close."""
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"


def long_day(day: date) -> str:
    """'Tue 3 Mar 2026': a kept document says the year."""
    return f"{friendly(day)} {day.year}"


def section(title: str, blocks: Iterable[str]) -> str:
    """A `##` section of the blocks given, or "" when there are none."""
    kept = [block for block in blocks if block]
    if not kept:
        return ""
    return "\n\n".join([f"## {inline(title)}", *kept])


def labelled(label: str, text: str) -> str:
    """A bold label over the user's words, fenced; "" when there are no words."""
    if not text.strip():
        return ""
    return f"**{label}**\n\n{fenced(text)}"


def _bullets(items: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"- {label}: {value}" for label, value in items if value)


def _fit(fit: FitReflection) -> str:
    if fit.is_empty:
        return ""
    parts = ["**How it felt** (1 poor to 5 great)"]
    if fit.brief():
        parts.append(inline(fit.brief()))
    if fit.note:
        parts.append(fenced(fit.note))
    return "\n\n".join(parts)


def _timeline(row: Waiting, today: date) -> str:
    lines = [
        f"- {long_day(m.on)}: {m.label}{'' if m.reached else ' (ahead)'}"
        for m in milestones(row.interview, row.timeline, today)
    ]
    return "**Timeline**\n\n" + "\n".join(lines)


def _to_whom(contact: Contact, reference_names: Mapping[int, str]) -> str:
    """Whom a note went to: the people named, or the references a heads-up told."""
    told = [reference_names.get(r, "someone since removed") for r in contact.references]
    return ", ".join([*contact.to, *told])


def _contacts(interview: Interview, reference_names: Mapping[int, str]) -> str:
    if not interview.contacts:
        return ""
    lines = []
    for contact in interview.contacts:
        line = f"- {long_day(contact.on)}: {contact.kind.label}"
        to = _to_whom(contact, reference_names)
        if to:
            line += f", to {inline(to)}"
        if contact.decision_by is not None:
            line += f", they will decide by {long_day(contact.decision_by)}"
        if contact.note:
            line += f". {inline(contact.note)}"
        if contact.text:
            line += " (the note as sent is below)"
        lines.append(line)
    return "**Contact log**\n\n" + "\n".join(lines)


def _sent_notes(interview: Interview, reference_names: Mapping[int, str]) -> list[str]:
    """Each note kept when it was sent ("I sent it"), fenced, under its day, kind and person."""
    found = []
    for contact in interview.contacts:
        if not contact.text.strip():
            continue
        to = _to_whom(contact, reference_names)
        title = f"Sent {long_day(contact.on)}: {contact.kind.label}" + (f", to {to}" if to else "")
        found.append(labelled(inline(title), contact.text))
    return found


def _interview(row: Waiting, today: date, reference_names: Mapping[int, str]) -> str:
    interview = row.interview
    timeline = row.timeline
    title = " · ".join(p for p in (interview.company, interview.role, interview.round) if p)
    facts = _bullets(
        [
            ("Interview", long_day(interview.held_on)),
            ("With", inline(", ".join(interview.interviewers))),
            ("Final round", "yes" if interview.final_round else ""),
            (
                "Decision by",
                long_day(interview.decision_by) if interview.decision_by else "",
            ),
            ("Outcome", interview.outcome.label),
            ("Now", inline(timeline.status)),
        ]
    )
    blocks = [
        f"### {inline(title)}",
        facts,
        _timeline(row, today),
        _contacts(interview, reference_names),
        *_sent_notes(interview, reference_names),
        labelled("Notes", interview.notes),
        _fit(interview.fit),
        labelled("Moving on: what I take with me", interview.reflection),
    ]
    return "\n\n".join(block for block in blocks if block)


def interviews_markdown(
    rows: Sequence[Waiting], today: date, reference_names: Mapping[int, str] | None = None
) -> str:
    """Every interview, open ones first (as in the waiting room), with its timeline, its
    contact log and the notes sent. `reference_names` names the references told, by id."""
    names = reference_names or {}
    return section("Interviews", (_interview(row, today, names) for row in rows))


def _question(
    question: Question, interviews: dict[int, Interview], now: datetime, number: int
) -> str:
    interview = interviews.get(question.interview_id or 0)
    days = PracticeDays.at(now)
    due = question.due_on(days)
    facts = _bullets(
        [
            ("Tags", inline(", ".join(question.tags))),
            ("From", inline(interview.title) if interview else ""),
            ("Deck", inline(question.deck or "")),
            ("Resting", "yes, it does not come up" if question.suspended else ""),
            (
                "Next rehearsal",
                ""
                if question.suspended
                else "due now"
                if question.is_due(now, days)
                else long_day(due),
            ),
        ]
    )
    star = question.star
    blocks = [
        f"### {number}. {inline(question.text)}",
        facts,
        labelled("What went wrong", question.went_wrong),
        labelled(
            f"Answer, written {long_day(question.answer.written_at.astimezone(now.tzinfo).date())}"
            if question.answer
            else "Answer",
            question.answer.text if question.answer else "",
        ),
        _key_points(question.key_points),
        *(
            labelled(f"STAR: {name}", text)
            for name, text in (star.parts() if star is not None else ())
        ),
        labelled("Hint", question.hint),
    ]
    return "\n\n".join(block for block in blocks if block)


def _key_points(points: Sequence[str]) -> str:
    if not points:
        return ""
    return "**Key points**\n\n" + "\n".join(f"- {inline(point)}" for point in points)


def _story(story: Story, questions: dict[int, Question], number: int) -> str:
    answers = [inline(questions[qid].text) for qid in story.question_ids if qid in questions]
    facts = _bullets(
        [
            ("Tags", inline(", ".join(story.tags))),
            ("Told", told_words(story.told)),
        ]
    )
    blocks = [
        f"### {number}. {inline(story.title)}",
        facts,
        *(labelled(name, text) for name, text in story.parts()),
        "**Answers**\n\n" + "\n".join(f"- {text}" for text in answers) if answers else "",
    ]
    return "\n\n".join(block for block in blocks if block)


def stories_markdown(stories: Sequence[Story], questions: Iterable[Question]) -> str:
    """The story bank, each story in its four parts and the questions it answers."""
    by_id = {q.id: q for q in questions if q.id is not None}
    return section("Stories", (_story(story, by_id, n) for n, story in enumerate(stories, start=1)))


def questions_markdown(
    questions: Sequence[Question], interviews: Iterable[Interview], now: datetime
) -> str:
    """The question bank in the order the questions were added, each with its current answer."""
    by_id = {i.id: i for i in interviews if i.id is not None}
    ordered = sorted(questions, key=lambda q: (q.added_at, q.id or 0))
    return section(
        "Question bank",
        (_question(q, by_id, now, n) for n, q in enumerate(ordered, start=1)),
    )


def thoughts_markdown(thoughts: Sequence[Thought], tz: tzinfo | None) -> str:
    """The parked thoughts, the first parked first, each with what became of it."""
    lines = []
    for thought in thoughts:
        words = [f"parked {long_day(thought.parked_at.astimezone(tz).date())}"]
        if thought.times > 1:
            words.append(f"{thought.times} times")
        if thought.answered_on is not None and thought.state != ThoughtState.WAITING:
            done = "let go" if thought.state == ThoughtState.LET_GO else "acted on"
            words.append(f"{done} {long_day(thought.answered_on)}")
        if thought.turned_out is not None and thought.turned_out != TurnedOut.SKIPPED:
            label = thought.turned_out.label
            words.append(f"turned out: {label[0].lower()}{label[1:]}")
        lines.append(f"- {inline(thought.text)} ({', '.join(words)})")
    return section("Parked thoughts", ["\n".join(lines)] if lines else [])
