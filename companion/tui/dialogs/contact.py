"""Log a contact: a thank-you (to whom), a check-in, their reply (perhaps with a new
decision date), and the notes of rules 11 and 12."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Checkbox, Select, Static

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
    ContactKind.SPEED_UP,
    ContactKind.WITHDRAW,
)
LABELS = {"kind": "What", "on": "When", "to": "To", "decision-by": "New decision", "note": "Note"}
# What the timeline suggests, and the contact that does it.
SUGGESTED = {
    "withdraw": ContactKind.WITHDRAW,
    "thank_you": ContactKind.THANK_YOU,
    "speed_up": ContactKind.SPEED_UP,
    "feedback": ContactKind.FEEDBACK_REQUEST,
    "follow_up": ContactKind.FOLLOW_UP,
}


def likely_kind(interview: Interview, suggested: Iterable[str] = ()) -> ContactKind:
    """What the user most probably has to log next: what the timeline suggests first."""
    kinds = list(suggested)
    for kind, contact in SUGGESTED.items():
        if kind in kinds:
            return contact
    if interview.not_yet_thanked():
        return ContactKind.THANK_YOU
    if unanswered_follow_up(interview) is not None:
        return ContactKind.REPLY
    return ContactKind.FOLLOW_UP


class ContactForm(FormScreen[bool]):
    def __init__(self, interview: Interview, suggested: Iterable[str] = ()) -> None:
        super().__init__()
        self.interview = interview
        self.suggested = tuple(suggested)

    def labels(self) -> Mapping[str, str]:
        return LABELS

    def compose(self) -> ComposeResult:
        interview = self.interview
        with VerticalScroll(classes="dialog", id="contact-form"):
            yield Static(line(f"Log a contact · {interview.title}"), classes="dialog-title")
            yield from self.row(
                "What",
                Select(
                    [(kind.label, kind.value) for kind in KINDS],
                    value=likely_kind(interview, self.suggested).value,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                ),
            )
            yield from self.text_row("When", "on", "today")
            pending = set(interview.not_yet_thanked())
            with Vertical(id="to-people", classes="form-list"):
                if interview.interviewers:
                    yield from self.row(
                        "To",
                        Vertical(
                            *(
                                Checkbox(
                                    line(name),
                                    name in pending,
                                    id=f"to-{number}",
                                    compact=True,
                                )
                                for number, name in enumerate(interview.interviewers)
                            ),
                            id="to",
                            classes="form-list",
                        ),
                    )
            yield from self.text_row(
                "New decision", "decision-by", placeholder="with a reply: the date they gave"
            )
            yield from self.text_row("Note", "note", placeholder="a few words, if you like")
            yield from self.buttons("Log it")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()
        self._show_people()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._show_people()

    def _kind(self) -> ContactKind:
        return ContactKind(str(self.query_one("#kind", Select).value))

    def _show_people(self) -> None:
        self.query_one("#to-people").display = self._kind() == ContactKind.THANK_YOU

    def _people(self) -> list[str]:
        """The people ticked; all of them is everyone, none is refused."""
        interview = self.interview
        if not interview.interviewers:
            return []
        ticked = [
            name
            for number, name in enumerate(interview.interviewers)
            if self.query_one(f"#to-{number}", Checkbox).value
        ]
        if not ticked:
            raise FieldError("to", "tick the people you thanked (all of them for everyone).")
        return ticked

    def save(self) -> None:
        app = app_of(self)
        today = app.clock.today()
        errors: Errors = {}
        kind = self._kind()
        on = attempt(errors, "on", lambda: parse_date(self.value("on"), today, field="when"))
        to = attempt(errors, "to", self._people) if kind == ContactKind.THANK_YOU else []
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
        interviews.log_contact(
            app.repo,
            self.interview,
            kind,
            on,
            note=self.value("note"),
            decision_by=decision_by,
            to=to or [],
        )
        self.dismiss(True)
