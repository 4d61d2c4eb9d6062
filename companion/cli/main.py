"""Parsing the command line and turning failures into calm sentences and exit codes."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from companion import __version__
from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.cli.tui import launch_tui
from companion.clock import clock_from_env
from companion.domain.errors import FieldError
from companion.paths import DB_ENV, resolve_db_path
from companion.store.errors import StoreError

# Every command: the module whose `register(commands)` builds its parser and holds
# its handlers, and its line in `companion --help`, in the order the help lists
# them. A command's module is imported (and its parser built) only when it runs:
# the others cost a name and a line. `tests/unit/test_cli.py` checks that each
# line here is the one its module registers.
COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "summary": ("companion.cli.summary_cmd", "what, if anything, needs you today"),
    "interview": (
        "companion.cli.interview_cmd",
        "log interviews and what happens after; list them with their next dates",
    ),
    "reference": ("companion.cli.interview_cmd", "the people who can vouch for you"),
    "draft": (
        "companion.cli.draft_cmd",
        "a draft of the note the timeline suggests: a thank-you, a check-in, ...",
    ),
    "question": (
        "companion.cli.question_cmd",
        "add a question that tripped you up, or list the bank",
    ),
    "practice": (
        "companion.cli.practice_cmd",
        "open the app on practice: rehearse the questions that are due",
    ),
    "journal": ("companion.cli.journal_cmd", "write in your journal (or: journal list)"),
    "apply": ("companion.cli.apply_cmd", "log an application you sent"),
    "breathe": (
        "companion.cli.breathe_cmd",
        "the urge to check your inbox: a minute of box breathing instead",
    ),
    "export": (
        "companion.cli.export_cmd",
        "write your data as JSON, Markdown or a calendar (.ics)",
    ),
    "import": (
        "companion.cli.import_cmd",
        "import a full export (.json), a question deck (.toml) or a starter deck",
    ),
    "backups": ("companion.cli.backups_cmd", "list the automatic daily backups"),
    "restore": ("companion.cli.backups_cmd", "put a backup back in place of the database"),
}

EPILOG = f"""\
With no command, companion opens the app. Dates accept YYYY-MM-DD, today,
yesterday, tomorrow, and +Nd/-Nd/+Nw. The database is --db, else ${DB_ENV},
else companion.json in your user data folder.

Exit codes: 0 done, 1 the data could not be read or written, 2 bad usage or input.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}. See '{self.prog} --help'.\n")


def _register(module_name: str, commands: argparse._SubParsersAction[Any]) -> None:
    importlib.import_module(module_name).register(commands)


class _LazyCommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The commands, each a placeholder (its name and help line) until argparse picks it.

    When the command line names one, its module is imported and registers the
    real parser (its flags, nested commands and handler) in the placeholder's
    place, and parsing goes on into it as if it had been there from the start.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._placeholders: set[str] = set()
        self._placeholder = self._parser_class(add_help=False)  # one for all: never parses

    def add_placeholder(self, name: str, line: str) -> None:
        """What `add_parser(name, help=line)` records for `--help`, without a parser."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), line))
        self._name_parser_map[name] = self._placeholder
        self._placeholders.add(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        name = values[0]
        if name in self._placeholders:
            built = argparse._SubParsersAction(
                option_strings=[], prog=self._prog_prefix, parser_class=self._parser_class
            )
            _register(COMMAND_MODULES[name][0], built)
            for real_name, real in built._name_parser_map.items():
                if real_name in self._placeholders:
                    self._name_parser_map[real_name] = real
                    self._placeholders.discard(real_name)
            if name in self._placeholders:
                raise RuntimeError(f"{COMMAND_MODULES[name][0]} does not register {name!r}")
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, lazy: bool = False) -> argparse.ArgumentParser:
    """The whole command line; with `lazy`, each command is built only if it runs."""
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
    if not lazy:
        commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
        for module_name in dict.fromkeys(module for module, _ in COMMAND_MODULES.values()):
            _register(module_name, commands)
        return parser
    lazy_commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=_Parser, action=_LazyCommands
    )
    assert isinstance(lazy_commands, _LazyCommands)
    for name, (_, line) in COMMAND_MODULES.items():
        lazy_commands.add_placeholder(name, line)
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
    args = build_parser(lazy=True).parse_args(_readable(sys.argv[1:] if argv is None else argv))
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
