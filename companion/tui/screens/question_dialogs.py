"""Dialogs of the question bank: add or edit a question, improve an answer, delete, decks, history.

Each form checks everything the user typed before it writes anything: a
FieldError is shown in place, the cursor goes to the field, and nothing is
saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.dates import friendly
from companion.domain.decks import ImportResult, import_sentence
from companion.domain.errors import FieldError
from companion.domain.practice import (
    Question,
    Star,
    new_question,
    parse_interview_id,
    parse_long_text,
    parse_question_text,
    parse_star,
    parse_tags,
)
from companion.store.deck_files import ShippedDeck, shipped_decks
from companion.tui.context import app_of
from companion.tui.literal import literal, one_line
from companion.tui.widgets import TextBox, TextField

FORM_CSS = """
.form Input {
    width: 100%;
    background: $panel;
}
.form #interview {
    width: 12;
}
.form Label {
    margin-top: 1;
    color: $text-muted;
}
.form .star-label {
    margin-top: 0;
}
.form .question-shown {
    text-style: bold;
    margin-bottom: 1;
}
"""

STAR_FIELDS = ("situation", "task", "action", "result")


class _Form(ModalScreen[Question | None]):
    """Shared by the question form and the answer form: save, cancel, errors in place."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def compose_buttons(self) -> ComposeResult:
        yield Static(id="form-error", classes="field-error")
        with Horizontal(classes="buttons"):
            yield Button("Save", id="save", variant="primary", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def compose_star(self, star: Star | None) -> ComposeResult:
        current = star or Star()
        yield Label("STAR notes, for a story (all optional)")
        for name, value in zip(
            STAR_FIELDS,
            (current.situation, current.task, current.action, current.result),
            strict=True,
        ):
            yield Label(name.capitalize(), classes="star-label")
            yield TextBox(value, id=name)

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError

    def value(self, field_id: str) -> str:
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextBox):
            return widget.text
        assert isinstance(widget, TextField)
        return widget.value

    def star_value(self, before: Star | None) -> Star | None:
        star = parse_star(*(self.value(name) for name in STAR_FIELDS))
        # A question marked for a STAR story keeps the mark with its notes emptied.
        return star if star is not None else (Star() if before is not None else None)

    def show_error(self, problem: FieldError, field_id: str | None) -> None:
        error = self.query_one("#form-error", Static)
        error.update(literal(f"{problem.field.capitalize()}: {problem.message}"))
        error.display = True
        if field_id:
            target: Widget = self.query_one(f"#{field_id}")
            target.focus()
            target.scroll_visible()


FIELD_IDS = {
    "question": "text",
    "tag": "tags",
    "interview": "interview",
    "what went wrong": "went-wrong",
    "answer": "answer",
    **{name: name for name in STAR_FIELDS},
}


class QuestionForm(_Form):
    """Add a question (due at once) or edit one; an edited answer becomes a new version."""

    def __init__(self, question: Question | None = None) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        with VerticalScroll(classes="dialog form"):
            title = "New question" if question is None else "Edit question"
            yield Static(title, classes="dialog-title")
            yield Label("Question, the way it was asked", classes="star-label")
            yield TextField(question.text if question else "", id="text", compact=True)
            yield Label("Tags, with commas between (optional)")
            yield TextField(", ".join(question.tags) if question else "", id="tags", compact=True)
            yield Label("Interview it came from: its number (optional)")
            interview = question.interview_id if question else None
            yield TextField(str(interview or ""), id="interview", compact=True)
            yield Label("What went wrong when it was asked (optional)")
            yield TextBox(question.went_wrong if question else "", id="went-wrong")
            yield Label("Your answer so far (optional)")
            answer = question.answer.text if question and question.answer else ""
            yield TextBox(answer, id="answer")
            yield from self.compose_star(question.star if question else None)
            yield from self.compose_buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#text").focus()

    def action_save(self) -> None:
        app = app_of(self)
        now = app.clock.now()
        try:
            text = parse_question_text(self.value("text"))
            tags = parse_tags([self.value("tags")])
            interview = parse_interview_id(self.value("interview"))
            went_wrong = parse_long_text(self.value("went-wrong"), "what went wrong")
            answer = parse_long_text(self.value("answer"), "answer")
            star = self.star_value(self.question.star if self.question else None)
        except FieldError as problem:
            self.show_error(problem, FIELD_IDS.get(problem.field))
            return
        questions = app.repo.questions
        if self.question is None:
            saved = questions.add(
                new_question(
                    text,
                    now,
                    tags=tags,
                    interview_id=interview,
                    went_wrong=went_wrong,
                    answer=answer,
                    star=star,
                )
            )
        else:
            edited = replace(
                self.question, text=text, tags=tags, interview_id=interview, went_wrong=went_wrong
            )
            saved = questions.improve_answer(edited, answer, now, star)
        self.dismiss(saved)


class AnswerForm(_Form):
    """Improve the answer right after rehearsing it; the old version is kept."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        with VerticalScroll(classes="dialog form"):
            yield Static("Improve your answer", classes="dialog-title")
            yield Static(literal(question.text), classes="question-shown")
            note = (
                "Your current answer is kept as an earlier version."
                if question.answer
                else "Write the answer you would like to give next time."
            )
            yield Static(note, classes="quiet")
            yield Label("Your answer")
            yield TextBox(
                question.answer.text if question.answer else "",
                id="answer",
                placeholder="The answer you would like to give, in your own words",
            )
            yield from self.compose_star(question.star)
            yield from self.compose_buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#answer").focus()

    def action_save(self) -> None:
        app = app_of(self)
        try:
            answer = parse_long_text(self.value("answer"), "answer")
            star = self.star_value(self.question.star)
        except FieldError as problem:
            self.show_error(problem, FIELD_IDS.get(problem.field))
            return
        saved = app.repo.questions.improve_answer(self.question, answer, app.clock.now(), star)
        self.dismiss(saved)


class DeckPicker(ModalScreen[ImportResult | None]):
    """Pick a starter deck; its new questions are added, a few a day."""

    DEFAULT_CSS = """
    DeckPicker #decks {
        height: auto;
        max-height: 14;
    }
    DeckPicker OptionList > .option-list--option {
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        self.decks: list[ShippedDeck] = shipped_decks()
        have = app_of(self).repo.questions.import_keys()
        options = []
        for shipped in self.decks:
            deck = shipped.deck
            new = sum(1 for q in deck.questions if deck.key_of(q) not in have)
            count = len(deck.questions)
            if new == count:
                state = f"{count} questions"
            elif new == 0:
                state = "all in your bank"
            else:
                state = f"{new} of {count} new"
            options.append(
                Option(
                    Content.assemble(
                        (f"{one_line(deck.name):<24}", "bold"),
                        (state, "$foreground 60%"),
                        "\n",
                        (one_line(deck.description), "$foreground 60%"),
                    ),
                    id=shipped.slug,
                )
            )
        with Vertical(classes="dialog", id="deck-dialog"):
            yield Static("Starter decks", classes="dialog-title")
            yield Static(
                "Pick one to add its questions to your bank. They come up a few a day, "
                "and importing a deck again adds only what is new.",
                classes="dialog-text quiet",
            )
            yield OptionList(*options, id="decks", compact=True)

    def on_mount(self) -> None:
        self.query_one("#decks").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        app = app_of(self)
        chosen = next(s for s in self.decks if s.slug == event.option.id)
        result = app.repo.questions.import_deck(chosen.deck, app.clock.now())
        app.notify(import_sentence(result, app.clock.today()), title="Starter deck", timeout=8)
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AnswerHistoryScreen(ModalScreen[None]):
    """How an answer grew: every version, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        app = app_of(self)
        today = app.clock.today()
        tz = app.clock.now().tzinfo
        question = self.question
        earlier = app.repo.questions.answer_history(question.id) if question.id else []
        versions = [*([question.answer] if question.answer else []), *reversed(earlier)]
        with VerticalScroll(classes="dialog"):
            yield Static("How your answer grew", classes="dialog-title")
            yield Static(literal(question.text), classes="dialog-text")
            if not versions:
                yield Static("No answer written yet.", classes="quiet")
            for number, version in enumerate(versions):
                day = friendly(version.written_at.astimezone(tz).date(), today)
                label = f"Now, since {day}" if number == 0 and question.answer else f"Written {day}"
                yield Static(label, classes="section-title")
                yield Static(literal(version.text))
            yield Static("Close with escape.", classes="quiet hint")
