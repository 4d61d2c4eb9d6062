"""One journal item read in full, the form to write or edit an entry, and deleting one.

Entries are the user's own and can be edited and deleted. A debrief and a
move-on reflection are shown here too, read-only: they belong to their
interview (e continues the debrief; i opens the interview).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Select, Static

from companion.domain.dates import friendly
from companion.domain.debrief import debrief_sections
from companion.domain.errors import FieldError
from companion.domain.interviews import Interview
from companion.domain.journal import (
    Entry,
    JournalItem,
    debrief_item,
    edit_entry,
    entry_item,
    new_entry,
    parse_entry_text,
    reflection_item,
)
from companion.domain.mood import MOOD_SCALE, mood_word, parse_mood
from companion.domain.numbers import whole_number
from companion.domain.practice import parse_tags
from companion.tui.context import app_of
from companion.tui.literal import line, literal
from companion.tui.screens.confirm import Confirm
from companion.tui.screens.form import FORM_CSS, Errors, FormScreen, attempt
from companion.tui.widgets import TextBox, TextField
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

LABELS = {"text": "Entry", "mood": "Mood", "tags": "Tags", "interview": "Interview"}
KIND_TITLES = {"debrief": "Debrief", "reflection": "Moving on"}


def interview_choices(interviews: list[Interview]) -> list[tuple[Content, int]]:
    """Every interview, the latest first, as the Select shows them."""
    ordered = sorted(interviews, key=lambda i: (i.held_on, i.id or 0), reverse=True)
    return [(line(f"{i.title} · {friendly(i.held_on)}"), i.id) for i in ordered if i.id is not None]


class EntryForm(FormScreen[Entry]):
    """Write a new entry, or edit one; nothing is saved while a field is wrong."""

    CSS = (
        FORM_CSS
        + """
    #entry-form {
        width: 90;
    }
    #entry-form #text {
        min-height: 6;
        max-height: 12;
    }
    #entry-form #mood {
        width: 5;
    }
    #entry-hint {
        margin-top: 1;
    }
    """
    )

    def __init__(self, entry: Entry | None = None, interview_id: int | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.interview_id = entry.interview_id if entry else interview_id

    def compose(self) -> ComposeResult:
        entry = self.entry
        interviews = app_of(self).repo.interviews.all()
        with VerticalScroll(classes="dialog", id="entry-form"):
            title = "A new entry" if entry is None else "Edit the entry"
            yield Static(title, classes="dialog-title")
            yield from self.row(
                "Entry",
                TextBox(
                    entry.text if entry else "",
                    id="text",
                    placeholder="How are you, today? Write as much or as little as you like.",
                ),
            )
            mood = str(entry.mood) if entry and entry.mood else ""
            yield from self.row(
                "Mood",
                TextField(
                    mood,
                    id="mood",
                    restrict=r"[1-5]?",
                    max_length=1,
                    compact=True,
                    select_on_focus=False,
                ),
                beside=MOOD_SCALE,
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
                classes="form-hint quiet",
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
        now = app.clock.now()
        try:
            if self.entry is None:
                saved = app.repo.journal.add(
                    new_entry(text, now, mood=mood, tags=tags, interview_id=interview_id)
                )
            else:
                saved = edit_entry(
                    self.entry, now, text=text, mood=mood, tags=tags, interview_id=interview_id
                )
                if saved != self.entry:
                    app.repo.journal.save(saved)
        except FieldError as error:
            self.show_errors({"text": error}, LABELS)
            return
        self.dismiss(saved)


def write_entry(app: CompanionApp, interview_id: int | None = None) -> None:
    """Open the new-entry form over whatever is showing."""
    if app.repo.read_only:
        app.notify(
            f"Read-only: {app.repo.db.read_only_reason}. Nothing can be written here.",
            title="Just looking",
            markup=False,
        )
        return

    def written(entry: Entry | None) -> None:
        if entry is not None:
            app.notify("Kept in your journal.", title="Saved", timeout=4)

    app.push_screen(EntryForm(interview_id=interview_id), written)


def edit_item(app: CompanionApp, item: JournalItem | None) -> None:
    """Edit an entry; a debrief continues where it was left."""
    if item is None:
        return
    if item.kind == "debrief" and item.interview_id is not None:
        from companion.tui.screens.debrief import open_debrief

        open_debrief(app, item.interview_id)
    elif item.entry is not None:
        app.push_screen(EntryForm(item.entry))


def delete_item(
    app: CompanionApp, item: JournalItem | None, deleted: Callable[[], None] | None = None
) -> None:
    """Delete an entry once the user says so; debriefs and reflections are not entries."""
    if item is None or item.entry is None or item.entry.id is None:
        return
    entry_id = item.entry.id

    def confirmed(yes: bool | None) -> None:
        if yes:
            app.repo.journal.delete(entry_id)
            if deleted is not None:
                deleted()

    app.push_screen(
        Confirm(
            "Delete this entry?",
            line(item.entry.first_line),
            "It will be gone from your journal. This cannot be undone.",
        ),
        confirmed,
    )


def current_item(app: CompanionApp, key: str) -> tuple[JournalItem | None, Interview | None]:
    """The item with this key as it is stored now (it may have been edited or deleted)."""
    kind, _, number = key.partition(":")
    item_id = whole_number(number)
    if item_id is None:
        return None, None
    repo = app.repo
    tz = app.clock.now().tzinfo
    today = app.clock.today()
    if kind == "entry":
        entry = repo.journal.get(item_id)
        if entry is None:
            return None, None
        interview = repo.interviews.get(entry.interview_id) if entry.interview_id else None
        return entry_item(entry, tz), interview
    interview = repo.interviews.get(item_id)
    if interview is None:
        return None, None
    if kind == "debrief":
        debrief = repo.debriefs.get(item_id)
        return (debrief_item(debrief, interview, today, tz) if debrief else None), interview
    if kind == "reflection":
        return reflection_item(interview, tz), interview
    return None, None


class EntryScreen(Screen[None]):
    """One journal item in full: an entry, a debrief or a move-on reflection."""

    TITLE = "Journal entry"
    # Screen CSS, so that it outranks the app's `.headline` margin; scoped to this screen.
    CSS = """
    #entry-title {
        margin: 0;
    }
    #entry-facts {
        margin-bottom: 1;
    }
    .section-body {
        margin-left: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Edit", tooltip="Edit the entry, or continue the debrief"),
        Binding("d", "delete", "Delete", tooltip="Delete the entry (asks first)"),
        Binding("i", "interview", "Interview", tooltip="Open the interview it is about"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
    ]

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.item: JournalItem | None = None
        self.interview: Interview | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        app = app_of(self)
        self.item, self.interview = current_item(app, self.key)
        yield NavBar("journal")
        with VerticalScroll(classes="page", id="entry-page"):
            if self.item is None:
                yield Static("This entry is no longer here.", classes="quiet")
            else:
                yield from self._body(self.item)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#entry-page").focus()

    def on_screen_resume(self) -> None:
        if self._shown:
            self.refresh(recompose=True)
            self.refresh_bindings()
        self._shown = True

    def _facts(self, item: JournalItem) -> Content:
        today = app_of(self).clock.today()
        facts: list[str] = []
        if item.mood is not None:
            facts.append(f"mood {item.mood} · {mood_word(item.mood)}")
        if item.tags:
            facts.append(", ".join(item.tags))
        if self.interview is not None:
            facts.append(f"about {self.interview.title}")
        entry = item.entry
        if entry is not None and entry.edited_at is not None:
            tz = app_of(self).clock.now().tzinfo
            facts.append(f"edited {friendly(entry.edited_at.astimezone(tz).date(), today)}")
        if not item.editable:
            facts.append("kept with the interview")
        return line(" · ".join(facts)).stylize("$foreground-muted")

    def _body(self, item: JournalItem) -> ComposeResult:
        app = app_of(self)
        today = app.clock.today()
        when = friendly(item.day, today)
        if item.kind == "entry":
            local = item.at.astimezone(app.clock.now().tzinfo)
            title = Content(f"{when}, {local:%H:%M}")
        else:
            about = self.interview.title if self.interview else ""
            title = line(f"{KIND_TITLES[item.kind]} · {about} · {when}")
        yield Static(title, classes="headline", id="entry-title")
        yield Static(self._facts(item), id="entry-facts")
        if item.kind == "debrief" and self.interview is not None:
            debrief = app.repo.debriefs.get(self.interview.id or 0)
            sections = debrief_sections(debrief, self.interview, today) if debrief else []
            if not sections:
                yield Static("Every step was skipped. e goes through it again.", classes="quiet")
            for number, section in enumerate(sections):
                yield Static(
                    section.title, classes="section-title" + (" first" if not number else "")
                )
                parts = [literal(section.text)] if section.text else []
                parts.extend(
                    Content.assemble(("· ", "$primary"), literal(q)) for q in section.items
                )
                yield Static(Content("\n").join(parts), classes="section-body")
        else:
            yield Static(literal(item.text), id="entry-text")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.item
        writable = not app_of(self).repo.read_only
        if action == "edit":
            return item is not None and writable and item.kind != "reflection"
        if action == "delete":
            return item is not None and writable and item.editable
        if action == "interview":
            return self.interview is not None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        edit_item(app_of(self), self.item)

    def action_delete(self) -> None:
        def deleted() -> None:
            self.notify("Deleted.", title="Journal", timeout=4)
            self.app.pop_screen()

        delete_item(app_of(self), self.item, deleted)

    def action_interview(self) -> None:
        if self.interview is not None and self.interview.id is not None:
            from companion.tui.screens.interview import InterviewScreen

            self.app.push_screen(InterviewScreen(self.interview.id))
