"""`companion draft`: a good first version of the note the timeline suggests.

It prints the note (`Subject: ...`, a blank line, the body) for the person to
copy, change and send themselves; companion never sends anything.
"""

from __future__ import annotations

import argparse
from typing import Any

from companion.cli.context import Context
from companion.cli.interview_cmd import parse_id
from companion.domain.drafts import FIELD_NOTES, KIND_WORDS, Draft, parse_kind
from companion.domain.errors import FieldError
from companion.services import drafts

HELP = "a draft of the note the timeline suggests, to copy and send"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    folder = drafts.shown_path(drafts.templates_folder())
    width = max(len(name) for name in FIELD_NOTES) + 3
    fields = "\n".join(
        f"  {'${' + name + '}':<{width + 2}} {about}" for name, about in FIELD_NOTES.items()
    )
    parser = commands.add_parser(
        "draft",
        help=HELP,
        description=(
            "A draft of a note for interview ID, to copy, change and send yourself;\n"
            "companion never sends anything. With no KIND, the note its current action\n"
            "asks for. KIND: thank-you, check-in, feedback, references, in-writing,\n"
            "withdraw, accept, decline or speed-up."
        ),
        epilog=(
            f"Your own templates: {folder}/KIND.txt\n"
            "(--template KIND prints the one in use, to start from). Fields:\n"
            f"{fields}\n"
            "A line that starts with ?{field} is kept only when the field is known,\n"
            "one with !{field} only when it is not; $$ is a dollar sign."
        ),
    )
    parser.add_argument("id", metavar="ID", nargs="?", help="the interview's id")
    parser.add_argument("kind", metavar="KIND", nargs="?", help=KIND_WORDS)
    parser.add_argument(
        "--to", metavar="NAME", help="whom it is to: someone you met, or a reference"
    )
    parser.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    parser.add_argument(
        "--template", metavar="KIND", help="print the template in use for KIND, and where it is"
    )
    parser.set_defaults(handler=run)


def draft_json(draft: Draft) -> dict[str, Any]:
    """`companion draft --json` (cli.md): kind, to, subject, body, mailto; and the channel."""
    return {
        "kind": draft.kind.value,
        "to": draft.to or None,
        "subject": draft.subject,
        "body": draft.body,
        "mailto": draft.mailto,
        "channel": draft.channel,
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.template is not None:
        if args.id is not None or args.json or args.to is not None:
            raise FieldError("template", "--template KIND is used alone, with no ID or flags.")
        return _print_template(args.template, ctx)
    if args.id is None:
        raise FieldError(
            "id", "name the interview: companion draft ID [KIND] (ids: interview list)."
        )
    interview_id = parse_id(args.id)
    kind = parse_kind(args.kind) if args.kind is not None else None
    with ctx.open("read") as repo:
        made = drafts.draft(repo, interview_id, kind, args.to)
    if made.problem:
        print(f"companion: {made.problem}", file=ctx.err)
    if args.json:
        ctx.print_json(draft_json(made.draft))
        return 0
    ctx.print(made.draft.text)
    return 0


def _print_template(text: str, ctx: Context) -> int:
    kind = parse_kind(text, "template")
    loaded = drafts.template_in_use(kind)
    if loaded.problem:
        print(f"companion: {loaded.problem}", file=ctx.err)
    where = drafts.shown_path(loaded.path) if loaded.path else "companion's own"
    print(f"companion: the {kind.value} template in use is {where}.", file=ctx.err)
    ctx.print(loaded.text.rstrip("\n"))
    return 0
