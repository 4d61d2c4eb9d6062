"""The question bank's forms: add or edit a question, and improve an answer after rehearsing it.

Both check everything the user typed before writing anything; each error
shows under its field and nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Select, Static

from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.domain.practice import (
    Question,
    Star,
    new_question,
    parse_interview_id,
    parse_key_points,
    parse_long_text,
    parse_question_text,
    parse_star,
    parse_tags,
)
from companion.domain.stories import stories_that_fit
from companion.services import practice
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line, literal
from companion.tui.widgets import TextBox

STAR_FIELDS = ("situation", "task", "action", "result")
LABELS = {
    "text": "Question",
    "tags": "Tags",
    "interview": "Interview",
    "went-wrong": "Went wrong",
    "answer": "Your answer",
    "key-points": "Key points",
    **{name: name.capitalize() for name in STAR_FIELDS},
}


KEY_POINTS_HINT = "What the answer must get across, one a line: you tick them after rehearsing."


class _QuestionFields(FormScreen[Question]):
    """What the two forms share: the answer, its key points, the STAR notes, reading them back."""

    def compose_key_points(self, question: Question | None) -> ComposeResult:
        points = "\n".join(question.key_points) if question else ""
        yield from self.row(
            LABELS["key-points"],
            TextBox(points, id="key-points", placeholder="one a line"),
            hint=KEY_POINTS_HINT,
        )

    def key_points_value(self, errors: Errors) -> tuple[str, ...] | None:
        return attempt(errors, "key-points", lambda: parse_key_points(self.value("key-points")))

    def compose_star(self, star: Star | None) -> ComposeResult:
        current = star or Star()
        yield Static("STAR notes, for a story (all optional)", classes="form-section")
        for name, value in zip(
            STAR_FIELDS,
            (current.situation, current.task, current.action, current.result),
            strict=True,
        ):
            yield from self.row(LABELS[name], TextBox(value, id=name))

    def star_value(self, errors: Errors, before: Star | None) -> Star | None:
        texts = [self.value(name) for name in STAR_FIELDS]
        for name, text in zip(STAR_FIELDS, texts, strict=True):
            attempt(errors, name, partial(parse_long_text, text, name))
        star = parse_star(*texts) if not errors.keys() & set(STAR_FIELDS) else None
        # A question marked for a STAR story keeps the mark with its notes emptied.
        return star if star is not None else (Star() if before is not None else None)


class QuestionForm(_QuestionFields):
    """Add a question (due at once) or edit one; an edited answer becomes a new version."""

    def __init__(self, question: Question | None = None) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        with VerticalScroll(classes="dialog", id="question-form"):
            title = "New question" if question is None else "Edit question"
            yield Static(title, classes="dialog-title")
            yield from self.text_row(
                LABELS["text"],
                "text",
                question.text if question else "",
                placeholder="the way it was asked",
            )
            yield from self.text_row(
                LABELS["tags"],
                "tags",
                ", ".join(question.tags) if question else "",
                placeholder="with commas between",
            )
            yield from self.row(LABELS["interview"], self.interview_choice(question))
            yield from self.row(
                LABELS["went-wrong"],
                TextBox(
                    question.went_wrong if question else "",
                    id="went-wrong",
                    placeholder="what went wrong when it was asked",
                ),
            )
            answer = question.answer.text if question and question.answer else ""
            yield from self.row(LABELS["answer"], TextBox(answer, id="answer"))
            yield from self.compose_key_points(question)
            if question is not None and question.id is not None:
                stories = app_of(self).repo.stories.all()
                linked, _ = stories_that_fit(question.id, question.tags, stories)
                if linked:
                    titles = ", ".join(story.title for story in linked)
                    yield Static(
                        literal(f"Stories that fit: {titles} (l in the bank links others)."),
                        classes="quiet hint",
                    )
            yield from self.compose_star(question.star if question else None)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text").focus()

    def interview_choice(self, question: Question | None) -> Select[str]:
        """The interview it came from, by name and day (the app never shows their ids)."""
        app = app_of(self)
        today = app.clock.today()
        interviews = sorted(
            app.repo.interviews.all(), key=lambda i: (i.held_on, i.id or 0), reverse=True
        )
        current = question.interview_id if question else None
        return Select(
            [
                (line(f"{i.title}, {friendly(i.held_on, today)}"), str(i.id))
                for i in interviews
                if i.id is not None
            ],
            value=str(current) if current in {i.id for i in interviews} else Select.NULL,
            prompt="none",
            id="interview",
            compact=True,
        )

    def save(self) -> None:
        app = app_of(self)
        now = app.clock.now()
        errors: Errors = {}
        text = attempt(errors, "text", lambda: parse_question_text(self.value("text")))
        tags = attempt(errors, "tags", lambda: parse_tags([self.value("tags")]))
        interview = attempt(
            errors, "interview", lambda: parse_interview_id(self.value("interview"))
        )
        went_wrong = attempt(
            errors,
            "went-wrong",
            lambda: parse_long_text(self.value("went-wrong"), "what went wrong"),
        )
        answer = attempt(errors, "answer", lambda: parse_long_text(self.value("answer"), "answer"))
        points = self.key_points_value(errors)
        star = self.star_value(errors, self.question.star if self.question else None)
        if (
            errors
            or text is None
            or tags is None
            or went_wrong is None
            or answer is None
            or points is None
        ):
            self.show_errors(errors, LABELS)
            return
        try:
            if self.question is None:
                made = new_question(
                    text,
                    now,
                    tags=tags,
                    interview_id=interview,
                    went_wrong=went_wrong,
                    answer=answer,
                    star=star,
                    key_points=points,
                )
                saved = practice.add_question(app.repo, made)
            else:
                edited = replace(
                    self.question,
                    text=text,
                    tags=tags,
                    interview_id=interview,
                    went_wrong=went_wrong,
                )
                saved = practice.edit_question(app.repo, edited, answer, star, points)
        except FieldError as error:  # an interview number that names no interview
            self.show_errors({"interview": error}, LABELS)
            return
        self.dismiss(saved)


class AnswerForm(_QuestionFields):
    """Improve the answer right after rehearsing it; the old version is kept."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        with VerticalScroll(classes="dialog", id="answer-form"):
            yield Static("Improve your answer", classes="dialog-title")
            yield Static(literal(question.text).stylize("bold"), classes="dialog-text")
            note = (
                "Your current answer is kept as an earlier version."
                if question.answer
                else "Write the answer you would like to give next time."
            )
            yield Static(note, classes="quiet")
            yield from self.row(
                LABELS["answer"],
                TextBox(
                    question.answer.text if question.answer else "",
                    id="answer",
                    placeholder="The answer you would like to give, in your own words",
                ),
            )
            yield from self.compose_key_points(question)
            yield from self.compose_star(question.star)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#answer").focus()

    def save(self) -> None:
        app = app_of(self)
        errors: Errors = {}
        answer = attempt(errors, "answer", lambda: parse_long_text(self.value("answer"), "answer"))
        points = self.key_points_value(errors)
        star = self.star_value(errors, self.question.star)
        if errors or answer is None or points is None:
            self.show_errors(errors, LABELS)
            return
        saved = practice.edit_question(app.repo, self.question, answer, star, points)
        self.dismiss(saved)
