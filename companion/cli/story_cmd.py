"""`companion story add | list`: the story bank, STAR stories that answer many questions."""

from __future__ import annotations

import argparse
from typing import Any

from companion.cells import shorten
from companion.cli.context import Context
from companion.domain.stories import Story, new_story, parse_question_id, told_words
from companion.inert import one_line
from companion.services import stories

TITLE_WIDTH = 40


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "story",
        help="your STAR stories, each ready for the questions it answers",
        description="The story bank: add a STAR story, or list them.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a story",
        description=(
            "Add a story from your work: a situation, your task, what you did, and the "
            "result (a number helps). Link it to the questions it answers."
        ),
    )
    add.add_argument("title", metavar="TITLE", help="a short name, like 'The late launch'")
    add.add_argument("--situation", metavar="S", default="", help="where and when")
    add.add_argument("--task", metavar="T", default="", help="what was yours to do")
    add.add_argument("--action", metavar="A", default="", help="what you did")
    add.add_argument("--result", metavar="R", default="", help="how it ended")
    add.add_argument(
        "--tag", metavar="TAG", action="append", default=[], help="a tag; repeat for more"
    )
    add.add_argument(
        "--question",
        metavar="ID",
        action="append",
        default=[],
        help="a question it answers (from `companion question list`); repeat for more",
    )
    add.set_defaults(handler=run_add)
    listing = actions.add_parser(
        "list",
        help="list the stories, with the questions each answers and how often it was told",
        description="List the story bank.",
    )
    listing.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    listing.set_defaults(handler=run_list)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    story = new_story(
        args.title,
        ctx.clock.now(),
        situation=args.situation,
        task=args.task,
        action=args.action,
        result=args.result,
        tags=args.tag,
        question_ids=[parse_question_id(value) for value in args.question],
    )
    with ctx.open("write") as repo:
        saved = stories.add_story(repo, story)
    count = len(saved.question_ids)
    linked = f", for {count} question{'' if count == 1 else 's'}" if count else ""
    ctx.print(f"Saved story {saved.id}{linked}. It shows beside the questions it answers.")
    return 0


def as_json(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "tags": list(story.tags),
        "question_ids": list(story.question_ids),
        "used": story.told,
    }


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.open("read") as repo:
        stored = repo.stories.all()
    if args.json:
        ctx.print_json([as_json(s) for s in stored])
        return 0
    if not stored:
        ctx.print(
            'No stories yet. Add one with companion story add "The late launch" '
            "--situation ... --task ... --action ... --result ..."
        )
        return 0
    for story in stored:
        count = len(story.question_ids)
        answers = f"{count} question{'' if count == 1 else 's'}"
        tags = f"  ({', '.join(story.tags)})" if story.tags else ""
        ctx.print_line(
            f"{story.id:>4}  {shorten(one_line(story.title), TITLE_WIDTH):<{TITLE_WIDTH}}  "
            f"{answers:<12} {told_words(story.told)}{tags}"
        )
    return 0
