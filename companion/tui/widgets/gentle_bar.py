"""A quiet progress bar: filled dots and a plain count, never a warning colour."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class GentleBar(Widget):
    DEFAULT_CSS = """
    GentleBar {
        height: 1;
        width: auto;
        color: $text-muted;
    }
    """

    def __init__(
        self, label: str, done: int, goal: int, *, cells: int = 10, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.done = done
        self.goal = goal
        self.cells = cells

    def set_progress(self, done: int, goal: int) -> None:
        self.done = done
        self.goal = goal
        self.refresh(layout=True)

    def render(self) -> Content:
        filled = min(self.cells, round(self.cells * self.done / self.goal)) if self.goal else 0
        return Content.assemble(
            f"{self.label}  ",
            ("●" * filled, "$primary"),
            ("○" * (self.cells - filled), "$primary-muted"),
            f"  {self.count()}",
        )

    def count(self) -> str:
        """ "3 of 5"; past the goal, kindly: "16, past your goal of 5"."""
        if self.goal and self.done > self.goal:
            return f"{self.done}, past your goal of {self.goal}"
        return f"{self.done} of {self.goal}"
