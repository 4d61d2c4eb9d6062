"""The command line: no subcommand opens the TUI, the others print and exit.

Nothing here imports textual at module level; only launching the TUI does.
"""

from companion.cli.main import main

__all__ = ["main"]
