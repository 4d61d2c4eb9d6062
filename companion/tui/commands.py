"""The current screen's own keys in the command palette, so a key cut off the footer is findable."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from companion.tui.dialogs.help import screen_bindings


def _key(binding: Binding) -> str:
    return binding.key_display or binding.key


class ScreenKeys(Provider):
    """Each key the current screen offers right now, as "Screen: what it does".

    The app lists this provider for every screen, so each page's own keys are
    findable by name even when the footer is too narrow to show them all.
    """

    def _available(self) -> Iterator[tuple[str, str, Binding]]:
        screen = self.screen
        title = getattr(screen, "TITLE", None) or "This screen"
        for binding in screen_bindings(screen):
            _, name, parameters = parse(binding.action)
            if name == "help" or screen.check_action(name, parameters) is False:
                continue
            help_text = (
                f"{binding.tooltip} (key {_key(binding)})"
                if binding.tooltip
                else f"key {_key(binding)}"
            )
            yield f"{title}: {binding.description}", help_text, binding

    async def _run(self, binding: Binding) -> None:
        await self.screen.run_action(binding.action)

    async def discover(self) -> Hits:
        for title, help_text, binding in self._available():
            yield DiscoveryHit(title, partial(self._run, binding), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, binding in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, binding), help=help_text
                )
