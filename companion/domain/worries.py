"""Worry time: a thought parked now, looked at once in the daily check-in slot.

Worry postponement (Borkovec et al. 1983; McGowan and Behar 2013) asks people
to note a worry when it comes and to give it time only in one daily slot. Here
the slot is the user's inbox check, and a thought parked before today's check
waits for it; one parked after it waits for tomorrow's. With no check-in time
set, thoughts wait for `DEFAULT_SLOT` (17:00): a fixed daily time is what the
method asks for, and late afternoon keeps worry away from the night. The
breathing says that time, and settings can change it.

At the slot, home offers each waiting thought once, with three answers: do
something (open the interview it names, or the draft of the note it asks for
now), let it go, or keep it for tomorrow.
A week after it was let go, a thought asks once how it turned out.

"The same" thought parked again is the same words once case, accents that
change nothing (NFKC), punctuation and spacing are set aside (`same_key`): it
counts up on the thought that is waiting instead of adding another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from companion.domain.dates import friendly
from companion.domain.interviews import Interview
from companion.domain.long_text import parse_line

if TYPE_CHECKING:
    from companion.domain.drafts import DraftKind

DEFAULT_SLOT = time(17, 0)
FOLLOW_UP_DAYS = 7
MAX_THOUGHT_LENGTH = 500
_NOT_WORD = re.compile(r"[^\w]+")


class State(StrEnum):
    WAITING = "waiting"
    DONE = "done"
    """The user chose to do something about it."""
    LET_GO = "let_go"


class TurnedOut(StrEnum):
    """The answer to "how did it turn out?", asked once, a week after letting go."""

    BETTER = "better"
    AS_FEARED = "as_feared"
    NOT_YET = "not_yet"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return TURNED_OUT_LABELS[self]


TURNED_OUT_LABELS = {
    TurnedOut.BETTER: "Better than I feared",
    TurnedOut.AS_FEARED: "About as I feared",
    TurnedOut.NOT_YET: "I do not know yet",
    TurnedOut.SKIPPED: "Skipped",
}


@dataclass(frozen=True)
class Thought:
    """One parked thought. Times are UTC; `offer_on` is the local day whose slot it waits for."""

    text: str
    parked_at: datetime
    offer_on: date
    last_parked_at: datetime | None = None
    times: int = 1
    """How many times this same thought was parked while it waited."""
    state: State = State.WAITING
    answered_on: date | None = None
    turned_out: TurnedOut | None = None
    id: int | None = None

    @property
    def key(self) -> str:
        return same_key(self.text)


def parse_thought(text: str) -> str:
    return parse_line(
        text,
        "thought",
        empty="it is empty; write a few words, or leave it for now.",
        limit=MAX_THOUGHT_LENGTH,
        keep=f"a thought under {MAX_THOUGHT_LENGTH} (the journal holds longer writing).",
    )


def same_key(text: str) -> str:
    """What two parkings of the same worry share: lower case, no punctuation, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).replace("_", " ").split())


def slot_time(checkin: time | None) -> time:
    return checkin or DEFAULT_SLOT


def slot_on(day: date, checkin: time | None, now: datetime) -> datetime:
    """The moment of `day`'s slot, in `now`'s time zone."""
    return datetime.combine(day, slot_time(checkin), tzinfo=now.tzinfo)


def next_slot(now: datetime, checkin: time | None) -> datetime:
    """Today's slot if it is still to come, else tomorrow's."""
    today = slot_on(now.date(), checkin, now)
    return today if now < today else slot_on(now.date() + timedelta(days=1), checkin, now)


def leave_it_words(now: datetime, checkin: time | None) -> str:
    """The end-of-breathing choice: "Leave it until 17:00" (or "until 17:00 tomorrow")."""
    moment = next_slot(now, checkin)
    tomorrow = " tomorrow" if moment.date() != now.date() else ""
    return f"Leave it until {moment:%H:%M}{tomorrow}"


def park(waiting: Iterable[Thought], text: str, now: datetime, checkin: time | None) -> Thought:
    """The thought to store: the waiting one with the same words, counted up, or a new one.

    `now` is local; the stored times are UTC (`clock.utc` is applied by the store).
    """
    words = parse_thought(text)
    key = same_key(words)
    for thought in waiting:
        if thought.state == State.WAITING and thought.key == key:
            return replace(thought, times=thought.times + 1, last_parked_at=now)
    return Thought(text=words, parked_at=now, offer_on=next_slot(now, checkin).date())


def is_due(thought: Thought, now: datetime, checkin: time | None) -> bool:
    """Waiting, and the slot of its day has come."""
    return thought.state == State.WAITING and now >= slot_on(thought.offer_on, checkin, now)


def asks_how_it_went(thought: Thought, now: datetime, checkin: time | None) -> bool:
    """Let go a week or more ago and not yet asked: asked at a slot, once."""
    if thought.state != State.LET_GO or thought.turned_out is not None:
        return False
    if thought.answered_on is None:
        return False
    return now >= slot_on(thought.answered_on + timedelta(days=FOLLOW_UP_DAYS), checkin, now)


@dataclass(frozen=True)
class Offer:
    """What the check-in slot brings: thoughts to answer, and let-go ones to look back on."""

    parked: tuple[Thought, ...] = ()
    looking_back: tuple[Thought, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.parked or self.looking_back)

    def __len__(self) -> int:
        return len(self.parked) + len(self.looking_back)


def slot_has_come(now: datetime, checkin: time | None) -> bool:
    """Today's slot has begun: thoughts are offered from then until the day ends.

    A thought whose slot was missed (the app was not opened that evening) waits
    for the next slot, not for the next morning.
    """
    return now >= slot_on(now.date(), checkin, now)


def offer(thoughts: Iterable[Thought], now: datetime, checkin: time | None) -> Offer:
    """Everything to show at this slot, oldest first; nothing before today's slot."""
    if not slot_has_come(now, checkin):
        return Offer()
    every = sorted(thoughts, key=lambda t: (t.parked_at, t.id or 0))
    return Offer(
        parked=tuple(t for t in every if is_due(t, now, checkin)),
        looking_back=tuple(t for t in every if asks_how_it_went(t, now, checkin)),
    )


def let_go(thought: Thought, today: date) -> Thought:
    return replace(thought, state=State.LET_GO, answered_on=today)


def did_something(thought: Thought, today: date) -> Thought:
    return replace(thought, state=State.DONE, answered_on=today)


def keep_for_tomorrow(thought: Thought, today: date) -> Thought:
    """Waits for tomorrow's slot; also what happens to a thought shown and not answered."""
    return replace(thought, offer_on=today + timedelta(days=1))


def looked_back(thought: Thought, answer: TurnedOut) -> Thought:
    return replace(thought, turned_out=answer)


@dataclass(frozen=True)
class Doing:
    """What "do something" opens for a thought: a place in the app, by its target."""

    words: str
    target: str


def doing_for(
    thought: Thought,
    interviews: Iterable[Interview],
    note_for: Callable[[Interview], DraftKind | None] | None = None,
) -> Doing:
    """The open interview the thought names (its company, as words), else the waiting room.

    When that interview's current action asks for a note (`note_for`: a thank-you,
    a check-in, asking for feedback; issue 16), "do something" opens the draft of
    that note instead: the next step after the worry is the note itself.
    """
    words = f" {thought.key} "
    named = [
        interview
        for interview in interviews
        if interview.is_open
        and interview.id is not None
        and (company := same_key(interview.company))
        and f" {company} " in words
    ]
    if len(named) == 1:
        interview = named[0]
        kind = note_for(interview) if note_for is not None else None
        if kind is not None:
            what = kind.heading[:1].lower() + kind.heading[1:]
            return Doing(
                f"Write the note for {interview.title}: {what}",
                f"draft:{interview.id}:{kind.value}",
            )
        return Doing(f"Open {interview.title}", f"interview:{interview.id}")
    return Doing("Open the waiting room", "waiting")


def parked_words(thought: Thought, today: date, tz_now: datetime) -> str:
    """When it was parked, and how often, in words: "parked today at 10:12, 3 times"."""
    local = thought.parked_at.astimezone(tz_now.tzinfo)
    day = "today" if local.date() == today else friendly(local.date(), today)
    times = f", {thought.times} times" if thought.times > 1 else ""
    return f"parked {day} at {local:%H:%M}{times}"
