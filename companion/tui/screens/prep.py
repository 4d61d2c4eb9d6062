"""The prep card of an upcoming interview: one page to read before the day.

Opened from the interview (g), from home (g) and from practice (g), or as the
target `prep:ID`. See `domain/prep_card.py` for what it holds.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.prep_card import PrepCard, practice_sentence
from companion.domain.stories import told_words
from companion.services import practice
from companion.tui.context import app_of
from companion.tui.literal import line, literal
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

QUESTIONS_SHOWN = 8


def _bullets(lines: list[Content]) -> Content:
    return Content("\n").join(Content.assemble(("• ", "$secondary"), part) for part in lines)


class PrepScreen(Screen[None]):
    TITLE = "Prep card"
    DEFAULT_CSS = """
    PrepScreen .section-body {
        margin-left: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("M", "mock", "Mock interview", tooltip="A few of its questions in a row, timed"),
        Binding("o", "interview", "The interview", tooltip="Open the interview itself"),
    ]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id

    def card(self) -> PrepCard | None:
        return practice.prep_card(app_of(self).repo, self.interview_id)

    def compose(self) -> ComposeResult:
        yield NavBar("waiting")
        with VerticalScroll(classes="page", id="prep-page"):
            card = self.card()
            if card is None:
                yield Static("This interview is no longer here.", classes="quiet")
            else:
                yield from self._body(card)
        yield Footer(compact=True)

    def _body(self, card: PrepCard) -> ComposeResult:
        today = app_of(self).clock.today()
        interview = card.interview
        yield Static(
            Content.assemble(
                "Getting ready for ", line(interview.company), " · ", line(interview.role)
            ),
            classes="headline",
            id="prep-title",
        )
        round_words = ", ".join(
            word if "round" in word.lower() else f"{word} round" for word in interview.round_words
        )
        when = f"on {friendly(interview.held_on, today)}"
        yield Static(
            line(f"{round_words[:1].upper()}{round_words[1:]} · {when}")
            if round_words
            else Content(when.capitalize()),
            classes="quiet",
        )
        yield Static("Who you will meet", classes="section-title")
        yield Static(
            _bullets([line(name) for name in card.meet])
            if card.meet
            else Content("Not noted yet; o opens the interview, where e adds them."),
            classes="section-body" + ("" if card.meet else " quiet"),
        )
        yield Static("Your practice for it", classes="section-title")
        yield Static(practice_sentence(card, today), classes="section-body")
        if card.questions:
            marks = [
                Content.assemble(("said " if seen else "to go ", "$foreground 60%"), line(text))
                for text, seen in card.questions[:QUESTIONS_SHOWN]
            ]
            more = len(card.questions) - QUESTIONS_SHOWN
            if more > 0:
                marks.append(Content(f"and {more} more, in practice"))
            yield Static(_bullets(marks), classes="section-body", id="prep-questions")
        if card.last_round is not None:
            before = card.last_round
            yield Static(
                Content(f"Last round, on {friendly(before.held_on, today)}"),
                classes="section-title",
            )
            if card.last_questions:
                yield Static("They asked", classes="quiet section-body")
                yield Static(
                    _bullets([line(text) for text in card.last_questions]),
                    classes="section-body",
                )
            for label, text in card.impressions:
                yield Static(
                    Content.assemble((f"{label}: ", "bold $secondary"), literal(text)),
                    classes="section-body",
                )
            if not card.last_questions and not card.impressions:
                yield Static(
                    "Nothing was written down about it; a debrief (d on the interview) keeps "
                    "it for next time.",
                    classes="quiet section-body",
                )
        yield Static("Stories that fit", classes="section-title")
        if card.stories:
            yield Static(
                _bullets(
                    [
                        Content.assemble(
                            line(story.title),
                            (f"  {told_words(story.told)}", "$foreground 60%"),
                        )
                        for story in card.stories
                    ]
                ),
                classes="section-body",
            )
        else:
            yield Static(
                "None yet. A story bank (y in the bank) keeps your STAR stories ready.",
                classes="quiet section-body",
            )
        yield Static("Questions to ask them", classes="section-title")
        yield Static(
            _bullets([line(text) for text in card.to_ask]),
            classes="section-body",
            id="prep-to-ask",
        )

    def on_screen_resume(self) -> None:
        self.refresh(recompose=True)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_mock(self) -> None:
        from companion.tui.screens.mock import MockScreen

        questions, about = practice.mock_for(app_of(self).repo, 5, interview_id=self.interview_id)
        self.app.push_screen(MockScreen(questions, about))

    def action_interview(self) -> None:
        from companion.tui.screens.interview import InterviewScreen

        self.app.push_screen(InterviewScreen(self.interview_id))
