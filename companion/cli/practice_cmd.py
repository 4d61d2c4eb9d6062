"""`companion practice [--mock [N]] [--interview ID | --tag T]`: open the app on practice,
or on a mock interview."""

from __future__ import annotations

import argparse

from companion.cli.context import Context
from companion.cli.tui import launch_tui
from companion.domain.errors import FieldError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "practice",
        help="open the app on practice, or a mock interview (--mock)",
        description=(
            "Open companion on the practice screen. With --mock, a mock interview: N "
            "questions (5 if N is left out) in a row, timed, with your notes only at the "
            "end; then rate each (it goes to your schedule) or call it just a run-through."
        ),
    )
    parser.add_argument(
        "--mock",
        metavar="N",
        nargs="?",
        const="5",
        default=None,
        help="a mock interview of N questions (default 5)",
    )
    about = parser.add_mutually_exclusive_group()
    about.add_argument("--interview", metavar="ID", help="the mock asks this interview's questions")
    about.add_argument("--tag", metavar="TAG", help="the mock asks questions with this tag")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.mock is None:
        if args.interview is not None or args.tag is not None:
            raise FieldError(
                "mock",
                "--interview and --tag choose a mock interview's questions; add --mock "
                "(companion practice --mock --interview ID).",
            )
        return launch_tui(ctx, start="practice")
    from companion.domain.mock import parse_mock_count
    from companion.domain.practice import parse_interview_id
    from companion.domain.tags import parse_tags

    count = parse_mock_count(args.mock)
    if args.interview is not None:
        interview_id = parse_interview_id(args.interview)
        with ctx.open("read") as repo:
            if interview_id is None or repo.interviews.get(interview_id) is None:
                raise FieldError(
                    "interview",
                    f"there is no interview {args.interview.strip()!r}; "
                    "`companion interview list --all` shows their ids.",
                )
        return launch_tui(ctx, start=f"mock:{count}:interview:{interview_id}")
    if args.tag is not None:
        tags = parse_tags([args.tag])
        if len(tags) != 1:
            raise FieldError("tag", "a mock takes one tag, like --tag leadership.")
        tag = tags[0]
        with ctx.open("read") as repo:
            if tag not in repo.questions.tags():
                raise FieldError(
                    "tag",
                    f"no question carries the tag {tag!r}; `companion question list` shows "
                    "the tags in use.",
                )
        return launch_tui(ctx, start=f"mock:{count}:tag:{tag}")
    return launch_tui(ctx, start=f"mock:{count}")
