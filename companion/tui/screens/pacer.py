"""The urge to check the inbox: note it, park the thought, breathe, then choose.

Three stages on one screen. First one optional line, "What is on your mind?",
parked until the check-in slot (domain/worries.py). Then the breathing: the
pacer draws `breath_at(elapsed, pattern)` where `elapsed` comes from the app's
clock; a timer only asks it to look again, so with a frozen clock every frame
is the same, and tests move the clock and call `tick()`. Last, what needs the
user (the summary), and the choice: leave it until the slot, or look now. The
choice is kept with the urge. When the app was started by `companion
breathe`, the choice ends it, with the exit code that says which
(`domain.urges.BREATHE_EXIT`).

With reduced motion (the setting, or TEXTUAL_ANIMATIONS=none) the pacer is
still: the box keeps one size and only the words change.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from companion.domain.breathing import Breath, Pattern, breath_at
from companion.domain.errors import FieldError
from companion.domain.summary import Summary
from companion.domain.urges import BREATHE_EXIT, Choice, parking_note, trend_sentence
from companion.domain.worries import leave_it_words, next_slot, parse_thought
from companion.services import summary as summaries
from companion.services import urges, worries
from companion.tui.context import app_of
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import line, literal
from companion.tui.widgets import BreathingBox, TextField, UrgeChart
from companion.tui.widgets.footer import Footer

TICK_SECONDS = 0.25
# The still pacer's box: one size, half open.
STILL_FILL = 0.5

Stage = str  # "mind", "breathing" or "after"


def counted(breath: Breath) -> Content:
    """The counted seconds of this phase: ● ● ○ ○."""
    return Content.assemble(
        *(("● ", "$primary") if n <= breath.count else "○ " for n in range(1, breath.seconds + 1))
    )


def reduced_motion(setting: bool, animation_level: str) -> bool:
    """A still pacer: asked for in settings, or animations are off (TEXTUAL_ANIMATIONS=none)."""
    return setting or animation_level == "none"


class PacerScreen(Dialog[None]):
    """Full screen and modal: while breathing, only its own keys apply."""

    TITLE = "Breathe"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stop", "Stop", tooltip="Stop breathing (the choice still comes)"),
        Binding("escape", "home", "Home", tooltip="Back to home, with no choice made"),
        Binding("l", "choose('leave')", "Leave it", tooltip="Leave the inbox until the check-in"),
        Binding("n", "choose('look')", "Look now", tooltip="Look at the inbox now"),
        Binding("r", "again", "Breathe again"),
        Binding("1", "open(1)", "Open", key_display="1-3"),
        Binding("2", "open(2)", "", show=False),
        Binding("3", "open(3)", "", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def __init__(self, pattern: Pattern, *, note: bool = True) -> None:
        super().__init__()
        self.pattern = pattern
        self.note = note
        self.stage: Stage = "mind"
        self.urge_id: int | None = None
        self.started: datetime | None = None
        self.breath: Breath | None = None
        self.summary: Summary | None = None
        self.still = False
        self.parked = False
        self.choice: Choice | None = None

    @property
    def finished(self) -> bool:
        return self.stage == "after"

    def compose(self) -> ComposeResult:
        with Vertical(id="mind", classes="page"):
            yield Static("I want to check my inbox", classes="dialog-title", id="pacer-title")
            yield Static(id="parking", classes="quiet")
            yield Static("What is on your mind?", id="mind-prompt", classes="prompt")
            with Center():
                yield TextField(
                    id="thought",
                    placeholder="One line, if you like; or nothing",
                    compact=True,
                    select_on_focus=False,
                )
            yield Static(id="mind-hint", classes="quiet")
        with Vertical(id="breathing", classes="page"):
            yield Static(id="pattern-title", classes="dialog-title")
            yield Static(id="breathing-parked", classes="quiet")
            with Center(id="box-frame"):
                yield BreathingBox(id="box")
            with Center():
                yield Static(id="words", classes="headline")
            with Center():
                yield Static(id="count")
            with Center():
                yield Static(id="cycle", classes="quiet")
        with VerticalScroll(id="after", classes="page"):
            yield Static(id="well-spent", classes="quiet")
            yield Static(id="after-message", classes="headline")
            yield Static(id="after-actions")
            with Horizontal(id="choice", classes="buttons"):
                yield Button("Leave it", id="leave", variant="primary", compact=True)
                yield Button("Look now", id="look", compact=True)
            yield Static(id="after-suggestion")
            yield Static(id="after-parking", classes="quiet")
            yield Static("Urges you brought here instead, two weeks", classes="section-title")
            yield UrgeChart(id="urge-chart")
            yield Static(id="trend", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = app_of(self)
        settings = app.repo.settings.get()
        self.still = reduced_motion(settings.reduced_motion, app.animation_level)
        writable = not app.repo.read_only
        if self.note and writable:
            self.urge_id = urges.note_urge(app.repo)
        now = app.clock.now()
        noted = "Noted. " if self.note and writable else ""
        self.query_one("#parking", Static).update(
            Content(noted + parking_note(settings.checkin_time, now))
        )
        until = leave_it_words(now, settings.checkin_time).removeprefix("Leave it ")
        self.query_one("#mind-hint", Static).update(
            Content(f"It waits, unseen, {until}. Enter begins the breathing; empty is fine.")
        )
        self.query_one("#pattern-title", Static).update(
            Content(f"{self.pattern.label}: {self.pattern.about}")
        )
        self.set_interval(TICK_SECONDS, self.tick)
        if writable:
            self.show_stage("mind")
            self.query_one("#thought", TextField).focus()
        else:
            self.begin()

    def show_stage(self, stage: Stage) -> None:
        self.stage = stage
        for name in ("mind", "breathing", "after"):
            self.query_one(f"#{name}").display = name == stage
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        if text.strip():
            app = app_of(self)
            try:
                parse_thought(text)
            except FieldError as error:
                self.query_one("#mind-hint", Static).update(Content(error.message.capitalize()))
                return
            checkin = app.repo.settings.get().checkin_time
            worries.park(app.repo, text)
            self.parked = True
            until = leave_it_words(app.clock.now(), checkin).removeprefix("Leave it ")
            self.query_one("#breathing-parked", Static).update(
                Content(f"Parked {until}. It will keep.")
            )
        self.begin()

    def begin(self) -> None:
        self.started = app_of(self).clock.now()
        self.breath = None
        self.summary = None
        self.show_stage("breathing")
        self.set_focus(None)
        self.tick()

    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        return (app_of(self).clock.now() - self.started).total_seconds()

    def tick(self) -> None:
        """Look at the clock and draw the breath it says; finish after the last breath."""
        if self.stage != "breathing":
            return
        breath = breath_at(self.elapsed(), self.pattern)
        if breath.finished:
            self.finish()
            return
        if breath == self.breath:
            return
        self.breath = breath
        box = self.query_one("#box", BreathingBox)
        count = self.query_one("#count", Static)
        if self.still:
            box.fill = STILL_FILL
            count.update(Content(f"for {breath.seconds}"))
        else:
            box.fill = breath.fill
            count.update(counted(breath))
        self.query_one("#words", Static).update(Content(breath.words))
        self.query_one("#cycle", Static).update(
            Content(f"breath {breath.cycle} of {breath.cycles} · escape to stop")
        )

    def finish(self) -> None:
        """The end of the breathing (or its stop): what needs the user, and the choice."""
        app = app_of(self)
        summary = summaries.summary(app.repo)
        self.summary = summary
        self.choice = None
        now = app.clock.now()
        checkin = app.repo.settings.get().checkin_time
        complete = self.elapsed() >= self.pattern.total_seconds
        self.query_one("#well-spent", Static).update(
            self.pattern.well_spent if complete else "You stopped the breathing; that is fine."
        )
        self.query_one("#after-message", Static).update(literal(summary.message))
        actions = self.query_one("#after-actions", Static)
        actions.display = bool(summary.actions)
        actions.update(
            Content("\n").join(
                Content.assemble((f"{n}. ", "$primary"), line(action.text))
                for n, action in enumerate(summary.actions, start=1)
            )
        )
        self.query_one("#leave", Button).label = leave_it_words(now, checkin)
        suggestion = self.query_one("#after-suggestion", Static)
        suggestion.display = summary.suggestion is not None
        suggestion.update(
            Content.assemble(
                ("A kind use of the time: ", "$secondary"), literal(summary.suggestion or "")
            )
        )
        parking = self.query_one("#after-parking", Static)
        parking.display = self.parked
        until = leave_it_words(now, checkin).removeprefix("Leave it ")
        parking.update(Content(f"Your thought waits, unseen, {until}."))
        self.query_one("#urge-chart", UrgeChart).show(summary.urges, app.clock.today())
        counts = f"{summary.urges_today} today, {sum(summary.urges)} in two weeks."
        trend = trend_sentence(summary.urges)
        self.query_one("#trend", Static).update(Content(f"{counts} {trend or ''}".strip()))
        self.show_stage("after")
        self.query_one("#leave", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop":
            return self.stage == "breathing"
        if action == "home":
            return self.stage != "breathing"
        if action in ("choose", "again"):
            return self.stage == "after"
        if action == "open":
            return self.stage == "after" and bool(self.summary and self.summary.actions)
        return True

    def action_stop(self) -> None:
        """Stop breathing early: the choice comes all the same."""
        if self.stage == "breathing":
            self.finish()

    def action_home(self) -> None:
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "leave":
            self.action_choose("leave")
        elif event.button.id == "look":
            self.action_choose("look")

    def action_choose(self, choice: Choice) -> None:
        """Keep the choice with the urge; `companion breathe` ends here, with its exit code."""
        if self.stage != "after":
            return
        app = app_of(self)
        self.choice = choice
        if self.urge_id is not None and not app.repo.read_only:
            urges.choose(app.repo, self.urge_id, choice)
        if app.breathing_gate:
            app.exit_code = BREATHE_EXIT[choice]
            app.call_later(app.action_quit)
            return
        now = app.clock.now()
        checkin = app.repo.settings.get().checkin_time
        if choice == "leave":
            slot = next_slot(now, checkin)
            note = f"Left until {slot:%H:%M}. Whatever is there will keep."
        else:
            note = "Look once, then let it rest."
        self.dismiss()
        app.notify(note, title="Your choice", timeout=6, markup=False)

    def action_again(self) -> None:
        self.begin()

    def action_open(self, number: int) -> None:
        actions = self.summary.actions if self.summary else ()
        if not 1 <= number <= len(actions):
            return
        target = actions[number - 1].target
        app = app_of(self)
        self.dismiss()
        if target:
            app.open_target(target)
