"""The journal: entries, debriefs and move-on reflections, newest first, with the mood of the month.

The entries and the debriefs are read from their history parts when this
screen first shows (never at start-up); each change reads them again.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Select, Static

from companion.domain.dates import friendly
from companion.domain.interviews import Interview
from companion.domain.journal import (
    Entry,
    JournalFilter,
    JournalItem,
    journal_items,
    journal_tags,
    moods_by_day,
    searchable,
    sort_newest_first,
)
from companion.domain.mood import mood_word
from companion.domain.writing import journal_line
from companion.services import writing
from companion.services.access import StoreError
from companion.tui.context import ShownFor, app_of
from companion.tui.dialogs import EntryForm, WritingProgramme
from companion.tui.literal import line, literal, one_line
from companion.tui.screens.journal_entry import EntryScreen, delete_item, edit_item
from companion.tui.screens.record_list import RecordListScreen
from companion.tui.widgets import Column, FilteredTable, MoodLine
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

# The list shows the newest this many that match; search and the filters reach the rest.
# Thousands of rows cannot be read by scrolling anyway, and a table of them is slow to draw.
LIST_LIMIT = 200
WHEN_WIDTH = 11
MOOD_WIDTH = 7
ABOUT_WIDTH = 16
KIND_LABELS = {"debrief": "Debrief", "reflection": "Moving on"}
EMPTY = (
    "Your journal is empty. Press n to write how today went. Debriefs and the "
    "reflections you write when moving on appear here too."
)


class JournalScreen(RecordListScreen[JournalItem]):
    TITLE = "Journal"
    WRITES = frozenset({"new_entry", "edit", "delete", "writing_programme"})
    NEEDS_ROW = frozenset({"open", "edit", "delete"})
    DEFAULT_CSS = """
    JournalScreen #journal-page {
        padding: 1 2 0 2;
    }
    JournalScreen #filters {
        margin-bottom: 1;
    }
    JournalScreen #tag, JournalScreen #interview {
        width: 20;
    }
    JournalScreen DataTable {
        margin-top: 1;
    }
    """
    # In the order the footer shows them; at 80 columns the last ones are in `?` help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_entry", "Write", tooltip="A new journal entry"),
        Binding("enter", "open", "Read", tooltip="Read the highlighted item in full"),
        Binding("e", "edit", "Edit", tooltip="Edit the entry, or continue the debrief"),
        Binding("d", "delete", "Delete", tooltip="Delete the entry (asks first)"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
        Binding("slash", "focus('#search')", "Search", key_display="/"),
        # W, not w: w goes to the waiting room from every page.
        Binding(
            "W",
            "writing_programme",
            "Writing programme",
            show=False,
            tooltip="Four prompts about your search, one a day at most, skippable",
        ),
        Binding("t", "focus('#tag')", "Filter by tag", show=False),
        Binding("o", "focus('#interview')", "Filter by interview", show=False),
        Binding("escape", "focus('#entries')", "Back to the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.read_for = ShownFor()
        self.items: list[JournalItem] = []
        self.shown: list[JournalItem] = []
        self.matching = 0
        self.titles: dict[int, str] = {}
        # what a search looks through, by item: made at the first search after a reading
        self.haystacks: dict[str, str] | None = None
        self.problem: str | None = None
        self._shown_once = False
        self._highlight_next: str | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("journal")
        with Vertical(id="journal-page"):
            yield FilteredTable(
                JournalFilter(),
                selects=(
                    Select[str]([], prompt="Any tag", id="tag", compact=True),
                    Select[int]([], prompt="Any interview", id="interview", compact=True),
                ),
                fields={"interview": "interview_id"},
                between=(MoodLine(id="moods"),),
                table_id="entries",
                id="journal",
            )
            yield Static(id="programme-line", classes="quiet")
        yield Footer(compact=True)

    @property
    def listing(self) -> FilteredTable[JournalFilter]:
        return self.query_one("#journal", FilteredTable)

    @property
    def filter(self) -> JournalFilter:
        return self.listing.filter

    def on_mount(self) -> None:
        fixed = WHEN_WIDTH + MOOD_WIDTH + ABOUT_WIDTH + 8 + 4 + 2
        self.listing.set_columns(
            (
                Column("When", "when", WHEN_WIDTH),
                Column("Mood", "mood", MOOD_WIDTH),
                Column("Entry", "entry", max(20, self.app.size.width - fixed)),
                Column("About", "about", ABOUT_WIDTH),
            )
        )
        self.reload()
        self.listing.table.focus()

    def on_screen_resume(self) -> None:
        # The first resume follows the mount; later ones follow a form, a dialog, an entry's
        # page or a visit elsewhere, after any of which the journal may have changed.
        if self._shown_once and (self._highlight_next or self.read_for.moved(self)):
            self.reload(self._highlight_next or self._highlighted_key())
        self._highlight_next = None
        self._shown_once = True

    # Reading

    def reload(self, highlight: str | None = None) -> None:
        self.read_for.mark(self)
        app = app_of(self)
        repo = app.repo
        today = app.clock.today()
        interviews = repo.interviews.all()
        self.titles = {i.id: i.title for i in interviews if i.id is not None}
        try:
            entries = repo.journal.all()
            debriefs = repo.debriefs.all()
        except StoreError as error:
            self.problem = str(error)
            entries, debriefs = [], []
        else:
            self.problem = None
        self.items = journal_items(entries, debriefs, interviews, today, app.clock.now().tzinfo)
        self.haystacks = None
        self._fill_filters(interviews)
        self.query_one("#moods", MoodLine).show(moods_by_day(self.items, today), today)
        self.refill(highlight)
        self._show_programme_line()

    # The writing programme (issue 17): a quiet line while a prompt is there for today.

    def _show_programme_line(self) -> None:
        app = app_of(self)
        line = self.query_one("#programme-line", Static)
        try:
            state = writing.programme(app.repo)
        except StoreError:
            state = None
        words = journal_line(state) if state is not None and not app.repo.read_only else None
        line.display = words is not None
        line.update(words or "")

    def action_writing_programme(self) -> None:
        def written(entry: Entry | None) -> None:
            if entry is not None:
                self._highlight_next = f"entry:{entry.id}"
                self.app.notify("Kept in your journal.", title="Saved", timeout=4)

        self.app.push_screen(WritingProgramme(), written)

    def _fill_filters(self, interviews: list[Interview]) -> None:
        tags = journal_tags(self.items)
        tag_select = self.query_one("#tag", Select)
        tag_select.set_options((line(tag), tag) for tag in tags)
        if self.filter.tag in tags:
            tag_select.value = self.filter.tag
        about = {item.interview_id for item in self.items if item.interview_id is not None}
        listed = sorted(
            (i for i in interviews if i.id in about), key=lambda i: i.held_on, reverse=True
        )
        interview_select = self.query_one("#interview", Select)
        interview_select.set_options((line(i.title), i.id) for i in listed)
        if self.filter.interview_id in about:
            interview_select.value = self.filter.interview_id

    def refill(self, highlight: str | None = None) -> None:
        listing = self.listing
        keep = highlight or self._highlighted_key()
        if self.filter.text.split() and self.haystacks is None:
            self.haystacks = {item.key: searchable(item, self.titles) for item in self.items}
        haystacks = self.haystacks or {}
        matching = sort_newest_first(
            item
            for item in self.items
            if self.filter.matches(item, self.titles, haystacks.get(item.key))
        )
        self.matching = len(matching)
        self.shown = matching[:LIST_LIMIT]
        today = app_of(self).clock.today()
        quiet = listing.quiet

        def row(item: JournalItem) -> tuple[str, list[Text]]:
            label = KIND_LABELS.get(item.kind)
            preview = item.preview or ("Every step skipped" if item.kind == "debrief" else "")
            entry = Text.assemble(
                *([(f"{label}  ", quiet)] if label else []),
                listing.fit(one_line(preview), "entry", less=len(label) + 2 if label else 0),
            )
            about = (
                self.titles.get(item.interview_id, "")
                if item.interview_id is not None
                else ", ".join(item.tags)
            )
            return item.key, [
                Text(friendly(item.day, today)),
                Text(mood_word(item.mood), style=quiet),
                entry,
                Text(listing.fit(one_line(about), "about"), style=quiet),
            ]

        listing.show_rows((row(item) for item in self.shown), keep)
        self._show_counts()
        self.refresh_bindings()

    def _show_counts(self) -> None:
        listing = self.listing
        if self.problem:
            listing.say_empty(literal(self.problem))
        elif not self.items:
            listing.say_empty(EMPTY)
        elif not self.shown:
            listing.say_empty("Nothing matches these filters.")
        counts = {
            kind: sum(1 for i in self.items if i.kind == kind)
            for kind in ("entry", "debrief", "reflection")
        }
        words = [
            f"{counts['entry']:,} entr{'y' if counts['entry'] == 1 else 'ies'}",
            f"{counts['debrief']:,} debrief{'' if counts['debrief'] == 1 else 's'}",
        ]
        if counts["reflection"]:
            words.append(
                f"{counts['reflection']:,} reflection{'' if counts['reflection'] == 1 else 's'}"
            )
        line = " · ".join(words)
        if len(self.shown) < self.matching:
            line = (
                f"The newest {len(self.shown)} of {self.matching:,}; search or filter for "
                f"older ones · {line}"
            )
        elif self.matching != len(self.items):
            line = f"Showing {self.matching:,} of {len(self.items):,} · {line}"
        listing.say_count(line)

    def _highlighted_key(self) -> str | None:
        selected = self.selected
        return selected.key if selected is not None else None

    def on_filtered_table_changed(self) -> None:
        self.refill()

    # The highlighted item

    @property
    def selected(self) -> JournalItem | None:
        if not self.is_mounted:
            return None
        row = self.listing.cursor
        return self.shown[row] if row is not None and 0 <= row < len(self.shown) else None

    def writes_blocked(self) -> bool:
        return super().writes_blocked() or bool(self.problem)

    def row_allows(self, action: str, selected: JournalItem) -> bool:
        if action == "edit":
            return selected.kind != "reflection"
        if action == "delete":
            return selected.editable
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        item = self.selected
        if item is not None:
            self.app.push_screen(EntryScreen(item.key))

    def action_new_entry(self) -> None:
        def written(entry: Entry | None) -> None:
            if entry is not None:
                self._highlight_next = f"entry:{entry.id}"

        self.app.push_screen(EntryForm(interview_id=self.filter.interview_id), written)

    def action_edit(self) -> None:
        edit_item(app_of(self), self.selected)

    def action_delete(self) -> None:
        delete_item(app_of(self), self.selected)
