"""The guided debrief: seven short steps, each skippable, saved as the user goes.

ctrl+s saves the step and goes on (an empty step is simply skipped), ctrl+b
goes back, escape keeps what is written and closes; opening it again resumes
at the same step. What is typed is also saved if the user leaves another way
(another place, or quitting). On the tripped-up step, t (or enter) turns the
highlighted question into a practice question at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from companion.domain.dates import friendly
from companion.domain.debrief import (
    ASK_NEXT_TIME,
    DONE,
    IMPRESSION_QUESTIONS,
    IMPRESSIONS,
    STEP_TITLES,
    STEPS,
    Debrief,
    add_question,
    following,
    go_to,
    impressions_of,
    is_blank,
    next_steps_reminder,
    parse_question_line,
    preceding,
    record_delivery,
    record_how,
    record_impressions,
    record_next_steps,
    record_questions,
    record_talked_about,
    record_well,
    start_debrief,
    step_number,
)
from companion.domain.errors import FieldError
from companion.domain.fit import ASPECT_LABELS
from companion.domain.interviews import Interview
from companion.domain.mood import MOOD_SCALE, mood_word
from companion.domain.timeline import build_timeline, debrief_hint
from companion.services import debrief as debriefs
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.form import form_row, show_field_errors
from companion.tui.literal import line, literal
from companion.tui.widgets import TextBox, TextField, score_field
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

PROMPTS = {
    "how": "How did it go, in a sentence?",
    "questions": "What did they ask? One question a line, as you remember them.",
    "tripped": (
        "Which ones tripped you up? Each one you pick becomes a practice question, ready now."
    ),
    "well": "What went well? Those are the things to do more of.",
    "delivery": (
        "Body language and delivery: pace, eye contact, posture, nerves. "
        "What would you keep, and what would you change?"
    ),
    "next_steps": "Did you ask about the next steps and the timeline?",
    "impressions": (
        "First impressions, 1 (poor) to 5 (great); leave blank what you do not know yet. "
        "They are kept as the interview's notes on how it felt."
    ),
}
# The field each FieldError names, as the widget that shows it.
FIELD_IDS = {
    "how it went": "went",
    "mood": "mood",
    "questions": "questions",
    "question": "another",
    "what went well": "well",
    "talked about": "talked",
    "body language and delivery": "delivery",
    "asked": "asked",
    "decision date": "decision",
    "what they said": "said",
    "first impressions": "impressions-note",
    **{ASPECT_LABELS[aspect].lower(): aspect for aspect in IMPRESSIONS},
}
ASKED_OPTIONS = (("Yes, I asked", "yes"), ("No, not this time", "no"))


def decision_example(today: date) -> str:
    """An example decision date as typed: a week from today, never one gone by."""
    return (today + timedelta(days=7)).isoformat()


def open_debrief(app: CompanionApp, interview_id: int) -> None:
    """Open the debrief of an interview where it was left; nothing for an unknown one."""
    interview = app.repo.interviews.get(interview_id)
    if interview is None:
        return
    if refuse_when_read_only(app.screen):
        return
    app.push_screen(DebriefScreen(interview_id))


class TrippedList(OptionList):
    """The questions to pick from; t or enter makes the highlighted one a practice question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "select", "Practise it", tooltip="Make it a practice question, ready now"),
    ]


class DebriefScreen(Screen[None]):
    TITLE = "Debrief"
    # Screen CSS, so that it outranks the app's `.headline` margin; scoped to this screen.
    CSS = """
    DebriefScreen #debrief-page {
        padding: 1 2 0 2;
    }
    DebriefScreen #debrief-title {
        margin: 0;
    }
    DebriefScreen .prompt {
        margin: 1 0;
    }
    DebriefScreen TextBox {
        min-height: 4;
        max-height: 10;
    }
    DebriefScreen #questions {
        min-height: 5;
        max-height: 12;
    }
    DebriefScreen #company-row, DebriefScreen #job-row, DebriefScreen #people-row,
    DebriefScreen #manager-row, DebriefScreen #commute-row {
        margin-top: 0;
    }
    DebriefScreen #company-row {
        margin-top: 1;
    }
    DebriefScreen #practised-note {
        margin-top: 1;
    }
    DebriefScreen #asked {
        width: 24;
    }
    DebriefScreen #tripped {
        height: auto;
        max-height: 8;
        background: $background;
        border: none;
        margin-bottom: 1;
    }
    DebriefScreen #reminder {
        margin-top: 1;
        color: $secondary;
    }
    DebriefScreen .saved-note {
        margin-top: 1;
    }
    DebriefScreen .done-line {
        margin-bottom: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "next", "Next", tooltip="Save this step and go on; an empty one is skipped"
        ),
        Binding("ctrl+b", "back", "Back", tooltip="Save this step and go to the one before"),
        Binding("escape", "leave", "Leave", tooltip="Keep what is written; it resumes here"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
        Binding("r", "restart", "From the start", tooltip="Go through the steps again"),
    ]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self.debrief: Debrief | None = None
        self.step = STEPS[0]
        self.typed: dict[str, str] = {}
        self.leave_anyway = False
        self.closed = False
        self.loaded = False
        self.note = ""

    # Building each step

    def _load(self) -> None:
        app = app_of(self)
        self.loaded = True
        interview = app.repo.interviews.get(self.interview_id)
        self.interview = interview
        if interview is None:
            return
        stored = app.repo.debriefs.get(self.interview_id)
        self.debrief = stored or start_debrief(interview, app.clock.now())
        self.step = self.debrief.step

    def compose(self) -> ComposeResult:
        if not self.loaded:
            self._load()
        yield NavBar(self.app.current_mode)
        with VerticalScroll(id="debrief-page"):
            interview, debrief = self.interview, self.debrief
            if interview is None or debrief is None:
                yield Static("This interview is no longer here.", classes="quiet")
            else:
                yield from self._header(interview)
                yield from self._step(self.step, interview, debrief)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.query("#debrief-page Input, #debrief-page TextArea, #tripped, #asked"):
            if widget.focusable:
                widget.focus()
                return
        self.query_one("#debrief-page").focus()

    def _header(self, interview: Interview) -> ComposeResult:
        today = app_of(self).clock.today()
        yield Static(line(f"Debrief · {interview.title}"), classes="headline", id="debrief-title")
        if self.step == DONE:
            where = "all the steps are done"
        else:
            where = f"step {step_number(self.step)} of {len(STEPS)}: {STEP_TITLES[self.step]}"
        yield Static(
            Content(f"Held {friendly(interview.held_on, today)} · {where}").stylize(
                "$foreground-muted"
            ),
            id="debrief-where",
        )

    def _step(self, step: str, interview: Interview, debrief: Debrief) -> ComposeResult:
        self.typed = {}
        if step == DONE:
            yield from self._done(interview, debrief)
            return
        yield Static(PROMPTS[step], classes="prompt", id="prompt")
        if step == "how":
            yield from self._field(
                "In a sentence",
                TextField(debrief.went, id="went", compact=True, select_on_focus=False),
            )
            yield from self._field("Mood", score_field(debrief.mood, "mood"), beside=MOOD_SCALE)
        elif step == "questions":
            yield from self._field(
                "Questions",
                TextBox("\n".join(debrief.questions), id="questions", placeholder="Why us?"),
            )
        elif step == "tripped":
            yield from self._tripped(debrief)
        elif step == "well":
            yield from self._field("Went well", TextBox(debrief.went_well, id="well"))
            yield from self._field(
                "Talked about",
                TextField(
                    interview.talked_about,
                    id="talked",
                    placeholder="the move to a new data platform",
                    compact=True,
                ),
                hint="One thing you talked about: your thank-you note can mention it.",
            )
        elif step == "delivery":
            yield from self._field("Delivery", TextBox(debrief.delivery, id="delivery"))
        elif step == "next_steps":
            yield from self._next_steps(interview, debrief)
        elif step == "impressions":
            yield from self._impressions(interview)
        yield Static(
            "Saved as you go: ctrl+s saves this step and goes on, escape leaves and it resumes "
            "here. Every step can be skipped.",
            classes="quiet saved-note",
        )

    def _field(self, label: str, widget: Widget, hint: str = "", beside: str = "") -> ComposeResult:
        key = widget.id or ""
        if isinstance(widget, Input):
            self.typed[key] = widget.value
        elif isinstance(widget, TextArea):
            self.typed[key] = widget.text
        yield from form_row(label, widget, hint, beside)

    def _tripped(self, debrief: Debrief) -> ComposeResult:
        options = [self._option(q, debrief) for q in debrief.candidates]
        if options:
            yield TrippedList(*options, id="tripped", compact=True)
        else:
            yield Static(
                "No questions noted in the step before. Type one below, or go on.",
                classes="quiet",
                id="tripped-empty",
            )
        yield from self._field(
            "Another one",
            TextField(
                id="another",
                placeholder="a question that tripped you up; enter adds it",
                compact=True,
            ),
        )
        yield Static(literal(self.note), id="practised-note", classes="quiet")

    def _option(self, question: str, debrief: Debrief) -> Option:
        practised = debrief.practised_id(question) is not None
        mark = ("✓ ", "$primary") if practised else ("· ", "$foreground-muted")
        extra = ("  in practice", "$foreground-muted") if practised else ("", "")
        return Option(Content.assemble(mark, line(question), extra))

    def _next_steps(self, interview: Interview, debrief: Debrief) -> ComposeResult:
        said = debrief.asked_next_steps
        asked = None if said is None else ("yes" if said else "no")
        select = Select(
            [(label, value) for label, value in ASKED_OPTIONS],
            prompt="Skip",
            value=asked if asked else Select.NULL,
            id="asked",
            compact=True,
        )
        self.typed["asked"] = asked or ""
        yield from form_row("Did you ask?", select)
        decision = debrief.decision_by or interview.decision_by
        yield from self._field(
            "Decision by",
            TextField(
                decision.isoformat() if decision else "",
                id="decision",
                compact=True,
                select_on_focus=False,
            ),
            hint=f"When they expect to decide: {decision_example(app_of(self).clock.today())}, "
            "next fri, +1w, ...; it becomes the interview's decision date. Blank if they "
            "did not say.",
        )
        yield from self._field("What they said", TextBox(debrief.next_steps, id="said"))
        reminder = Static(id="reminder")
        self._show_reminder(reminder, asked or "")
        yield reminder

    def _show_reminder(self, reminder: Static, asked: str) -> None:
        """Rule 6's kind reminder, as soon as the answer is no."""
        assert self.interview is not None
        hint = (debrief_hint(self.interview) or ASK_NEXT_TIME) if asked == "no" else None
        reminder.display = hint is not None
        reminder.update(literal(hint or ""))

    def _impressions(self, interview: Interview) -> ComposeResult:
        scores = impressions_of(interview)
        for label in IMPRESSIONS:
            score = scores[label]
            yield from self._field(
                ASPECT_LABELS[label], score_field(score, label), beside=IMPRESSION_QUESTIONS[label]
            )
        yield from self._field("In your words", TextBox(interview.fit.note, id="impressions-note"))

    def _done(self, interview: Interview, debrief: Debrief) -> ComposeResult:
        app = app_of(self)
        today = app.clock.today()
        lines: list[Content] = [Content("Thank you for writing it down while it is fresh.")]
        if debrief.mood is not None:
            lines.append(Content(f"It felt {mood_word(debrief.mood)}."))
        count = len(debrief.questions)
        if count or debrief.practised:
            noted = f"{count} question{'s' if count != 1 else ''} noted"
            practised = len(debrief.practised)
            if practised:
                noted += (
                    f"; {practised} {'is' if practised == 1 else 'are'} in your practice bank, "
                    "ready when you are (p)"
                )
            lines.append(Content(noted + "."))
        if interview.decision_by is not None:
            timeline = build_timeline(interview, today, app.repo.references.all())
            line = f"They expect to decide by {friendly(interview.decision_by, today)}"
            check_in = timeline.follow_up_from
            if check_in is not None:
                line += f"; a polite check-in is welcome from {friendly(check_in, today)}"
            lines.append(Content(line + "."))
        if not interview.fit.is_empty:
            lines.append(Content("Your first impressions are kept with the interview (f there)."))
        yield Static(Content("\n").join(lines), classes="prompt", id="done-summary")
        reminder = next_steps_reminder(debrief, interview)
        if reminder:
            yield Static(literal(reminder), id="reminder")
        yield Static(
            "It is in your journal (j). escape closes; ctrl+b goes back a step; r goes "
            "through it from the start.",
            classes="quiet saved-note",
        )

    # What the user types, kept as they type it (saved on leaving, whichever way)

    def on_input_changed(self, event: Input.Changed) -> None:
        key = event.input.id or ""
        if key in self.typed:
            self.typed[key] = event.value
        self.leave_anyway = False

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        key = event.text_area.id or ""
        if key in self.typed:
            self.typed[key] = event.text_area.text
        self.leave_anyway = False

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "asked":
            return
        value = "" if event.value is Select.NULL else str(event.value)
        self.typed["asked"] = value
        if self.interview is not None and self.step == "next_steps":
            self._show_reminder(self.query_one("#reminder", Static), value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "another":
            if event.value.strip():
                try:
                    self._add_another(event.value)
                except FieldError as error:
                    self._show_error(error)
            return
        inputs = [w for w in self.query("#debrief-page Input") if w.focusable]
        if inputs and event.input is inputs[-1]:
            self.run_worker(self.action_next())
        else:
            self.focus_next()

    # Saving

    def _apply(self, step: str) -> tuple[Debrief, Interview]:
        """The current step's values applied; FieldError if one is wrong (nothing saved)."""
        assert self.debrief is not None and self.interview is not None
        app = app_of(self)
        now, today = app.clock.now(), app.clock.today()
        debrief, interview, typed = self.debrief, self.interview, self.typed
        if step == "how":
            debrief = record_how(debrief, typed.get("went", ""), typed.get("mood", ""), now)
        elif step == "questions":
            debrief = record_questions(debrief, typed.get("questions", ""), now)
        elif step == "well":
            debrief = record_well(debrief, typed.get("well", ""), now)
            interview = record_talked_about(interview, typed.get("talked", ""))
        elif step == "delivery":
            debrief = record_delivery(debrief, typed.get("delivery", ""), now)
        elif step == "next_steps":
            debrief, interview = record_next_steps(
                debrief,
                interview,
                asked=typed.get("asked", ""),
                decision_by=typed.get("decision", ""),
                said=typed.get("said", ""),
                today=today,
                now=now,
            )
        elif step == "impressions":
            interview = record_impressions(
                interview,
                {label: typed.get(label, "") for label in IMPRESSIONS},
                typed.get("impressions-note", ""),
            )
        return debrief, interview

    def _save(self, to_step: str, *, quiet: bool = False) -> bool:
        """Save the step and where to resume; False (and the error shown) when a field is wrong."""
        if self.debrief is None or self.interview is None or app_of(self).repo.read_only:
            return True
        app = app_of(self)
        try:
            another = self.typed.get("another", "")
            if self.step == "tripped" and another.strip():
                # Typed on the tripped-up step without enter: it tripped them up all the same.
                self._add_another(another, refresh=False)
            debrief, interview = self._apply(self.step)
        except FieldError as error:
            if not quiet:
                self._show_error(error)
            return False
        moved = to_step != self.step
        debrief = go_to(debrief, to_step, app.clock.now())
        untouched = (
            self.debrief.id is None
            and not moved
            and is_blank(debrief)
            and interview == self.interview
        )
        if untouched:
            return True
        self.debrief = debriefs.save_debrief(app.repo, debrief, interview)
        self.interview = app.repo.interviews.get(self.interview_id) or interview
        return True

    def _show_error(self, error: FieldError) -> None:
        key = FIELD_IDS.get(error.field, "")
        if not key or not self.query(f"#{key}-error"):
            self.notify(f"{error.field}: {error.message}", title="Not saved", markup=False)
            return
        show_field_errors(self, {key: error}, {})

    async def _show(self, step: str) -> None:
        self.step = step
        self.leave_anyway = False
        if step != "tripped":
            self.note = ""
        await self.recompose()
        self._focus_first()
        self.refresh_bindings()
        self.query_one("#debrief-page").scroll_home(animate=False)

    async def action_next(self) -> None:
        if self.step == DONE:
            return
        target = following(self.step)
        if self._save(target):
            await self._show(target)

    async def action_back(self) -> None:
        target = preceding(self.step)
        if self.step == STEPS[0]:
            return
        if self._save(target):
            await self._show(target)

    async def action_restart(self) -> None:
        if self.step == DONE and self._save(STEPS[0]):
            await self._show(STEPS[0])

    def action_leave(self) -> None:
        if self.step == DONE or self.leave_anyway or self._save(self.step):
            self.closed = True
            self.app.pop_screen()
            return
        self.leave_anyway = True
        self.notify(
            "This step has something to fix (shown in place). Press escape again to leave "
            "without this step's changes; the earlier steps are kept.",
            title="Not saved yet",
            markup=False,
        )

    def on_screen_suspend(self) -> None:
        # Another place, the palette or the help over it: keep what is typed, if it is valid.
        if not self.closed:
            self._save(self.step, quiet=True)

    def on_unmount(self) -> None:
        # The app is quitting: keep what is typed, if it is valid.
        if not self.closed:
            self._save(self.step, quiet=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restart":
            return self.step == DONE
        if action == "back":
            return self.step != STEPS[0] and self.debrief is not None
        if action == "next":
            return self.step != DONE and self.debrief is not None
        return True

    # The tripped-up step

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.debrief is None:
            return
        candidates = self.debrief.candidates
        if 0 <= event.option_index < len(candidates):
            self._practise(candidates[event.option_index], event.option_index)

    def _practise(self, question: str, index: int | None = None, *, refresh: bool = True) -> None:
        assert self.debrief is not None and self.interview is not None
        app = app_of(self)
        already = self.debrief.practised_id(question) is not None
        debrief, saved = debriefs.practise_tripped(app.repo, self.debrief, self.interview, question)
        self.debrief = debrief
        self.interview = app.repo.interviews.get(self.interview_id) or self.interview
        self.note = (
            f"Already in your practice bank (question {saved.id})."
            if already
            else f"In your practice bank as question {saved.id}, ready now."
        )
        if refresh:
            self._refresh_tripped(index)

    def _add_another(self, text: str, *, refresh: bool = True) -> None:
        """A question typed on the tripped-up step: added to those asked, and practised.

        Raises FieldError when it is too long to be a question.
        """
        assert self.debrief is not None
        question = parse_question_line(text, "question")
        self.debrief = add_question(self.debrief, text, app_of(self).clock.now())
        wanted = question.casefold()
        match = next(c for c in self.debrief.candidates if c.casefold() == wanted)
        self.typed["another"] = ""
        self._practise(match, refresh=refresh)

    def _refresh_tripped(self, index: int | None) -> None:
        self.run_worker(self._rebuild_tripped(index))

    async def _rebuild_tripped(self, index: int | None) -> None:
        assert self.debrief is not None
        await self.recompose()
        listing = self.query("#tripped")
        if listing:
            options = listing.first(TrippedList)
            options.highlighted = index if index is not None else options.option_count - 1
            options.focus()
        self.refresh_bindings()
