"""What the summary says about practice: one calm action when questions are offered today.

Kept apart from `practice` (which builds on the `fsrs` scheduler) so that the
summary, which only counts what today's plan offers, never loads the scheduler.
"""

from __future__ import annotations

from datetime import date

from companion.domain.actions import Action
from companion.domain.dates import friendly
from companion.domain.interviews import Interview


def practice_sentence(
    due: int, readying: Interview | None = None, today: date | None = None, for_it: int = 0
) -> str:
    """The summary's practice action, calm: no counts of days, no urgency. `readying` is
    the interview `for_it` of the questions are brought forward for."""
    said = "one question" if due == 1 else f"{due} questions"
    ready = "it is" if due == 1 else "they are"
    if readying is not None and for_it > 0:
        when = f"{readying.company} on {friendly(readying.held_on, today)}"
        if for_it >= due:
            return f"Practise {said} out loud, getting ready for {when}."
        some = "one of them" if for_it == 1 else f"{for_it} of them"
        return f"Practise {said} out loud, {some} for {when}."
    return f"Practise {said} out loud; {ready} ready when you are."


def practice_actions(
    due: int, readying: Interview | None = None, today: date | None = None, for_it: int = 0
) -> tuple[Action, ...]:
    """The summary's practice action, when today's practice offers something."""
    if due <= 0:
        return ()
    text = practice_sentence(due, readying, today, for_it)
    return (Action(kind="practice", text=text, target="practice"),)
