"""The guided debrief: writing an interview down while it is fresh (etiquette rule 6).

Seven steps, each skippable, saved one at a time so that leaving half way loses
nothing and coming back resumes at the step the user left (`Debrief.step`):

1. how it went, in a sentence, and a mood;
2. the questions they asked;
3. the ones that tripped the user up: each becomes a practice question, due now,
   linked to the interview (`Practised` keeps the link);
4. what went well, to do more of, and something they talked about (the
   interview's `talked_about`, which the thank-you note builds on);
5. body language and delivery;
6. whether the user asked about the next steps and the timeline: a date given
   becomes the interview's decision date; "no" leaves a kind reminder;
7. first impressions of the company, the job, the people, the manager and the
   commute: these are the interview's fit reflection (`domain/fit.py`), written
   there and not copied here.

The debrief itself is plain data; the functions below return changed copies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from companion.domain.dates import friendly, parse_date
from companion.domain.errors import FieldError
from companion.domain.fit import ASPECT_LABELS, ASPECT_QUESTIONS, parse_score
from companion.domain.interviews import Interview, check_decision_by, parse_talked_about
from companion.domain.mood import mood_word, parse_mood
from companion.domain.practice import (
    MAX_QUESTION_LENGTH,
    MAX_TAG_LENGTH,
    Question,
    new_question,
    parse_long_text,
)
from companion.domain.timeline import debrief_hint

STEPS = ("how", "questions", "tripped", "well", "delivery", "next_steps", "impressions")
DONE = "done"
STEP_TITLES = {
    "how": "How it went",
    "questions": "The questions they asked",
    "tripped": "The ones that tripped you up",
    "well": "What went well",
    "delivery": "Body language and delivery",
    "next_steps": "Next steps and the timeline",
    "impressions": "First impressions",
    DONE: "Written down",
}
# First impressions: the fit aspects the debrief asks about (pay comes with an offer),
# each under its one label (`fit.ASPECT_LABELS`).
IMPRESSIONS = {aspect: aspect for aspect in ("work", "culture", "people", "manager", "commute")}
IMPRESSION_QUESTIONS = {label: ASPECT_QUESTIONS[aspect] for label, aspect in IMPRESSIONS.items()}
DEBRIEF_TAG = "debrief"
ASK_NEXT_TIME = (
    "You did not ask this time, and that is all right. Next time, it is fine to ask about "
    "the next steps and the timeline at the end of the interview."
)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Practised:
    """A question from the debrief that is now in the practice bank."""

    text: str
    question_id: int


@dataclass(frozen=True)
class Debrief:
    """One interview's debrief. Times are UTC.

    `step` is where the user is (the step to resume at, or DONE); `completed_at`
    is set the first time they reach the end. `decision_by` is the date they
    were given, kept for the record; the interview's own is the one in force.
    """

    interview_id: int
    started_at: datetime
    updated_at: datetime
    step: str = STEPS[0]
    completed_at: datetime | None = None
    went: str = ""
    mood: int | None = None
    questions: tuple[str, ...] = ()
    practised: tuple[Practised, ...] = ()
    went_well: str = ""
    delivery: str = ""
    asked_next_steps: bool | None = None
    next_steps: str = ""
    decision_by: date | None = None
    id: int | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def practised_id(self, text: str) -> int | None:
        wanted = text.casefold()
        for item in self.practised:
            if item.text.casefold() == wanted:
                return item.question_id
        return None

    @property
    def candidates(self) -> tuple[str, ...]:
        """The questions to pick from on the tripped step: those asked, then any practised since."""
        asked = {q.casefold() for q in self.questions}
        extra = tuple(p.text for p in self.practised if p.text.casefold() not in asked)
        return (*self.questions, *extra)


def start_debrief(interview: Interview, now: datetime) -> Debrief:
    if interview.id is None:
        raise ValueError("only a saved interview can be debriefed")
    moment = now.astimezone(UTC)
    return Debrief(interview_id=interview.id, started_at=moment, updated_at=moment)


def _touched(debrief: Debrief, now: datetime, **changes: object) -> Debrief:
    return replace(debrief, updated_at=now.astimezone(UTC), **changes)  # type: ignore[arg-type]


def step_number(step: str) -> int:
    """1 to 7 for the steps; 8 for the end."""
    return STEPS.index(step) + 1 if step in STEPS else len(STEPS) + 1


def following(step: str) -> str:
    index = STEPS.index(step) if step in STEPS else len(STEPS)
    return STEPS[index + 1] if index + 1 < len(STEPS) else DONE


def preceding(step: str) -> str:
    index = STEPS.index(step) if step in STEPS else len(STEPS)
    return STEPS[max(0, index - 1)]


def go_to(debrief: Debrief, step: str, now: datetime) -> Debrief:
    """Where to resume; reaching the end marks the debrief complete (once)."""
    if step != DONE and step not in STEPS:
        raise ValueError(f"no debrief step {step!r}")
    completed_at = debrief.completed_at
    if step == DONE and completed_at is None:
        completed_at = now.astimezone(UTC)
    return _touched(debrief, now, step=step, completed_at=completed_at)


# The steps. Each parses what was typed (FieldError names the field) and returns a copy.


def record_how(debrief: Debrief, went: str, mood: str | int | None, now: datetime) -> Debrief:
    return _touched(debrief, now, went=parse_long_text(went, "how it went"), mood=parse_mood(mood))


def parse_question_line(line: str, field: str = "questions") -> str:
    """One question from a line: a leading bullet or number dropped, spaces evened."""
    value = " ".join(_BULLET.sub("", line).split())
    if len(value) > MAX_QUESTION_LENGTH:
        raise FieldError(
            field,
            f"one question is {len(value)} characters; keep each under {MAX_QUESTION_LENGTH}, "
            "one question a line.",
        )
    return value


def parse_questions(text: str) -> tuple[str, ...]:
    """One question a line; blank lines and repeats dropped, order kept."""
    found: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        question = parse_question_line(line)
        if question and question.casefold() not in seen:
            seen.add(question.casefold())
            found.append(question)
    return tuple(found)


def record_questions(debrief: Debrief, text: str, now: datetime) -> Debrief:
    return _touched(debrief, now, questions=parse_questions(text))


def add_question(debrief: Debrief, text: str, now: datetime) -> Debrief:
    """One more question asked (from the tripped step); nothing changes if it is already there."""
    question = parse_question_line(text, "question")
    if not question:
        raise FieldError("question", "type the question the way it was asked, roughly.")
    if question.casefold() in {q.casefold() for q in debrief.candidates}:
        return debrief
    return _touched(debrief, now, questions=(*debrief.questions, question))


def debrief_tags(interview: Interview) -> tuple[str, ...]:
    """A debrief's practice questions are tagged `debrief` and with the company, when it fits."""
    company = " ".join(interview.company.split()).lower()
    if company and len(company) <= MAX_TAG_LENGTH and company != DEBRIEF_TAG:
        return (DEBRIEF_TAG, company)
    return (DEBRIEF_TAG,)


def tripped_question(interview: Interview, text: str, now: datetime) -> Question:
    """The practice question a tripped-up question becomes: due now, linked to the interview."""
    return new_question(
        text,
        now,
        tags=debrief_tags(interview),
        interview_id=interview.id,
        went_wrong=f"It tripped me up at {interview.company}.",
    )


def record_practised(debrief: Debrief, text: str, question_id: int, now: datetime) -> Debrief:
    if debrief.practised_id(text) is not None:
        return debrief
    return _touched(debrief, now, practised=(*debrief.practised, Practised(text, question_id)))


def record_well(debrief: Debrief, text: str, now: datetime) -> Debrief:
    return _touched(debrief, now, went_well=parse_long_text(text, "what went well"))


def record_talked_about(interview: Interview, text: str) -> Interview:
    """Something the user talked about, noted on the well step: the thank-you builds on it."""
    return replace(interview, talked_about=parse_talked_about(text, "talked about"))


def record_delivery(debrief: Debrief, text: str, now: datetime) -> Debrief:
    return _touched(debrief, now, delivery=parse_long_text(text, "body language and delivery"))


def parse_asked(text: str | bool | None, field: str = "asked") -> bool | None:
    if text is None or isinstance(text, bool):
        return text
    value = text.strip().lower()
    if not value:
        return None
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise FieldError(field, f"{text.strip()!r} is not an answer here; use yes or no, or skip it.")


def record_next_steps(
    debrief: Debrief,
    interview: Interview,
    *,
    asked: str | bool | None,
    decision_by: str,
    said: str,
    today: date,
    now: datetime,
) -> tuple[Debrief, Interview]:
    """The answer about next steps; a date given becomes the interview's decision date."""
    answer = parse_asked(asked)
    day: date | None = None
    if decision_by.strip():
        day = parse_date(decision_by, today, field="decision date")
        check_decision_by(day, interview.held_on, field="decision date")
    changed = _touched(
        debrief,
        now,
        asked_next_steps=answer,
        decision_by=day,
        next_steps=parse_long_text(said, "what they said"),
    )
    if day is not None and day != interview.decision_by:
        interview = replace(interview, decision_by=day)
    return changed, interview


def next_steps_reminder(debrief: Debrief, interview: Interview) -> str | None:
    """Rule 6's kind reminder, left by a "no" for the next interview."""
    if debrief.asked_next_steps is not False:
        return None
    return debrief_hint(interview) or ASK_NEXT_TIME


def impressions_of(interview: Interview) -> dict[str, int | None]:
    scores = interview.fit.scores()
    return {label: scores[aspect] for label, aspect in IMPRESSIONS.items()}


def record_impressions(interview: Interview, scores: Mapping[str, str], note: str) -> Interview:
    """First impressions written into the interview's fit reflection; its pay score is kept."""
    values = {
        IMPRESSIONS[label]: parse_score(scores.get(label, ""), label) for label in IMPRESSIONS
    }
    fit = replace(interview.fit, **values, note=parse_long_text(note, "first impressions"))
    return replace(interview, fit=fit)


def mark_debriefed(interview: Interview, today: date) -> Interview:
    """Saving any step stops rule 6 suggesting the debrief."""
    if interview.debriefed_on is not None:
        return interview
    return replace(interview, debriefed_on=today)


# Reading it back: the debrief as titled sections, for its view, the journal and Markdown.


@dataclass(frozen=True)
class Section:
    """A part of the debrief to show: a paragraph, a list, or both."""

    title: str
    text: str = ""
    items: tuple[str, ...] = ()


def debrief_sections(debrief: Debrief, interview: Interview, today: date) -> list[Section]:
    """What was written, step by step; steps left empty are left out."""
    found: list[Section] = []
    mood = mood_word(debrief.mood)
    if debrief.went or mood:
        feeling = f"Mood: {debrief.mood} ({mood})." if mood else ""
        found.append(Section("How it went", "\n".join(p for p in (debrief.went, feeling) if p)))
    if debrief.questions:
        found.append(Section("The questions they asked", items=debrief.questions))
    if debrief.practised:
        found.append(
            Section(
                "The ones that tripped you up",
                "Each is in your practice bank.",
                items=tuple(p.text for p in debrief.practised),
            )
        )
    if debrief.went_well:
        found.append(Section("What went well", debrief.went_well))
    if debrief.delivery:
        found.append(Section("Body language and delivery", debrief.delivery))
    next_steps = _next_steps_text(debrief, today)
    if next_steps:
        found.append(Section("Next steps and the timeline", next_steps))
    impressions = _impressions_text(interview)
    if impressions:
        found.append(Section("First impressions", impressions))
    reminder = next_steps_reminder(debrief, interview)
    if reminder:
        found.append(Section("For next time", reminder))
    return found


def _next_steps_text(debrief: Debrief, today: date) -> str:
    parts = []
    if debrief.asked_next_steps is True:
        parts.append("You asked about the next steps.")
    elif debrief.asked_next_steps is False:
        parts.append("You did not ask about the next steps this time.")
    if debrief.decision_by is not None:
        parts.append(f"They expect to decide by {friendly(debrief.decision_by, today)}.")
    first = " ".join(parts)
    return "\n".join(p for p in (first, debrief.next_steps) if p)


def _impressions_text(interview: Interview) -> str:
    scores = impressions_of(interview)
    given = " · ".join(
        f"{ASPECT_LABELS[aspect]} {score}" for aspect, score in scores.items() if score is not None
    )
    return "\n".join(p for p in (given, interview.fit.note) if p)


def debrief_text(debrief: Debrief, interview: Interview, today: date) -> str:
    """The whole debrief as plain text: for search and for the list's preview."""
    lines: list[str] = []
    for section in debrief_sections(debrief, interview, today):
        if section.text:
            lines.append(section.text)
        lines.extend(section.items)
    return "\n".join(lines)


def is_blank(debrief: Debrief) -> bool:
    """Nothing written yet: opening the debrief and leaving at once saves nothing."""
    return not (
        debrief.went
        or debrief.mood is not None
        or debrief.questions
        or debrief.practised
        or debrief.went_well
        or debrief.delivery
        or debrief.asked_next_steps is not None
        or debrief.next_steps
        or debrief.decision_by is not None
    )
