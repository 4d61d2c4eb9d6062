"""A draft of the note the timeline suggests: to change, copy, open in the mail client or
the person's editor, and log as sent. companion never sends anything itself.

Opened from home (an action whose kind has a note) and from an interview (t). The
note is in one editable area, shaped as the CLI prints it: `Subject: ...`, a blank
line, the body. Enter (or a click) edits it; escape leaves the area, and the
screen's keys work again.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.drafts import DraftKind, split_text
from companion.domain.errors import FieldError
from companion.domain.timeline import names
from companion.services import drafts, handoff
from companion.services.drafts import DraftResult
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.literal import line, visible
from companion.tui.widgets import TextBox
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

COPIED = "Copied. If the clipboard does not take it, it is also in {path} (yours only)."
EDITING = "Editing: escape leaves the note, and c, o, e and s work again."


class NoteText(TextBox):
    """The note, editable: fills the room it has."""

    DEFAULT_CSS = """
    NoteText {
        height: 1fr;
        max-height: 100%;
        min-height: 4;
        border: none;
        padding: 0 1;
    }
    """

    cursor_at_end = False


def recipient_line(made: DraftResult) -> Content:
    """'To Ana Ruiz, by email · n: a note to Ben Okafor'."""
    draft = made.draft
    who = draft.to or "[name]"
    how = "a call script: they prefer the phone" if draft.channel == "phone" else "by email"
    if draft.address:
        how = f"by email to {draft.address}"
    others = [r.name for r in made.recipients if r.name and r.name != draft.to]
    parts = [Content.assemble("To ", line(who), f", {how}")]
    if others:
        parts.append(
            Content.assemble(("n", "bold $primary"), ": a note to ", line(names(others, "or")))
        )
    return Content(" · ").join(parts)


class DraftScreen(Screen[None]):
    TITLE = "Draft"
    AUTO_FOCUS = ""
    # Screen CSS, so that it outranks the app's `.headline` margin; scoped to this screen.
    CSS = """
    #draft-title {
        margin: 0 0 1 0;
    }
    #draft-send {
        margin-bottom: 1;
    }
    #draft-status {
        display: none;
        &.shown {
            display: block;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("enter", "edit_here", "Edit", tooltip="Change the note here"),
        Binding("c", "copy", "Copy"),
        Binding("o", "mail", "Mail", tooltip="Open it in your mail program"),
        Binding("s", "sent", "I sent it", tooltip="Log it as sent today"),
        Binding("e", "editor", "Editor", tooltip="Open it in your editor ($EDITOR)", show=False),
        Binding("n", "next_person", "Next person", tooltip="The same note to the next person"),
        Binding("i", "interview", "Its interview", show=False),
        Binding("question_mark", "app.help", "Help", key_display="?", show=False, id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
    ]

    def __init__(self, interview_id: int, kind: DraftKind | None = None, to: str | None = None):
        super().__init__()
        self.interview_id = interview_id
        self.kind = kind
        self.to = to
        self.made: DraftResult | None = None
        self.refused: str | None = None

    def _make(self) -> None:
        app = app_of(self)
        try:
            self.made = drafts.draft(app.repo, self.interview_id, self.kind, self.to)
            self.refused = None
        except FieldError as error:
            self.made = None
            self.refused = error.sentence

    def compose(self) -> ComposeResult:
        self._make()
        yield NavBar("waiting")
        with Vertical(classes="page", id="draft-page"):
            made = self.made
            if made is None:
                yield Static("No note to write here", classes="headline", id="draft-title")
                yield Static(line(self.refused or ""), classes="quiet", id="draft-refused")
            else:
                yield Static(
                    Content.assemble(made.draft.kind.heading, " · ", line(made.interview.title)),
                    classes="headline",
                    id="draft-title",
                )
                yield Static(recipient_line(made), id="draft-to")
                yield Static(Content(made.send), classes="quiet", id="draft-send")
                if made.problem:
                    yield Static(line(made.problem), classes="quiet", id="draft-problem")
                yield NoteText(visible(made.draft.text), id="draft-text")
                yield Static(id="draft-status", classes="quiet")
        yield Footer(compact=True)

    def _area(self) -> NoteText | None:
        found = self.query(NoteText)
        return found.first() if found else None

    def _editing(self) -> bool:
        area = self._area()
        return area is not None and area.has_focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "app.help", "interview"):
            return True
        if self.made is None:
            return False
        if action == "next_person":
            others = [r for r in self.made.recipients if r.name != self.made.draft.to]
            return bool(others) and not self._editing()
        if action == "edit_here":
            return not self._editing()
        if action in ("copy", "mail", "sent", "editor"):
            if action == "mail" and self.made.draft.mailto is None:
                return False
            return not self._editing()
        return True

    def on_descendant_focus(self) -> None:
        self._status(EDITING if self._editing() else "")
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self.refresh_bindings)

    def _text(self) -> str:
        area = self._area()
        return area.text if area is not None else ""

    def _status(self, text: str) -> None:
        found = self.query("#draft-status")
        if found:
            status = found.first(Static)
            status.update(line(text))
            status.set_class(bool(text), "shown")

    # Actions

    def action_back(self) -> None:
        if self._editing():
            self.set_focus(None)
            self._status("")
            return
        self.app.pop_screen()

    def action_edit_here(self) -> None:
        area = self._area()
        if area is not None:
            area.focus()

    def action_copy(self) -> None:
        text = self._text()
        self.app.copy_to_clipboard(text)
        try:
            path = handoff.keep_copy(app_of(self).repo.path.parent, text)
        except OSError as error:
            message = (
                "Copied to the clipboard, if your terminal passes it on; the file copy could not "
                f"be written ({error.strerror or error})."
            )
        else:
            message = COPIED.format(path=drafts.shown_path(path))
        self._status(message)

    def action_mail(self) -> None:
        if self.made is None:
            return
        subject, body = split_text(self._text())
        link = drafts.mailto(subject, body, self.made.draft.address)
        problem = handoff.open_link(link)
        message = problem or "Handed to your mail program: check it there, and send it yourself."
        self._status(message)

    def action_editor(self) -> None:
        command = handoff.editor_command()
        if command is None:
            self.notify(handoff.NO_EDITOR, title="Editor", markup=False)
            return
        try:
            with self.app.suspend():
                edited = handoff.edit_text(self._text(), command)
        except SuspendNotSupported:
            self.notify(
                "Your editor cannot open from here (in a browser tab, for one); c copies it.",
                title="Editor",
                markup=False,
            )
            return
        except OSError as error:
            self.notify(
                f"Your editor could not be started ({error.strerror or error}).",
                title="Editor",
                markup=False,
            )
            return
        area = self._area()
        if area is not None:
            area.load_text(visible(edited.rstrip("\n")))
        self._status("Back from your editor; the note holds your changes.")

    def action_interview(self) -> None:
        """The interview the note is about (to log something else, or to look)."""
        from companion.tui.screens.interview import InterviewScreen

        self.app.push_screen(InterviewScreen(self.interview_id))

    def action_next_person(self) -> None:
        if self.made is None:
            return
        people = [r.name for r in self.made.recipients]
        at = people.index(self.made.draft.to) if self.made.draft.to in people else -1
        self._show(people[(at + 1) % len(people)])

    def _show(self, to: str | None) -> None:
        if self.made is not None:
            self.kind = self.made.draft.kind
        self.to = to
        self.refresh(recompose=True)
        self.call_after_refresh(self.refresh_bindings)

    def action_sent(self) -> None:
        made = self.made
        if made is None or refuse_when_read_only(self):
            return
        refusal = drafts.why_not_logged(app_of(self).repo, made.draft, self.interview_id)
        if refusal is not None:
            self._not_logged(refusal)
            return
        from companion.tui.dialogs import Confirm

        draft = made.draft
        whom = f" to {draft.to}" if draft.to else ""
        question = f"Log {draft.kind.heading.lower()}{whom} as sent today?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._log_sent(made)

        self.app.push_screen(
            Confirm(
                question,
                note="It goes in the contact log, and the dates follow from it.",
                yes="I sent it",
                no="Not yet",
            ),
            answered,
        )

    def _not_logged(self, why: str) -> None:
        self.notify(why, title="Not logged", severity="warning", timeout=8, markup=False)

    def _log_sent(self, made: DraftResult) -> None:
        app = app_of(self)
        try:
            changed = drafts.mark_sent(app.repo, made.draft, self.interview_id, self._text())
        except FieldError as error:  # the day turned while the question was open
            self._not_logged(error.sentence)
            return
        logged = changed.contacts[-1] if changed.contacts else None
        today = friendly(app.clock.today())
        label = logged.kind.label if logged else "sent"
        whom = f" ({made.draft.to})" if made.draft.to else ""
        waiting = drafts.still_waiting(app.repo, self.interview_id, made.draft.kind)
        if waiting:
            self.notify(
                f"Logged: {label}{whom}, {today}. Next, the same note to {waiting[0].name}.",
                title=changed.company,
                markup=False,
            )
            self._show(waiting[0].name)
            return
        row = drafts.next_step(app.repo, self.interview_id)
        self.notify(
            f"Logged: {label}{whom}, {today}. {row}",
            title=changed.company,
            markup=False,
        )
        self.app.pop_screen()
