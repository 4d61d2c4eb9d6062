"""A story of the story bank: write one, or edit it; and link stories to a question.

`StoryForm` checks every field before it saves anything (errors in place).
`StoryLinks` lists the stories for one question: choosing one links it, or
unlinks it, and the list stays open; "A new story" writes one linked to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.long_text import parse_long_text
from companion.domain.practice import Question
from companion.domain.stories import (
    Story,
    edited_story,
    new_story,
    parse_story_title,
    told_words,
)
from companion.domain.tags import parse_tags
from companion.services import stories
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.choice import ChoiceDialog
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line, literal
from companion.tui.widgets import TextBox

PARTS = ("situation", "task", "action", "result")
LABELS = {"title": "Title", "tags": "Tags", **{part: part.capitalize() for part in PARTS}}
HINTS = {
    "situation": "Where and when, in a sentence or two.",
    "task": "What was yours to do.",
    "action": "What you did (say I, not we).",
    "result": "How it ended, with a number if you can.",
}
NEW_STORY = -1


class StoryForm(FormScreen[Story]):
    """Write a story (linked to `question_ids`, if any) or edit one."""

    def __init__(self, story: Story | None = None, question_ids: Sequence[int] = ()) -> None:
        super().__init__()
        self.story = story
        self.question_ids = tuple(question_ids)

    def compose(self) -> ComposeResult:
        story = self.story
        with VerticalScroll(classes="dialog", id="story-form"):
            yield Static("New story" if story is None else "Edit story", classes="dialog-title")
            yield Static(
                "A story from your work, told in four parts, ready for the questions it answers.",
                classes="dialog-text quiet",
            )
            yield from self.text_row(
                LABELS["title"],
                "title",
                story.title if story else "",
                placeholder="a short name, like The late launch",
            )
            yield from self.text_row(
                LABELS["tags"],
                "tags",
                ", ".join(story.tags) if story else "",
                placeholder="with commas between",
            )
            for part in PARTS:
                yield from self.row(
                    LABELS[part],
                    TextBox(getattr(story, part) if story else "", id=part),
                    hint=HINTS[part],
                )
            if story is not None:
                count = len(story.question_ids)
                yield Static(
                    literal(
                        f"It answers {count} question{'' if count == 1 else 's'} and was "
                        f"{told_words(story.told)}. Link it to a question with l in the bank."
                    ),
                    classes="quiet hint",
                )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#title").focus()

    def save(self) -> None:
        app = app_of(self)
        errors: Errors = {}
        title = attempt(errors, "title", lambda: parse_story_title(self.value("title")))
        attempt(errors, "tags", lambda: parse_tags([self.value("tags")]))
        for part in PARTS:
            attempt(errors, part, partial(parse_long_text, self.value(part), part))
        if errors or title is None:
            self.show_errors(errors, LABELS)
            return
        words = {part: self.value(part) for part in PARTS}
        tags = [self.value("tags")]
        if self.story is None:
            made = new_story(
                title, app.clock.now(), tags=tags, question_ids=self.question_ids, **words
            )
            saved = stories.add_story(app.repo, made)
        else:
            saved = edited_story(self.story, title=title, tags=tags, **words)
            stories.save_story(app.repo, saved)
        self.dismiss(saved)


def _label(story: Story, question_id: int) -> Content:
    mark = "✓ " if story.answers(question_id) else "  "
    return Content.assemble(
        (mark, "bold $primary"),
        line(story.title),
        (f"   {told_words(story.told)}", "$foreground 60%"),
    )


class StoryLinks(ChoiceDialog[int]):
    """The stories for one question: enter links or unlinks the one highlighted."""

    def __init__(self, question: Question) -> None:
        super().__init__(
            Content.assemble("Stories for ", line(question.text).stylize("italic")),
            [],
            text="",
            hint="Enter links or unlinks a story; escape closes.",
            dialog_id="story-links",
            wide=True,
        )
        self.question = question

    def choices(self) -> list[tuple[int, Content | str]]:
        stories = app_of(self).repo.stories.all()
        qid = self.question.id or 0
        found: list[tuple[int, Content | str]] = [
            (story.id or 0, _label(story, qid)) for story in stories
        ]
        found.append((NEW_STORY, Content.styled("  A new story, for this question…", "italic")))
        return found

    def choose(self, value: int) -> None:
        if refuse_when_read_only(self):
            return
        app = app_of(self)
        if value == NEW_STORY:
            self.app.push_screen(
                StoryForm(question_ids=[self.question.id or 0]), lambda _: self.refill()
            )
            return
        story = app.repo.stories.get(value)
        if story is None:
            return
        stories.toggle_link(app.repo, story, self.question)
        self.refill()

    def refill(self) -> None:
        options = self.query_one("#choices", OptionList)
        keep = options.highlighted
        choices = self.choices()
        self.values = [value for value, _ in choices]
        options.clear_options()
        options.add_options(Option(label) for _, label in choices)
        if keep is not None:
            options.highlighted = min(keep, len(choices) - 1)
