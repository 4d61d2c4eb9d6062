"""Every CLI subcommand, as argv templates: the fuzzing and bad-file tests read this table.

A new subcommand adds its rows here (a test fails until it does). Placeholders
are filled by hypothesis: {text} any text, {date} dates people type (and
nonsense), {id} ids (and nonsense), {number} numbers (and nonsense),
{backup_day} the day of a backup that exists.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class CliCommand:
    argv: tuple[str, ...]
    opens_db: bool = True  # reads the database file (a bad file must stop it)
    writes: bool = False  # may change the files (only when it succeeds)

    @property
    def path(self) -> tuple[str, ...]:
        """The subcommand words, without options and placeholders."""
        words = []
        for word in self.argv:
            if word.startswith("-") or "{" in word:
                break
            words.append(word)
        return tuple(words)


COMMANDS: tuple[CliCommand, ...] = (
    CliCommand(("summary",)),
    CliCommand(("summary", "--json")),
    CliCommand(("summary", "--short")),
    CliCommand(("summary", "{text}")),
    CliCommand(("backups",), opens_db=False),
    CliCommand(("backups", "{text}"), opens_db=False),
    CliCommand(("restore", "{date}"), opens_db=False, writes=True),
    CliCommand(("restore", "{text}"), opens_db=False, writes=True),
    CliCommand(("restore", "{id}"), opens_db=False, writes=True),
    CliCommand(("restore", "{number}"), opens_db=False, writes=True),
    CliCommand(("restore", "{backup_day}"), opens_db=False, writes=True),
)


def subcommand_paths(parser: argparse.ArgumentParser) -> set[tuple[str, ...]]:
    """Every runnable subcommand of `parser`, nested ones as (group, command)."""
    found: set[tuple[str, ...]] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = subcommand_paths(sub)
                found |= {(name, *rest) for rest in nested} if nested else {(name,)}
    return found
