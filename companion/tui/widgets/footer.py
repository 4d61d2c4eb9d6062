"""The footer of every screen: Textual's Footer, its keys updated in place.

Textual's Footer recomposes all its keys whenever the screen's bindings change
(in practice: at every reveal and every rating), and each recomposed key is
bound to the footer's `compact` with `data_bind`, whose watcher stays in the
footer's list for as long as the footer lives. Over a sitting that is a few
thousand dead widgets kept in memory, each gen-2 garbage collection slower
than the last, and a layout of ten new widgets at every key.

This footer keeps one FooterKey per binding it has shown: a change of
bindings shows, hides, enables or disables those keys, and mounts only a key
it has not shown before. It draws exactly as Textual's Footer (same widgets,
classes and CSS; no key groups, which companion does not use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widget import AwaitMount


class _Key(NamedTuple):
    """What tells two footer keys apart; the rest (enabled, tooltip) changes in place."""

    key: str
    display: str
    description: str
    action: str
    classes: str


class _Shown(NamedTuple):
    ident: _Key
    enabled: bool
    tooltip: str


class Footer(TextualFooter):
    # A key not shown now is hidden by a class, not an inline style, so that the
    # stylesheet can still hide others (the palette's, on a narrow screen).
    DEFAULT_CSS = """
    Footer FooterKey.-off {
        display: none;
    }
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._keys: dict[_Key, FooterKey] = {}

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._update_keys)

    def _wanted(self) -> list[_Shown]:
        """The keys Textual's Footer.compose would show now, in its order."""
        active = self.screen.active_bindings
        wanted: list[_Shown] = []
        seen: set[str] = set()
        for _, binding, enabled, tooltip in active.values():
            # Footer.compose shows the first binding of each action
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            wanted.append(_Shown(self._key(binding, ""), enabled, tooltip))
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _, binding, enabled, tooltip = palette
                ident = self._key(binding, "-command-palette")
                wanted.append(_Shown(ident, enabled, binding.tooltip or binding.description))
        return wanted

    def _key(self, binding: Binding, classes: str) -> _Key:
        return _Key(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes,
        )

    async def _update_keys(self) -> None:
        if not self.is_attached or not self._bindings_ready:
            return
        wanted = self._wanted()
        idents = [shown.ident for shown in wanted]
        if not self._keeps_order(idents):
            self._keys = {}
            await self.remove_children()
        previous: FooterKey | None = None
        mounting: list[AwaitMount] = []
        for shown in wanted:
            widget = self._keys.get(shown.ident)
            if widget is None:
                widget = self._new_key(shown)
                self._keys[shown.ident] = widget
                if previous is not None:
                    mounting.append(self.mount(widget, after=previous))
                elif self.children:
                    mounting.append(self.mount(widget, before=0))
                else:
                    mounting.append(self.mount(widget))
            else:
                self._refresh_key(widget, shown)
            previous = widget
        showing = set(idents)
        for ident, widget in self._keys.items():
            widget.set_class(ident not in showing, "-off")
        for mounted in mounting:
            await mounted

    async def settle(self) -> None:
        """Show the keys of the screen's bindings now, mounted, rather than after the
        next refresh (for a place laid out ahead of its visit, companion/startup.py)."""
        self._bindings_ready = True
        await self._update_keys()

    def _keeps_order(self, idents: list[_Key]) -> bool:
        """Whether the keys already mounted come in the order wanted (new ones can slot in)."""
        position = {ident: index for index, ident in enumerate(idents)}
        ident_of = {id(widget): ident for ident, widget in self._keys.items()}
        order = [
            position[ident_of[id(child)]]
            for child in self.children
            if id(child) in ident_of and ident_of[id(child)] in position
        ]
        return order == sorted(order)

    def _new_key(self, shown: _Shown) -> FooterKey:
        ident = shown.ident
        widget = FooterKey(
            ident.key,
            ident.display,
            ident.description,
            ident.action,
            disabled=not shown.enabled,
            tooltip=shown.tooltip,
            classes=ident.classes,
        )
        if not ident.classes:  # Footer.compose binds these keys' compact to the footer's
            widget.set_reactive(FooterKey.compact, self.compact)
            widget.set_class(self.compact, "-compact")
        return widget

    @staticmethod
    def _refresh_key(widget: FooterKey, shown: _Shown) -> None:
        disabled = not shown.enabled
        if widget._disabled != disabled:
            widget._disabled = disabled
            widget.set_class(disabled, "-disabled")
        if (widget.tooltip or "") != shown.tooltip:
            widget.tooltip = shown.tooltip or None

    def compose(self) -> ComposeResult:
        return iter(())  # the keys are mounted by _update_keys

    def watch_compact(self, compact: bool) -> None:
        for ident, widget in self._keys.items():
            if not ident.classes:
                widget.compact = compact
