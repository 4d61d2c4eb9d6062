"""Opening the app from a command: the only path in the CLI that imports textual."""

from __future__ import annotations

from companion.cli.context import Context
from companion.startup import collector_on


def launch_tui(ctx: Context, start: str | None = None) -> int:
    """Open the app on the screen whose mode is `start` (default: home)."""
    collector_on()
    from companion.tui.launch import run_app

    return run_app(ctx.db_path, ctx.clock, start)
