"""Rate against what you meant to say: a short list to tick after the reveal.

After comparing the spoken answer with the saved one, the person ticks what
their answer had: each key point saved with the answer, and for a story
question the four parts of STAR, a number in the result, "I" more than "we",
and under two minutes (ticked from the timer, which they can untick). The
ticks suggest a rating; the person's own rating is the one that counts, and
the ticks are kept with the review.

The stories that fit the question can be ticked too ("I told this one"): that
counts how often each story is used, and does not move the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from companion.domain.practice import Question
    from companion.domain.stories import Story

POINT, STAR, CHECK, STORY = "point", "star", "check", "story"
KINDS = (POINT, STAR, CHECK, STORY)
STAR_PARTS = ("Situation", "Task", "Action", "Result")
NUMBER_CHECK = "A number in the result"
I_CHECK = 'More "I" than "we"'
TIME_CHECK = "Under two minutes"
# The ratings a rubric can suggest, as fsrs numbers them (`domain.practice` makes them
# fsrs Ratings: only that module builds on the scheduler). Easy is left to the person.
AGAIN, HARD, GOOD = 1, 2, 3
# Shares of the counted ticks from which a rating is suggested.
GOOD_FROM = 0.8
HARD_FROM = 0.4


@dataclass(frozen=True)
class Tick:
    """One thing the answer may have had; `story_id` for a story that fits the question."""

    label: str
    kind: str
    ticked: bool = False
    story_id: int | None = None

    @property
    def counts(self) -> bool:
        """Whether it moves the suggested rating (a story told does not)."""
        return self.kind != STORY


def rubric_for(
    question: Question,
    answered_for: timedelta | None,
    stories: Sequence[Story] = (),
    target: timedelta = timedelta(minutes=2),
) -> tuple[Tick, ...]:
    """What to tick for this question, with "under two minutes" ticked from the timer."""
    ticks = [Tick(point, POINT) for point in question.key_points]
    if question.star is not None:
        ticks.extend(Tick(part, STAR) for part in STAR_PARTS)
        quick = answered_for is not None and answered_for <= target
        ticks.extend(
            (Tick(NUMBER_CHECK, CHECK), Tick(I_CHECK, CHECK), Tick(TIME_CHECK, CHECK, quick))
        )
    ticks.extend(Tick(story.title, STORY, story_id=story.id) for story in stories)
    return tuple(ticks)


def toggled(ticks: Sequence[Tick], index: int) -> tuple[Tick, ...]:
    """The rubric with one tick turned over."""
    return tuple(
        replace(tick, ticked=not tick.ticked) if n == index else tick
        for n, tick in enumerate(ticks)
    )


def with_ticked(ticks: Sequence[Tick], indexes: Iterable[int]) -> tuple[Tick, ...]:
    """The rubric with exactly the ticks at `indexes` ticked."""
    wanted = set(indexes)
    return tuple(replace(tick, ticked=n in wanted) for n, tick in enumerate(ticks))


def suggest_rating(ticks: Iterable[Tick]) -> int | None:
    """The rating the ticks suggest: most of them Good, some Hard, few Again; None when
    there is nothing to tick. Easy is left to the person: ticks cannot tell ease."""
    counted = [tick for tick in ticks if tick.counts]
    if not counted:
        return None
    share = sum(tick.ticked for tick in counted) / len(counted)
    if share >= GOOD_FROM:
        return GOOD
    if share >= HARD_FROM:
        return HARD
    return AGAIN


def stories_told(ticks: Iterable[Tick]) -> tuple[int, ...]:
    return tuple(t.story_id for t in ticks if t.kind == STORY and t.ticked and t.story_id)


def kept_ticks(ticks: Iterable[Tick]) -> tuple[Tick, ...]:
    """The ticks kept with the review (the stories told are counted on the stories)."""
    return tuple(tick for tick in ticks if tick.counts)
