"""Textual's DataTable for the app's long lists (the bank, the journal, applications),
filled in one go.

Textual's `DataTable.add_row` validates the cursor and asks for idle work at each
row, and the next idle measures every new cell through the console's options (a
terminal size query per cell), for every column, even one of fixed width. On a
heavy history the bank's 2,000 rows took a quarter of a second that way, on the
first visit and at each change of filter.

`fill` adds the rows as `clear` and an `add_row` for each would, with the cursor
validated once; the widths come from the cells' plain text, which is what a Text
measures to, and only for the columns sized by their content. Anything else (a
label, a row of auto height, a cell that is not a Text) is measured by Textual.
Built on DataTable's private row tables (Textual is pinned);
tests/tui/test_list_table.py checks that it lays out and draws as Textual's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey


def text_width(cell: Text) -> int:
    """The width Rich measures a Text to: its widest line, in terminal cells."""
    return max((cell_len(line) for line in cell.plain.splitlines()), default=0)


EMPTY = Text()


class ListTable(DataTable[Any]):
    def fill(self, rows: Iterable[tuple[str, Sequence[Text]]]) -> list[str]:
        """Empty the table and add `rows` (a key and its cells each, one line high, no
        label), as `clear` and `add_row` would. Returns the keys, in order."""
        self.clear()
        columns = self.ordered_columns
        locations = self._row_locations
        keys: list[str] = []
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = len(self.rows)
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
            keys.append(key)
        if keys:
            self._require_update_dimensions = True
            self.cursor_coordinate = self.cursor_coordinate
            if columns and self.show_cursor and self.cursor_type != "none":
                self._highlight_cursor()  # a cell is there to highlight, as add_row says
            self._update_count += 1
            self.check_idle()
        return keys

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        rows = [self.rows.get(key) for key in new_rows if key in self._row_locations]
        auto = [column for column in self.ordered_columns if column.auto_width]
        cells = [self._data[row.key] for row in rows if row is not None]
        if any(row is None or row.label is not None or row.auto_height for row in rows) or any(
            not isinstance(row.get(column.key) or EMPTY, Text) for row in cells for column in auto
        ):
            super()._update_dimensions(row.key for row in rows if row is not None)
            return
        for column in auto:
            widths = (text_width(cell) for row in cells if (cell := row.get(column.key)))
            column.content_width = max(column.content_width, *widths, 0)
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            sum(column.get_render_width(self) for column in self.columns.values())
            + self._row_label_column_width,
            self._total_row_height + header_height,
        )
