"""ListTable, filled in one go, lays out and draws as Textual's DataTable filled row by row."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey

from companion.tui.widgets.list_table import ListTable, text_width

Rows = list[tuple[str, Sequence[Text | str | None]]]

ROWS: Rows = [
    ("1", [Text("東京で働きたい"), Text("short", style="bold"), Text("fixed column text")]),
    ("2", [Text.assemble(("Debrief  ", "#888888"), "how it went"), Text(""), None]),
    ("3", [Text("a"), Text("🙂 é\u0301 wide"), Text("x")]),
]


class Tables(App[None]):
    def __init__(self, rows: Rows) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(id="textual", cursor_type="row")
        yield ListTable(id="ours", cursor_type="row")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.styles.height = 6
            table.add_column("When", key="when")
            table.add_column("Entry", key="entry")
            table.add_column("About", key="about", width=6)
        textual = self.query_one("#textual", DataTable)
        for key, cells in self.rows:
            textual.add_row(*cells, key=key)
        self.query_one("#ours", ListTable).fill(self.rows)  # type: ignore[arg-type]


def _drawn(table: DataTable[object]) -> list[str]:
    return [strip.text for strip in table.render_lines(table.content_region.reset_offset)]


@pytest.mark.parametrize(
    "rows",
    [ROWS, [], [("1", [Text("a"), "[b]markup[/b] as Textual measures it", None])]],
    ids=["texts", "empty", "a str cell"],
)
async def test_a_filled_table_is_laid_out_and_drawn_as_textuals(rows: Rows) -> None:
    app = Tables(rows)
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        textual = app.query_one("#textual", DataTable)
        ours = app.query_one("#ours", ListTable)
        assert ours.row_count == textual.row_count == len(rows)
        assert ours.virtual_size == textual.virtual_size
        for key in ("when", "entry", "about"):
            assert ours.columns[key].get_render_width(ours) == textual.columns[
                key
            ].get_render_width(textual)
        assert ours.cursor_coordinate == textual.cursor_coordinate
        assert _drawn(ours) == _drawn(textual)


async def test_a_table_filled_again_forgets_the_old_rows() -> None:
    app = Tables(ROWS)
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        ours = app.query_one("#ours", ListTable)
        assert ours.fill([("9", [Text("b"), Text("c"), Text("d")])]) == ["9"]
        await pilot.pause()
        assert ours.row_count == 1
        assert ours.get_row_at(0)[0].plain == "b"
        with pytest.raises(DuplicateKey):
            ours.fill([("1", [Text("a")]), ("1", [Text("b")])])


def test_a_texts_width_is_its_widest_line_in_cells() -> None:
    assert text_width(Text("東京")) == 4
    assert text_width(Text("ab\nabcd")) == 4
    assert text_width(Text("")) == 0
