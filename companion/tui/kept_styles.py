"""Style sheets parsed once, not at every start.

Every start of the app parses its style sheet and the DEFAULT_CSS of each widget
class it shows: about 30 ms before home's first frame, most of it Textual's own
widgets, and the same again for each place built. What parsing gives depends only
on the CSS text and where it was read from, the style variables (the theme's
colours) and Textual. So the running app keeps the rules it parsed in a file in the
user's cache folder, and a later start takes from it the rules of the same text
under the same variables, parsing only what it does not find there (a widget not
seen before, another theme, an edited stylesheet).

- The rules are Textual's own objects, pickled; the file is named for the Textual
  and Python versions, so another version never reads it.
- A pickle runs code as it loads, so the file is read as the answers beside the
  database are (`companion/private_files.py`): only a regular file of this user's
  that no one else may read or write. Whoever can write one as this user can change
  their shell's start files too.
- Anything wrong with it (unreadable, not ours, not loading) means parsing as
  Textual does; when the app ends having parsed something new, the file is written
  again, whole, rules with errors left out.
- The rules for at most `SHELVES` sets of variables (themes) are kept, those of the
  last run first.

Only the running app does this (`companion` at a terminal, `tui/launch.py`), not
tests, which parse as Textual does.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from companion.private_files import cache_folder, load_kept, save_kept

FORMAT = "companion-styles 1"
SHELVES = 3
MAX_BYTES = 8 << 20

Variables = tuple[tuple[str, str], ...]
Source = tuple[str, CSSLocation, bool, int, str]


def default_path() -> Path:
    """The kept style sheets' file for this Textual and Python, in the cache folder."""
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return Path(cache_folder()) / f"styles-textual-{textual.__version__}-py{python}.pickle"


class KeptStyles:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.shelves: dict[Variables, dict[Source, list[RuleSet]]] = {}
        self.found = 0
        self.parsed = 0
        self.used: set[Variables] = set()
        self._original: Callable[..., list[RuleSet]] | None = None

    @classmethod
    def load(cls, path: Path) -> KeptStyles:
        """The style sheets kept at `path`; none when the file is missing or unusable."""
        kept = cls(path)
        value = load_kept(os.fspath(path), MAX_BYTES, pickle.loads)
        if isinstance(value, dict) and value.get("format") == FORMAT:
            shelves = value.get("shelves")
            if isinstance(shelves, dict):
                kept.shelves = {
                    variables: {source: rules for source, rules in shelf.items() if _sound(rules)}
                    for variables, shelf in shelves.items()
                    if isinstance(variables, tuple) and isinstance(shelf, dict)
                }
        return kept

    def rules(self, variables: Variables, source: Source) -> list[RuleSet] | None:
        """The rules kept for `source` under `variables`, or None."""
        shelf = self.shelves.get(variables)
        return None if shelf is None else shelf.get(source)

    def keep(self, variables: Variables, source: Source, rules: list[RuleSet]) -> None:
        shelf = self.shelves.pop(variables, None) or {}
        shelf[source] = rules
        self.shelves[variables] = shelf  # the latest used last

    def install(self) -> None:
        """Parse through the kept rules, for every style sheet of this process."""
        original = Stylesheet._parse_rules
        self._original = original

        def _parse_rules(
            sheet: Stylesheet,
            css: str,
            read_from: CSSLocation,
            is_default_rules: bool = False,
            tie_breaker: int = 0,
            scope: str = "",
        ) -> list[RuleSet]:
            source = (css, read_from, is_default_rules, tie_breaker, scope)
            parsed = sheet._parse_cache.get(source)
            if parsed is not None:  # this style sheet's own, as Textual's parse finds it
                return parsed
            variables = tuple(sheet._variables.items())
            self.used.add(variables)
            found = self.rules(variables, source)
            if found is not None:
                self.found += 1
                sheet._parse_cache[source] = found
                return found
            rules = original(sheet, css, read_from, is_default_rules, tie_breaker, scope)
            self.parsed += 1
            self.keep(variables, source, rules)
            return rules

        Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign,assignment]

    def uninstall(self) -> None:
        if self._original is not None:
            Stylesheet._parse_rules = self._original  # type: ignore[method-assign]
            self._original = None

    def save(self) -> bool:
        """Write the file again if anything was parsed; True when written."""
        if not self.parsed:
            return False
        # the ones used by this run last: the first to be let go are the others
        order = sorted(self.shelves, key=lambda variables: variables in self.used)
        recent = [(variables, self.shelves[variables]) for variables in order[-SHELVES:]]
        shelves = {
            variables: {source: rules for source, rules in shelf.items() if _sound(rules)}
            for variables, shelf in recent
        }
        try:  # whatever goes wrong, the app has ended: nothing to tell
            data = pickle.dumps(
                {"format": FORMAT, "shelves": shelves}, protocol=pickle.HIGHEST_PROTOCOL
            )
        except Exception:
            return False
        return save_kept(os.fspath(self.path), data, MAX_BYTES)


def _sound(rules: object) -> bool:
    """Rules as Textual's parsing gives them, with no error."""
    return isinstance(rules, list) and all(
        isinstance(rule, RuleSet) and not rule.errors for rule in rules
    )
