"""One journal item read in full, and editing or deleting one (from here or the list).

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
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.debrief import debrief_sections
from companion.domain.interviews import Interview
from companion.domain.journal import JournalItem, debrief_item, entry_item, reflection_item
from companion.domain.mood import mood_word
from companion.domain.numbers import whole_number
from companion.services import journal
from companion.tui.context import app_of
from companion.tui.dialogs import Confirm, EntryForm
from companion.tui.literal import line, literal
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

KIND_TITLES = {"debrief": "Debrief", "reflection": "Moving on"}


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
            journal.delete_entry(app.repo, entry_id)
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
