"""Typed access to the running CompanionApp from screens and widgets, and the read-only guard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

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
