"""Log a contact: a thank-you, a check-in, their reply (perhaps with a new decision date)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Select, Static

from companion.domain.dates import parse_date
from companion.domain.errors import FieldError
from companion.domain.interviews import ContactKind, Interview
from companion.domain.timeline import unanswered_follow_up
from companion.services import interviews
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line

# A heads-up to references is logged from the references dialog, one person at a time.
KINDS = (
    ContactKind.THANK_YOU,
    ContactKind.FOLLOW_UP,
    ContactKind.REPLY,
    ContactKind.REFERENCES_REQUESTED,
    ContactKind.FEEDBACK_REQUEST,
)
LABELS = {"kind": "What", "on": "When", "decision-by": "New decision", "note": "Note"}


def likely_kind(interview: Interview) -> ContactKind:
    """What the user most probably has to log next."""
    if not interview.logged(ContactKind.THANK_YOU):
        return ContactKind.THANK_YOU
    if unanswered_follow_up(interview) is not None:
        return ContactKind.REPLY
    return ContactKind.FOLLOW_UP


class ContactForm(FormScreen[bool]):
    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="contact-form"):
            yield Static(line(f"Log a contact · {self.interview.title}"), classes="dialog-title")
            yield from self.row(
                "What",
                Select(
                    [(kind.label, kind.value) for kind in KINDS],
                    value=likely_kind(self.interview).value,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                ),
            )
            yield from self.text_row("When", "on", "today")
            yield from self.text_row(
                "New decision", "decision-by", placeholder="with a reply: the date they gave"
            )
            yield from self.text_row("Note", "note", placeholder="a few words, if you like")
            yield from self.buttons("Log it")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    def save(self) -> None:
        app = app_of(self)
        today = app.clock.today()
        errors: Errors = {}
        kind = ContactKind(str(self.query_one("#kind", Select).value))
        on = attempt(errors, "on", lambda: parse_date(self.value("on"), today, field="when"))
        decision_text = self.value("decision-by")
        decision_by: date | None = None
        if decision_text.strip():
            decision_by = attempt(
                errors,
                "decision-by",
                lambda: parse_date(decision_text, today, field="new decision"),
            )
        if on is None or errors:
            self.show_errors(errors, LABELS)
            return
        try:
            interviews.log_contact(
                app.repo,
                self.interview,
                kind,
                on,
                note=self.value("note"),
                decision_by=decision_by,
            )
        except FieldError as error:
            key = "on" if error.field == "on" else "decision-by"
            self.show_errors({key: error}, LABELS)
            return
        self.dismiss(True)
