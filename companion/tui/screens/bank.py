"""The question bank: every question, filtered by words, tag, interview and when it comes up."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Select

from companion.domain.changes import next_change
from companion.domain.practice import (
    SHOW_ALL,
    SHOW_DUE,
    SHOW_RESTING,
    BankFilter,
    Question,
    filter_bank,
    question_when,
)
from companion.services import practice
from companion.tui.context import ShownFor, app_of
from companion.tui.dialogs import (
    AnswerHistoryScreen,
    Confirm,
    DeckPicker,
    QuestionForm,
    StoryLinks,
)
from companion.tui.literal import line, one_line
from companion.tui.screens.record_list import RecordListScreen
from companion.tui.widgets import Column, FilteredTable
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

SHOW_OPTIONS = ((SHOW_ALL, "All"), (SHOW_DUE, "Due now"), (SHOW_RESTING, "Resting"))
TAGS_WIDTH = 18
WHEN_WIDTH = 12


class BankScreen(RecordListScreen[Question]):
    TITLE = "Question bank"
    WRITES = frozenset({"new_question", "edit", "rest", "delete", "decks", "link_story"})
    NEEDS_ROW = frozenset({"edit", "rest", "delete", "versions", "link_story"})
    DEFAULT_CSS = """
    BankScreen #filters {
        margin: 1 0;
    }
    BankScreen #show {
        width: 13;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_question", "New", tooltip="Add a question"),
        Binding("e", "edit", "Edit", tooltip="Edit the question, its answer and notes"),
        Binding("x", "rest", "Rest/wake", tooltip="Stop it coming up for now, or wake it"),
        Binding("d", "delete", "Delete", tooltip="Delete the question (asks first)"),
        Binding("v", "versions", "Versions", tooltip="How the answer grew", show=False),
        Binding("y", "stories", "Stories", tooltip="Your STAR stories, each for many questions"),
        Binding(
            "l", "link_story", "Link a story", tooltip="The stories that answer it", show=False
        ),
        Binding(
            "m", "decks", "Starter decks", tooltip="Add questions from a starter deck", show=False
        ),
        Binding("slash", "focus('#search')", "Search", key_display="/"),
        Binding("t", "focus('#tag')", "Filter by tag", show=False),
        Binding("o", "focus('#interview')", "Filter by interview", show=False),
        Binding(
            "u",
            "cycle_show",
            "All, due or resting",
            tooltip="Show all, due now, or resting",
            show=False,
        ),
        Binding("escape", "focus('#questions')", "Back to the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.read_for = ShownFor()
        self.shown: list[Question] = []
        self.today_count = 0
        self.everything: list[Question] = []

    def compose(self) -> ComposeResult:
        yield NavBar("bank")
        with Vertical(classes="page"):
            yield FilteredTable(
                BankFilter(),
                selects=(
                    Select[str]([], prompt="Any tag", id="tag", compact=True),
                    Select[int]([], prompt="Any interview", id="interview", compact=True),
                    Select[str](
                        [(label, value) for value, label in SHOW_OPTIONS],
                        allow_blank=False,
                        value=SHOW_ALL,
                        id="show",
                        compact=True,
                    ),
                ),
                fields={"interview": "interview_id"},
                table_id="questions",
                id="bank",
            )
        yield Footer(compact=True)

    @property
    def listing(self) -> FilteredTable[BankFilter]:
        return self.query_one("#bank", FilteredTable)

    @property
    def filter(self) -> BankFilter:
        return self.listing.filter

    def on_mount(self) -> None:
        self.listing.set_columns(
            (
                Column("Question", "text", max(24, self.app.size.width - 42)),
                Column("Tags", "tags", TAGS_WIDTH),
                Column("Comes up", "when", WHEN_WIDTH),
            )
        )
        self.reload()
        self.listing.table.focus()

    def on_screen_resume(self) -> None:
        if self.read_for.moved(self):
            self.reload()

    # Filling the list

    def reload(self) -> None:
        """Read the bank again (after a change) and refresh the filters' choices."""
        questions = app_of(self).repo.questions
        tags = questions.tags()
        interviews = questions.interview_ids()
        tag_select = self.query_one("#tag", Select)
        tag_select.set_options((line(tag), tag) for tag in tags)
        if self.filter.tag in tags:
            tag_select.value = self.filter.tag
        interview_select = self.query_one("#interview", Select)
        names = app_of(self).repo.interviews.companies()
        interview_select.set_options(
            (line(names.get(number, f"Interview {number}")), number) for number in interviews
        )
        if self.filter.interview_id in interviews:
            interview_select.value = self.filter.interview_id
        self.everything = questions.all()
        # "Comes up" says now, later today, tomorrow: right until a question falls due
        now = app_of(self).clock.now()
        day_starts = app_of(self).repo.settings.get().day_starts
        dues = (q.due for q in self.everything)
        self.read_for.mark(self, next_change(now, dues, None, day_starts))
        self.today_count = practice.plan_for_today(app_of(self).repo, self.everything).count
        self.refill()

    def refill(self) -> None:
        now = app_of(self).clock.now()
        everything = self.everything
        listing = self.listing
        days = practice.practice_days(app_of(self).repo)
        self.shown = filter_bank(everything, self.filter, now, days)
        quiet = listing.quiet

        def row(question: Question) -> tuple[str, list[Text]]:
            when = question_when(question, now, days)
            style = quiet if question.suspended else ""
            return str(question.id), [
                Text(listing.fit(one_line(question.text), "text"), style=style),
                Text(listing.fit(one_line(", ".join(question.tags)), "tags"), style=quiet),
                Text(when, style=style),
            ]

        listing.show_rows(row(question) for question in self.shown)
        if not everything:
            listing.say_empty(
                "Your question bank is empty. Press n to add a question that tripped you up, "
                "or m to start with a starter deck."
            )
        elif not self.shown:
            listing.say_empty("No question matches these filters.")
        resting = sum(1 for q in everything if q.suspended)
        if len(self.shown) == len(everything):
            count = f"{len(everything)} question{'s' if len(everything) != 1 else ''}"
        else:
            count = f"Showing {len(self.shown)} of {len(everything)} questions"
        count += f" · {self.today_count} for today" + (f" · {resting} resting" if resting else "")
        listing.say_count(count)
        self.refresh_bindings()

    def on_filtered_table_changed(self) -> None:
        self.refill()

    def action_cycle_show(self) -> None:
        values = [value for value, _ in SHOW_OPTIONS]
        following = values[(values.index(self.filter.show) + 1) % len(values)]
        self.query_one("#show", Select).value = following

    # The selected question

    @property
    def selected(self) -> Question | None:
        row = self.listing.cursor
        return self.shown[row] if row is not None and 0 <= row < len(self.shown) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_new_question(self) -> None:
        self.app.push_screen(QuestionForm(), self._changed)

    def action_edit(self) -> None:
        question = self.selected
        if question is not None and not app_of(self).repo.read_only:
            self.app.push_screen(QuestionForm(question), self._changed)

    def _changed(self, saved: Question | None) -> None:
        if saved is not None:
            self.reload()

    def action_rest(self) -> None:
        question = self.selected
        if question is None:
            return
        app = app_of(self)
        practice.set_resting(app.repo, question, not question.suspended)
        if question.suspended:
            app.notify("It is back in your practice.", title="Awake", timeout=4)
        else:
            app.notify("It will not come up until you wake it (x).", title="Resting", timeout=4)
        self.reload()

    def action_delete(self) -> None:
        question = self.selected
        if question is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                practice.delete_question(app_of(self).repo, question)
                self.reload()

        versions = question.earlier_versions
        extra = (
            f" and its {versions} earlier version{'s' if versions != 1 else ''}" if versions else ""
        )
        self.app.push_screen(
            Confirm(
                "Delete this question?",
                question.text,
                f"Its answer{extra} will be deleted too. This cannot be undone; "
                "to set it aside for a while instead, rest it (x).",
            ),
            confirmed,
        )

    def action_versions(self) -> None:
        question = self.selected
        if question is not None:
            self.app.push_screen(AnswerHistoryScreen(question))

    def action_decks(self) -> None:
        self.app.push_screen(DeckPicker(), lambda result: self.reload())

    def action_stories(self) -> None:
        from companion.tui.screens.stories import StoriesScreen

        self.app.push_screen(StoriesScreen())

    def action_link_story(self) -> None:
        question = self.selected
        if question is not None:
            self.app.push_screen(StoryLinks(question))
