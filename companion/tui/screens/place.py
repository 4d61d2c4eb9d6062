"""The base of a place's screen (a Destination's mode, `tui/navigation.py`)."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class Place(Screen[None]):
    """A place's screen is styled once as its widgets mount, not again at once.

    Textual restyles every widget of a screen at each resume. The first resume
    follows the screen's mount at once (`App._init_mode` sends it, at a first
    visit or as the place is built ahead, companion/startup.py `WarmUp`): when
    the screen was made under the styles of now (`startup.new_place`), its
    widgets have just been styled as they mounted, and that restyle would find
    nothing to change. The visit's own resume restyles it as always.
    """

    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls this before its own `Screen._on_screen_resume` (the handlers of
        # each class in the MRO, subclass first), which restyles when `refresh_styles`.
        if not self._resumed:
            self._resumed = True
            if self._css_update_count == self.app._css_update_count:
                event.refresh_styles = False
