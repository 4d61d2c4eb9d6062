"""Everything that bends Python, argparse or Textual so that companion starts and answers
quickly, in one place. Each trick says why it is safe; tests/unit/test_startup.py checks
that what is deferred stays deferred.

- Lazy imports: a command's module is imported only when it runs (`LazyCommands`);
  a package's names are imported when first used (`lazy_exports`); the registries
  are tables of functions that import inside (`cli.main.COMMANDS`,
  `store.repository.SCHEMA_LOADERS`, `tui.navigation.DESTINATIONS`,
  `tui.targets.TARGETS`), so a type checker follows them and nothing loads early.
  Any other import inside a function is there to defer a module: the test runs
  the hot paths (`summary --short`, `interview list --json`, `--help`, the app's
  first paint) and fails when a module imported that way was loaded anyway,
  unless `NOT_FOR_SPEED` below says why the import is inside a function.
- The garbage collector: off for a printing command (`collector_off`, `leave`),
  and held away from the app's start and its keypresses (`GcPause`).
- argparse: a help formatter that finds the terminal's width without importing
  `shutil` (2 ms of every command), and relative dates such as `-3d` read as
  values (`dates_may_start_with_a_dash`).
- Textual: the frame hook of `CompanionApp._display` (`on_frame`), which the
  benchmarks use to quit after the first paint and the collector pause uses to
  let collections run between frames; the hold of frames at each change of
  place, ended as soon as the place is ready (`SwitchHold`); the places built
  while the person reads home (`WarmUp`); and the styles refreshed without
  parsing them again when nothing they depend on changed (`refresh_css`).
  The style sheets parsed once and kept in the cache folder for later starts are
  in `companion/tui/kept_styles.py` (they need Textual at import).

This module imports nothing from companion and no textual: the printing CLI uses it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Awaitable

    from rich.console import RenderableType
    from textual.screen import Screen  # noqa: TID251 - for the type checker only

    from companion.tui.app import CompanionApp

# An import inside a function defers its module: importing the module that holds it
# does not load it (tests/unit/test_startup.py checks each). One that cannot defer
# anything (its module is loaded anyway) but is inside a function for another reason
# is listed here, (the module holding it, the module it imports), with that reason.
NOT_FOR_SPEED: Mapping[tuple[str, str], str] = {}


# Lazy imports


def lazy_exports(
    package: str, modules: Mapping[str, str], source: str | None = None
) -> Callable[[str], object]:
    """A package's module `__getattr__` (PEP 562): `name` is imported from
    `source.modules[name]` when first used, then kept in the package. `source` is
    the package itself unless it passes on another's names (`services.access`, the
    store's), and is then also its `SOURCE`.

    The package also imports every name under `TYPE_CHECKING`, so that type
    checkers see them; tests/unit/test_startup.py checks the two agree.
    """
    within = package if source is None else source

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{within}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__


Register = Callable[["argparse._SubParsersAction[Any]"], None]


class LazyCommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands, each a placeholder (its name and help line) until argparse picks it.

    When the command line names one, `load(name)` gives the `register` function of
    its module, which registers the real parser (its flags, nested commands and
    handler) in the placeholder's place, and parsing goes on into it as if it had
    been there from the start. Built on argparse's private `_SubParsersAction`
    (the same since Python 3.2): `--help` lists the placeholders as it lists parsers.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._placeholders: set[str] = set()
        self._placeholder = self._parser_class(add_help=False)  # one for all: never parses
        self.load: Callable[[str], Register] = _no_loader

    def add_placeholder(self, name: str, line: str) -> None:
        """What `add_parser(name, help=line)` records for `--help`, without a parser."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), line))
        self._name_parser_map[name] = self._placeholder
        self._placeholders.add(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        name = values[0]
        if name in self._placeholders:
            built = argparse._SubParsersAction(
                option_strings=[], prog=self._prog_prefix, parser_class=self._parser_class
            )
            self.load(name)(built)
            for real_name, real in built._name_parser_map.items():
                if real_name in self._placeholders:
                    self._name_parser_map[real_name] = real
                    self._placeholders.discard(real_name)
            if name in self._placeholders:
                raise RuntimeError(f"the module of {name!r} does not register it")
        super().__call__(parser, namespace, values, option_string)


def _no_loader(name: str) -> Register:
    raise RuntimeError(f"no loader for the command {name!r}")


# argparse


def terminal_width() -> int:
    """What `shutil.get_terminal_size().columns` says, without importing `shutil` (and,
    through it, the compression modules): $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter (descriptions kept as written), sized without `shutil`.

    argparse builds one for every argument it adds, to check the metavar; its own
    `__init__` imports `shutil` to ask the terminal's width.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_width() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


# argparse takes an argument that looks like a negative number as a value, not an
# option: relative dates (`--on -3w`) are made to look like one to every parser of
# every command (cli/main.py's parser class), through argparse's private
# `_negative_number_matcher`.
_VALUES_WITH_A_DASH = r"^-\d+[dw]?$|^-\d*\.\d+$"


def dates_may_start_with_a_dash(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser._negative_number_matcher = re.compile(_VALUES_WITH_A_DASH)
    return parser


# The garbage collector, for a printing command
#
# A printing command is a short run that loads a whole database into memory. The
# cyclic garbage collector would walk those objects again and again while they load,
# and at exit the interpreter would free them one by one; neither keeps anything. So
# the console script (companion/script.py) turns the collector off for the run and,
# once the command is over, leaves with `os._exit` instead of a full teardown, but
# only when that loses nothing:
#
# - `main` has returned an exit code (the repository is closed by then: every command
#   opens it in a `with` block, which writes and lets go of the lock);
# - no other thread is running (nothing is left to finish its work);
# - the app was never started (it runs long, with the collector on, and ends the
#   normal way: `collector_on` gives it back);
# - the exit functions have run and stdout and stderr flushed without error
#   (otherwise Python's own exit reports the error and sets the status, as it
#   always did); a reader that closed the pipe early is not an error.
#
# Anything else (an exception, `--help`, a usage error: `SystemExit`) ends the normal
# way. `python -m companion` calls `main` directly.

APP_MODULE = "companion.tui.launch"


def collector_off() -> None:
    gc.disable()


def collector_on() -> None:
    """The app runs long: it gets the collector back (and pauses it itself, `GcPause`)."""
    gc.enable()


def leave(code: int) -> NoReturn:
    """Exit with `code`: at once when nothing is left to do, else the normal way."""
    import threading

    if APP_MODULE in sys.modules or threading.active_count() > 1:
        sys.exit(code)
    try:
        import atexit

        atexit._run_exitfuncs()  # private, but there is no public way to run them early
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                flush_unless_gone(stream)
    except BaseException:  # a full disk: Python's exit says so, as before
        sys.exit(code)
    os._exit(code)


def flush_unless_gone(stream: TextIO) -> None:
    """Flush; a reader that closed the pipe early (`| head -1`) is not an error: what
    is left goes to the null device."""
    try:
        stream.flush()
    except BrokenPipeError:
        silence(stream)


def silence(stream: TextIO) -> None:
    """Point a stream whose reader has gone at the null device, so that the buffered
    rest and the flush at exit go nowhere quietly instead of raising again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


# The garbage collector, in the app
#
# On a heavy history the app holds hundreds of thousands of objects (the main
# file's tables, loaded parts, the widgets). A full (generation 2) collection walks
# all of them and takes tens of milliseconds; when one starts between a key and the
# frame it leads to, that frame is late.
#
# - From opening the database until the first screen has painted, no collection
#   runs: loading a heavy main file makes hundreds of thousands of objects, and each
#   full collection meanwhile would walk all of them again.
# - `freeze()` once the first screen has painted: everything loaded so far (the
#   data, the app) goes to the permanent generation, so later collections only walk
#   what was made since. The data stays in use for the whole run; the little garbage
#   the start made is kept too, and freezing costs no time.
# - `hold()` when a key arrives and `release()` shortly after the frame it led to
#   (`AFTER_FRAME`: Textual hands the frame to its writer thread, which needs the
#   interpreter for a moment to write it, and a collection would keep it waiting).
#   The collections that fell due meanwhile run then, while the person reads. A hold
#   never lasts more than `MAX_HOLD` seconds, even with no frame (a key that changes
#   nothing) or a stream of keys.
#
# Only the running app does this (`companion` at a terminal), not tests.

MAX_HOLD = 0.5  # seconds
AFTER_FRAME = 0.03  # seconds


class GcPause:
    def __init__(self) -> None:
        self.frozen = False
        self.holding = False
        self.holds = 0  # how many holds have begun: a timer releases only its own
        self.keys_seen = 0

    def freeze(self, again: bool = False) -> None:
        """Once (or `again`, for what was loaded since): move every object so far out
        of the collector's way."""
        if again or not self.frozen:
            self.frozen = True
            gc.freeze()

    def hold(self) -> int | None:
        """Stop automatic collections until `release`.

        Returns the new hold's number, or None when one is held already (or the
        collector was disabled by someone else).
        """
        if self.holding or not gc.isenabled():
            return None
        gc.disable()
        self.holding = True
        self.holds += 1
        return self.holds

    def release(self, hold: int | None = None) -> None:
        """Let collections run again; given a hold's number, only if that hold is current."""
        if self.holding and (hold is None or hold == self.holds):
            self.holding = False
            gc.enable()

    def release_after_frame(self, keys_seen: int) -> None:
        """After a frame: let collections run again, unless another key came since."""
        if keys_seen == self.keys_seen:
            self.release()

    def on_key(self, app: CompanionApp) -> None:
        """A key arrived: hold collections until the frame it leads to."""
        if self.frozen:
            self.keys_seen += 1
            hold = self.hold()
            if hold is not None:
                app.set_timer(MAX_HOLD, partial(self.release, hold))


# Textual: the frame hook


def paints(app: CompanionApp, screen: object, renderable: object) -> bool:
    """Whether the frame `App._display` (private) is about to write paints the screen:
    a frame of the current screen, outside a batch of updates."""
    return renderable is not None and not app._batch_count and screen is app.screen


def on_frame(app: CompanionApp) -> None:
    """After `App._display` has handed a painting frame to the terminal.

    After the first one the collector pause freezes what the start made and ends
    the start's hold; after each, it lets collections run again. The benchmarks'
    cold-start hook quits once the first screen has painted (Textual holds frames
    back briefly while a mode switches, so `call_after_refresh` would quit before
    anything is painted).
    """
    pause = app.gc_pause
    if pause is not None:
        if not pause.frozen:
            pause.freeze()
            # the start's hold (make_app) ends after this frame, or at the latest:
            app.set_timer(MAX_HOLD, partial(pause.release, pause.holds))
        if pause.holding:
            app.set_timer(AFTER_FRAME, partial(pause.release_after_frame, pause.keys_seen))
    if app.exit_after_paint and app.current_mode == app.start:
        app.exit_after_paint = False
        app.open_after_paint()  # timed to the exit too: what the start does is done
        app.exit()
    else:
        if app.opens_after_paint:
            app.call_later(app.open_after_paint)
        if app.warm_up is not None:
            app.warm_up.start(app)


# Textual: a frame held back is drawn whole
#
# While frames are held (Textual's batch of updates: the app's start, each change of
# place), the screen's update timer still renders each frame, which counts its
# regions as drawn, and `App._display` then drops it. The next frame written holds
# only what changed after that, so the terminal never gets the rest: at the start,
# home's first frame had its top bar and footer but not its summary, which came
# only with the next full frame, 100 ms later. So the first frame written after one
# was dropped is drawn whole.


class HeldFrames:
    def __init__(self) -> None:
        self.dropped = False

    def frame_to_write(
        self, app: CompanionApp, screen: object, renderable: RenderableType | None, painted: bool
    ) -> RenderableType | None:
        """The frame `App._display` should write in place of `renderable`."""
        if app.is_headless:
            return renderable  # nothing is written
        if renderable is not None and screen is app.screen and app._batch_count:
            self.dropped = True
        elif painted and self.dropped:
            self.dropped = False
            return app.screen._compositor.render_full_update()
        return renderable


# Textual: the hold of frames at each change of place
#
# `App.switch_mode` (every place key, and the app's start) holds frames back for
# 50 ms (`App.delay_update`), so that a screen half built is never shown. That is
# 50 ms added to every visit, even to a place already built, whose screen only
# has to show its data again. `SwitchHold` holds frames the same way, but ends the
# hold as soon as the new screen is mounted (with its widgets) and has handled
# the events already sent to it (its resume, which shows its data); the 50 ms
# stay as the longest hold. Each hold is ended once, by whichever comes first.


class SwitchHold:
    def __init__(self) -> None:
        self.begun = 0
        self.open: set[int] = set()
        self._waiting: set[asyncio.Future[None]] = set()

    def begin(self, app: CompanionApp, delay: float) -> None:
        """`App.delay_update`: hold frames, at most `delay` seconds."""
        app._begin_batch()
        self.begun += 1
        self.open.add(self.begun)
        app.set_timer(delay, partial(self.end, app, self.begun))

    def end(self, app: CompanionApp, hold: int) -> None:
        if hold in self.open:
            self.open.discard(hold)
            app._end_batch()
            if not app._batch_count:
                app.screen.refresh()

    def when_ready(self, app: CompanionApp, mounted: Awaitable[None]) -> None:
        """After `switch_mode`: end the hold it began once the new screen is ready."""
        hold = self.begun
        if hold not in self.open:
            return
        screen = app.screen

        async def ready() -> None:
            await mounted
            # queued after the events the switch sent the screen (its resume)
            screen.call_later(self.end, app, hold)

        import asyncio  # the app's: the printing CLI never gets here

        waiting = asyncio.ensure_future(ready())
        self._waiting.add(waiting)
        waiting.add_done_callback(self._waiting.discard)


# Textual: a place's screen, made as its mode starts
#
# `App._init_mode` (private: a place's first visit, or `WarmUp`) makes the mode's
# screen; finding it older than the app's styles, it refreshes the styles of the
# screen in view (home's every widget, for nothing). Once laid out, the new screen's
# first Resize gives it the breakpoint class of the terminal's width
# (`CompanionApp.HORIZONTAL_BREAKPOINTS`), which restyles every one of its widgets
# again. A screen made while another is in view is styled as its widgets mount,
# under the styles of now; given its breakpoint classes before they mount, they
# are styled with them at once, and the Resize has nothing to change. The first
# screen is left as Textual makes it: the app's start refreshes the styles anyway.


def new_place(app: CompanionApp, screen: Screen[None]) -> Screen[None]:
    """A place's new screen, as `App._init_mode` makes it: up to date with the styles,
    and with the breakpoint classes of the app's size (as `Screen._on_resize` sets them)."""
    if not app._screen_stacks.get(app.current_mode):
        return screen
    screen._css_update_count = app._css_update_count
    width, height = app.size
    classes: dict[str, bool] = {}
    for size, own, apps in (
        (width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
        (height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
    ):
        breakpoints = (apps if own is None else own) or []
        for _, name in breakpoints:
            classes[name] = False
        for least, name in sorted(breakpoints, reverse=True):
            if size >= least:
                classes[name] = True
                break
    screen.update_classes(classes, update=False)
    return screen


# Textual: the places built while the person reads home
#
# A place's first visit builds its screen: its module, its widgets and their
# styles, its data (a heavy history's lists take a few hundred milliseconds).
# Once home has painted, the app builds the other places in the moments nobody
# is pressing keys (`QUIET` seconds since the last key, `AFTER_PAINT` since the
# paint until the first key: below), one place at a time, each as the screen of
# its mode, just as a visit would (Textual's private `App._init_mode`): the first
# visit then finds it built, and only reads its data again if the data or the
# day has moved since (`tui.context.ShownFor`). A key pressed meanwhile waits at
# most for the piece of building under way; the next piece (the place's arrangement,
# its drawing, the next place) waits for quiet again.
#
# Only the running app does this (`companion` at a terminal), not tests. A place
# built ahead starts nothing until it is seen (practice starts its sitting, and
# the answer's timer, on its first resume).
#
# Until the first key, the quiet that counts is the person's first look at home:
# nobody answers a screen within a tenth of a second of its paint, so the first
# place is begun `AFTER_PAINT` seconds after it (the frame written, and what the
# start does after its paint, first) rather than `QUIET`, an idle third of a second.

QUIET = 0.3  # seconds with no key before a place is built
AFTER_PAINT = 0.1  # seconds after home's first frame, while no key has come
# A pause lets whatever is waiting run first (keys, timers, the frame's writer): any
# length does that, and a longer one only leaves the machine idle. The warm-up pauses
# three times a place, so at 50 ms each it took half a second longer than its work.
BETWEEN = 0.01  # seconds between two pieces of building (other work gets its turn)


class WarmUp:
    def __init__(self, build: Sequence[str], modules: Sequence[str]) -> None:
        self.left = [*(("build", mode) for mode in build), *(("import", m) for m in modules)]
        self.last_key = time.monotonic()
        self.keyed = False  # a key has come
        self.started = False
        self.done = False  # every place built and drawn
        self._waiting: set[asyncio.Future[None]] = set()

    def on_key(self) -> None:
        self.last_key = time.monotonic()
        self.keyed = True

    @property
    def quiet(self) -> float:
        """The seconds since the last key (or the paint) a place waits for."""
        return QUIET if self.keyed else AFTER_PAINT

    def start(self, app: CompanionApp) -> None:
        """After the first paint: begin once the person has been quiet for a moment."""
        if not self.started:
            self.started = True
            self.last_key = time.monotonic()
            app.set_timer(self.quiet, partial(self.step, app))

    def _not_quiet(self, app: CompanionApp, piece: Callable[[], None]) -> bool:
        """Whether a key came too lately (or frames are held) for a piece of building: it
        is tried again once the person has been quiet for `quiet` seconds."""
        quiet = time.monotonic() - self.last_key
        if quiet < self.quiet or app._batch_count:
            app.set_timer(max(self.quiet - quiet, 0.05), piece)
            return True
        return False

    def step(self, app: CompanionApp) -> None:
        if not self.left:
            self.done = True
            return
        if self._not_quiet(app, partial(self.step, app)):
            return
        what, name = self.left.pop(0)
        if what == "import":
            import_module(name)
        elif what == "build" and name not in app._screen_stacks and name != app.current_mode:
            mounted = app._init_mode(name)  # the screen made by `new_place`
            screen = app._screen_stacks[name][0]

            async def then_lay_out() -> None:
                await mounted
                await app.settle_built_ahead(screen)
                screen.call_later(self.lay_out, app, screen)

            import asyncio  # the app's: the printing CLI never gets here

            waiting = asyncio.ensure_future(then_lay_out())
            self._waiting.add(waiting)
            waiting.add_done_callback(self._waiting.discard)
            return  # the next step follows the layout
        app.set_timer(BETWEEN, partial(self.step, app))

    def lay_out(self, app: CompanionApp, screen: Screen[object]) -> None:
        """Arrange a place built ahead at the terminal's size, as its visit would find it
        (Textual's private `Screen._refresh_layout`; nothing is written to the terminal
        for a screen not in view): its empty notice rack hidden, as the visit's resume
        would hide it. (Its styles are those of its visit already: its widgets were
        styled as they mounted, under its breakpoint classes, `new_place`.) A key that
        came meanwhile goes first: the arrangement waits for quiet again."""
        if self._not_quiet(app, partial(self.lay_out, app, screen)):
            return
        if screen is not app.screen and screen.is_attached:
            if not app._notifications:  # hidden, as the visit's resume would hide it
                for rack in screen.query("#textual-toastrack"):  # Textual's ToastRack
                    rack.display = False
            screen._refresh_layout(app.size)
        app.set_timer(BETWEEN, partial(self.draw, app, screen))

    def draw(self, app: CompanionApp, screen: Screen[object]) -> None:
        """Once the widgets have asked for the layout their new styles need (on idle,
        `Widget._check_refresh`): arrange again and draw the strips of its first frame,
        as the screen's update timer would for a screen in view. The visit then has no
        layout left to do, only its frame to write. Like the arrangement, it waits for
        quiet after a key."""
        if self._not_quiet(app, partial(self.draw, app, screen)):
            return
        if screen is not app.screen and screen.is_attached:
            screen._refresh_layout(app.size)
            screen._layout_required = False
            screen._compositor.render_strips()
            # A timer's first tick comes a whole period after it starts; after a pause,
            # the next one comes at once (Textual's `Timer._run`). Started now (it ticks
            # once, and finds the screen not in view), the screen's update timer paints
            # the visit's frame at once instead of 1/60 s later.
            screen._update_timer.resume()
        app.set_timer(BETWEEN, partial(self.step, app))


# Textual: styles refreshed without parsing them again
#
# `App.refresh_css` parses every style sheet of the app again (its own and each
# widget's DEFAULT_CSS: about 50 ms here) and restyles the screen. Textual calls it
# when the theme changes, and also each time a place is first shown (its screen
# is newer than the last refresh), where nothing the styles depend on has
# changed. When the style variables (the theme's colours) are the ones the
# style sheet was parsed with, the rules already parsed are still right: the
# refresh restyles without parsing (any new source is parsed alone, through the
# style sheet's own cache). Otherwise Textual's refresh runs as it is.


def refresh_css(app: CompanionApp, animate: bool) -> bool:
    """Refresh the app's styles without parsing them again, if that gives the same
    rules; False (nothing done) when they must be parsed again."""
    stylesheet = app.stylesheet
    if app.get_css_variables() != stylesheet._variables:
        return False
    stylesheet.update(app, animate=animate)
    screen = app.screen
    if screen.is_mounted:
        screen._refresh_layout(app.size)
        screen._css_update_count = app._css_update_count
    for other in app.screen_stack:
        if other is not screen:
            stylesheet.update(other, animate=animate)
            other._css_update_count = app._css_update_count
    return True
