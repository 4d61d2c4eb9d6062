"""Practice: rehearse the questions that are due, out loud, one at a time.

A sitting takes the questions due now, longest-waiting first. For each: the
question and a gentle timer; space shows the saved answer, STAR notes, what
went wrong and the hint; 1-4 rates it (Again, Hard, Good, Easy), which moves
its card on with fsrs and logs the rehearsal; e improves the answer there and
then. An answer rated Again comes back once at the end of the sitting. The
sitting ends with a short, kind summary and the stats.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from companion.domain.practice import (
    LEARN_AHEAD,
    RATING_WORDS,
    Question,
    Rating,
    SessionResult,
    ahead_queue,
    due_queue,
    next_due,
    session_sentence,
    when_phrase,
)
from companion.services import practice
from companion.tui.context import app_of
from companion.tui.dialogs import AnswerForm, DeckPicker, QuestionForm
from companion.tui.literal import line, literal
from companion.tui.widgets import AnswerTimer, PracticeStatsPanel
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

AHEAD_COUNT = 5
ASKING, EMPTY, DONE = "asking", "empty", "done"
WRITES = {"rate", "improve", "new_question", "decks"}


class PracticeScreen(Screen[None]):
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
    PracticeScreen #star {
        margin-top: 1;
    }
    PracticeScreen ContentSwitcher {
        height: auto;
    }
    PracticeScreen ContentSwitcher > Vertical {
        height: auto;
    }
    PracticeScreen #rate-prompt {
        margin-top: 1;
        color: $primary;
    }
    PracticeScreen .offer {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show my answer", tooltip="Compare with your saved answer"),
        Binding("1", "rate(1)", "Again", tooltip="It did not come; see it again soon"),
        Binding("2", "rate(2)", "Hard", tooltip="It came, with effort"),
        Binding("3", "rate(3)", "Good", tooltip="It came well"),
        Binding("4", "rate(4)", "Easy", tooltip="It came easily; space it out"),
        Binding("e", "improve", "Improve answer", tooltip="A new version; the old one is kept"),
        Binding(
            "l", "later", "Later", tooltip="Ask this one at the end of the sitting", show=False
        ),
        Binding("f", "ahead", "Practise ahead", tooltip="The questions that come up soonest"),
        Binding("n", "new_question", "New question", tooltip="A question that tripped you up"),
        Binding(
            "m", "decks", "Starter decks", tooltip="Add questions from a starter deck", show=False
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

    def compose(self) -> ComposeResult:
        yield NavBar("practice")
        with VerticalScroll(id="practice", classes="page"), ContentSwitcher(initial=EMPTY):
            with Vertical(id=ASKING):
                yield Static(id="progress", classes="quiet")
                yield Static(id="question")
                yield AnswerTimer(id="timer")
                yield Static(id="prompt", classes="quiet")
                with Vertical(id="revealed"):
                    yield Static("Your answer", classes="section-title first")
                    yield Static(id="answer")
                    yield Static(id="star")
                    yield Static("What went wrong when it was asked", id="went-wrong-title")
                    yield Static(id="went-wrong")
                    yield Static("What a good answer shows", id="hint-title")
                    yield Static(id="hint")
                    yield Static(id="rate-prompt")
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

    def on_mount(self) -> None:
        for title in ("#went-wrong-title", "#hint-title"):
            self.query_one(title).add_class("section-title")
        self.start_session()

    def on_screen_resume(self) -> None:
        if self.state == ASKING and self.current is not None and self.current.id is not None:
            fresh = app_of(self).repo.questions.get(self.current.id)
            if fresh is None:
                self.next_question()
            else:
                self.current = fresh
                self.show_question(restart_timer=False)
        elif self.state == DONE:
            app = app_of(self)
            if due_queue(app.repo.questions.all(), app.clock.now()):
                self.start_session()
        else:
            self.start_session()

    # Choosing what comes next

    def start_session(self, ahead: bool = False) -> None:
        app = app_of(self)
        now = app.clock.now()
        questions = app.repo.questions.all()
        chosen = ahead_queue(questions, now, AHEAD_COUNT) if ahead else due_queue(questions, now)
        self.queue = [q.id for q in chosen if q.id is not None]
        self.result = SessionResult()
        self.shown_count = 0
        if self.queue:
            self.next_question()
        else:
            self.show_empty(questions, now)

    def next_question(self) -> None:
        app = app_of(self)
        while self.queue:
            question = app.repo.questions.get(self.queue.pop(0))
            if question is not None and not question.suspended:
                self.current = question
                self.shown_count += 1
                self.show_question(restart_timer=True)
                return
        self.current = None
        self.finish()

    # Showing

    def _switch(self, state: str) -> None:
        self.state = state
        self.query_one(ContentSwitcher).current = state
        self.refresh_bindings()

    def show_question(self, *, restart_timer: bool) -> None:
        question = self.current
        assert question is not None
        app = app_of(self)
        self._switch(ASKING)
        if restart_timer:
            self.revealed = False
            self.answered_for = None
            self.query_one(AnswerTimer).start(app.clock.now())
        total = self.shown_count + len(self.queue)
        where = [f"Question {self.shown_count} of {total}"]
        if question.tags:
            where.append(", ".join(question.tags))
        if question.interview_id:
            interview = app.repo.interviews.get(question.interview_id)
            where.append(f"from {interview.company}" if interview else "from an interview")
        self.query_one("#progress", Static).update(line(" · ".join(where)))
        self.query_one("#question", Static).update(literal(question.text))
        self.query_one("#prompt", Static).update(
            "Answer out loud, or in your head. Press space when you are ready to compare "
            "with your notes."
            if not self.revealed
            else ""
        )
        self.query_one("#prompt").display = not self.revealed
        self.show_revealed()
        self.query_one("#practice", VerticalScroll).scroll_home(animate=False)

    def show_revealed(self) -> None:
        question = self.current
        assert question is not None
        box = self.query_one("#revealed")
        box.display = self.revealed
        if not self.revealed:
            return
        answer = self.query_one("#answer", Static)
        if question.answer:
            answer.update(literal(question.answer.text))
            answer.remove_class("quiet")
        else:
            answer.update("No answer saved yet. Press e to write the one you would like to give.")
            answer.add_class("quiet")
        star = self.query_one("#star", Static)
        star_parts = [(k, v) for k, v in question.star.parts() if v] if question.star else []
        star.display = question.star is not None
        if star_parts:
            star.update(
                Content("\n").join(
                    Content.assemble((f"{label}: ", "bold $secondary"), literal(text))
                    for label, text in star_parts
                )
            )
        elif question.star is not None:
            star.update(
                Content.styled(
                    "A story suits this one: situation, task, action, result (e to add notes).",
                    "$text-muted",
                )
            )
        for name, text in (("went-wrong", question.went_wrong), ("hint", question.hint)):
            self.query_one(f"#{name}-title").display = bool(text)
            widget = self.query_one(f"#{name}", Static)
            widget.display = bool(text)
            widget.update(literal(text))
        words = "   ".join(f"{key} {RATING_WORDS[Rating(int(key))]}" for key in "1234")
        self.query_one("#rate-prompt", Static).update(Content(f"How did it go?   {words}"))

    def show_empty(self, questions: list[Question], now: datetime) -> None:
        self._switch(EMPTY)
        upcoming = next_due(questions, now)
        if not questions:
            message = "Your question bank is empty."
            later = (
                "When a question trips you up, add it here and it comes back until the "
                "answer feels easy."
            )
            offer = "Press n to add a question, or m to start with a starter deck."
        else:
            message = "Nothing to practise right now."
            later = (
                f"The next question comes up {when_phrase(upcoming, now)}."
                if upcoming
                else "Every question is resting; wake one up from the bank (b)."
            )
            offer = (
                "You can practise a few ahead (f), add a question that tripped you up (n), "
                "or pick a starter deck (m)."
            )
        self.query_one("#empty-message", Static).update(message)
        self.query_one("#empty-next", Static).update(Content(later))
        self.query_one("#empty-offer", Static).update(offer)
        self.show_stats("#empty-stats", questions, now)

    def finish(self) -> None:
        app = app_of(self)
        now = app.clock.now()
        questions = app.repo.questions.all()
        self._switch(DONE)
        self.query_one("#done-message", Static).update(session_sentence(self.result))
        upcoming = next_due(questions, now)
        self.query_one("#done-next", Static).update(
            f"The next question comes up {when_phrase(upcoming, now)}."
            if upcoming
            else "Nothing else is scheduled; add a question whenever one trips you up."
        )
        self.query_one("#done-offer", Static).update(
            "Practise a few ahead (f), add a question (n), or go home (h)."
        )
        self.show_stats("#done-stats", questions, now)

    def show_stats(self, panel_id: str, questions: list[Question], now: datetime) -> None:
        app = app_of(self)
        stats = practice.stats(app.repo, questions, now)
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
            case "improve":
                return self.state == ASKING
            case "later":
                return self.state == ASKING and bool(self.queue)
            case "ahead":
                return self.state != ASKING and app.repo.questions.count() > 0
            case "decks":
                return self.state == EMPTY
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
        moved = practice.rate(app.repo, question, rating, self.answered_for)
        self.result = replace(
            self.result,
            rehearsed=(*self.result.rehearsed, question.id),
            ratings=(*self.result.ratings, rating),
        )
        if moved.due <= now + LEARN_AHEAD:
            self.queue.append(question.id)
        self.next_question()

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
        self.show_revealed()

    def action_ahead(self) -> None:
        if self.state != ASKING:
            self.start_session(ahead=True)

    def action_new_question(self) -> None:
        self.app.push_screen(QuestionForm(), self._added)

    def _added(self, saved: Question | None) -> None:
        if saved is None or saved.id is None:
            return
        if self.state == ASKING:
            self.queue.append(saved.id)
            self.show_question(restart_timer=False)
        else:
            self.start_session()

    def action_decks(self) -> None:
        self.app.push_screen(DeckPicker(), lambda _: self.start_session())
