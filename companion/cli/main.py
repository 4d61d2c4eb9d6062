"""Parsing the command line and turning failures into calm sentences and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from companion import __version__
from companion.cli.context import Context, printable_streams
from companion.cli.errors import UsageError
from companion.cli.tui import launch_tui
from companion.clock import SystemClock, clock_from_env
from companion.domain.errors import FieldError
from companion.inert import visible
from companion.paths import DB_ENV, resolve_db_path
from companion.startup import (
    HelpFormatter,
    LazyCommands,
    Register,
    dates_may_start_with_a_dash,
    silence,
)
from companion.store.errors import StoreError

# Every command: the function that loads its module's `register` (which builds its
# parser and holds its handlers), and its line in `companion --help`, in the order
# the help lists them. A command's module is imported (and its parser built) only
# when it runs: the others cost a name and a line. `tests/unit/test_cli.py` checks
# that each line here is the one its module registers.


class Command(NamedTuple):
    load: Callable[[], Register]
    help: str


def _summary() -> Register:
    from companion.cli.summary_cmd import register

    return register


def _interview() -> Register:
    from companion.cli.interview_cmd import register

    return register


def _draft() -> Register:
    from companion.cli.draft_cmd import register

    return register


def _question() -> Register:
    from companion.cli.question_cmd import register

    return register


def _practice() -> Register:
    from companion.cli.practice_cmd import register

    return register


def _story() -> Register:
    from companion.cli.story_cmd import register

    return register


def _journal() -> Register:
    from companion.cli.journal_cmd import register

    return register


def _apply() -> Register:
    from companion.cli.apply_cmd import register

    return register


def _breathe() -> Register:
    from companion.cli.breathe_cmd import register

    return register


def _park() -> Register:
    from companion.cli.park_cmd import register

    return register


def _export() -> Register:
    from companion.cli.export_cmd import register

    return register


def _import() -> Register:
    from companion.cli.import_cmd import register

    return register


def _settings() -> Register:
    from companion.cli.settings_cmd import register

    return register


def _backups() -> Register:
    from companion.cli.backups_cmd import register

    return register


def _check() -> Register:
    from companion.cli.check_cmd import register

    return register


def _serve() -> Register:
    from companion.cli.serve_cmd import register

    return register


def _completion() -> Register:
    from companion.cli.completion_cmd import register

    return register


COMMANDS: dict[str, Command] = {
    "summary": Command(_summary, "what, if anything, needs you today"),
    "interview": Command(
        _interview, "log interviews and what happens after; list them with their next dates"
    ),
    "reference": Command(_interview, "the people who can vouch for you"),
    "draft": Command(_draft, "a draft of the note the timeline suggests, to copy and send"),
    "question": Command(_question, "add a question that tripped you up, or list the bank"),
    "story": Command(_story, "your STAR stories, each ready for the questions it answers"),
    "practice": Command(_practice, "open the app on practice, or a mock interview (--mock)"),
    "journal": Command(_journal, "write in your journal (or: journal list)"),
    "apply": Command(_apply, "log an application you sent"),
    "breathe": Command(
        _breathe, "the urge to check your inbox: park the thought, breathe, then choose"
    ),
    "park": Command(_park, "park a worry until your check-in time"),
    "parked": Command(_park, "list the thoughts you parked"),
    "export": Command(
        _export, "write your data as JSON, Markdown, a calendar (.ics) or an Anki deck (.apkg)"
    ),
    "import": Command(
        _import, "import a full export (.json), a question deck (.toml) or a starter deck"
    ),
    "settings": Command(
        _settings,
        "show your settings, or change the weekly goal, inbox check, practice, calendar, "
        "country or breathing",
    ),
    "backups": Command(_backups, "list the daily backups and the copies kept before a change"),
    "restore": Command(
        _backups, "put a backup or a full export back in place of the whole database"
    ),
    "check": Command(_check, "check every record of the database, history included"),
    "serve": Command(_serve, "open the app in a browser tab: this computer only, behind a key"),
    "completion": Command(_completion, "print a shell completion script for bash, zsh or fish"),
}

EPILOG = f"""\
With no command, companion opens the app. Dates accept YYYY-MM-DD, today,
yesterday, tomorrow, and +Nd/-Nd/+Nw. The database is --db, else ${DB_ENV},
else companion.json in your user data folder.

Exit codes: 0 done, 1 the data could not be read or written, 2 bad usage or input.
"""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        # every parser of every command: `--on -2d` is a date, never an option
        dates_may_start_with_a_dash(self)

    def error(self, message: str) -> NoReturn:
        # The message may quote what was typed: it is printed inert, like all output.
        self.exit(2, visible(f"{self.prog}: {message}. See '{self.prog} --help'.\n"))


def build_parser(*, lazy: bool = False) -> argparse.ArgumentParser:
    """The whole command line; with `lazy`, each command is built only if it runs."""
    parser = _Parser(
        prog="companion",
        description="A calm companion for the weeks after a job interview.",
        epilog=EPILOG,
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
        for load in dict.fromkeys(command.load for command in COMMANDS.values()):
            load()(commands)
        return parser
    lazy_commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=_Parser, action=LazyCommands
    )
    assert isinstance(lazy_commands, LazyCommands)
    lazy_commands.load = lambda name: COMMANDS[name].load()
    for name, command in COMMANDS.items():
        lazy_commands.add_placeholder(name, command.help)
    return parser


def _run(args: argparse.Namespace, ctx: Context) -> int:
    handler = getattr(args, "handler", None)
    if handler is None:
        return launch_tui(ctx)
    return int(handler(args, ctx))


# The arguments that name files: they keep the bytes the shell passed.
PATH_ARGUMENTS = frozenset({"db", "file", "output", "backup"})


def _readable(text: str) -> str:
    """An argument a shell passed that is not UTF-8 (Python keeps such bytes as lone
    surrogates) with U+FFFD for each such byte, so it can be saved, printed and searched."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _readable_text(args: argparse.Namespace) -> None:
    """Every argument but a path made readable; a path keeps its bytes (os.fsencode
    gives them back), so it opens the file it names, not another one."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        if isinstance(value, str):
            setattr(args, name, _readable(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(args, name, [_readable(item) for item in value])


def main(argv: Sequence[str] | None = None) -> int:
    printable_streams()
    args = build_parser(lazy=True).parse_args(sys.argv[1:] if argv is None else argv)
    _readable_text(args)
    ctx = Context(db_path=Path(), clock=SystemClock())
    try:
        ctx.clock = clock_from_env(os.environ)
        if args.demo:
            from companion.demo import demo_database

            with demo_database(ctx.clock) as demo_path:
                ctx.db_path = demo_path
                return _run(args, ctx)
        ctx.db_path = resolve_db_path(args.db)
        return _run(args, ctx)
    except FieldError as error:
        print(f"companion: {error.field}: {error.message}", file=ctx.err)
        return 2
    except UsageError as error:
        print(f"companion: {error}", file=ctx.err)
        return 2
    except StoreError as error:
        print(str(error), file=ctx.err)
        return 1
    except BrokenPipeError:
        # The reader closed the pipe early (`companion summary | head -1`): not a
        # failure of the data, and nothing to say about it.
        silence(ctx.out)
        return 0
    except OSError as error:
        where = error.filename or ctx.db_path
        print(
            f"companion could not write {where} ({error.strerror or error}). "
            "The data already on disk is intact; try again when the problem is fixed.",
            file=ctx.err,
        )
        return 1
    except KeyboardInterrupt:
        return 130
