"""A screen's own keys as command palette entries, so every action is reachable by name.

At 80 columns the footer cannot show every key of the waiting room; `?` lists
them, and with this provider ctrl+p finds them too ("Waiting room: Move on").
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from companion.tui.screens.help import screen_bindings


class ScreenKeys(Provider):
    def _commands(self) -> Iterator[tuple[str, Binding]]:
        screen = self.screen
        title = getattr(screen, "TITLE", None) or "This screen"
        for binding in screen_bindings(screen):
            if binding.action == "app.help" or screen.check_action(binding.action, ()) is False:
                continue
            yield f"{title}: {binding.description}", binding

    def _help(self, binding: Binding) -> str:
        key = binding.key_display or binding.key
        return f"key {key}"

    async def discover(self) -> Hits:
        for text, binding in self._commands():
            yield DiscoveryHit(
                text, partial(self.screen.run_action, binding.action), help=self._help(binding)
            )

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for text, binding in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self.screen.run_action, binding.action),
                    help=self._help(binding),
                )
