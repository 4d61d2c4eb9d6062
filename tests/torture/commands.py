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
    opens_app: bool = False  # would open the TUI (the fuzz test stubs the app out)
    exit_codes: tuple[int, ...] = (0, 1, 2)  # `breathe` adds 3: "leave it" (or no choice)
    lists_problems: bool = False  # a bad file is its finding: listed on stdout, exit 1

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
    CliCommand(("check",), lists_problems=True),
    CliCommand(("check", "{text}"), lists_problems=True),
    CliCommand(("backups",), opens_db=False),
    CliCommand(("backups", "{text}"), opens_db=False),
    CliCommand(("restore", "{date}"), opens_db=False, writes=True),
    CliCommand(("restore", "{text}"), opens_db=False, writes=True),
    CliCommand(("restore", "{id}"), opens_db=False, writes=True),
    CliCommand(("restore", "{number}"), opens_db=False, writes=True),
    CliCommand(("restore", "{backup_day}"), opens_db=False, writes=True),
    CliCommand(("restore", "{backup_day}", "--yes"), opens_db=False, writes=True),
    CliCommand(("restore", "{text}", "--yes"), opens_db=False, writes=True),
    CliCommand(
        ("interview", "add", "--company", "{text}", "--role", "{text}", "--on", "{date}"),
        writes=True,
    ),
    CliCommand(
        (
            "interview",
            "add",
            "--company",
            "Acme",
            "--role",
            "Analyst",
            "--on",
            "{date}",
            "--decision-by",
            "{date}",
            "--with",
            "{text}",
            "--contact-pref",
            "{text}",
            "--round",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(
        ("interview", "list"),
    ),
    CliCommand(("interview", "list", "--all", "--json")),
    CliCommand(("interview", "show", "{id}")),
    CliCommand(("interview", "log", "{id}", "{text}", "--on", "{date}"), writes=True),
    CliCommand(("interview", "log", "{id}", "reply", "--decision-by", "{date}"), writes=True),
    CliCommand(("interview", "outcome", "{id}", "{text}"), writes=True),
    CliCommand(
        (
            "interview",
            "edit",
            "{id}",
            "--talked-about",
            "{text}",
            "--on",
            "{date}",
            "--decision-by",
            "{date}",
            "--with",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(("draft", "{id}")),
    CliCommand(("draft", "{id}", "{text}", "--to", "{text}", "--json")),
    CliCommand(("draft", "--template", "{text}"), opens_db=False),
    CliCommand(
        (
            "interview",
            "add",
            "--company",
            "{text}",
            "--role",
            "R",
            "--on",
            "{date}",
            "--after",
            "{id}",
            "--final",
        ),
        writes=True,
    ),
    CliCommand(("interview", "log", "{id}", "thank-you", "--to", "{text}"), writes=True),
    CliCommand(
        (
            "interview",
            "outcome",
            "{id}",
            "offer-written",
            "--on",
            "{date}",
            "--respond-by",
            "{date}",
            "--pay",
            "{text}",
            "--leave",
            "{text}",
            "--remote",
            "{text}",
            "--start",
            "{date}",
        ),
        writes=True,
    ),
    CliCommand(
        ("reference", "add", "{text}", "--relation", "{text}", "--reach", "{text}"), writes=True
    ),
    CliCommand(("reference", "list", "--json")),
    CliCommand(
        ("question", "add", "{text}", "--tag", "{text}", "--interview", "{id}"), writes=True
    ),
    CliCommand(("question", "add", "{text}", "--answer", "{text}"), writes=True),
    CliCommand(("question", "list", "--due", "--json")),
    CliCommand(("question", "add", "{text}", "--key-point", "{text}"), writes=True),
    CliCommand(
        (
            "story",
            "add",
            "{text}",
            "--situation",
            "{text}",
            "--result",
            "{text}",
            "--tag",
            "{text}",
            "--question",
            "{id}",
        ),
        writes=True,
    ),
    CliCommand(("story", "list")),
    CliCommand(("story", "list", "--json")),
    CliCommand(
        (
            "interview",
            "add",
            "--company",
            "Acme",
            "--role",
            "Analyst",
            "--on",
            "{date}",
            "--tag",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(("import", "{text}"), writes=True),
    CliCommand(("import", "{text}", "--replace"), writes=True),
    CliCommand(("export", "--format", "{text}", "--output", "-")),
    CliCommand(("export", "--output", "{text}")),
    CliCommand(
        (
            "apply",
            "--company",
            "{text}",
            "--role",
            "{text}",
            "--on",
            "{date}",
            "--source",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(
        (
            "apply",
            "--company",
            "Acme",
            "--role",
            "Analyst",
            "--status",
            "{text}",
            "--link",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(
        ("journal", "{text}", "--mood", "{number}", "--interview", "{id}", "--tag", "{text}"),
        writes=True,
    ),
    CliCommand(("journal", "list", "--interview", "{id}", "--tag", "{text}", "--json")),
    CliCommand(("settings",)),
    CliCommand(
        ("settings", "--weekly-goal", "{number}", "--checkin", "{text}"),
        writes=True,
    ),
    CliCommand(("settings", "--calendar", "{text}"), writes=True),
    CliCommand(
        (
            "settings",
            "--daily-limit",
            "{number}",
            "--rest-days",
            "{text}",
            "--day-starts",
            "{text}",
        ),
        writes=True,
    ),
    CliCommand(("settings", "--breathing", "{text}", "--reduced-motion", "{text}"), writes=True),
    CliCommand(("serve",), opens_app=True),
    CliCommand(("serve", "--port", "{number}"), opens_app=True),
    CliCommand(("completion", "{text}"), opens_db=False),
    CliCommand(("completion", "fish"), opens_db=False),
    CliCommand(("practice", "{text}"), opens_app=True),
    CliCommand(("practice", "--mock", "{number}"), opens_app=True),
    CliCommand(("practice", "--mock", "--interview", "{id}"), opens_app=True),
    CliCommand(("practice", "--mock", "{number}", "--tag", "{text}"), opens_app=True),
    CliCommand(("breathe", "{text}"), opens_app=True, writes=True, exit_codes=(0, 1, 2, 3)),
    CliCommand(
        ("breathe", "--pattern", "{text}"), opens_app=True, writes=True, exit_codes=(0, 1, 2, 3)
    ),
    CliCommand(("breathe", "--plain", "--pattern", "{text}"), writes=True, exit_codes=(0, 1, 2, 3)),
    CliCommand(("breathe", "--plain"), writes=True, exit_codes=(0, 1, 2, 3)),
    CliCommand(("park", "{text}"), writes=True),
    CliCommand(("park", "{text}", "{text}"), writes=True),
    CliCommand(("parked",)),
    CliCommand(("parked", "--all", "--json")),
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
