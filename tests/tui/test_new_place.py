"""A place's screen made while another is in view (companion/startup.py, `new_place`): it
has its breakpoint class before its widgets mount, home is not restyled for it, and it is
not restyled by the resume that follows its mount (screens.place.Place)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from companion.tui.screens.home import HomeScreen
from companion.tui.screens.waiting import WaitingScreen
from tests.conftest import AppFactory


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[DOMNode]]:
    """Every node the style sheet styles, as it styles it."""
    nodes: list[DOMNode] = []
    original = Stylesheet.apply

    def spy(self: Stylesheet, node: DOMNode, *args: object, **kwargs: object) -> None:
        nodes.append(node)
        original(self, node, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", spy)
    yield nodes


@pytest.mark.parametrize(
    ("width", "shown", "not_shown"), [(70, "-narrow", "-wide"), (100, "-wide", "-narrow")]
)
async def test_a_new_place_has_its_breakpoint_class_as_its_widgets_mount(
    build_app: AppFactory, styled: list[DOMNode], width: int, shown: str, not_shown: str
) -> None:
    app = build_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        styled.clear()
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WaitingScreen)
        assert screen.has_class(shown) and not screen.has_class(not_shown)
        home_nodes = [node for node in styled if isinstance(_screen_of(node), HomeScreen)]
        assert home_nodes == []  # the screen in view is not restyled for the new one
        page = screen.query_one("#waiting-page")
        # styled as it mounts and at the visit's resume: not again for the class, nor
        # at the resume that follows its mount at once (screens.place.Place)
        assert sum(node is page for node in styled) == 2


def _screen_of(node: DOMNode) -> object:
    while node.parent is not None and not isinstance(node, HomeScreen | WaitingScreen):
        node = node.parent
    return node
