"""Opening the app from a command: the only path in the CLI that imports textual."""

from __future__ import annotations

import gc

from companion.cli.context import Context


def launch_tui(ctx: Context, start: str | None = None) -> int:
    """Open the app on the screen whose mode is `start` (default: home)."""
    # The console script turns the collector off for a short printing run
    # (companion/script.py); the app runs long, so it gets it back.
    gc.enable()
    from companion.tui.launch import run_app

    return run_app(ctx.db_path, ctx.clock, start)
