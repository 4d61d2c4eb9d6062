"""The story bank, a page of the question bank (y): every STAR story, how many questions
it answers and how often it was told."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from companion.domain.stories import Story, told_words
from companion.services import stories
from companion.tui.context import app_of
from companion.tui.dialogs import Confirm, StoryForm
from companion.tui.literal import line, one_line
from companion.tui.screens.record_list import RecordListScreen
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

TAGS_WIDTH = 18


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class StoriesScreen(RecordListScreen[Story]):
    TITLE = "Stories"
    WRITES = frozenset({"new_story", "edit", "delete"})
    NEEDS_ROW = frozenset({"edit", "delete"})
    DEFAULT_CSS = """
    StoriesScreen #stories-about {
        margin: 1 0;
    }
    StoriesScreen DataTable {
        height: 1fr;
    }
    StoriesScreen #stories-count {
        height: 1;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_story", "New story", tooltip="A STAR story from your work"),
        Binding("e", "edit", "Edit", tooltip="Edit the story"),
        Binding("d", "delete", "Delete", tooltip="Delete the story (asks first)"),
        Binding("escape", "back", "Questions", tooltip="Back to the question bank"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stories: list[Story] = []
        self.text_width = 30

    def compose(self) -> ComposeResult:
        yield NavBar("bank")
        with Vertical(classes="page"):
            yield Static(
                "Your stories, each told in four parts and ready for the questions it answers. "
                "Link one to a question with l in the bank.",
                id="stories-about",
                classes="quiet",
            )
            yield DataTable(id="stories", cursor_type="row", zebra_stripes=False)
            yield Static(id="stories-count", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.text_width = max(20, self.app.size.width - 58)
        table.add_column("Story", key="title", width=self.text_width)
        table.add_column("Tags", key="tags", width=TAGS_WIDTH)
        table.add_column("Answers", key="answers", width=11)
        table.add_column("Used", key="told", width=13)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.stories = app_of(self).repo.stories.all()
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for story in self.stories:
            answers = len(story.question_ids)
            table.add_row(
                Text(_fit(one_line(story.title), self.text_width)),
                Text(_fit(one_line(", ".join(story.tags)), TAGS_WIDTH)),
                Text(f"{answers} question{'' if answers == 1 else 's'}"),
                Text(told_words(story.told)),
                key=str(story.id),
            )
        if self.stories:
            table.move_cursor(row=min(keep, len(self.stories) - 1))
        table.display = bool(self.stories)
        count = self.query_one("#stories-count", Static)
        if self.stories:
            count.update(f"{len(self.stories)} stor{'y' if len(self.stories) == 1 else 'ies'}")
        else:
            count.update(
                "No stories yet. Press n to write one: a situation, your task, what you did, "
                "and the result."
            )
        self.refresh_bindings()

    @property
    def selected(self) -> Story | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.stories[row] if self.stories and 0 <= row < len(self.stories) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_new_story(self) -> None:
        self.app.push_screen(StoryForm(), lambda _: self.reload())

    def action_edit(self) -> None:
        story = self.selected
        if story is not None and not app_of(self).repo.read_only:
            self.app.push_screen(StoryForm(story), lambda _: self.reload())

    def action_delete(self) -> None:
        story = self.selected
        if story is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                stories.delete_story(app_of(self).repo, story)
                self.reload()

        self.app.push_screen(
            Confirm(
                "Delete this story?",
                line(story.title),
                "Its questions stay in the bank; only the story goes. This cannot be undone.",
            ),
            confirmed,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
