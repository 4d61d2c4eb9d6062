"""Applications: the jobs applied for, this week's count, and the keys to change them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from companion.domain.applications import Application
from companion.domain.dates import friendly
from companion.services import applications as applying
from companion.services import summary as summaries
from companion.tui.context import ShownFor, app_of
from companion.tui.dialogs import ApplicationForm, Confirm, StatusDialog
from companion.tui.literal import line, literal, one_line
from companion.tui.screens.place import Place
from companion.tui.widgets import GentleBar, ListTable
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

EMPTY = (
    "No applications logged yet. Press n to log one; each counts toward this week's goal "
    "until an offer is accepted."
)
COLUMNS = ("Applied", "Company", "Role", "Status", "Source")


class ApplicationsScreen(Place):
    TITLE = "Applications"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "New"),
        Binding("e", "edit", "Edit"),
        Binding("t", "status", "Status"),
        Binding("d", "delete", "Delete"),
        Binding("escape", "app.go('home')", "Home", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.read_for = ShownFor()
        self.applications: list[Application] = []

    def compose(self) -> ComposeResult:
        yield NavBar("applications")
        with Vertical(id="applications", classes="page"):
            yield GentleBar("Applied this week", 0, 0, id="applications-week")
            yield Static(id="applications-rest", classes="quiet")
            yield Static(EMPTY, id="applications-empty", classes="quiet")
            yield ListTable(id="applications-table", cursor_type="row", zebra_stripes=False)
            yield Static(id="application-detail", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(ListTable)
        for column in COLUMNS:
            table.add_column(column, key=column.lower())
        self.reload()

    def on_screen_resume(self) -> None:
        if self.read_for.moved(self):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        self.read_for.mark(self)
        app = app_of(self)
        today = app.clock.today()
        table = self.query_one(ListTable)
        keep = select if select is not None else self.current_id()
        self.applications = app.repo.applications.all()
        table.fill(
            (
                str(application.id),
                [
                    Text(friendly(application.applied_on, today)),
                    Text(one_line(application.company)),
                    Text(one_line(application.role)),
                    Text(one_line(application.status_label)),
                    Text(one_line(application.source)),
                ],
            )
            for application in self.applications
        )
        has_rows = bool(self.applications)
        table.display = has_rows
        self.query_one("#applications-empty").display = not has_rows
        ids = [a.id for a in self.applications]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        summary = summaries.summary(app.repo)
        bar = self.query_one("#applications-week", GentleBar)
        bar.display = bool(summary.weekly_goal)
        bar.set_progress(summary.applied_this_week, summary.weekly_goal or 0)
        rest = self.query_one("#applications-rest", Static)
        rest.display = summary.rest is not None
        rest.update(literal(summary.rest or ""))
        self.show_detail()
        self.refresh_bindings()

    def current(self) -> Application | None:
        table = self.query_one(ListTable)
        if not self.applications or table.cursor_row >= len(self.applications):
            return None
        return self.applications[max(0, table.cursor_row)]

    def current_id(self) -> int | None:
        current = self.current()
        return current.id if current else None

    def show_detail(self) -> None:
        detail = self.query_one("#application-detail", Static)
        application = self.current()
        detail.display = application is not None
        if application is None:
            return
        today = app_of(self).clock.today()
        parts = [f"{application.role} at {application.company}"]
        parts.append(f"applied {friendly(application.applied_on, today)}")
        if application.source:
            parts.append(f"via {application.source}")
        if application.status != "applied" and application.status_on:
            when = friendly(application.status_on, today)
            parts.append(f"marked {application.status_label} {when}")
        lines = [line(" · ".join(parts))]
        if application.link:
            lines.append(line(application.link))
        if application.notes:
            lines.append(literal(application.notes))
        detail.update(Content("\n").join(lines))

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def on_data_table_row_selected(self) -> None:
        self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "status", "delete") and app_of(self).repo.read_only:
            return False
        if action in ("edit", "status", "delete"):
            return self.current() is not None
        return True

    def action_add(self) -> None:
        def done(saved: Application | None) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(ApplicationForm(), done)

    def action_edit(self) -> None:
        application = self.current()
        if application is None or app_of(self).repo.read_only:
            return

        def done(saved: Application | None) -> None:
            if saved is not None:
                self.reload(select=saved.id)

        self.app.push_screen(ApplicationForm(application), done)

    def action_status(self) -> None:
        application = self.current()
        if application is None or app_of(self).repo.read_only:
            return
        app = app_of(self)

        def done(status: str | None) -> None:
            if status is None or status == application.status:
                return
            applying.set_status(app.repo, application, status)
            self.reload(select=application.id)

        self.app.push_screen(StatusDialog(application), done)

    def action_delete(self) -> None:
        application = self.current()
        if application is None or app_of(self).repo.read_only:
            return
        app = app_of(self)
        subject = Content.assemble(
            (one_line(application.role), "bold"), " at ", (one_line(application.company), "bold")
        )

        def done(yes: bool | None) -> None:
            if yes and application.id is not None:
                applying.delete_application(app.repo, application.id)
                self.reload()

        self.app.push_screen(
            Confirm(
                "Delete this application?", subject, "It leaves the list and this week's count."
            ),
            done,
        )
