"""`companion apply`: log an application from the shell, right after sending it."""

from __future__ import annotations

import argparse

from companion.cli.context import Context
from companion.domain.applications import STATUS_WORDS, parse_application
from companion.domain.dates import friendly
from companion.services import applications
from companion.services import summary as summaries


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "apply",
        help="log an application you sent",
        description=(
            "Log an application. It counts toward this week's applying goal "
            "(Monday to Sunday) until an offer is accepted."
        ),
    )
    parser.add_argument("--company", required=True, metavar="C", help="the company")
    parser.add_argument("--role", required=True, metavar="R", help="the role")
    parser.add_argument(
        "--on", default="today", metavar="DATE", help="when you applied (default: today)"
    )
    parser.add_argument("--source", default="", metavar="S", help="where you found it")
    parser.add_argument("--link", default="", metavar="URL", help="the job ad")
    parser.add_argument("--notes", default="", metavar="TEXT", help="anything to remember")
    parser.add_argument(
        "--status",
        default="applied",
        metavar="STATUS",
        help=f"one of {', '.join(w.replace('_', '-') for w in STATUS_WORDS)} (default: applied)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    today = ctx.clock.today()
    application = parse_application(
        today,
        company=args.company,
        role=args.role,
        applied_on=args.on,
        source=args.source,
        link=args.link,
        notes=args.notes,
        status=args.status,
    )
    with ctx.open("write") as repo:
        saved = applications.log_application(repo, application)
        summary = summaries.summary(repo)
    ctx.print_line(
        f"Logged #{saved.id}: {saved.role} at {saved.company}, "
        f"applied {friendly(saved.applied_on, today)}."
    )
    if summary.weekly_goal:
        ctx.print(f"This week: {summary.applied_this_week} of {summary.weekly_goal}.")
    if summary.rest:
        ctx.print(summary.rest)
    return 0
