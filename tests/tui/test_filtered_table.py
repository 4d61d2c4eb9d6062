"""The filtered list under the bank and the journal: cells cut in terminal cells, the
filter bar, and the keys that move between the bar and the list."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable, Input, Select

from companion.cells import shorten
from companion.clock import FrozenClock
from companion.domain.journal import new_entry
from companion.domain.practice import new_question
from companion.store.repository import Repository
from companion.tui.screens import BankScreen, JournalScreen
from companion.tui.widgets import FilteredTable
from tests.conftest import AppFactory

WIDE = "東京で働きたい理由を教えてください。チームの一員として何を大切にしますか"
TEXT = st.text(alphabet=st.sampled_from("ab 東京🙂é\u0301"), max_size=40)


@given(text=TEXT, width=st.integers(0, 30))
def test_shortened_text_fits_its_cells(text: str, width: int) -> None:
    cut = shorten(text, width)
    assert cell_len(cut) <= max(width, 0)
    if cell_len(text) <= width:
        assert cut == text
    else:
        assert cut.endswith("…") or width == 0


def _cells(table: DataTable[Text], column: int) -> list[str]:
    return [table.get_row_at(row)[column].plain for row in range(table.row_count)]


async def test_wide_characters_keep_the_banks_columns(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.questions.add(new_question(WIDE, clock.now(), tags=["東京", "チーム"]))
        repo.questions.add(new_question("Why us?", clock.now(), tags=["motivation"]))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BankScreen)
        listing = screen.listing
        table = listing.table
        for column, key in enumerate(("text", "tags")):
            for cell in _cells(table, column):
                assert cell_len(cell) <= listing.widths[key], cell
        assert _cells(table, 0)[0].endswith("…")


async def test_the_filter_bar_filters_and_hands_the_keys_back(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for text, tags in (("Calm day", ["rest"]), ("Long day", ["work"]), ("Calm again", [])):
            repo.journal.add(new_entry(text, clock.now(), tags=tags))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        listing = screen.listing
        assert isinstance(listing, FilteredTable)
        table = listing.table
        assert table.row_count == 3

        await pilot.press("slash")  # Textual's own focus action, by selector
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        await pilot.press(*"calm")
        await pilot.pause()
        assert table.row_count == 2
        assert listing.filter.text == "calm"
        await pilot.press("enter")  # back to the list
        assert app.focused is table

        before = listing.filter
        listing.set_filter(text="calm")  # the same: nothing to refill
        assert listing.filter is before
        screen.query_one("#tag", Select).value = "rest"
        await pilot.pause()
        assert listing.filter.tag == "rest"
        assert table.row_count == 1

        await pilot.press("t")
        assert app.focused is screen.query_one("#tag", Select)
        await pilot.press("escape")
        assert app.focused is table
