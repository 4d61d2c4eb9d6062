"""The question bank: every question, filtered by words, tag, interview and when it comes up."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static

from companion.domain.practice import (
    SHOW_ALL,
    SHOW_DUE,
    SHOW_RESTING,
    BankFilter,
    Question,
    filter_bank,
    when_phrase,
)
from companion.tui.context import app_of
from companion.tui.literal import line, one_line
from companion.tui.screens.confirm import Confirm
from companion.tui.screens.question_dialogs import (
    AnswerHistoryScreen,
    DeckPicker,
    QuestionForm,
)
from companion.tui.widgets import TextField
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

SHOW_OPTIONS = ((SHOW_ALL, "All"), (SHOW_DUE, "Due now"), (SHOW_RESTING, "Resting"))
WRITES = {"new_question", "edit", "rest", "delete", "decks"}
NEEDS_ROW = {"edit", "rest", "delete", "versions"}
TAGS_WIDTH = 18


def _fit(text: str, width: int) -> str:
    """Text cut to a column's width, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class BankScreen(Screen[None]):
    TITLE = "Question bank"
    DEFAULT_CSS = """
    BankScreen #filters {
        height: 1;
        margin: 1 0;
    }
    BankScreen #filters > * {
        margin-right: 1;
    }
    BankScreen #search {
        width: 1fr;
    }
    BankScreen #tag, BankScreen #interview {
        width: 18;
    }
    BankScreen #show {
        width: 13;
    }
    BankScreen DataTable {
        height: 1fr;
    }
    BankScreen #bank-count {
        height: 1;
        margin-top: 1;
    }
    BankScreen #bank-empty {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_question", "New", tooltip="Add a question"),
        Binding("e", "edit", "Edit", tooltip="Edit the question, its answer and notes"),
        Binding("x", "rest", "Rest/wake", tooltip="Stop it coming up for now, or wake it"),
        Binding("d", "delete", "Delete", tooltip="Delete the question (asks first)"),
        Binding("v", "versions", "Versions", tooltip="How the answer grew", show=False),
        Binding(
            "m", "decks", "Starter decks", tooltip="Add questions from a starter deck", show=False
        ),
        Binding("slash", "focus('search')", "Search", key_display="/"),
        Binding("t", "focus('tag')", "Filter by tag", show=False),
        Binding("o", "focus('interview')", "Filter by interview", show=False),
        Binding(
            "u",
            "cycle_show",
            "All, due or resting",
            tooltip="Show all, due now, or resting",
            show=False,
        ),
        Binding("escape", "focus('questions')", "Back to the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = BankFilter()
        self.shown: list[Question] = []
        self.everything: list[Question] = []
        self.text_width = 40

    def compose(self) -> ComposeResult:
        yield NavBar("bank")
        with Vertical(classes="page"):
            with Horizontal(id="filters"):
                yield TextField(placeholder="Search words", id="search", compact=True)
                yield Select[str]([], prompt="Any tag", id="tag", compact=True)
                yield Select[int]([], prompt="Any interview", id="interview", compact=True)
                yield Select[str](
                    [(label, value) for value, label in SHOW_OPTIONS],
                    allow_blank=False,
                    value=SHOW_ALL,
                    id="show",
                    compact=True,
                )
            yield Static(id="bank-empty", classes="quiet")
            yield DataTable(id="questions", cursor_type="row", zebra_stripes=False)
            yield Static(id="bank-count", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.text_width = max(24, self.app.size.width - 42)
        table.add_column("Question", key="text", width=self.text_width)
        table.add_column("Tags", key="tags", width=TAGS_WIDTH)
        table.add_column("Comes up", key="when", width=12)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
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
        names = {i.id: i.company for i in app_of(self).repo.interviews.all()}
        interview_select.set_options(
            (line(names.get(number, f"Interview {number}")), number) for number in interviews
        )
        if self.filter.interview_id in interviews:
            interview_select.value = self.filter.interview_id
        self.everything = questions.all()
        self.refill()

    def quiet_style(self) -> str:
        """A muted colour from the current theme (the table's cells take plain colours)."""
        theme = self.app.current_theme
        foreground = Color.parse(theme.foreground or "#888888")
        background = Color.parse(theme.background or "#000000")
        return foreground.blend(background, 0.4).hex

    def refill(self) -> None:
        now = app_of(self).clock.now()
        everything = self.everything
        self.shown = filter_bank(everything, self.filter, now)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        quiet = self.quiet_style()
        for question in self.shown:
            when = "resting" if question.suspended else when_phrase(question.due, now)
            style = quiet if question.suspended else ""
            table.add_row(
                Text(_fit(one_line(question.text), self.text_width), style=style),
                Text(_fit(one_line(", ".join(question.tags)), TAGS_WIDTH), style=quiet),
                Text(when, style=style),
                key=str(question.id),
            )
        if self.shown:
            table.move_cursor(row=min(keep, len(self.shown) - 1))
        empty = self.query_one("#bank-empty", Static)
        empty.display = not self.shown
        table.display = bool(self.shown)
        if not everything:
            empty.update(
                "Your question bank is empty. Press n to add a question that tripped you up, "
                "or m to start with a starter deck."
            )
        elif not self.shown:
            empty.update("No question matches these filters.")
        due = sum(1 for q in everything if q.is_due(now))
        resting = sum(1 for q in everything if q.suspended)
        if len(self.shown) == len(everything):
            count = f"{len(everything)} question{'s' if len(everything) != 1 else ''}"
        else:
            count = f"Showing {len(self.shown)} of {len(everything)} questions"
        count += f" · {due} due now" + (f" · {resting} resting" if resting else "")
        self.query_one("#bank-count", Static).update(count)
        self.refresh_bindings()

    # Filters

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.set_filter(text=event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else event.value
        match event.select.id:
            case "tag":
                self.set_filter(tag=value)
            case "interview":
                self.set_filter(interview_id=value)
            case "show":
                self.set_filter(show=value or SHOW_ALL)

    def set_filter(self, **changes: object) -> None:
        current = {**self.filter.__dict__, **changes}
        if current != self.filter.__dict__:
            self.filter = BankFilter(**current)  # type: ignore[arg-type]
            self.refill()

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_cycle_show(self) -> None:
        values = [value for value, _ in SHOW_OPTIONS]
        following = values[(values.index(self.filter.show) + 1) % len(values)]
        self.query_one("#show", Select).value = following

    # The selected question

    @property
    def selected(self) -> Question | None:
        table = self.query_one(DataTable)
        if not self.shown or not table.display:
            return None
        row = table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WRITES and app_of(self).repo.read_only:
            return False
        if action in NEEDS_ROW:
            return self.selected is not None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

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
        app.repo.questions.set_suspended(question, not question.suspended)
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
                app_of(self).repo.questions.delete(question)
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
