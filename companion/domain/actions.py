"""One thing worth doing: what the waiting room, practice and the summary hand each other.

Kept apart from the summary so that listing interviews does not load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Action:
    """One thing worth doing, in one sentence.

    `kind` names the rule (one of `summary.ACTION_ORDER`); `due` orders actions of the
    same kind (earliest first); `target` tells the app what to open, such as
    "interview:3"; `keep` marks an open offer's step, which always has a place
    on home (issue 14).
    """

    kind: str
    text: str
    due: date | None = None
    target: str | None = None
    keep: bool = False
