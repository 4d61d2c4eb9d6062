"""Opening the app from a command: the only path in the CLI that imports textual."""

from __future__ import annotations

from companion.cli.context import Context


def launch_tui(ctx: Context, start: str | None = None) -> int:
    """Open the app on the screen whose mode is `start` (default: home)."""
    from companion.tui.launch import run_app

    return run_app(ctx.db_path, ctx.clock, start)
