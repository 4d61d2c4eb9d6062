"""`companion practice`: open the app on the rehearsal screen."""

from __future__ import annotations

import argparse

from companion.cli.context import Context
from companion.cli.tui import launch_tui


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "practice",
        help="open the app on practice: rehearse the questions that are due",
        description="Open companion on the practice screen.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    return launch_tui(ctx, start="practice")
