"""Settings: the weekly goal, the daily inbox check, practice retention and the theme.

Every field is checked before anything is saved: one rejected value saves none.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Select, Static

from companion.domain.days_off import parse_place, place_text
from companion.domain.settings import (
    MAX_WEEKLY_GOAL,
    THEMES,
    Settings,
    parse_checkin_time,
    parse_retention,
    parse_weekly_goal,
    parse_your_name,
)
from companion.services import settings as settings_service
from companion.tui.context import app_of, read_only_sentence
from companion.tui.dialogs.form import (
    Errors,
    attempt,
    clear_field_errors,
    form_row,
    show_field_errors,
)
from companion.tui.literal import literal
from companion.tui.widgets import TextField
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

THEME_LABELS = {
    "companion-dusk": "Dusk (dark)",
    "companion-dawn": "Dawn (light)",
    "ansi-dark": "Terminal (dark)",
    "ansi-light": "Terminal (light)",
}

# (widget id, label, what it is for)
FIELDS: tuple[tuple[str, str, str], ...] = (
    (
        "weekly-goal",
        "Weekly goal",
        f"Applications a week, Monday to Sunday: 0 to {MAX_WEEKLY_GOAL}.",
    ),
    (
        "checkin-time",
        "Inbox check",
        "Once a day, like 17:00; leave it empty for none.",
    ),
    (
        "retention",
        "Retention",
        "Practice: how much to remember, 0.70 to 0.97.",
    ),
    (
        "calendar",
        "Calendar",
        "Kept current; empty for none.",
    ),
    # Issue 14: the public holidays kind dates skip.
    (
        "country",
        "Holidays of",
        "A country code (GB, US-CA) whose holidays kind dates skip; empty for none.",
    ),
    (
        "your-name",
        "Your name",
        "Signs the drafts.",
    ),
)


LABELS = {widget_id: label for widget_id, label, _ in FIELDS}


def _typed(settings: Settings) -> dict[str, str]:
    return {
        "weekly-goal": str(settings.weekly_goal),
        "checkin-time": settings.checkin_time.strftime("%H:%M") if settings.checkin_time else "",
        "retention": f"{settings.desired_retention:.2f}",
        "calendar": settings.calendar_path or "",
        "country": place_text(settings.country, settings.region) if settings.country else "",
        "your-name": settings.your_name,
    }


def _calendar_path(text: str) -> str | None:
    from companion.exports.live_calendar import check_calendar_path

    path = check_calendar_path(text)
    return str(path) if path else None


class SettingsScreen(Screen[None]):
    TITLE = "Settings"
    # No field has the focus when Settings opens, so that the place keys (h, w, ...)
    # work here as everywhere; tab or a click goes to a field.
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "app.go('home')", "Home", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        yield NavBar("settings")
        with VerticalScroll(id="settings", classes="page"):
            for widget_id, label, about in FIELDS:
                size = "long" if widget_id in ("calendar", "your-name") else "short"
                yield from form_row(
                    label, TextField(id=widget_id, compact=True, classes=size), beside=about
                )
            yield from form_row(
                "Theme",
                Select(
                    [(THEME_LABELS.get(name, name), name) for name in THEMES],
                    allow_blank=False,
                    compact=True,
                    id="theme",
                    classes="short",
                ),
            )
            with Horizontal(classes="buttons under-fields"):
                yield Button("Save", id="save", variant="primary", compact=True)
            yield Static(id="settings-note", classes="quiet hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        """Show what is saved; unsaved edits are let go when the screen is left."""
        app = app_of(self)
        settings = app.repo.settings.get()
        for widget_id, value in _typed(settings).items():
            self.query_one(f"#{widget_id}", TextField).value = value
        self.query_one("#theme", Select).value = (
            settings.theme if settings.theme in THEMES else THEMES[0]
        )
        clear_field_errors(self)
        note = self.query_one("#settings-note", Static)
        if app.repo.read_only:
            note.update(literal(read_only_sentence(app.repo)))
        else:
            note.update("ctrl+s or Enter saves; escape goes home without saving.")
        self.query_one("#save", Button).disabled = app.repo.read_only

    def on_screen_resume(self) -> None:
        self.load()
        self.set_focus(None)

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextField).value

    def action_save(self) -> None:
        app = app_of(self)
        if app.repo.read_only:
            return
        errors: Errors = {}
        goal = attempt(errors, "weekly-goal", lambda: parse_weekly_goal(self._value("weekly-goal")))
        checkin = attempt(
            errors, "checkin-time", lambda: parse_checkin_time(self._value("checkin-time"))
        )
        retention = attempt(errors, "retention", lambda: parse_retention(self._value("retention")))
        calendar = attempt(errors, "calendar", lambda: _calendar_path(self._value("calendar")))
        place = attempt(errors, "country", lambda: parse_place(self._value("country")))
        your_name = attempt(errors, "your-name", lambda: parse_your_name(self._value("your-name")))
        if errors or goal is None or retention is None:
            show_field_errors(self, errors, LABELS)
            return
        clear_field_errors(self)
        theme = self.query_one("#theme", Select).value
        settings = settings_service.save_settings(
            app.repo,
            weekly_goal=goal,
            checkin_time=checkin,
            desired_retention=retention,
            calendar_path=calendar,
            your_name=your_name if your_name is not None else settings_service.KEEP,
            theme=theme if isinstance(theme, str) and theme in THEMES else settings_service.KEEP,
            place=place,
        )
        app.theme = settings.theme
        app.notify("Settings saved.", title="Saved", timeout=3)
        self.load()
        self.set_focus(None)
