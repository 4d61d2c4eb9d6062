"""Parsing the command line and turning failures into calm sentences and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from companion import __version__
from companion.cli import (
    apply_cmd,
    backups_cmd,
    breathe_cmd,
    export_cmd,
    import_cmd,
    interview_cmd,
    journal_cmd,
    practice_cmd,
    question_cmd,
    summary_cmd,
)
from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.cli.tui import launch_tui
from companion.clock import clock_from_env
from companion.domain.errors import FieldError
from companion.paths import DB_ENV, resolve_db_path
from companion.store.errors import StoreError

COMMAND_MODULES = (
    summary_cmd,
    interview_cmd,
    question_cmd,
    practice_cmd,
    journal_cmd,
    apply_cmd,
    breathe_cmd,
    export_cmd,
    import_cmd,
    backups_cmd,
)

EPILOG = f"""\
With no command, companion opens the app. Dates accept YYYY-MM-DD, today,
yesterday, tomorrow, and +Nd/-Nd/+Nw. The database is --db, else ${DB_ENV},
else companion.json in your user data folder.

Exit codes: 0 done, 1 the data could not be read or written, 2 bad usage or input.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}. See '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="companion",
        description="A calm companion for the weeks after a job interview.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"companion {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the database file (default: ${DB_ENV} or the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a throwaway sample database instead of yours (yours is not touched)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _run(args: argparse.Namespace, ctx: Context) -> int:
    handler = getattr(args, "handler", None)
    if handler is None:
        return launch_tui(ctx)
    return int(handler(args, ctx))


def _readable(argv: Sequence[str]) -> list[str]:
    """Arguments a shell passed that are not UTF-8 (Python keeps them as lone
    surrogates) become U+FFFD, so they can be saved, printed and searched."""
    return [arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for arg in argv]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_readable(sys.argv[1:] if argv is None else argv))
    ctx = Context(db_path=resolve_db_path(args.db), clock=clock_from_env(os.environ))
    try:
        if args.demo:
            from companion.demo import demo_database

            with demo_database(ctx.clock) as demo_path:
                ctx.db_path = demo_path
                return _run(args, ctx)
        return _run(args, ctx)
    except FieldError as error:
        print(f"companion: {error.field}: {error.message}", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"companion: {error}", file=sys.stderr)
        return 2
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or ctx.db_path
        print(
            f"companion could not write {where} ({error.strerror or error}). "
            "The data already on disk is intact; try again when the problem is fixed.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
