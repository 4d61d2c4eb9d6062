"""Tick what your spoken answer had; the ticks suggest a rating, and you confirm it.

A list of ticks (t goes into it, space ticks, arrows move), the rating they
suggest once something is ticked, and the four ratings in words: Hard is
plainly "I got there, with effort". Enter takes the suggestion (the screen's
`take_suggestion`); 1-4 rate directly. Ticks nobody touched are not kept: a
rating without ticking is a plain rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from companion.domain.practice import RATING_MEANINGS, RATING_WORDS, Rating
from companion.domain.rubric import STORY, Tick, suggest_rating, with_ticked
from companion.tui.literal import line


class RubricList(SelectionList[int]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.take_suggestion", "Take the suggestion", show=False),
    ]


def rating_lines() -> Content:
    """The four ratings with what each means, a line each."""
    return Content("\n").join(
        Content.assemble(
            (f"{int(rating)} {RATING_WORDS[rating]:<6}", "bold $primary"),
            RATING_MEANINGS[rating],
        )
        for rating in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)
    )


class RubricPanel(Vertical):
    DEFAULT_CSS = """
    RubricPanel {
        height: auto;
    }
    RubricPanel RubricList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        background: transparent;
    }
    RubricPanel #rubric-title {
        margin-top: 0;
    }
    RubricPanel #suggestion {
        margin-top: 1;
        color: $secondary;
    }
    RubricPanel #rate-prompt {
        margin-top: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticks: tuple[Tick, ...] = ()
        self.touched = False

    def compose(self) -> ComposeResult:
        yield Static("What did your answer have?", id="rubric-title", classes="section-title")
        yield RubricList(id="rubric", compact=True)
        yield Static(id="suggestion")
        yield Static("How did it go?", classes="section-title", id="rate-prompt")
        yield Static(rating_lines(), id="ratings")

    def show(self, ticks: Sequence[Tick]) -> None:
        self.ticks = tuple(ticks)
        self.touched = False
        listing = self.query_one(RubricList)
        listing.clear_options()
        listing.add_options(
            Selection(
                line(f"I told “{tick.label}”") if tick.kind == STORY else line(tick.label),
                index,
                tick.ticked,
            )
            for index, tick in enumerate(self.ticks)
        )
        has_ticks = bool(self.ticks)
        self.query_one("#rubric-title").display = has_ticks
        listing.display = has_ticks
        self.show_suggestion()

    def focus_ticks(self) -> None:
        listing = self.query_one(RubricList)
        if listing.display:
            listing.focus()
            listing.highlighted = 0

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[int]) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        if selected == {n for n, tick in enumerate(self.ticks) if tick.ticked}:
            return  # the list as it was filled (the timer's tick), not a change
        self.ticks = with_ticked(self.ticks, selected)
        self.touched = True
        self.show_suggestion()

    @property
    def kept(self) -> tuple[Tick, ...]:
        """The ticks to keep with the review: none when the list was never touched."""
        return self.ticks if self.touched else ()

    @property
    def suggested(self) -> Rating | None:
        number = suggest_rating(self.ticks) if self.touched else None
        return None if number is None else Rating(number)

    def show_suggestion(self) -> None:
        line = self.query_one("#suggestion", Static)
        suggested = self.suggested
        line.display = bool(self.ticks)
        if suggested is None:
            line.update("t to tick what your answer had; the ticks suggest a rating.")
        else:
            line.update(
                Content.assemble(
                    "Your ticks suggest ",
                    (RATING_WORDS[suggested], "bold"),
                    f": {RATING_MEANINGS[suggested]}. Enter takes it, or press 1-4.",
                )
            )
