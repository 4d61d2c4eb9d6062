"""`companion export`: everything as JSON, readable Markdown, or the kind dates as a calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.exports import BINARY, FORMATS, SUFFIXES, render, written_sentence
from companion.exports.target import write_default, write_named
from companion.inert import inert_json
from companion.paths import user_path

STDOUT = "-"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        help="write your data as JSON, Markdown, a calendar (.ics) or an Anki deck (.apkg)",
        description=(
            "Write an export. json: every table, to keep or to bring back with "
            "`companion import FILE`. markdown: your interviews with their timelines and "
            "your questions with their answers, to read. ics: the kind dates of your open "
            "interviews and your daily inbox check, for a calendar. anki: your questions "
            "with their answers and STAR notes, a note each, to import into Anki (a newer "
            "export updates the same notes). Without --output, a new file is made in the "
            "current folder (an existing file is never touched); --output FILE writes that "
            "file, replacing it if it exists; --output - prints (not an .apkg)."
        ),
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        help="json (the default, or what --output's suffix says), markdown, ics or anki",
    )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="the file to write (replaced if it exists); - prints"
    )
    parser.set_defaults(handler=run)


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != STDOUT:
        return SUFFIXES.get(Path(args.output).suffix.lower(), "json")
    return "json"


def run(args: argparse.Namespace, ctx: Context) -> int:
    format_name = _format_of(args)
    if args.output == "":
        raise UsageError("--output needs a file name, or - to print the export.")
    if args.output == STDOUT and format_name in BINARY:
        raise UsageError(
            f"--output: {FORMATS[format_name].label} is a file, not text to print; "
            "name a file, or leave --output out for a new one here."
        )
    with ctx.open("read") as repo:
        data = render(repo, format_name)
    if args.output == STDOUT:
        text = data.decode("utf-8")
        # Printed, the export is inert like all output (ctx.out): the JSON keeps its data
        # exactly, with escapes; Markdown and a calendar show control characters as
        # symbols. A file written with --output FILE keeps every character as it is.
        ctx.out.write(inert_json(text) if format_name == "json" else text)
        ctx.out.flush()
        return 0
    if args.output:
        path = user_path(args.output)
        write_named(path, data, database=ctx.db_path)
    else:
        path = write_default(
            Path.cwd(), FORMATS[format_name], ctx.clock.today(), data, database=ctx.db_path
        )
    ctx.print(written_sentence(format_name, path))
    return 0
