"""What is shown after the reveal: the saved answer, the STAR notes, the stories that fit,
what went wrong, the hint. Practice and the mock interview's look back both show a
question's notes with this, beside the rubric (which lists the key points to tick)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from companion.domain.practice import Question
from companion.domain.stories import Story, told_words
from companion.tui.literal import line, literal


def _labelled(parts: Sequence[tuple[str, str]]) -> Content:
    return Content("\n").join(
        Content.assemble((f"{label}: ", "bold $secondary"), literal(text)) for label, text in parts
    )


class QuestionNotes(Vertical):
    DEFAULT_CSS = """
    QuestionNotes {
        height: auto;
    }
    QuestionNotes .notes-part {
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Your answer", classes="section-title first")
        yield Static(id="answer")
        yield Static(id="star", classes="notes-part")
        yield Static("Stories that fit", id="stories-title", classes="section-title")
        yield Static(id="stories")
        yield Static(
            "What went wrong when it was asked", id="went-wrong-title", classes="section-title"
        )
        yield Static(id="went-wrong")
        yield Static("What a good answer shows", id="hint-title", classes="section-title")
        yield Static(id="hint")

    def show(
        self, question: Question, linked: Sequence[Story] = (), maybe: Sequence[Story] = ()
    ) -> None:
        answer = self.query_one("#answer", Static)
        if question.answer and question.answer.text:
            answer.update(literal(question.answer.text))
            answer.remove_class("quiet")
        else:
            answer.update("No answer saved yet. Press e to write the one you would like to give.")
            answer.add_class("quiet")
        star = self.query_one("#star", Static)
        star_parts = [(k, v) for k, v in question.star.parts() if v] if question.star else []
        star.display = question.star is not None
        if star_parts:
            star.update(_labelled(star_parts))
        elif question.star is not None:
            star.update(
                Content.styled(
                    "A story suits this one: situation, task, action, result (e to add notes).",
                    "$foreground 60%",
                )
            )
        stories = [*linked, *maybe]
        self.query_one("#stories-title").display = bool(stories)
        told = self.query_one("#stories", Static)
        told.display = bool(stories)
        told.update(
            Content("\n").join(
                Content.assemble(
                    ("• ", "$secondary"),
                    line(story.title),
                    (f"  {told_words(story.told)}", "$foreground 60%"),
                    ("" if story in linked else "  (shares a tag)", "$foreground 60%"),
                )
                for story in stories
            )
        )
        for name, text in (("went-wrong", question.went_wrong), ("hint", question.hint)):
            self.query_one(f"#{name}-title").display = bool(text)
            widget = self.query_one(f"#{name}", Static)
            widget.display = bool(text)
            widget.update(literal(text))
