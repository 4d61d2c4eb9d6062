"""Dialogs for applications: the form (add and edit), the status picker, the delete check."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from companion.domain.applications import STATUSES, Application, parse_application
from companion.domain.errors import FieldError
from companion.tui.context import app_of
from companion.tui.literal import literal, one_line
from companion.tui.widgets import TextField

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

# (widget id, label, the field name FieldError uses)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company", "company"),
    ("role", "Role", "role"),
    ("applied-on", "Applied on", "applied on"),
    ("source", "Source", "source"),
    ("link", "Link", "link"),
    ("notes", "Notes", "notes"),
)


class ApplicationForm(ModalScreen[Application | None]):
    """Add an application, or edit one; saves nothing until every field is accepted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, previous: Application | None = None) -> None:
        super().__init__()
        self.previous = previous

    def _initial(self, widget_id: str) -> str:
        application = self.previous
        if application is None:
            return "today" if widget_id == "applied-on" else ""
        return {
            "company": application.company,
            "role": application.role,
            "applied-on": application.applied_on.isoformat(),
            "source": application.source,
            "link": application.link,
            "notes": application.notes,
        }[widget_id]

    def compose(self) -> ComposeResult:
        title = "Edit the application" if self.previous else "Log an application"
        with Vertical(classes="dialog form", id="application-form"):
            yield Static(title, classes="dialog-title")
            for widget_id, label, _ in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield TextField(self._initial(widget_id), id=widget_id, compact=True)
                yield Static(id=f"{widget_id}-error", classes="field-error")
            with Horizontal(classes="form-row"):
                yield Label("Status", classes="form-label")
                yield Select(
                    [(label, word) for word, label in STATUSES],
                    value=self.previous.status if self.previous else "applied",
                    allow_blank=False,
                    compact=True,
                    id="status",
                )
            yield Static(id="status-error", classes="field-error")
            yield Static(
                "Dates: YYYY-MM-DD, today, yesterday or -3d. Enter or ctrl+s saves.",
                classes="quiet hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        self.query_one("#company", TextField).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextField).value

    def action_save(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        app = app_of(self)
        status = self.query_one("#status", Select).value
        try:
            application = parse_application(
                app.clock.today(),
                company=self._value("company"),
                role=self._value("role"),
                applied_on=self._value("applied-on"),
                source=self._value("source"),
                link=self._value("link"),
                notes=self._value("notes"),
                status=status if isinstance(status, str) else "",
                previous=self.previous,
            )
        except FieldError as problem:
            self._show_error(problem)
            return
        if self.previous is None:
            application = app.repo.applications.add(application)
        else:
            app.repo.applications.save(application)
        self.dismiss(application)

    def _show_error(self, problem: FieldError) -> None:
        widget_id = next((w for w, _, f in FIELDS if f == problem.field), "status")
        error = self.query_one(f"#{widget_id}-error", Static)
        error.update(literal(problem.message[:1].upper() + problem.message[1:]))
        error.display = True
        self.query_one(f"#{widget_id}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class StatusDialog(ModalScreen[str | None]):
    """Pick a status from the list; enter chooses, escape leaves it as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="status-dialog"):
            yield Static(
                Content.assemble(
                    "Status of ",
                    (one_line(self.application.role), "bold"),
                    " at ",
                    (one_line(self.application.company), "bold"),
                ),
                classes="dialog-title",
            )
            yield OptionList(*(Option(label, id=word) for word, label in STATUSES), id="statuses")
            yield Static("Enter chooses; escape leaves it as it is.", classes="quiet hint")

    def on_mount(self) -> None:
        options = self.query_one("#statuses", OptionList)
        words = [word for word, _ in STATUSES]
        if self.application.status in words:
            options.highlighted = words.index(self.application.status)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def log_application(app: CompanionApp) -> None:
    """Open the form over the current screen, then say what the new one counts for."""
    if app.repo.read_only:
        app.notify("This companion is read-only, so nothing can be logged here.")
        return

    def done(saved: Application | None) -> None:
        if saved is None:
            return
        summary = app.repo.summary()
        words = [f"{saved.role} at {saved.company}."]
        if summary.weekly_goal:
            words.append(f"{summary.applied_this_week} of {summary.weekly_goal} this week.")
        if summary.rest:
            words.append(summary.rest)
        app.notify(" ".join(words), title="Logged", markup=False)

    app.push_screen(ApplicationForm(), done)
