"""Typed access to the running CompanionApp from screens and widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp


def app_of(node: DOMNode) -> CompanionApp:
    from companion.tui.app import CompanionApp

    app = node.app
    assert isinstance(app, CompanionApp)
    return app
