"""`companion question add | list`: capture a question that tripped you up, and see the bank."""

from __future__ import annotations

import argparse
from typing import Any

from companion.cells import shorten
from companion.cli.context import Context
from companion.clock import utc
from companion.domain.practice import (
    Question,
    new_question,
    next_due,
    parse_interview_id,
    question_when,
    when_phrase,
)
from companion.domain.practice_days import PracticeDays
from companion.inert import one_line
from companion.services import practice

TEXT_WIDTH = 58


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "question",
        help="add a question that tripped you up, or list the bank",
        description="The practice question bank: add a question, or list them.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a question; it is ready to practise at once",
        description=(
            "Add a question that tripped you up. It is ready to practise at once "
            "(companion practice)."
        ),
    )
    add.add_argument("text", metavar="TEXT", help="the question, as you remember it")
    add.add_argument("--interview", metavar="ID", help="the interview it came from")
    add.add_argument(
        "--tag", metavar="TAG", action="append", default=[], help="a tag; repeat for more"
    )
    add.add_argument("--answer", metavar="TEXT", default="", help="your answer so far")
    add.add_argument(
        "--key-point",
        metavar="TEXT",
        action="append",
        default=[],
        dest="key_points",
        help="a point the answer must make; repeat for more (ticked after rehearsing)",
    )
    add.set_defaults(handler=run_add)
    listing = actions.add_parser(
        "list",
        help="list the questions and when each comes up",
        description="List the question bank, soonest first.",
    )
    listing.add_argument("--due", action="store_true", help="only the questions due now")
    listing.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    listing.set_defaults(handler=run_list)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.clock.now()
    question = new_question(
        args.text,
        now,
        tags=args.tag,
        interview_id=parse_interview_id(args.interview),
        answer=args.answer,
        key_points=args.key_points,
    )
    with ctx.open("write") as repo:
        saved = practice.add_question(repo, question)
    ctx.print(
        f"Saved question {saved.id}. It is ready to practise now, whenever suits you: "
        "companion practice"
    )
    return 0


def as_json(question: Question, days: PracticeDays) -> dict[str, Any]:
    """`due` is the card's moment in UTC; `due_on` the local day it is ready."""
    return {
        "id": question.id,
        "text": question.text,
        "tags": list(question.tags),
        "interview_id": question.interview_id,
        "due": utc(question.due).isoformat(),
        "due_on": question.due_on(days).isoformat(),
        "suspended": question.suspended,
        "key_points": list(question.key_points),
    }


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    now = ctx.clock.now()
    with ctx.open("read") as repo:
        questions = repo.questions.all()
        days = PracticeDays.at(now, repo.settings.get().day_starts)
    questions.sort(key=lambda q: (q.suspended, q.due, q.id or 0))
    shown = [q for q in questions if q.is_due(now, days)] if args.due else questions
    if args.json:
        ctx.print_json([as_json(q, days) for q in shown])
        return 0
    if not questions:
        ctx.print(
            "Your question bank is empty. Add a question that tripped you up with "
            'companion question add "..." or a starter deck with companion import --list.'
        )
        return 0
    if not shown:
        upcoming = next_due(questions, now, days)
        later = f" The next one comes up {when_phrase(upcoming, now, days)}." if upcoming else ""
        ctx.print(f"Nothing to practise right now.{later}")
        return 0
    for question in shown:
        when = question_when(question, now, days)
        tags = f"  ({', '.join(question.tags)})" if question.tags else ""
        ctx.print_line(
            f"{question.id:>4}  {when:<12} {shorten(one_line(question.text), TEXT_WIDTH)}{tags}"
        )
    return 0
