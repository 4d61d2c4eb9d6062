"""Typed access to the running CompanionApp from screens and widgets, and the read-only guard."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from companion.domain.changes import next_midnight

if TYPE_CHECKING:
    from companion.services.access import Repository
    from companion.tui.app import CompanionApp

READ_ONLY_TITLE = "Just looking"


def app_of(node: DOMNode) -> CompanionApp:
    from companion.tui.app import CompanionApp

    app = node.app
    assert isinstance(app, CompanionApp)
    return app


def read_only_sentence(repo: Repository) -> str:
    """The one sentence for a companion that cannot save, naming why."""
    return f"Read-only: {repo.read_only_reason}. Nothing you change here is saved."


def refuse_when_read_only(node: DOMNode) -> bool:
    """True, with the read-only sentence shown, when this companion cannot save."""
    app = app_of(node)
    if not app.repo.read_only:
        return False
    app.notify(read_only_sentence(app.repo), title=READ_ONLY_TITLE, markup=False)
    return True


class ShownFor:
    """What a place shows was read as of: the data's count of changes, and until when
    the clock leaves it right (the next local midnight, unless the place says sooner).

    A place reads its data again when it comes back into view (after a form, a
    dialog, a visit elsewhere), since any of them may have changed it; when the
    data has not changed and the clock has not reached that instant, what it
    shows is still right, and going back to look costs no reading (a heavy
    history's lists take a while).
    """

    def __init__(self) -> None:
        self.changes: int | None = None
        self.until: datetime | None = None

    def mark(self, node: DOMNode, until: datetime | None = None) -> None:
        """The place is reading its data now; it stays right until `until` (default:
        the next local midnight) unless the data changes."""
        app = app_of(node)
        now = app.clock.now()
        midnight = next_midnight(now)
        self.changes = app.repo.changes
        self.until = midnight if until is None else min(until, midnight)

    def moved(self, node: DOMNode) -> bool:
        """Whether the data has changed or the clock has reached `until` since the place
        last read it."""
        app = app_of(node)
        return (
            self.until is None or app.repo.changes != self.changes or app.clock.now() >= self.until
        )
