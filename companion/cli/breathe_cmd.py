"""`companion breathe`: open the app on the breathing pacer, for the urge to check."""

from __future__ import annotations

import argparse

from companion.cli.context import Context
from companion.cli.tui import launch_tui


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "breathe",
        help="the urge to check your inbox: a minute of box breathing instead",
        description=(
            "Open companion on a one-minute box breathing pacer (in, hold, out, hold; "
            "four counts each). The urge is noted, then the summary shows what, if "
            "anything, needs you."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    return launch_tui(ctx, start="breathe")
