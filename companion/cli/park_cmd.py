"""`companion park TEXT` and `companion parked`: worry time from the shell.

A parked thought waits, unseen, for the next check-in slot (the inbox check
in settings, else 17:00); then the app's home offers it once. The same thought
parked again counts up on the one that waits (domain/worries.py).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from typing import Any

from companion.cli.context import Context
from companion.domain.dates import friendly
from companion.domain.worries import (
    State,
    Thought,
    leave_it_words,
    parse_thought,
    slot_on,
)
from companion.services import worries

STATE_WORDS = {State.WAITING: "waiting", State.DONE: "done", State.LET_GO: "let go"}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    park = commands.add_parser(
        "park",
        help="park a worry until your check-in time",
        description=(
            "Write down what is on your mind and let it wait, unseen, until your daily "
            "check-in time (settings; 17:00 when none is set). Then the app's home offers "
            "it once: do something, let it go, or keep it for tomorrow. The same thought "
            "parked again is counted on the one that waits."
        ),
    )
    park.add_argument("text", nargs="+", metavar="TEXT", help="the thought, in a line")
    park.set_defaults(handler=run_park)
    parked = commands.add_parser(
        "parked",
        help="list the thoughts you parked",
        description="The thoughts waiting for your check-in time; --all adds the answered ones.",
    )
    parked.add_argument("--all", action="store_true", help="also the ones already answered")
    parked.add_argument("--json", action="store_true", help="print JSON for scripts")
    parked.set_defaults(handler=run_parked)


def run_park(args: argparse.Namespace, ctx: Context) -> int:
    text = parse_thought(" ".join(args.text))
    now = ctx.clock.now()
    with ctx.open("write") as repo:
        checkin = repo.settings.get().checkin_time
        thought = worries.park(repo, text)
    until = leave_it_words(now, checkin).removeprefix("Leave it ")
    if thought.times > 1:
        ctx.print(f"Parked {until}, with the same thought from before ({thought.times} times now).")
    else:
        ctx.print(f"Parked {until}. It waits there, unseen; nothing is lost by waiting.")
    return 0


def offered_at(thought: Thought, checkin: time | None, now: datetime) -> datetime:
    return slot_on(thought.offer_on, checkin, now)


def thought_json(thought: Thought, checkin: time | None, now: datetime) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": thought.id,
        "text": thought.text,
        "times": thought.times,
        "parked_at": thought.parked_at.isoformat(),
        "last_parked_at": thought.last_parked_at.isoformat() if thought.last_parked_at else None,
        "state": str(thought.state),
        "offer_at": offered_at(thought, checkin, now).isoformat()
        if thought.state == State.WAITING
        else None,
        "answered_on": day(thought.answered_on),
        "turned_out": str(thought.turned_out) if thought.turned_out else None,
    }


def _when(thought: Thought, checkin: time | None, now: datetime) -> str:
    today = now.date()
    if thought.state == State.WAITING:
        at = offered_at(thought, checkin, now)
        day = "today" if at.date() == today else friendly(at.date(), today)
        return f"until {at:%H:%M} {day}"
    answered = friendly(thought.answered_on, today) if thought.answered_on else ""
    return f"{STATE_WORDS[thought.state]} {answered}".strip()


def run_parked(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.clock.now()
    with ctx.open("read") as repo:
        checkin = repo.settings.get().checkin_time
        every = repo.worries.all()
    shown = every if args.all else [t for t in every if t.state == State.WAITING]
    if args.json:
        ctx.print_json([thought_json(t, checkin, now) for t in shown])
        return 0
    if not shown:
        more = " (the answered ones: --all)" if every else ""
        ctx.print(
            f'No thought is waiting{more}. companion park "..." parks one until your check-in time.'
        )
        return 0
    rows = [(t, _when(t, checkin, now)) for t in shown]
    width = max(len(when) for _, when in rows)
    for thought, when in rows:
        times = f" ({thought.times} times)" if thought.times > 1 else ""
        label = thought.turned_out.label if thought.turned_out else ""
        turned = f" · {label[0].lower()}{label[1:]}" if label else ""
        ctx.print_line(f"{thought.id:>4}  {when:<{width}}  {thought.text}{times}{turned}")
    return 0
