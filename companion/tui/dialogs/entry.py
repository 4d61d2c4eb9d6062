"""Write a journal entry, or edit one: the text, a mood, tags and the interview it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Select, Static

from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.domain.interviews import Interview
from companion.domain.journal import Entry, new_entry, parse_entry_text
from companion.domain.mood import MOOD_SCALE, parse_mood
from companion.domain.practice import parse_tags
from companion.services import journal
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line
from companion.tui.widgets import TextBox, TextField, score_field

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

LABELS = {"text": "Entry", "mood": "Mood", "tags": "Tags", "interview": "Interview"}


def interview_choices(interviews: list[Interview]) -> list[tuple[Content, int]]:
    """Every interview, the latest first, as the Select shows them."""
    ordered = sorted(interviews, key=lambda i: (i.held_on, i.id or 0), reverse=True)
    return [(line(f"{i.title} · {friendly(i.held_on)}"), i.id) for i in ordered if i.id is not None]


class EntryForm(FormScreen[Entry]):
    """Write a new entry, or edit one; nothing is saved while a field is wrong."""

    def __init__(self, entry: Entry | None = None, interview_id: int | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.interview_id = entry.interview_id if entry else interview_id

    def compose(self) -> ComposeResult:
        entry = self.entry
        interviews = app_of(self).repo.interviews.all()
        with VerticalScroll(classes="dialog wide", id="entry-form"):
            title = "A new entry" if entry is None else "Edit the entry"
            yield Static(title, classes="dialog-title")
            yield from self.row(
                "Entry",
                TextBox(
                    entry.text if entry else "",
                    id="text",
                    placeholder="How are you, today? Write as much or as little as you like.",
                    classes="tall",
                ),
            )
            yield from self.row(
                "Mood", score_field(entry.mood if entry else None, "mood"), beside=MOOD_SCALE
            )
            tags = ", ".join(entry.tags) if entry else ""
            yield from self.row(
                "Tags",
                TextField(
                    tags,
                    id="tags",
                    placeholder="with commas between",
                    compact=True,
                    select_on_focus=False,
                ),
            )
            yield from self.row(
                "Interview",
                Select(
                    interview_choices(interviews),
                    prompt="None",
                    value=self.interview_id
                    if self.interview_id in {i.id for i in interviews}
                    else Select.NULL,
                    id="interview",
                    compact=True,
                ),
            )
            yield Static(
                "ctrl+s saves; enter in the entry starts a new line.",
                classes="quiet hint",
                id="entry-hint",
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", TextBox).focus()

    def save(self) -> None:
        app = app_of(self)
        errors: Errors = {}
        text = attempt(
            errors, "text", lambda: parse_entry_text(self.query_one("#text", TextBox).text)
        )
        mood = attempt(errors, "mood", lambda: parse_mood(self.query_one("#mood", TextField).value))
        tags = attempt(
            errors, "tags", lambda: parse_tags([self.query_one("#tags", TextField).value])
        )
        chosen = self.query_one("#interview", Select).value
        interview_id = chosen if isinstance(chosen, int) else None
        if errors or text is None or tags is None:
            self.show_errors(errors, LABELS)
            return
        try:
            if self.entry is None:
                made = new_entry(
                    text, app.clock.now(), mood=mood, tags=tags, interview_id=interview_id
                )
                saved = journal.write_entry(app.repo, made)
            else:
                saved = journal.edit_entry(
                    app.repo, self.entry, text=text, mood=mood, tags=tags, interview_id=interview_id
                )
        except FieldError as error:
            self.show_errors({"text": error}, LABELS)
            return
        self.dismiss(saved)


def write_entry(app: CompanionApp, interview_id: int | None = None) -> None:
    """Open the new-entry form over whatever is showing."""
    if refuse_when_read_only(app.screen):
        return

    def written(entry: Entry | None) -> None:
        if entry is not None:
            app.notify("Kept in your journal.", title="Saved", timeout=4)

    app.push_screen(EntryForm(interview_id=interview_id), written)
