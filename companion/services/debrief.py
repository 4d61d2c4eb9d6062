"""The guided debrief: saving a step (and the interview with it), and turning a question
that tripped the user up into a practice question."""

from __future__ import annotations

from dataclasses import replace

from companion.domain.debrief import (
    Debrief,
    Practised,
    mark_debriefed,
    record_practised,
    tripped_question,
)
from companion.domain.interviews import Interview
from companion.domain.practice import Question
from companion.store.repository import Repository


def save_debrief(repo: Repository, debrief: Debrief, interview: Interview) -> Debrief:
    """Save the debrief as it is now, and the interview with it (its decision date, its
    first impressions), marked debriefed today; returns the debrief with its id."""
    with repo.batch():
        saved = repo.debriefs.save(debrief)
        marked = mark_debriefed(interview, repo.clock.today())
        if marked != repo.interviews.get(saved.interview_id):
            repo.interviews.save(marked)
    return saved


def practise_tripped(
    repo: Repository, debrief: Debrief, interview: Interview, text: str
) -> tuple[Debrief, Question]:
    """Turn a question that tripped the user up into a practice question, due now.

    The debrief keeps the question's id. Asking again for a question already
    practised returns the one there (or a new one, if that one was deleted).
    """
    known = debrief.practised_id(text)
    if known is not None:
        existing = repo.questions.get(known)
        if existing is not None:
            return debrief, existing
    now = repo.clock.now()
    with repo.batch():
        saved = repo.questions.add(tripped_question(interview, text, now))
        assert saved.id is not None
        changed = record_practised(debrief, text, saved.id, now)
        if known is not None:
            relinked = tuple(
                Practised(p.text, saved.id) if p.question_id == known else p
                for p in changed.practised
            )
            changed = replace(changed, practised=relinked)
        changed = save_debrief(repo, changed, interview)
    return changed, saved
