"""Dialogs for applications: the form (log and edit) and the status picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Select, Static

from companion.domain.applications import STATUSES, Application, parse_application
from companion.domain.errors import FieldError
from companion.services import applications as applying
from companion.services import summary as summaries
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.choice import ChoiceDialog
from companion.tui.dialogs.form import FormScreen
from companion.tui.literal import one_line
from companion.tui.widgets import TextField

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

# The field each FieldError names, as the widget that shows it; and each row's label.
FIELD_KEYS = {
    "company": "company",
    "role": "role",
    "applied on": "applied-on",
    "source": "source",
    "link": "link",
    "notes": "notes",
    "status": "status",
}
LABELS = {
    "company": "Company",
    "role": "Role",
    "applied-on": "Applied on",
    "source": "Source",
    "link": "Link",
    "notes": "Notes",
    "status": "Status",
}
PLACEHOLDERS = {
    "applied-on": "YYYY-MM-DD, today, yesterday, -3d",
    "source": "where you found it",
    "link": "the job ad",
}


class ApplicationForm(FormScreen[Application]):
    """Log an application, or edit one; saves nothing until every field is accepted."""

    def __init__(self, previous: Application | None = None) -> None:
        super().__init__()
        self.previous = previous

    def _initial(self, key: str) -> str:
        application = self.previous
        if application is None:
            return "today" if key == "applied-on" else ""
        return {
            "company": application.company,
            "role": application.role,
            "applied-on": application.applied_on.isoformat(),
            "source": application.source,
            "link": application.link,
            "notes": application.notes,
        }[key]

    def compose(self) -> ComposeResult:
        title = "Edit the application" if self.previous else "Log an application"
        with VerticalScroll(classes="dialog", id="application-form"):
            yield Static(title, classes="dialog-title")
            for key in ("company", "role", "applied-on", "source", "link", "notes"):
                yield from self.text_row(
                    LABELS[key], key, self._initial(key), placeholder=PLACEHOLDERS.get(key, "")
                )
            yield from self.row(
                "Status",
                Select(
                    [(label, word) for word, label in STATUSES],
                    value=self.previous.status if self.previous else "applied",
                    allow_blank=False,
                    compact=True,
                    id="status",
                ),
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#company", TextField).focus()

    def save(self) -> None:
        app = app_of(self)
        try:
            application = parse_application(
                app.clock.today(),
                company=self.value("company"),
                role=self.value("role"),
                applied_on=self.value("applied-on"),
                source=self.value("source"),
                link=self.value("link"),
                notes=self.value("notes"),
                status=self.value("status"),
                previous=self.previous,
            )
        except FieldError as problem:
            self.show_errors({FIELD_KEYS.get(problem.field, "status"): problem}, LABELS)
            return
        if self.previous is None:
            self.dismiss(applying.log_application(app.repo, application))
        else:
            self.dismiss(applying.save_application(app.repo, application))


class StatusDialog(ChoiceDialog[str]):
    """Pick a status from the list; enter chooses, escape leaves it as it was."""

    def __init__(self, application: Application) -> None:
        super().__init__(
            Content.assemble(
                "Status of ",
                (one_line(application.role), "bold"),
                " at ",
                (one_line(application.company), "bold"),
            ),
            STATUSES,
            current=application.status,
            dialog_id="status-dialog",
        )
        self.application = application


def log_application(app: CompanionApp) -> None:
    """Open the form over the current screen, then say what the new one counts for."""
    if refuse_when_read_only(app.screen):
        return

    def done(saved: Application | None) -> None:
        if saved is None:
            return
        summary = summaries.summary(app.repo)
        words = [f"{saved.role} at {saved.company}."]
        if summary.weekly_goal:
            words.append(f"{summary.applied_this_week} of {summary.weekly_goal} this week.")
        if summary.rest:
            words.append(summary.rest)
        app.notify(" ".join(words), title="Logged", markup=False)

    app.push_screen(ApplicationForm(), done)
