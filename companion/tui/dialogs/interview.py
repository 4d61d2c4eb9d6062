"""Add or edit an interview: who, what, when, and when they said they would decide."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Select, Static

from companion.domain.dates import friendly, parse_date
from companion.domain.interviews import (
    CONTACT_PREFS,
    Interview,
    check_decision_by,
    new_interview,
    parse_contact_pref,
    parse_interview_tags,
    parse_interviewers,
    parse_name,
    parse_talked_about,
    with_details,
)
from companion.services import interviews
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line
from companion.tui.widgets import NoteArea, TextField

LABELS = {
    "company": "Company",
    "role": "Role",
    "round": "Round",
    "held-on": "On",
    "decision-by": "Decision by",
    "people": "People met",
    "prefers": "They prefer",
    "final": "Final round",
    "interview-tags": "Tags",
    "notes": "Notes",
    "talked-about": "Talked about",
}


def _optional_date(text: str, today: date, field: str) -> date | None:
    return parse_date(text, today, field=field) if text.strip() else None


class InterviewForm(FormScreen[int]):
    """Dismisses with the interview's id once saved, or None."""

    def __init__(
        self, interview: Interview | None = None, *, next_round_of: Interview | None = None
    ):
        super().__init__()
        self.interview = interview
        self.next_round_of = next_round_of

    def _title(self) -> str:
        if self.interview is not None:
            return f"Edit {self.interview.title}"
        if self.next_round_of is not None:
            return f"The next round at {self.next_round_of.company}"
        return "Log an interview"

    def compose(self) -> ComposeResult:
        start = self.interview or self.next_round_of
        editing = self.interview
        with VerticalScroll(classes="dialog", id="interview-form"):
            yield Static(line(self._title()), classes="dialog-title")
            yield from self.text_row("Company", "company", start.company if start else "")
            yield from self.text_row("Role", "role", start.role if start else "")
            yield from self.text_row(
                "Round",
                "round",
                editing.round if editing else "",
                placeholder="first, second, final...",
            )
            held_on = editing.held_on.isoformat() if editing else ""
            yield from self.text_row(
                "On",
                "held-on",
                held_on or ("" if self.next_round_of else "today"),
                placeholder="YYYY-MM-DD, today, thu, next fri, -2d",
            )
            decision = editing.decision_by.isoformat() if editing and editing.decision_by else ""
            yield from self.text_row(
                "Decision by", "decision-by", decision, placeholder="blank if they did not say"
            )
            yield from self.text_row(
                "People met",
                "people",
                ", ".join(editing.interviewers) if editing else "",
                placeholder="names, separated by commas",
            )
            yield from self.text_row(
                "Talked about",
                "talked-about",
                editing.talked_about if editing else "",
                placeholder="something to mention in the thank-you",
            )
            yield from self.row(
                "They prefer",
                Select(
                    [(pref, pref) for pref in CONTACT_PREFS],
                    value=editing.contact_pref if editing else "email",
                    allow_blank=False,
                    id="prefers",
                    compact=True,
                ),
            )
            yield from self.row(
                "Final round",
                Checkbox(
                    "the last round",
                    editing.final_round if editing else False,
                    id="final",
                    compact=True,
                ),
            )
            yield from self.text_row(
                "Tags",
                "interview-tags",
                ", ".join(start.tags) if start else "",
                placeholder="what it is about, like leadership",
            )
            yield from self.row("Notes", NoteArea(editing.notes if editing else "", id="notes"))
            yield from self.buttons()

    def labels(self) -> dict[str, str]:
        return LABELS

    def on_mount(self) -> None:
        self.query_one("#company", TextField).focus()

    def save(self) -> None:
        app = app_of(self)
        today = app.clock.today()
        errors: Errors = {}
        company = attempt(
            errors, "company", lambda: parse_name(self.value("company"), "company", "Acme")
        )
        role = attempt(
            errors, "role", lambda: parse_name(self.value("role"), "role", "Data analyst")
        )
        held_on = attempt(
            errors, "held-on", lambda: parse_date(self.value("held-on"), today, field="held on")
        )
        decision_by = attempt(
            errors,
            "decision-by",
            lambda: _optional_date(self.value("decision-by"), today, "decision by"),
        )
        if held_on is not None and decision_by is not None:
            attempt(
                errors,
                "decision-by",
                lambda: check_decision_by(decision_by, held_on, "decision by"),
            )
        prefers = attempt(
            errors,
            "prefers",
            lambda: parse_contact_pref(str(self.query_one("#prefers", Select).value)),
        )
        talked_about = attempt(
            errors, "talked-about", lambda: parse_talked_about(self.value("talked-about"))
        )
        tags = attempt(
            errors, "interview-tags", lambda: parse_interview_tags([self.value("interview-tags")])
        )
        if (
            errors
            or company is None
            or role is None
            or held_on is None
            or prefers is None
            or tags is None
        ):
            self.show_errors(errors, LABELS)
            return
        self.clear_errors()
        made = new_interview(
            company=company,
            role=role,
            held_on=held_on,
            round=self.value("round"),
            interviewers=parse_interviewers([self.value("people")]),
            decision_by=decision_by,
            contact_pref=prefers,
            notes=self.query_one("#notes", NoteArea).text,
            final_round=self.query_one("#final", Checkbox).value,
            talked_about=talked_about or "",
            tags=tags,
        )
        if self.interview is not None:
            changed = interviews.save_interview(app.repo, with_details(self.interview, made))
            self.dismiss(changed.id)
            return
        made = replace(made, added_on=today)
        twin = interviews.logged_before(app.repo, made)
        after = self.next_round_of.id if self.next_round_of is not None else None
        added, previous = interviews.add_interview(app.repo, made, after=after)
        if twin is not None:
            self.app.notify(
                f"{twin.title} on {friendly(twin.held_on, today)} was logged before too; "
                "both are kept. If it is the same one, o on either sets it aside.",
                title="Logged twice?",
                markup=False,
                timeout=10,
            )
        if previous is not None:
            self.app.notify(
                f"This is the next round after {friendly(previous.held_on, today)}; "
                "that round's timeline is closed now.",
                title=added.company,
                markup=False,
            )
        self.dismiss(added.id)
