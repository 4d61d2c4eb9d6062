"""Worry time: park a thought until the check-in slot, offer it there once, keep the answer.

The rules are domain/worries.py's; the slot is the user's inbox check (settings),
or 17:00 when none is set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from companion.domain import worries
from companion.domain.worries import Offer, Thought, TurnedOut

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers

Answer = Literal["do", "let_go", "keep"]


def park(repo: Repository, text: str) -> Thought:
    """Park `text` now: a new thought, or the same one that waits, counted up."""
    now = repo.clock.now()
    checkin = repo.settings.get().checkin_time
    thought = worries.park(repo.worries.waiting(), text, now, checkin)
    if thought.id is None:
        return repo.worries.add(thought)
    repo.worries.save(thought)
    return thought


def offer(repo: Repository) -> Offer:
    """What the check-in slot brings now: nothing before today's slot (and nothing read)."""
    now = repo.clock.now()
    checkin = repo.settings.get().checkin_time
    if not worries.slot_has_come(now, checkin):
        return Offer()
    return worries.offer(repo.worries.all(), now, checkin)


def answer(repo: Repository, thought: Thought, chosen: Answer) -> Thought:
    """Do something about it, let it go, or keep it for tomorrow's slot."""
    today = repo.clock.today()
    changed = {
        "do": worries.did_something,
        "let_go": worries.let_go,
        "keep": worries.keep_for_tomorrow,
    }[chosen](thought, today)
    repo.worries.save(changed)
    return changed


def look_back(repo: Repository, thought: Thought, turned_out: TurnedOut) -> Thought:
    """How a thought let go a week ago turned out (or that the question was skipped)."""
    changed = worries.looked_back(thought, turned_out)
    repo.worries.save(changed)
    return changed
