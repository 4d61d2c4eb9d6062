"""Settings: the weekly goal, the daily inbox check, practice (retention, the daily limit,
rest days, when a day starts), the calendar file, the country whose holidays kind dates
skip, the theme, and breathing (the pattern and a still pacer).

Every field is checked before anything is saved: one rejected value saves none.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Select, Static

from companion.domain.days_off import parse_place, place_text
from companion.domain.practice_days import parse_day_start
from companion.domain.practice_plan import MAX_DAILY_LIMIT
from companion.domain.settings import (
    MAX_WEEKLY_GOAL,
    THEMES,
    Settings,
    parse_checkin_time,
    parse_daily_limit,
    parse_rest_days,
    parse_retention,
    parse_weekly_goal,
    parse_your_name,
    rest_days_text,
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
from companion.tui.screens.place import Place
from companion.tui.widgets import TextField
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

THEME_LABELS = {
    "companion-dusk": "Dusk (dark)",
    "companion-dawn": "Dawn (light)",
    "ansi-dark": "Terminal (dark)",
    "ansi-light": "Terminal (light)",
}
# Breathing (issue 17): the pattern an urge gets, and whether the pacer moves.
PATTERN_LABELS = {"box": "Box, about a minute", "sigh": "Cyclic sigh, five minutes"}
MOTION_LABELS = {False: "The box moves", True: "Still, words only"}

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
    # Practice's gentle load (issue 15).
    (
        "daily-limit",
        "Daily limit",
        f"Questions a day at most, 1 to {MAX_DAILY_LIMIT}.",
    ),
    (
        "rest-days",
        "Rest days",
        "Days with no practice, like sat, sun; or none.",
    ),
    (
        "day-starts",
        "Day starts",
        "When a practice day begins, like 04:00.",
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
        "daily-limit": str(settings.daily_limit),
        "rest-days": rest_days_text(settings.rest_days),
        "day-starts": settings.day_starts.strftime("%H:%M"),
        "calendar": settings.calendar_path or "",
        "country": place_text(settings.country, settings.region) if settings.country else "",
        "your-name": settings.your_name,
    }


def _calendar_path(text: str) -> str | None:
    from companion.exports.live_calendar import check_calendar_path

    path = check_calendar_path(text)
    return str(path) if path else None


class SettingsScreen(Place):
    TITLE = "Settings"
    # Nothing has the focus when Settings opens, so that the place keys (h, w, ...)
    # work here as everywhere; tab or a click goes to a field. ("" : None would
    # mean the app's choice, the page, and focusing the page, then taking the
    # focus away, restyled every field twice at each visit.)
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "app.go('home')", "Home", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        yield NavBar("settings")
        with VerticalScroll(id="settings", classes="page") as page:
            page.can_focus = False  # tab goes to the first field
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
            yield from form_row(
                "Breathing",
                Select(
                    [(label, name) for name, label in PATTERN_LABELS.items()],
                    allow_blank=False,
                    compact=True,
                    id="breathing-pattern",
                    classes="short",
                ),
            )
            yield from form_row(
                "Motion",
                Select(
                    [(label, still) for still, label in MOTION_LABELS.items()],
                    allow_blank=False,
                    compact=True,
                    id="reduced-motion",
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
        pattern = settings.breathing_pattern
        self.query_one("#breathing-pattern", Select).value = (
            pattern if pattern in PATTERN_LABELS else "box"
        )
        self.query_one("#reduced-motion", Select).value = settings.reduced_motion
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
        limit = attempt(
            errors, "daily-limit", lambda: parse_daily_limit(self._value("daily-limit"))
        )
        rest = attempt(errors, "rest-days", lambda: parse_rest_days(self._value("rest-days")))
        starts = attempt(errors, "day-starts", lambda: parse_day_start(self._value("day-starts")))
        calendar = attempt(errors, "calendar", lambda: _calendar_path(self._value("calendar")))
        place = attempt(errors, "country", lambda: parse_place(self._value("country")))
        your_name = attempt(errors, "your-name", lambda: parse_your_name(self._value("your-name")))
        if (
            errors
            or goal is None
            or retention is None
            or limit is None
            or rest is None
            or starts is None
        ):
            show_field_errors(self, errors, LABELS)
            return
        clear_field_errors(self)
        theme = self.query_one("#theme", Select).value
        pattern = self.query_one("#breathing-pattern", Select).value
        settings = settings_service.save_settings(
            app.repo,
            weekly_goal=goal,
            checkin_time=checkin,
            desired_retention=retention,
            calendar_path=calendar,
            your_name=your_name if your_name is not None else settings_service.KEEP,
            daily_limit=limit,
            rest_days=rest,
            day_starts=starts,
            theme=theme if isinstance(theme, str) and theme in THEMES else settings_service.KEEP,
            place=place,
            breathing_pattern=pattern
            if isinstance(pattern, str) and pattern in PATTERN_LABELS
            else settings_service.KEEP,
            reduced_motion=self.query_one("#reduced-motion", Select).value is True,
        )
        app.theme = settings.theme
        app.notify("Settings saved.", title="Saved", timeout=3)
        self.load()
        self.set_focus(None)
