"""Writing that helps: the self-compassion prompt and the four-day writing programme.

The words are companion's own. What they draw on, and what those studies found
(no more), is in the README: expressive writing about losing a job (Spera,
Buhrfeind and Pennebaker 1994) and self-compassionate writing about setbacks in
a job search (Kreemers et al. 2020).

The programme is four prompts about the search, one a day at most, about
twenty minutes each. Any prompt can be skipped and any day missed: the next
prompt simply waits for a later day. Nothing counts days in a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Offered once, after a rejection or a move-on, in the reflection.
SELF_COMPASSION = (
    "If a friend told you this had just happened to them, what would you say to them? "
    "Write it to yourself, in those words."
)
SELF_COMPASSION_TAG = "self-compassion"

PROGRAMME_TAG = "writing programme"
PROGRAMME_MINUTES = 20
PROMPTS: tuple[str, ...] = (
    "Write about the search as it is for you now: your deepest thoughts and feelings "
    "about it, and how it reaches into the rest of your life.",
    "Write about the hardest moment of the search so far: what happened, what you felt "
    "then, and what you feel about it today.",
    "Write about what this time has shown you: about yourself, about the work you want, "
    "and about the people around you.",
    "Write about the search as you might see it a year from now, looking back: what "
    "you would understand then, and what you would want to tell yourself today.",
)
ABOUT_PROGRAMME = (
    "Four prompts about your search, one a day at most. Write freely; only you will read "
    "it. Skip any prompt or any day: the next one waits."
)


@dataclass(frozen=True)
class Step:
    """One prompt of the programme answered: written (an entry in the journal) or skipped."""

    round: int
    prompt: int
    """1 to 4."""
    on: date
    written: bool
    entry_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Programme:
    """Where the programme stands today."""

    round: int
    taken: int
    """Prompts of this round written or skipped."""
    taken_today: bool

    @property
    def finished(self) -> bool:
        return self.taken >= len(PROMPTS)

    @property
    def started(self) -> bool:
        return self.taken > 0

    @property
    def prompt(self) -> int | None:
        """The prompt to offer today (1 to 4), or None: one was taken today, or all four are."""
        if self.taken_today or self.finished:
            return None
        return self.taken + 1


def programme(steps: Iterable[Step], today: date) -> Programme:
    every = list(steps)
    if not every:
        return Programme(round=1, taken=0, taken_today=False)
    current = max(step.round for step in every)
    this_round = [step for step in every if step.round == current]
    return Programme(
        round=current,
        taken=len({step.prompt for step in this_round}),
        taken_today=any(step.on == today for step in every),
    )


def begin_again(state: Programme) -> Programme:
    """A new round of the four, after the last one was finished."""
    return Programme(round=state.round + 1, taken=0, taken_today=state.taken_today)


def step(state: Programme, today: date, *, written: bool, entry_id: int | None = None) -> Step:
    prompt = state.prompt
    if prompt is None:
        raise ValueError("no prompt is open today")
    return Step(state.round, prompt, today, written, entry_id)


def status_line(state: Programme) -> str:
    """Where it stands, in words that never count days in a row."""
    total = len(PROMPTS)
    if state.finished:
        return f"You have been through all {total} prompts. You can begin again whenever you like."
    if state.taken_today:
        return f"Prompt {state.taken + 1} of {total} waits for another day, whenever suits you."
    if not state.started:
        return f"{total} prompts about your search, one a day at most. None is owed."
    return f"Prompt {state.taken + 1} of {total} is here whenever you want it."


def journal_line(state: Programme) -> str | None:
    """The journal's quiet line while a prompt is there for today; nothing otherwise."""
    if state.prompt is None:
        return None
    if not state.started:
        return "A four-day writing programme about your search, if you like: W."
    return f"Writing programme: prompt {state.prompt} of {len(PROMPTS)} is here when you like (W)."


def write_until(now: datetime) -> str:
    """About twenty minutes from `now`, said as a time: "until about 17:50"."""
    end = now + timedelta(minutes=PROGRAMME_MINUTES)
    end += timedelta(minutes=-end.minute % 5)
    return f"until about {end:%H:%M}"
