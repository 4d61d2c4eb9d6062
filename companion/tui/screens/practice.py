"""Practice: rehearse today's questions, out loud, one at a time.

A sitting takes what today's plan offers (`domain/practice_plan.py`): at most
the daily limit, nothing on a rest day, an upcoming interview's questions
first. For each: the question and a gentle timer; space shows the saved
answer, its key points, the STAR notes, the stories that fit, what went wrong
and the hint, with a short list to tick (what the spoken answer had), whose
suggestion enter takes; 1-4 rates it (Again, Hard, Good, Easy). An answer
rated Again or Hard comes back once more at the end of the sitting, then in
days. e improves the answer there and then; M starts a mock interview; g opens
the prep card of the next interview. The sitting ends with a short, kind
summary and the stats.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from companion.domain.changes import next_change
from companion.domain.dates import friendly
from companion.domain.interviews import Interview
from companion.domain.practice import (
    LEARN_AHEAD,
    Question,
    Rating,
    SessionResult,
    ahead_queue,
    next_due,
    session_sentence,
    when_phrase,
)
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import TodayPlan, next_practice_day
from companion.domain.rubric import rubric_for
from companion.services import practice
from companion.tui.context import ShownFor, app_of
from companion.tui.dialogs import AnswerForm, DeckPicker, QuestionForm
from companion.tui.literal import line, literal
from companion.tui.screens.place import Place
from companion.tui.widgets import AnswerTimer, PracticeStatsPanel, QuestionNotes, RubricPanel
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

AHEAD_COUNT = 5
ASKING, EMPTY, DONE = "asking", "empty", "done"
WRITES = {"rate", "improve", "new_question", "decks", "take_suggestion", "mock"}


class PracticeScreen(Place):
    TITLE = "Practice"
    DEFAULT_CSS = """
    PracticeScreen #question {
        text-style: bold;
        margin: 1 0;
    }
    PracticeScreen #timer {
        margin-bottom: 1;
    }
    PracticeScreen #revealed {
        height: auto;
    }
    PracticeScreen #notes {
        width: 1fr;
        margin-right: 2;
    }
    PracticeScreen #rubric-panel {
        width: 34;
    }
    PracticeScreen ContentSwitcher {
        height: auto;
    }
    PracticeScreen ContentSwitcher > Vertical {
        height: auto;
    }
    PracticeScreen .offer {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show my answer", tooltip="Compare with your saved answer"),
        Binding("1", "rate(1)", "Again", tooltip="It did not come; see it again at the end"),
        Binding("2", "rate(2)", "Hard", tooltip="I got there, with effort"),
        Binding("3", "rate(3)", "Good", tooltip="It came well"),
        Binding("4", "rate(4)", "Easy", tooltip="It came easily; space it out"),
        Binding("t", "tick", "Tick", tooltip="Tick what your spoken answer had"),
        Binding(
            "enter",
            "take_suggestion",
            "Take the suggestion",
            tooltip="Rate as your ticks suggest",
            show=False,
        ),
        Binding("e", "improve", "Improve answer", tooltip="A new version; the old one is kept"),
        Binding(
            "l", "later", "Later", tooltip="Ask this one at the end of the sitting", show=False
        ),
        Binding("f", "ahead", "Practise ahead", tooltip="The questions that come up next"),
        Binding(
            "n",
            "new_question",
            "New question",
            tooltip="A question that tripped you up",
            show=False,
        ),
        Binding(
            "m", "decks", "Starter decks", tooltip="Add questions from a starter deck", show=False
        ),
        Binding(
            "M",
            "mock",
            "Mock interview",
            tooltip="A few questions in a row, timed; notes at the end",
            key_display="M",
        ),
        Binding(
            "g",
            "prep",
            "Get ready",
            tooltip="The prep card of your next interview",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state = EMPTY
        self.queue: list[int] = []
        self.current: Question | None = None
        self.revealed = False
        self.answered_for: timedelta | None = None
        self.result = SessionResult()
        self.shown_count = 0
        self.total = 0
        self.asked_again: set[int] = set()
        self.plan: TodayPlan | None = None
        self.ahead = False
        # The next upcoming interview, read when a sitting starts or ends (the footer asks
        # check_action twice a rating; reading every interview then would slow ratings).
        self.coming: Interview | None = None
        # The sitting chosen before the place is seen (built ahead of its visit), and
        # until when that choice holds; None once the sitting has started.
        self.chosen_ahead: ShownFor | None = None
        self.seen = False

    def compose(self) -> ComposeResult:
        yield NavBar("practice")
        with VerticalScroll(id="practice", classes="page"), ContentSwitcher(initial=EMPTY):
            with Vertical(id=ASKING):
                yield Static(id="progress", classes="quiet")
                yield Static(id="question")
                yield AnswerTimer(id="timer")
                yield Static(id="prompt", classes="quiet")
                with Horizontal(id="revealed"):
                    yield QuestionNotes(id="notes")
                    yield RubricPanel(id="rubric-panel")
            with Vertical(id=EMPTY):
                yield Static(id="empty-message", classes="headline")
                yield Static(id="empty-next")
                yield Static(id="empty-offer", classes="quiet offer")
                yield PracticeStatsPanel(id="empty-stats")
            with Vertical(id=DONE):
                yield Static(id="done-message", classes="headline")
                yield Static(id="done-next")
                yield Static(id="done-offer", classes="quiet offer")
                yield PracticeStatsPanel(id="done-stats")
        yield Footer(compact=True)

    def on_screen_suspend(self) -> None:
        """Leaving the page (or a dialog over it) pauses the answer's timer."""
        if self.state == ASKING:
            self.query_one(AnswerTimer).pause(app_of(self).clock.now())

    def on_screen_resume(self) -> None:
        """The sitting starts on the first resume in view, not when the screen is built.

        The app builds the place ahead of its visit (companion/startup.py, `WarmUp`):
        the sitting is chosen then and its first question laid out, so that the visit
        only has to show it. Its answer's timer starts when it is seen, and the choice
        is made again if the data or the day has moved in between."""
        app = app_of(self)
        if not self.is_current:
            if not self.seen and self.chosen_ahead is None:
                self.choose_ahead()
            return
        self.seen = True
        ahead, self.chosen_ahead = self.chosen_ahead, None
        if ahead is not None and not ahead.moved(self):
            if self.state == ASKING:
                self.query_one(AnswerTimer).start(app.clock.now())
        elif ahead is not None:
            self.start_session()
        elif self.state == ASKING and self.current is not None and self.current.id is not None:
            self.query_one(AnswerTimer).resume(app.clock.now())
            fresh = app.repo.questions.get(self.current.id)
            if fresh is None:
                self.next_question()
            else:
                self.current = fresh
                self.show_question(restart_timer=False)
        elif self.state == DONE:
            plan = practice.plan_for_today(app.repo)
            if plan.offered:
                self.start_session()
        else:
            self.start_session()

    def days(self) -> PracticeDays:
        return practice.practice_days(app_of(self).repo)

    # Choosing what comes next

    def find_coming(self) -> Interview | None:
        self.coming = practice.next_interview(app_of(self).repo)
        return self.coming

    def choose_ahead(self) -> None:
        """Choose the sitting before it is seen; its timer waits for the visit."""
        app = app_of(self)
        chosen = ShownFor()
        questions = self.start_session(timer=False)
        day_starts = app.repo.settings.get().day_starts
        dues = (question.due for question in questions)
        chosen.mark(self, next_change(app.clock.now(), dues, None, day_starts))
        self.chosen_ahead = chosen

    def start_session(self, ahead: bool = False, *, timer: bool = True) -> list[Question]:
        """Choose the sitting and show its first question; the questions it read.
        `timer` off: the answer's timer is not started (the place is not in view)."""
        app = app_of(self)
        now = app.clock.now()
        self.find_coming()
        questions = app.repo.questions.all()
        self.plan = practice.plan_for_today(app.repo, questions)
        if ahead:
            chosen = ahead_queue(questions, now, AHEAD_COUNT, self.days())
            self.queue = [q.id for q in chosen if q.id is not None]
        else:
            self.queue = list(self.plan.offered)
        self.ahead = ahead
        self.result = SessionResult()
        self.shown_count = 0
        self.total = len(self.queue)
        self.asked_again = set()
        if self.queue:
            self.next_question(timer=timer)
        else:
            self.show_empty(questions, now)
        return questions

    def next_question(self, *, timer: bool = True) -> None:
        app = app_of(self)
        while self.queue:
            question = app.repo.questions.get(self.queue.pop(0))
            if question is not None and not question.suspended:
                self.current = question
                self.shown_count += 1
                self.show_question(restart_timer=True, timer=timer)
                return
            self.total -= 1
        self.current = None
        self.finish()

    def add_to_sitting(self, question_id: int) -> None:
        """A question really added at the end of the sitting: the counter counts it."""
        self.queue.append(question_id)
        self.total += 1

    # Showing

    def _switch(self, state: str) -> None:
        self.state = state
        self.query_one(ContentSwitcher).current = state
        self.refresh_bindings()

    def show_question(self, *, restart_timer: bool, timer: bool = True) -> None:
        question = self.current
        assert question is not None
        app = app_of(self)
        self._switch(ASKING)
        if restart_timer:
            self.revealed = False
            self.answered_for = None
            if timer:
                self.query_one(AnswerTimer).start(app.clock.now())
        where = [Content(f"Question {self.shown_count} of {self.total}")]
        interview_id = (self.plan.for_interview if self.plan else {}).get(question.id or 0)
        readying = app.repo.interviews.get(interview_id) if interview_id else None
        if readying is not None:
            when = friendly(readying.held_on, app.clock.today())
            where.append(line(f"for {readying.company} on {when}"))
        if question.tags:
            where.append(line(", ".join(question.tags)))
        if question.interview_id and readying is None:
            interview = app.repo.interviews.get(question.interview_id)
            where.append(line(f"from {interview.company}" if interview else "from an interview"))
        self.query_one("#progress", Static).update(Content(" · ").join(where))
        self.query_one("#question", Static).update(literal(question.text))
        self.query_one("#prompt", Static).update(
            "Answer out loud, or in your head. Press space when you are ready to compare "
            "with your notes."
        )
        self.query_one("#prompt").display = not self.revealed
        self.show_revealed(fresh=restart_timer)
        if restart_timer:
            self.query_one("#practice", VerticalScroll).scroll_home(animate=False)

    def show_revealed(self, fresh: bool = True) -> None:
        question = self.current
        assert question is not None
        box = self.query_one("#revealed")
        box.display = self.revealed
        if not self.revealed:
            return
        linked, maybe = practice.fitting_stories(app_of(self).repo, question)
        self.query_one(QuestionNotes).show(question, linked, maybe)
        panel = self.query_one(RubricPanel)
        if fresh:
            panel.show(rubric_for(question, self.answered_for, linked))

    def show_empty(self, questions: list[Question], now: datetime) -> None:
        self._switch(EMPTY)
        plan = self.plan
        days = self.days()
        if not questions:
            message = "Your question bank is empty."
            later = (
                "When a question trips you up, add it here and it comes back until the "
                "answer feels easy."
            )
            offer = "Press n to add a question, or m to start with a starter deck."
        elif plan is not None and plan.rest_day:
            load = app_of(self).repo.settings.get().load
            back = next_practice_day(plan.today, load)
            message = "Today is a rest day."
            later = f"Practice picks up on {friendly(back, plan.today)}."
            offer = (
                "If you would like to practise anyway: a few ahead (f), or a mock interview (M)."
            )
        elif plan is not None and plan.enough_for_today:
            message = "That is enough practice for today."
            later = "The rest comes up over the next days, a few at a time."
            offer = "Practise a few ahead (f) if you like, or a mock interview (M)."
        else:
            upcoming = next_due(questions, now, days)
            message = "Nothing to practise right now."
            later = (
                f"The next question comes up {when_phrase(upcoming, now, days)}."
                if upcoming
                else "Every question is resting; wake one up from the bank (b)."
            )
            offer = (
                "You can practise a few ahead (f), run a mock interview (M), add a question "
                "that tripped you up (n), or pick a starter deck (m)."
            )
        self.query_one("#empty-message", Static).update(message)
        self.query_one("#empty-next", Static).update(literal(later + self.prep_line()))
        self.query_one("#empty-offer", Static).update(offer)
        self.show_stats("#empty-stats", questions, now)

    def prep_line(self) -> str:
        """A pointer to the next interview's prep card, when one is coming up."""
        app = app_of(self)
        coming = self.find_coming()
        if coming is None:
            return ""
        when = friendly(coming.held_on, app.clock.today())
        return f"\nGetting ready for {coming.company} on {when}: g opens its prep card."

    def finish(self) -> None:
        app = app_of(self)
        now = app.clock.now()
        questions = app.repo.questions.all()
        self.plan = practice.plan_for_today(app.repo, questions)
        days = self.days()
        self._switch(DONE)
        self.query_one("#done-message", Static).update(session_sentence(self.result))
        upcoming = next_due(questions, now, days)
        if self.plan.offered:
            later = "There is more for today whenever you like: it starts again when you come back."
        elif self.plan.enough_for_today:
            later = "That is enough for today; the rest comes up over the next days."
        elif upcoming:
            later = f"The next question comes up {when_phrase(upcoming, now, days)}."
        else:
            later = "Nothing else is scheduled; add a question whenever one trips you up."
        self.query_one("#done-next", Static).update(literal(later + self.prep_line()))
        self.query_one("#done-offer", Static).update(
            "Practise a few ahead (f), run a mock interview (M), add a question (n), "
            "or go home (h)."
        )
        self.show_stats("#done-stats", questions, now)

    def show_stats(self, panel_id: str, questions: list[Question], now: datetime) -> None:
        app = app_of(self)
        stats = practice.stats(app.repo, questions, now, self.plan)
        panel = self.query_one(panel_id, PracticeStatsPanel)
        panel.display = bool(questions)
        panel.show(stats)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        app = app_of(self)
        if action in WRITES and app.repo.read_only:
            return False
        match action:
            case "reveal":
                return self.state == ASKING and not self.revealed
            case "rate":
                return self.state == ASKING and self.revealed
            case "tick":
                return (
                    self.state == ASKING
                    and self.revealed
                    and bool(self.query_one(RubricPanel).ticks)
                )
            case "take_suggestion":
                return (
                    self.state == ASKING
                    and self.revealed
                    and self.query_one(RubricPanel).suggested is not None
                )
            case "improve":
                return self.state == ASKING
            case "later":
                return self.state == ASKING and bool(self.queue)
            case "ahead" | "mock":
                return self.state != ASKING and app.repo.questions.count() > 0
            case "prep":
                return self.coming is not None
        return True

    def action_reveal(self) -> None:
        if self.state != ASKING or self.revealed:
            return
        self.answered_for = self.query_one(AnswerTimer).stop(app_of(self).clock.now())
        self.revealed = True
        self.query_one("#prompt").display = False
        self.show_revealed()
        self.refresh_bindings()

    def action_rate(self, number: int) -> None:
        question = self.current
        if self.state != ASKING or not self.revealed or question is None or question.id is None:
            return
        app = app_of(self)
        now = app.clock.now()
        rating = Rating(number)
        ticks = self.query_one(RubricPanel).kept
        moved = practice.rate(app.repo, question, rating, self.answered_for, ticks)
        self.result = replace(
            self.result,
            rehearsed=(*self.result.rehearsed, question.id),
            ratings=(*self.result.ratings, rating),
        )
        if moved.due <= now + LEARN_AHEAD and question.id not in self.asked_again:
            self.asked_again.add(question.id)
            self.add_to_sitting(question.id)
        if self.focused is not None:
            self.set_focus(None)
        self.next_question()

    def action_tick(self) -> None:
        """Into the list of ticks (moving the focus is left to the person: a rating that
        follows only a reveal stays quick)."""
        self.query_one(RubricPanel).focus_ticks()

    def action_take_suggestion(self) -> None:
        suggested = self.query_one(RubricPanel).suggested
        if suggested is not None:
            self.action_rate(int(suggested))

    def action_later(self) -> None:
        if self.state == ASKING and self.current is not None and self.current.id is not None:
            self.queue.append(self.current.id)
            self.shown_count -= 1
            self.next_question()

    def action_improve(self) -> None:
        if self.state != ASKING or self.current is None:
            return
        if not self.revealed:
            self.action_reveal()
        self.app.push_screen(AnswerForm(self.current), self._improved)

    def _improved(self, saved: Question | None) -> None:
        if saved is None or saved.id is None:
            return
        self.current = saved
        self.result = replace(self.result, improved=(*self.result.improved, saved.id))
        self.show_revealed(fresh=True)

    def action_ahead(self) -> None:
        if self.state != ASKING:
            self.start_session(ahead=True)

    def action_new_question(self) -> None:
        self.app.push_screen(QuestionForm(), self._added)

    def _added(self, saved: Question | None) -> None:
        if saved is None or saved.id is None:
            return
        if self.state == ASKING:
            self.add_to_sitting(saved.id)
            self.show_question(restart_timer=False)
        else:
            self.start_session()

    def action_decks(self) -> None:
        """Starter decks, whatever the bank holds; a sitting under way goes on as it was."""
        self.app.push_screen(DeckPicker(), self._decks_added)

    def _decks_added(self, _: object) -> None:
        if self.state != ASKING:
            self.start_session()

    def action_mock(self) -> None:
        from companion.tui.screens.mock import MockScreen

        if self.state != ASKING:
            self.app.push_screen(MockScreen.for_next_interview(app_of(self)))

    def action_prep(self) -> None:
        coming = self.find_coming()
        if coming is not None and coming.id is not None:
            from companion.tui.screens.prep import PrepScreen

            self.app.push_screen(PrepScreen(coming.id))
