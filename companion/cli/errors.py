"""Bad usage on the command line: exit 2 with a sentence naming what was wrong."""

from __future__ import annotations


class UsageError(Exception):
    pass
