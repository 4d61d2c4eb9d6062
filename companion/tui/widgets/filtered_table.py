"""A list with a filter bar over it: the question bank and the journal.

The bar is a search field and a Select a filter; typing or choosing changes
the table's `filter` (a frozen dataclass of the screen's choosing, such as
`BankFilter`) through `set_filter`, and the table posts `FilteredTable.Changed`
for the screen to fill it again with `show_rows`. Enter in the search field
goes to the list. Cells are cut to their column in terminal cells
(`companion.cells.shorten`), so wide characters keep the columns straight,
and `quiet` is the theme's muted colour for cells that say less.

The screen keeps its keys (`/` search, `t` tag, ... as `focus('#search')`,
Textual's own focus action) so that the footer and the help list them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from companion.cells import shorten
from companion.tui.widgets.fields import TextField
from companion.tui.widgets.list_table import ListTable

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

F = TypeVar("F", bound="DataclassInstance")


@dataclass(frozen=True)
class Column:
    label: str
    key: str
    width: int


class FilteredTable(Vertical, Generic[F]):
    # No ids here, so that a screen's `#id` rules win (a filter's width, a margin).
    DEFAULT_CSS = """
    FilteredTable {
        height: 1fr;
    }
    FilteredTable > .filter-bar {
        height: 1;
    }
    FilteredTable > .filter-bar > * {
        margin-right: 1;
    }
    FilteredTable > .filter-bar > Input {
        width: 1fr;
    }
    FilteredTable > .filter-bar > Select {
        width: 18;
    }
    FilteredTable DataTable {
        height: 1fr;
    }
    FilteredTable .list-empty {
        margin-top: 1;
        color: $text-muted;
    }
    FilteredTable .list-count {
        height: 1;
        margin-top: 1;
        color: $text-muted;
    }
    """

    class Changed(Message):
        """The filter changed: fill the table again."""

        def __init__(self, table: FilteredTable[Any]) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> FilteredTable[Any]:
            return self.table

    def __init__(
        self,
        filter: F,
        *,
        selects: Sequence[Select[Any]] = (),
        fields: Mapping[str, str] | None = None,
        between: Sequence[Widget] = (),
        table_id: str,
        id: str,
    ) -> None:
        """`selects` follow the search field in the bar; `fields` names the filter's field
        each Select sets (by the Select's id; the same name when not given), and the
        search field sets `text`. `between` goes between the bar and the table. The
        lines under the table are `#<id>-empty` and `#<id>-count`."""
        super().__init__(id=id)
        self.prefix = id
        self.filter = filter
        self.selects = selects
        self.fields = dict(fields or {})
        self.between = between
        self.table_id = table_id
        self.widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="filters", classes="filter-bar"):
            yield TextField(placeholder="Search words", id="search", compact=True)
            yield from self.selects
        yield from self.between
        yield Static(id=f"{self.prefix}-empty", classes="list-empty")
        yield ListTable(id=self.table_id, cursor_type="row", zebra_stripes=False)
        yield Static(id=f"{self.prefix}-count", classes="list-count")

    @property
    def table(self) -> ListTable:
        return self.query_one(f"#{self.table_id}", ListTable)

    def set_columns(self, columns: Iterable[Column]) -> None:
        for column in columns:
            self.widths[column.key] = column.width
            self.table.add_column(column.label, key=column.key, width=column.width)

    # The filter

    def set_filter(self, **changes: object) -> None:
        """Change some of the filter's fields; the screen hears of it when it did change."""
        changed = replace(self.filter, **changes)
        if changed != self.filter:
            self.filter = changed
            self.post_message(self.Changed(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            event.stop()
            self.set_filter(text=event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            event.stop()
            self.table.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        select_id = event.select.id or ""
        if event.select in self.selects:
            event.stop()
            value = None if event.value is Select.NULL else event.value
            self.set_filter(**{self.fields.get(select_id, select_id): value})

    # The rows

    def fit(self, text: str, key: str, less: int = 0) -> str:
        """`text` cut to the column `key`'s width (less `less` cells)."""
        return shorten(text, self.widths[key] - less)

    @property
    def quiet(self) -> str:
        """A muted colour from the current theme (the table's cells take plain colours)."""
        theme = self.app.current_theme
        foreground = Color.parse(theme.foreground or "#888888")
        background = Color.parse(theme.background or "#000000")
        return foreground.blend(background, 0.4).hex

    def show_rows(
        self, rows: Iterable[tuple[str, Sequence[Text]]], keep: str | None = None
    ) -> list[str]:
        """Fill the table: each row's key and cells. The cursor stays on `keep` if it is
        still there, else on the same row number. Returns the keys, in order."""
        table = self.table
        row_before = table.cursor_row
        keys = table.fill(rows)
        if keys:
            row = keys.index(keep) if keep in keys else min(max(row_before, 0), len(keys) - 1)
            table.move_cursor(row=row)
        table.display = bool(keys)
        self.query_one(f"#{self.prefix}-empty", Static).display = not keys
        return keys

    def say_empty(self, words: VisualType) -> None:
        """What the list says when it shows nothing."""
        self.query_one(f"#{self.prefix}-empty", Static).update(words)

    def say_count(self, words: str) -> None:
        self.query_one(f"#{self.prefix}-count", Static).update(words)

    @property
    def cursor(self) -> int | None:
        """The highlighted row's number, when the table shows rows."""
        table = self.table
        if not table.display or not table.row_count:
            return None
        return table.cursor_row
