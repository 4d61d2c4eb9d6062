"""`companion summary`: the calm summary as text, JSON or one short line."""

from __future__ import annotations

import argparse
from typing import Any

from companion import answers
from companion.cli import kept
from companion.cli.context import Context
from companion.domain.applications import week_count
from companion.domain.summary import Summary
from companion.inert import one_line
from companion.services import summary as summaries
from companion.services.access import Repository

KEEP_APPLYING = "Keep applying until an offer is in writing."
# Day one (calm.md, rule 9): how to begin, said where the app says "n logs it".
START = (
    "Had an interview? companion interview add --company C --role R --on DATE logs it "
    "(the app: n on home)."
)
SHORT_START = "had an interview? companion interview add"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "summary",
        help="what, if anything, needs you today",
        description="The calm summary: what is worth doing today, and what can wait.",
    )
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    shape.add_argument(
        "--short", action="store_true", help="one line, for a shell prompt or a tmux status bar"
    )
    parser.set_defaults(handler=run)


def as_json(summary: Summary) -> dict[str, Any]:
    from companion.cli.interview_cmd import interview_json  # --json only: --short is hot

    return {
        "message": summary.message,
        "actions": [{"kind": a.kind, "text": a.text} for a in summary.actions],
        "suggestion": summary.suggestion,
        "waiting": [interview_json(row) for row in summary.waiting],
        "practice_due": summary.practice_due,
        "applied_this_week": summary.applied_this_week,
        "weekly_goal": summary.weekly_goal,
        "rest": summary.rest,
        "checkin": summary.checkin,
        "urges_today": summary.urges_today,
        "urges_last_14_days": list(summary.urges),
        "start": START if summary.first_day else None,
        "more": summary.more,
    }


def _things_today(count: int) -> str:
    return "nothing today" if count == 0 else f"{count} thing{'s' if count > 1 else ''} today"


def short_line(summary: Summary) -> str:
    """One line for a prompt or a status bar; zero counts are left out."""
    parts = [_things_today(len(summary.actions) + summary.more)]
    if summary.first_day:
        parts.append(SHORT_START)
    if summary.practice_due:
        parts.append(f"{summary.practice_due} to practise")
    if summary.coming_up:
        parts.append(f"{len(summary.coming_up)} coming up")
    if summary.waiting_to_hear:
        parts.append(f"{len(summary.waiting_to_hear)} waiting")
    return "companion: " + " · ".join(parts)


def as_text(summary: Summary) -> str:
    """The summary to read: a line each, whatever line breaks the names in it hold."""
    lines = [summary.message, ""]
    if summary.first_day:
        lines.extend([START, ""])
    for number, action in enumerate(summary.actions, start=1):
        lines.append(f"  {number}. {action.text}")
    if summary.more:
        lines.append(f"  and {summary.more} more: companion interview list")
    if summary.suggestion:
        lines.append(f"A kind use of the time: {summary.suggestion}")
    for title, rows in (
        ("Coming up:", summary.coming_up),
        ("Waiting to hear:", summary.waiting_to_hear),
    ):
        if rows:
            lines.append("")
            lines.append(title)
            lines.extend(f"  {row.interview.title}: {row.timeline.next_step}" for row in rows)
    if summary.weekly_goal:
        lines.append("")
        count = week_count(summary.applied_this_week, summary.weekly_goal)
        lines.append(f"Applied this week: {count}. {summary.rest or KEEP_APPLYING}")
    if summary.checkin:
        lines.append("")
        lines.append(summary.checkin)
    return "\n".join(one_line(line) for line in lines).rstrip()


def _short(repo: Repository) -> str:
    return short_line(summaries.summary(repo))


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.short:
        ctx.print(kept.answer(ctx, answers.SUMMARY_SHORT, _short))
        return 0
    with ctx.open("read") as repo:
        summary = summaries.summary(repo)
    if args.json:
        ctx.print_json(as_json(summary))
    else:
        ctx.print(as_text(summary))
    return 0
