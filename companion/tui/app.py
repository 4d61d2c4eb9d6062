"""CompanionApp and `make_app`, the one way the app is built (by the CLI and by tests)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.driver import Driver
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount

from companion.clock import Clock
from companion.domain.settings import Settings
from companion.domain.summary import Summary
from companion.domain.urges import EXIT_NOT_NOW
from companion.inert import one_line, visible
from companion.services import access, kept_home
from companion.services import settings as settings_service
from companion.services import summary as summaries
from companion.services.access import StoreError
from companion.startup import (
    GcPause,
    HeldFrames,
    SwitchHold,
    WarmUp,
    new_place,
    on_frame,
    paints,
    refresh_css,
)
from companion.tui.commands import ScreenKeys
from companion.tui.context import READ_ONLY_TITLE, read_only_sentence
from companion.tui.dialogs.help import HelpScreen
from companion.tui.navigation import DESTINATIONS
from companion.tui.targets import TARGETS
from companion.tui.theme import DUSK, THEMES
from companion.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from companion.services.access import Repository


class SaveStatus(Message):
    """From the background writer's thread: a save problem, or None once saved again."""

    def __init__(self, problem: str | None) -> None:
        super().__init__()
        self.problem = problem


class CalendarStatus(Message):
    """From the thread that saved: the calendar file could not follow, or None once it did."""

    def __init__(self, problem: str | None) -> None:
        super().__init__()
        self.problem = problem


@dataclass(frozen=True)
class OpenLater:
    """The database to open once home has painted from the summary kept by the last
    start (`make_app`), in place of the database opened."""

    path: Path
    background: bool


@dataclass(frozen=True)
class HomeDrawnFrom:
    """What home's first summary was drawn from: the main file read as `read_from`,
    at `now`, kept (or taken from what was kept) until `until_ns`. Home's first frame
    may be kept for as long (`companion/kept_frame.py`)."""

    read_from: kept_home.Identity
    now: datetime
    until_ns: int


@dataclass(frozen=True)
class FirstFrame:
    """Home's first frame as written to the terminal, at `size` (columns, lines)."""

    text: str
    size: tuple[int, int]


@runtime_checkable
class WaitsForData(Protocol):
    """A screen drawn before the database was opened (home), told once it is."""

    def on_data_opened(self) -> None: ...


class CompanionApp(App[None]):
    CSS_PATH = "companion.tcss"
    TITLE = "companion"
    # Below 80 columns every screen has the class -narrow (the stylesheet's last
    # block): smaller margins, and the footer keeps its room for the keys.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012 (Textual's own)
    COMMANDS = App.COMMANDS | {ScreenKeys}
    # Each has an id, so that keymap.toml can give it other keys (tui/keymap.py).
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(d.key, f"go('{d.mode}')", d.label, tooltip=d.about, show=False, id=d.mode)
            for d in DESTINATIONS
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        # F1 as well, out of the footer: a text field takes ?, but never F1.
        Binding("f1", "help", "Help", show=False, id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        repo: Repository | OpenLater,
        clock: Clock,
        *,
        cursor_blink: bool = True,
        start: str | None = None,
        exit_after_paint: bool = False,
        gc_pause: GcPause | None = None,
        warm_up: WarmUp | None = None,
        read_from: kept_home.Identity | None = None,
        kept_summary: kept_home.KeptSummary | None = None,
    ) -> None:
        super().__init__()
        # The database, or where it is, to open once home has painted (`make_app`).
        self._open_later = repo if isinstance(repo, OpenLater) else None
        self._repo = None if isinstance(repo, OpenLater) else repo
        self.clock = clock
        self.cursor_blink = cursor_blink
        self.start = start or DESTINATIONS[0].mode
        # Started by `companion breathe`: the choice after the breathing ends the app,
        # and its exit code says which (0 look now; 3 leave it, or no choice made).
        self.breathing_gate = self.start.partition(":")[0] == "breathe"
        self.exit_code = EXIT_NOT_NOW if self.breathing_gate else 0
        self.exit_after_paint = exit_after_paint
        # The terminal app keeps garbage collections out of its start and of each
        # keypress (companion/startup.py).
        self.gc_pause = gc_pause
        self.switch_hold = SwitchHold()
        # The other places, built while the person reads home (companion/startup.py).
        self.warm_up = warm_up
        # The main file's identity before it was read, while home's summary of it may
        # still be the one kept by the last start or be kept for the next
        # (services/kept_home.py); None once home has made or taken its first.
        self.read_from = read_from
        self.kept_summary = kept_summary
        # What home's first frame showed and was drawn from, to keep for the next start.
        self.home_drawn_from: HomeDrawnFrom | None = None
        self.first_frame: FirstFrame | None = None
        self._frame_seen = False
        self.held_frames = HeldFrames()
        self.exit_problem: str | None = None
        self.quit_without_saving = False
        # The error that stopped the app, if one did (see `_handle_exception`).
        self.crash: BaseException | None = None
        # The keys keymap.toml gave the app's bindings, by binding id (applied in on_mount).
        self.keymap: dict[str, str] = {}
        for theme in THEMES:
            self.register_theme(theme)
        for destination in DESTINATIONS:
            self.add_mode(destination.mode, partial(self._new_place, destination.screen))

    def _new_place(self, make: Callable[[], Screen[None]]) -> Screen[None]:
        # styled once as it mounts (companion/startup.py)
        return new_place(self, make())

    @property
    def repo(self) -> Repository:
        """The database; one left to open after home's first frame is opened now if
        anything needs it sooner (`open_data`)."""
        if self._repo is None:
            self.open_data()
        assert self._repo is not None
        return self._repo

    @property
    def changes(self) -> int:
        """`repo.changes`, without opening a database left to open (none made yet)."""
        return 0 if self._repo is None else self._repo.changes

    @property
    def read_only(self) -> bool:
        """`repo.read_only`, without opening a database left to open (not known yet)."""
        return self._repo is not None and self._repo.read_only

    @property
    def settings(self) -> Settings:
        """The settings: the kept ones of the same main file while the database is left
        to open (home's kept summary, services/kept_home.py)."""
        if self._repo is None and self.kept_summary is not None:
            return self.kept_summary.settings
        return self.repo.settings.get()

    def open_data(self) -> None:
        """Open the database left to open after home's first frame (`make_app`), and do
        what the app does with it as it starts. A file that does not load ends the app
        with what the command line says of it (exit 1), as before any screen."""
        later = self._open_later
        if self._repo is not None or later is None:
            return
        try:
            self._repo = access.Repository.open(
                later.path, self.clock, access="auto", background=later.background
            )
        except StoreError as refused:
            self.exit_problem = str(refused)
            self.exit(return_code=1)
            raise
        self._open_later = None
        self.kept_summary = None  # the settings are the database's own from now on
        if self.gc_pause is not None:
            self.gc_pause.freeze(again=True)  # the data, loaded after the first frame
        self._connect_repo()
        self._tell_on_open()
        for screen in self.screen_stack:
            screen.refresh_bindings()
            if isinstance(screen, WaitsForData):
                screen.on_data_opened()

    def _folder(self) -> Path:
        """The folder of the database's files, opened or not."""
        if self._repo is not None:
            return self._repo.folder
        assert self._open_later is not None
        return self._open_later.path.parent

    @property
    def opens_after_paint(self) -> bool:
        """The database is left to open after home's first frame (`make_app`)."""
        return self._open_later is not None

    def open_after_paint(self) -> None:
        """After home's first frame: open the database left to open, once the frame is
        on its way to the terminal (the writer thread gets the interpreter first)."""
        if self._open_later is None:
            return
        time.sleep(0)
        with contextlib.suppress(StoreError):  # said and ended in `open_data`
            self.open_data()

    def on_mount(self) -> None:
        settings = self.settings
        self.theme = settings.theme if settings.theme in self.available_themes else DUSK.name
        from companion.tui.user_config import apply_user_config

        # after the saved theme: the environment wins
        self.keymap = apply_user_config(self, os.environ)
        # Setting the theme publishes the change with call_next: subscribing the same way,
        # after it, keeps the themes set here (the saved one, $COMPANION_THEME) unsaved.
        self.call_next(self.theme_changed_signal.subscribe, self, self._remember_theme)
        if self._repo is not None:
            self._connect_repo()
        modes = {d.mode for d in DESTINATIONS}
        self.switch_mode(self.start if self.start in modes else DESTINATIONS[0].mode)
        if self.start not in modes:
            self.call_after_refresh(self.open_target, self.start)
        if self._repo is not None:
            self._tell_on_open()

    def _connect_repo(self) -> None:
        """Listen to the database's writer, and bring the calendar file up to today."""
        self.repo.on_save_problem(self._save_problem_from_writer)
        self.repo.calendar_listener = self._calendar_problem_from_writer
        if self.repo.settings.get().calendar_path is not None and not self.repo.read_only:
            # the dates move with the days, not only with changes: bring the file up to today
            self.run_worker(self.repo.calendar.refresh, thread=True, exit_on_error=False)

    def _tell_on_open(self) -> None:
        """What opening the database found: files made private, another companion
        holding it; and the welcome, the first time."""
        made_private = self.repo.made_private
        if made_private:
            self.notify(made_private, title="Made private", markup=False)
        if self.repo.read_only:
            self.notify(
                read_only_sentence(self.repo), title=READ_ONLY_TITLE, timeout=8, markup=False
            )
        elif not self.repo.settings.get().welcomed:
            from companion.tui.dialogs import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def first_summary(self, now: datetime) -> Summary:
        """Home's summary at the start: the one kept by the last start if it still
        holds, else made now (and kept for the next start once home has painted)."""
        read_from, self.read_from = self.read_from, None
        kept = self.kept_summary
        if self._repo is not None:
            self.kept_summary = None  # the settings are the database's own from now on
        if kept is not None and not self.changes and kept.holds_at(now):
            if read_from is not None:
                self.home_drawn_from = HomeDrawnFrom(read_from, now, kept.until_ns)
            return kept.summary
        summary = summaries.summary(self.repo)
        if read_from is not None:
            self.call_after_refresh(self._keep_first_summary, read_from, summary, now)
        return summary

    def _keep_first_summary(
        self, read_from: kept_home.Identity, summary: Summary, now: datetime
    ) -> None:
        until_ns = kept_home.keep_summary(self.repo, read_from, summary, now)
        if until_ns is not None:
            self.home_drawn_from = HomeDrawnFrom(read_from, now, until_ns)

    def get_driver_class(self) -> type[Driver]:
        # Textual's own terminal driver, which can take over home's kept frame and
        # record the first (tui/frame_driver.py)
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from companion.tui.frame_driver import FrameDriver

            return FrameDriver
        return driver

    def refresh_css(self, animate: bool = True) -> None:
        # without parsing the styles again when nothing they depend on changed
        # (companion/startup.py)
        if not refresh_css(self, animate):
            super().refresh_css(animate)

    def delay_update(self, delay: float = 0.05) -> None:
        # Textual's hold at each change of place, ended when the place is ready
        # (companion/startup.py, SwitchHold).
        self.switch_hold.begin(self, delay)

    def switch_mode(self, mode: str) -> AwaitMount:
        mounted = super().switch_mode(mode)
        self.switch_hold.when_ready(self, mounted)
        return mounted

    async def settle_built_ahead(self, screen: Screen[object]) -> None:
        """A place built ahead of its visit (companion/startup.py, `WarmUp`): its footer
        shows its keys now, before it is laid out, rather than after its next refresh."""
        for footer in screen.query(Footer):
            await footer.settle()

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        # Textual's private frame writer: the frame hook is in companion/startup.py.
        painted = paints(self, screen, renderable)
        renderable = self.held_frames.frame_to_write(self, screen, renderable, painted)
        recording = painted and self._records_first_frame()
        if recording:
            self._driver.recording = []  # type: ignore[union-attr]
        super()._display(screen, renderable)
        if recording:
            written = self._driver.recording  # type: ignore[union-attr]
            self._driver.recording = None  # type: ignore[union-attr]
            if written:
                self.first_frame = FirstFrame("".join(written), (self.size.width, self.size.height))
        if painted:
            on_frame(self)

    def _records_first_frame(self) -> bool:
        """Whether the frame about to be written is the first, and shows home alone, as
        the next start would show it: recorded then, to be kept for it."""
        if self._frame_seen:
            return False
        self._frame_seen = True
        return (
            hasattr(self._driver, "recording")
            and self.current_mode == DESTINATIONS[0].mode
            and len(self.screen_stack) == 1
            and not self._notifications
            and not self.read_only
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if self.gc_pause is not None:
                self.gc_pause.on_key(self)
            if self.warm_up is not None:
                self.warm_up.on_key()
        await super().on_event(event)

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if name and not self.repo.read_only:
            settings_service.remember_theme(self.repo, name)

    def _save_problem_from_writer(self, problem: str | None) -> None:
        # Never wait for the UI here: at quit the UI thread waits for this writer.
        self.post_message(SaveStatus(problem))

    def on_save_status(self, message: SaveStatus) -> None:
        self._show_save_problem(message.problem)

    def _calendar_problem_from_writer(self, problem: str | None) -> None:
        self.post_message(CalendarStatus(problem))

    def on_calendar_status(self, message: CalendarStatus) -> None:
        if message.problem is not None:
            self.notify(message.problem, title="Calendar not updated", timeout=15, markup=False)

    def _show_save_problem(self, problem: str | None) -> None:
        from companion.tui.dialogs import QuitGuardScreen

        if problem is not None and isinstance(self.screen, QuitGuardScreen):
            return  # the question at quit says it already, and a toast would cover its buttons
        if problem is None:
            self.notify("Everything is saved again.", title="Saved", timeout=4)
        else:
            self.notify(
                problem, title="Not saved yet", severity="warning", timeout=15, markup=False
            )

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action: a change the store refuses (every id of a table handed
        out, a lost lock, a history part that will not load) is told in a sentence and
        the app goes on, with nothing changed, rather than stopping."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as refused:
            self.notify(str(refused), title="Not done", severity="error", timeout=15, markup=False)
            return True

    def _handle_exception(self, error: Exception) -> None:
        """An error nothing else caught: Textual would print a traceback with every frame's
        locals (the user's words); companion says what happened in a sentence and keeps
        a report without locals beside the database (tui/crash.py). The app exits 1."""
        from companion.tui.crash import save_report, sentence

        self._return_code = 1
        if self._exception is None:  # Pilot tests re-raise it when the app stops
            self._exception = error
            self._exception_event.set()
        if self.crash is None:
            self.crash = error
            report = save_report(self._folder(), error, self.clock.now())
            self._exit_renderables.append(Text(sentence(error, report)))
        self._close_messages_no_wait()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, from any screen (a widget's `notify` calls this one): never
        markup, and its text inert, since it often names a company or a deck."""
        super().notify(
            visible(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help_quit(self) -> None:
        """ctrl+c (outside a field, where it copies) says how to quit."""
        self.notify(
            "To quit, press q (or ctrl+q in a field). Everything is saved as you go.",
            title="Leaving?",
            markup=False,
        )

    def action_go(self, mode: str) -> None:
        """Go to a place, at its own page: `w` opens the list of interviews, not the
        interview last opened there (the pages pushed over it are closed)."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
            self.pop_screen()

    def open_target(self, target: str) -> bool:
        """Open what an Action points at ("interview:3", "practice", "applications:new").

        Registered prefixes (tui/targets.py) come first, then Destination modes;
        an unknown target does nothing and returns False.
        """
        prefix, _, argument = target.partition(":")
        opener = TARGETS.get(prefix)
        if opener is not None:
            opener(self, argument)
            return True
        if prefix in {d.mode for d in DESTINATIONS}:
            self.action_go(prefix)
            return True
        return False

    def action_open(self, target: str) -> None:
        self.open_target(target)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for destination in DESTINATIONS:
            yield SystemCommand(
                f"Go to {destination.label}",
                f"{destination.about} (key {destination.key})",
                lambda mode=destination.mode: self.action_go(mode),
            )
        yield SystemCommand("Help", "Every key and command (key ? or F1)", self.action_help)
        yield SystemCommand(
            "I want to check my inbox",
            "Note the urge, breathe for a minute, then see what needs you (key i on home)",
            lambda: self.open_target("breathe"),
        )
        yield SystemCommand(
            "Export...",
            "Your data as JSON, readable Markdown, or a calendar of the kind dates",
            lambda: self.open_target("export"),
        )
        if not self.repo.read_only:
            yield SystemCommand(
                "Log an application",
                "Add a job you applied for; it counts toward this week's goal",
                lambda: self.open_target("applications:new"),
            )
            yield SystemCommand(
                "Write in the journal",
                "A journal entry, with a mood if you like (from the journal: n)",
                lambda: self.open_target("journal:new"),
            )
            yield SystemCommand(
                "Set weekly applying goal",
                "How many applications to aim for each week while you wait",
                self.action_weekly_goal,
            )
        yield from super().get_system_commands(screen)

    def action_weekly_goal(self) -> None:
        from companion.tui.dialogs import WeeklyGoalScreen

        self.push_screen(WeeklyGoalScreen())

    async def action_quit(self) -> None:
        """Save everything, then quit; if the save fails, ask what to do."""
        from companion.tui.dialogs import QuitGuardScreen

        if isinstance(self.screen, QuitGuardScreen):
            return
        problem = self.save_now()
        if problem is None:
            self.exit(return_code=self.exit_code)
        else:
            self.clear_notifications()  # the question says it all; no toast over its buttons
            self.push_screen(QuitGuardScreen(problem), self._after_quit_guard)

    def _after_quit_guard(self, choice: str | None) -> None:
        if choice == "discard":
            self.quit_without_saving = True
        if choice in ("saved", "discard"):
            self.exit(return_code=self.exit_code)

    def save_now(self) -> str | None:
        """Write every change now: None when all is on disk, else the problem in words."""
        if self._repo is None or self.repo.read_only:
            return None
        try:
            self.repo.flush()
        except Exception as error:  # whatever it is, the user decides what happens next
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
            return (
                f"companion could not save your latest changes to {self.repo.path} ({reason}). "
                "The file on disk is intact, and your changes are still here."
            )
        return None

    @property
    def unsaved_changes(self) -> bool:
        if self._repo is None:
            return False
        return not self.quit_without_saving and not self.repo.read_only and self.repo.dirty

    def on_unmount(self) -> None:
        self.close_repository()

    def close_repository(self) -> None:
        """Save what is left and let go of the database; `exit_problem` says what failed."""
        if self._repo is None:
            return  # never opened: nothing to save, nothing held
        if self.quit_without_saving:
            self.repo.discard()
            self.exit_problem = (
                f"companion quit without saving the latest changes to {self.repo.path}; "
                "the file holds what was saved before."
            )
            return
        try:
            self.repo.close()
        except Exception as error:
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
            self.exit_problem = (
                f"companion could not save to {self.repo.path} ({reason}). "
                "The file on disk is intact, but the latest changes were not written."
            )
        else:
            self.exit_problem = None


# The places built while the person reads home, in the order of the top bar (what a
# place shows is read again on its visit if the data or the day has moved since),
# and the modules only imported.
WARM_BUILT = tuple(d.mode for d in DESTINATIONS[1:])
WARM_IMPORTED: tuple[str, ...] = ()


def make_app(
    db_path: Path,
    clock: Clock,
    *,
    cursor_blink: bool = True,
    background: bool = True,
    start: str | None = None,
    exit_after_paint: bool = False,
    pause_gc: bool = False,
    open_after_paint: bool = False,
) -> CompanionApp:
    """Open the database (read-only if another companion has it) and build the app.

    `start` names the mode to open on (a Destination's `mode`; default home), or a
    target (tui/targets.py, such as "breathe") to open over home.
    `exit_after_paint` quits once the first screen has painted (for the benchmarks).
    `pause_gc` keeps garbage collections out of the start (until the first screen
    has painted) and out of keypresses, and builds the other places while the
    person reads the first (companion/startup.py): the running app's tricks.
    Raises BadDatabaseFile before any screen is drawn when the data does not load.

    `open_after_paint`: when home's summary kept by the last start holds (its main
    file unchanged since, services/kept_home.py), home is drawn from it and the
    database is opened just after that first frame (`CompanionApp.open_data`; at
    once if anything needs it sooner). The file loaded before, unchanged, so it
    loads again; should it not, the app ends saying so, exit 1.
    """
    pause = GcPause() if pause_gc else None
    if pause is not None:
        pause.hold()
    # home's summary as the last start kept it, taken before the data is opened
    read_from = kept_home.identity(db_path)
    kept = kept_home.kept_summary(db_path, read_from, clock.now())
    home = start is None or start == DESTINATIONS[0].mode
    repo: Repository | OpenLater
    if open_after_paint and home and kept is not None and kept.settings.welcomed:
        repo = OpenLater(db_path, background)
    else:
        try:
            repo = access.Repository.open(db_path, clock, access="auto", background=background)
        except BaseException:
            if pause is not None:
                pause.release()
            raise
        if kept_home.identity(db_path) != read_from:  # opening changed it (an upgrade)
            read_from = kept = None
    return CompanionApp(
        repo,
        clock,
        cursor_blink=cursor_blink,
        start=start,
        exit_after_paint=exit_after_paint,
        gc_pause=pause,
        warm_up=WarmUp(WARM_BUILT, WARM_IMPORTED) if pause_gc else None,
        read_from=read_from,
        kept_summary=kept,
    )
