"""The check-in slot: each parked thought offered once, then the let-go ones looked back on.

One thought at a time. A parked thought gets three answers: do something
(open what it names), let it go, or keep it for tomorrow. A thought let go a
week ago asks once how it turned out. Each answer is saved as it is given.
Escape leaves the rest: the parked ones shown or still to come wait for
tomorrow's slot, and a look back shown is not asked again.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from companion.domain.drafts import DraftKind
from companion.domain.interviews import Interview
from companion.domain.worries import (
    Doing,
    Offer,
    Thought,
    TurnedOut,
    doing_for,
    parked_words,
    slot_time,
)
from companion.services import drafts, worries
from companion.tui.context import app_of
from companion.tui.dialogs.dialog import Dialog
from companion.tui.literal import line

LOOK_BACK_ANSWERS = (TurnedOut.BETTER, TurnedOut.AS_FEARED, TurnedOut.NOT_YET)


class ParkedThoughts(Dialog[str | None]):
    """Dismisses with the target to open ("interview:3", "draft:3:check-in", "waiting") after
    "do something"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "answer('do')", "Do something"),
        Binding("l", "answer('let_go')", "Let it go"),
        Binding("k", "answer('keep')", "Keep for tomorrow"),
        Binding("1", "turned_out(1)", "How it turned out", key_display="1-3"),
        Binding("2", "turned_out(2)", "As feared", show=False),
        Binding("3", "turned_out(3)", "Not known yet", show=False),
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, offer: Offer, interviews: list[Interview]) -> None:
        super().__init__()
        self.steps: list[tuple[str, Thought]] = [
            *(("parked", t) for t in offer.parked),
            *(("looking_back", t) for t in offer.looking_back),
        ]
        self.interviews = interviews
        self.at = 0

    def doing(self, thought: Thought) -> Doing:
        """What "do something" opens: the interview the thought names, or the draft of the
        note that interview's current action asks for."""
        repo = app_of(self).repo

        def note_for(interview: Interview) -> DraftKind | None:
            return drafts.current_kind(repo, interview)

        return doing_for(thought, self.interviews, note_for)

    @property
    def current(self) -> tuple[str, Thought] | None:
        return self.steps[self.at] if self.at < len(self.steps) else None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="parked-thoughts"):
            yield Static(id="parked-title", classes="dialog-title")
            yield Static(id="parked-lead", classes="quiet")
            yield Static(id="parked-text")
            yield Static(id="parked-when", classes="quiet")
            yield Static(id="parked-question", classes="dialog-text hint")
            with Vertical(classes="answers", id="parked-answers"):
                yield Button("", id="do", compact=True)
                yield Button("l  Let it go", id="let_go", compact=True)
                yield Button("k  Keep it for tomorrow", id="keep", compact=True)
            with Vertical(classes="answers", id="looking-back-answers"):
                for number, answer in enumerate(LOOK_BACK_ANSWERS, start=1):
                    yield Button(f"{number}  {answer.label}", id=f"turned-{number}", compact=True)
            yield Static(id="parked-hint", classes="quiet hint")

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        step = self.current
        if step is None:
            self.dismiss(None)
            return
        kind, thought = step
        app = app_of(self)
        now = app.clock.now()
        slot = slot_time(app.repo.settings.get().checkin_time)
        count = f" · {self.at + 1} of {len(self.steps)}" if len(self.steps) > 1 else ""
        self.query_one("#parked-title", Static).update(f"Your {slot:%H:%M} check{count}")
        self.query_one("#parked-text", Static).update(
            Content.assemble("“", line(thought.text), "”").stylize("bold")
        )
        parked = kind == "parked"
        self.query_one("#parked-answers").display = parked
        self.query_one("#looking-back-answers").display = not parked
        when = self.query_one("#parked-when", Static)
        question = self.query_one("#parked-question", Static)
        if parked:
            self.query_one("#parked-lead", Static).update("You parked this until now:")
            when.update(Content(parked_words(thought, app.clock.today(), now)))
            question.update("What would you like to do with it?")
            self.query_one("#do", Button).label = Content.assemble(
                "d  ", line(self.doing(thought).words)
            )
            self.query_one("#parked-hint", Static).update(
                "Escape leaves it for now: what is left waits for tomorrow."
            )
            self.query_one("#let_go", Button).focus()
        else:
            self.query_one("#parked-lead", Static).update("A week ago, you let this go:")
            when.update("")
            question.update("How did it turn out?")
            self.query_one("#parked-hint", Static).update(
                "Escape skips it; it is asked only this once."
            )
            self.query_one("#turned-1", Button).focus()
        when.display = parked
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self.current
        if action == "answer":
            return step is not None and step[0] == "parked"
        if action == "turned_out":
            return step is not None and step[0] == "looking_back"
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button.startswith("turned-"):
            self.action_turned_out(int(button.removeprefix("turned-")))
        else:
            self.action_answer(button)

    def action_answer(self, answer: str) -> None:
        step = self.current
        if step is None or step[0] != "parked":
            return
        thought = step[1]
        repo = app_of(self).repo
        if answer == "do":
            worries.answer(repo, thought, "do")
            self.dismiss(self.doing(thought).target)
        elif answer in ("let_go", "keep"):
            worries.answer(repo, thought, "let_go" if answer == "let_go" else "keep")
            self.next()

    def action_turned_out(self, number: int) -> None:
        step = self.current
        if step is None or step[0] != "looking_back" or not 1 <= number <= 3:
            return
        worries.look_back(app_of(self).repo, step[1], LOOK_BACK_ANSWERS[number - 1])
        self.next()

    def next(self) -> None:
        self.at += 1
        self.show_step()

    def action_later(self) -> None:
        """The parked thoughts left wait for tomorrow; the look back shown is not asked again."""
        repo = app_of(self).repo
        for index, (kind, thought) in enumerate(self.steps[self.at :]):
            if kind == "parked":
                worries.answer(repo, thought, "keep")
            elif index == 0:
                worries.look_back(repo, thought, TurnedOut.SKIPPED)
        self.dismiss(None)
