"""The `companion` console script: the CLI's `main`, with a quick start and a quick exit.

First the shell prompt's answers: `summary --short` and `interview list --json`,
typed exactly so, are printed from the answer kept beside the database while
it holds (`companion/answers.py`), before anything else is imported; and the
app's start shows home's last first frame while that holds
(`companion/kept_frame.py`). Then
the dataclasses' methods are made from code compiled by an earlier run
(`companion/kept_code.py`), the collector is off for a printing command, and the
script leaves with `os._exit` once nothing is left to do (`companion.startup`,
where each condition is explained). `python -m companion` calls `main` directly.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # `typing` costs the prompt 8 ms (with `re` and `collections`)
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    from companion.answers import answer_at_once

    answer = answer_at_once(sys.argv[1:], os.environ)
    if answer is not None:
        print_and_leave(answer)
    from companion import kept_frame

    kept_frame.show_at_once(sys.argv[1:], os.environ)
    try:
        code = start_and_run()
    finally:
        kept_frame.put_back()  # when the app never took the terminal over
    from companion.startup import leave

    leave(code)


def start_and_run() -> int:
    from companion.kept_code import KeptCode, default_path

    kept = KeptCode.load(default_path())
    kept.install()
    from companion.startup import collector_off

    collector_off()
    from companion.cli.main import main

    code = main()
    kept.save()
    return code


def print_and_leave(text: str) -> NoReturn:
    """Print a kept answer as `Context.print` would (control characters made visible)
    and leave at once: nothing was opened, nothing else is running."""
    from companion.inert import visible

    try:
        sys.stdout.write(visible(f"{text}\n", keep_crlf=True))
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader has gone (`| head -c 0`): nothing to say about it
    except OSError as error:
        os.write(2, f"companion could not print its answer ({error.strerror or error}).\n".encode())
        os._exit(1)
    os._exit(0)


__all__ = ["run"]
