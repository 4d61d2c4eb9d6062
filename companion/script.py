"""The `companion` console script: the CLI's `main`, with a quick start and a quick exit.

The collector is off for a printing command, and the script leaves with
`os._exit` once nothing is left to do (`companion.startup`, where each condition
is explained). `python -m companion` calls `main` directly.
"""

from __future__ import annotations

from typing import NoReturn

from companion.startup import collector_off, leave


def run() -> NoReturn:
    collector_off()
    from companion.cli.main import main

    code = main()
    leave(code)


__all__ = ["leave", "run"]
