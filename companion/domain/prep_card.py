"""The prep card: one page to read before an upcoming interview.

Who they will meet; the questions practice is bringing forward, and which have
been said out loud in the fortnight before; what the last round asked and how
it felt (the debrief and the fit reflection); the stories that fit; and a few
questions to ask them (from deck 08 and the bank), the next steps and the
timeline first (etiquette: a date to wait for makes the weeks after calmer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from companion.domain.debrief import Debrief
from companion.domain.interviews import Interview
from companion.domain.practice import Question, plan_item
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import PREP_DAYS, Prep
from companion.domain.prep import TO_ASK_TAG, last_round
from companion.domain.stories import Story

TO_ASK_SHOWN = 4
NEXT_STEPS_WORDS = "next steps"


@dataclass(frozen=True)
class PrepCard:
    interview: Interview
    meet: tuple[str, ...]
    # The questions brought forward: (text, seen in the fortnight before).
    questions: tuple[tuple[str, bool], ...]
    last_round: Interview | None
    last_questions: tuple[str, ...]
    impressions: tuple[tuple[str, str], ...]
    stories: tuple[Story, ...]
    to_ask: tuple[str, ...]

    @property
    def seen(self) -> int:
        return sum(1 for _, seen in self.questions if seen)

    @property
    def eve(self) -> date:
        return self.interview.held_on - timedelta(days=1)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def questions_to_ask(bank: Sequence[Question], deck_texts: Sequence[str]) -> tuple[str, ...]:
    """A few questions to ask them: the next steps first, then the bank's, then the deck's."""
    texts = [q.text for q in bank if TO_ASK_TAG in q.tags and not q.suspended]
    for text in deck_texts:
        if not any(_same(text, seen) for seen in texts):
            texts.append(text)
    texts.sort(key=lambda text: NEXT_STEPS_WORDS not in text.casefold())
    return tuple(texts[:TO_ASK_SHOWN])


def build_prep_card(
    interview: Interview,
    interviews: Sequence[Interview],
    questions: Sequence[Question],
    prep_ids: Sequence[int],
    stories: Sequence[Story],
    debriefs: Mapping[int, Debrief],
    deck_to_ask: Sequence[str],
    days: PracticeDays,
) -> PrepCard:
    by_id = {q.id: q for q in questions if q.id is not None}
    prep = Prep(interview.id or 0, interview.held_on, tuple(prep_ids))
    shown = tuple(
        (by_id[qid].text, prep.seen(plan_item(by_id[qid]), days))
        for qid in prep_ids
        if qid in by_id
    )
    before = last_round(interview, interviews)
    last_questions: tuple[str, ...] = ()
    impressions: list[tuple[str, str]] = []
    if before is not None and before.id is not None:
        debrief = debriefs.get(before.id)
        if debrief is not None and debrief.questions:
            last_questions = debrief.questions
        else:
            last_questions = tuple(q.text for q in questions if q.interview_id == before.id)
        if debrief is not None:
            impressions.extend(
                (label, text)
                for label, text in (
                    ("How it went", debrief.went),
                    ("What went well", debrief.went_well),
                    ("Delivery", debrief.delivery),
                )
                if text
            )
        if before.fit.brief():
            impressions.append(("How it felt", before.fit.brief()))
        if before.fit.note:
            impressions.append(("A note", before.fit.note))
    wanted_tags = set(interview.tags) | {
        tag for qid in prep_ids if qid in by_id for tag in by_id[qid].tags
    }
    prep_set = set(prep_ids)
    linked = [s for s in stories if prep_set & set(s.question_ids)]
    sharing = [s for s in stories if s not in linked and wanted_tags & set(s.tags)]
    fitting = sorted(linked, key=lambda s: (s.told, s.id or 0)) + sorted(
        sharing, key=lambda s: (s.told, s.id or 0)
    )
    return PrepCard(
        interview=interview,
        meet=interview.interviewers,
        questions=shown,
        last_round=before,
        last_questions=last_questions,
        impressions=tuple(impressions),
        stories=tuple(fitting),
        to_ask=questions_to_ask(questions, deck_to_ask),
    )


def practice_sentence(card: PrepCard, today: date) -> str:
    """How practice is getting the person ready, in a sentence; no alarm."""
    count = len(card.questions)
    if count == 0:
        return (
            "No questions are linked to it yet. Add the ones you expect (n in the bank), "
            "or give the interview tags so a few from the starter decks come up."
        )
    said = "one question" if count == 1 else f"{count} questions"
    if card.seen == count:
        return f"Practice brought {said} forward, and you have said each out loud. Well prepared."
    left = count - card.seen
    done = "none yet" if card.seen == 0 else str(card.seen)
    return (
        f"Practice brings {said} forward, spread over the days before it. Said out loud "
        f"in the last {PREP_DAYS} days: {done}; {left} to go."
    )
