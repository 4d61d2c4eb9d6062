"""What the summary says about practice: one calm action when questions are due.

Kept apart from `practice` (which builds on the `fsrs` scheduler) so that the
summary, which only counts what is due, never loads the scheduler.
"""

from __future__ import annotations

from companion.domain.actions import Action


def practice_sentence(due: int) -> str:
    """The summary's practice action, calm: no counts of days, no urgency."""
    if due == 1:
        return "Practise one question out loud; it is ready when you are."
    return f"Practise {due} questions out loud; they are ready when you are."


def practice_actions(due: int) -> tuple[Action, ...]:
    """The summary's practice action, when something is due."""
    if due <= 0:
        return ()
    return (Action(kind="practice", text=practice_sentence(due), target="practice"),)
