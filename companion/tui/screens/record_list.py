"""The base of a screen that lists records in a table: which of its keys are offered."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from companion.tui.context import app_of
from companion.tui.screens.place import Place

Row = TypeVar("Row")


class RecordListScreen(Place, Generic[Row]):
    """Keys that write are hidden while the store is read-only; keys that act on a row are
    hidden while no row is selected, and moving the cursor asks the footer again."""

    WRITES: ClassVar[frozenset[str]] = frozenset()
    NEEDS_ROW: ClassVar[frozenset[str]] = frozenset()

    @property
    def selected(self) -> Row | None:
        raise NotImplementedError

    def writes_blocked(self) -> bool:
        return app_of(self).repo.read_only

    def row_allows(self, action: str, selected: Row) -> bool:
        """Whether the selected row takes `action` (every row takes every row action here)."""
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WRITES and self.writes_blocked():
            return False
        if action in self.NEEDS_ROW:
            selected = self.selected
            return selected is not None and self.row_allows(action, selected)
        return True

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()
