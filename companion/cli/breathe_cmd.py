"""`companion breathe`: the urge to check the inbox, met with a pause and a choice.

The urge is noted, one optional line parks what is on the user's mind until
the check-in slot, the breathing is paced (full screen, or plain lines of text
with --plain, TERM=dumb or output that is not a terminal), and the user
chooses: leave it until the slot, or look now. The exit code says which, so
that `alias mail='companion breathe && neomutt'` opens the mail only after
"look now": 0 look now; 3 leave it, or no choice made (domain/urges.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from companion.cli import plain_pacer
from companion.cli.context import Context
from companion.cli.tui import launch_tui
from companion.domain.breathing import Pattern, parse_pattern, pattern_named
from companion.domain.errors import FieldError
from companion.domain.urges import BREATHE_EXIT, EXIT_NOT_NOW, Choice, parking_note
from companion.domain.worries import leave_it_words, parse_thought
from companion.services import summary as summaries
from companion.services import urges, worries
from companion.store.errors import DatabaseLocked

if TYPE_CHECKING:
    from companion.store.repository import Repository

LOOK_WORDS = ("n", "now", "look", "look now")
LEAVE_WORDS = ("", "l", "leave", "leave it")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "breathe",
        help="the urge to check your inbox: park the thought, breathe, then choose",
        description=(
            "Note the urge to check your inbox, park what is on your mind until your "
            "check-in time, breathe (box breathing for about a minute, or the cyclic sigh "
            "for five), then choose: leave it until the check-in, or look now. "
            f"Exit code: 0 for look now; {EXIT_NOT_NOW} for leave it, or when you leave "
            "without choosing. So `alias mail='companion breathe && neomutt'` opens the "
            "mail only after look now."
        ),
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain lines of text, one a phase, instead of the full screen "
        "(also with TERM=dumb or when the output is not a terminal)",
    )
    parser.add_argument(
        "--pattern",
        metavar="box|sigh",
        help="box: 4-4-4-4, about a minute; sigh: the cyclic sigh, five minutes "
        "(default: the one in settings, else box)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    pattern = parse_pattern(args.pattern) if args.pattern is not None else None
    if args.plain or plain_pacer.wants_plain(os.environ, ctx.out):
        return run_plain(ctx, pattern)
    return launch_tui(ctx, start=f"breathe:{pattern.name}" if pattern else "breathe")


def ask(ctx: Context, stdin: TextIO | None, prompt: str) -> str | None:
    """One line typed in answer to `prompt`, without its line break; None at the end of input."""
    print(prompt, end="", file=ctx.out, flush=True)
    try:
        line = stdin.readline() if stdin is not None else ""
    except (OSError, ValueError):  # no input to be had (closed, or not readable)
        line = ""
    if not line:
        ctx.print()
        return None
    return line.rstrip("\r\n")


def ask_choice(ctx: Context, stdin: TextIO | None, leave_words: str) -> Choice | None:
    """Leave it (Enter) or look now (n); asked again after an answer it does not know."""
    prompt = f"{leave_words}? Press Enter to leave it, or type n and Enter to look now: "
    for _ in range(3):
        answer = ask(ctx, stdin, prompt)
        if answer is None:
            return None
        word = " ".join(answer.split()).lower()
        if word in LEAVE_WORDS:
            return "leave"
        if word in LOOK_WORDS:
            return "look"
        prompt = "Enter leaves it until then; n and Enter looks now: "
    return None


def run_plain(
    ctx: Context,
    pattern: Pattern | None,
    *,
    stdin: TextIO | None = None,
    sleep: plain_pacer.Sleep | None = None,
    monotonic: plain_pacer.Monotonic | None = None,
) -> int:
    """The whole pause in plain text; returns the exit code of the choice."""
    stdin = stdin if stdin is not None else sys.stdin
    now = ctx.clock.now()
    urge_id: int | None = None
    try:
        with ctx.open("write") as repo:
            settings = repo.settings.get()
            urge_id = urges.note_urge(repo)
    except DatabaseLocked:
        with ctx.open("read") as repo:
            settings = repo.settings.get()
        print(
            "Another companion has your data open, so this urge is not noted and no thought "
            "can be parked. The breathing is the same.",
            file=ctx.err,
        )
    checkin = settings.checkin_time
    pattern = pattern or pattern_named(settings.breathing_pattern)
    noted = "Noted. " if urge_id is not None else ""
    ctx.print(f"I want to check my inbox. {noted}{parking_note(checkin, now)}")
    until = leave_it_words(now, checkin).removeprefix("Leave it ")
    if urge_id is not None:
        line = ask(ctx, stdin, f"What is on your mind? One line, kept {until} (Enter skips): ")
        if line and line.strip():
            try:
                thought = parse_thought(line)
            except FieldError as error:
                print(f"companion: {error.field}: {error.message}", file=ctx.err)
            else:
                if _write(ctx, lambda repo: worries.park(repo, thought)):
                    ctx.print(f"Parked {until}. It will keep.")
    ctx.print(f"{pattern.label}: {pattern.about}. Ctrl-C stops.")
    complete = plain_pacer.pace(
        pattern,
        ctx.out,
        sleep=sleep or plain_pacer.SLEEP,
        monotonic=monotonic or plain_pacer.MONOTONIC,
    )
    ctx.print(pattern.well_spent if complete else "You stopped the breathing; that is fine.")
    with ctx.open("read") as repo:
        summary = summaries.summary(repo)
    ctx.print(summary.message)
    for number, action in enumerate(summary.actions, start=1):
        ctx.print_line(f"  {number}. {action.text}")
    leave_words = leave_it_words(ctx.clock.now(), checkin)
    choice = ask_choice(ctx, stdin, leave_words)
    if choice is not None and urge_id is not None:
        _write(ctx, lambda repo: urges.choose(repo, urge_id, choice))
    if choice == "look":
        ctx.print("Look once, then let it rest.")
    elif choice == "leave":
        ctx.print(f"{leave_words.replace('Leave it', 'Left', 1)}. Whatever is there will keep.")
    return BREATHE_EXIT[choice]


def _write(ctx: Context, change: Callable[[Repository], object]) -> bool:
    """Make one change; when another companion holds the data, say so and go on breathing."""
    try:
        with ctx.open("write") as repo:
            change(repo)
    except DatabaseLocked:
        print(
            "Another companion has your data open, so this was not kept; the rest goes on.",
            file=ctx.err,
        )
        return False
    return True
