"""The story bank and the rubric in the store: kept, linked, counted, round-tripped."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.errors import FieldError
from companion.domain.practice import Scheduling, Star, new_question, rehearse
from companion.domain.rubric import TIME_CHECK, rubric_for, with_ticked
from companion.domain.stories import edited_story, linked, new_story, stories_that_fit, told_words
from companion.store.repository import Repository

EXACT = Scheduling(fuzz=False)


def test_a_story_is_kept_whole_and_linked_to_many_questions(repo: Repository) -> None:
    now = repo.clock.now()
    first = repo.questions.add(new_question("Tell me about a conflict.", now, tags=["conflict"]))
    second = repo.questions.add(new_question("A time you disagreed?", now))
    story = repo.stories.add(
        new_story(
            "  The late   launch ",
            now,
            situation="A release with failing tests.",
            task="Make the risk visible.",
            action="I brought the numbers.",
            result="Shipped on time, no rollback.",
            tags=["Conflict, delivery"],
            question_ids=[first.id or 0, second.id or 0],
        )
    )
    (stored,) = repo.stories.all()
    assert stored == story
    assert stored.title == "The late launch"
    assert stored.tags == ("conflict", "delivery")
    assert stored.question_ids == (first.id, second.id)
    fit, maybe = stories_that_fit(first.id or 0, first.tags, [stored])
    assert fit == [stored]
    assert maybe == []


def test_a_story_that_shares_a_tag_might_fit(repo: Repository) -> None:
    now = repo.clock.now()
    question = repo.questions.add(new_question("Tell me about a conflict.", now, tags=["conflict"]))
    story = repo.stories.add(new_story("The audit", now, tags=["conflict"]))
    assert stories_that_fit(question.id or 0, question.tags, [story]) == ([], [story])
    relinked = linked(story, question.id or 0)
    repo.stories.save(relinked)
    assert repo.stories.require(story.id or 0).question_ids == (question.id,)
    unlinked = linked(relinked, question.id or 0, link=False)
    assert unlinked.question_ids == ()


def test_a_story_may_only_name_questions_that_exist(repo: Repository) -> None:
    with pytest.raises(FieldError) as caught:
        repo.stories.add(new_story("Lost", repo.clock.now(), question_ids=[42]))
    assert caught.value.field == "question"
    assert repo.stories.count() == 0


def test_deleting_a_question_takes_it_out_of_its_stories(repo: Repository) -> None:
    now = repo.clock.now()
    kept = repo.questions.add(new_question("Kept?", now))
    gone = repo.questions.add(new_question("Gone?", now))
    story = repo.stories.add(new_story("Both", now, question_ids=[kept.id or 0, gone.id or 0]))
    repo.questions.delete(gone)
    assert repo.stories.require(story.id or 0).question_ids == (kept.id,)


@pytest.mark.parametrize(("title", "field"), [("   ", "title"), ("x" * 121, "title")])
def test_a_story_title_is_checked(repo: Repository, title: str, field: str) -> None:
    with pytest.raises(FieldError) as caught:
        new_story(title, repo.clock.now())
    assert caught.value.field == field


def test_editing_a_story_keeps_its_links_and_count(repo: Repository) -> None:
    now = repo.clock.now()
    question = repo.questions.add(new_question("Why?", now))
    story = repo.stories.add(new_story("Old", now, question_ids=[question.id or 0]))
    edited = edited_story(
        story, title="New", situation="S", task="T", action="A", result="R", tags=["x"]
    )
    repo.stories.save(edited)
    again = repo.stories.require(story.id or 0)
    assert (again.title, again.question_ids, again.told, again.tags) == (
        "New",
        (question.id,),
        0,
        ("x",),
    )


def test_rubric_ticks_are_stored_with_the_review_and_stories_told_are_counted(
    repo: Repository, clock: FrozenClock
) -> None:
    now = clock.now()
    question = repo.questions.add(
        new_question(
            "Tell me about a conflict.",
            now,
            answer="The release.",
            key_points=["respect", "numbers"],
            star=Star(situation="A release"),
        )
    )
    story = repo.stories.add(new_story("The launch", now, question_ids=[question.id or 0]))
    ticks = rubric_for(question, timedelta(seconds=80), [story])
    ticked = with_ticked(ticks, [0, 2, 3, 4, 5, len(ticks) - 1])
    moved, rehearsal = rehearse(
        question, Rating.Good, now, timedelta(seconds=80), EXACT, ticks=ticked
    )
    repo.questions.record(moved, rehearsal)
    repo.close()
    with Repository.open(repo.path, clock, access="read") as again:
        (stored,) = again.questions.recent_rehearsals(now)
        assert stored.rubric == rehearsal.rubric
        assert [t.label for t in stored.rubric if t.ticked] == [
            "respect",
            "Situation",
            "Task",
            "Action",
            "Result",
        ]
        assert TIME_CHECK in [t.label for t in stored.rubric]
        assert stored.suggested == Rating.Hard
        assert stored.rating == Rating.Good
        assert again.stories.require(story.id or 0).told == 1
        assert told_words(1) == "told once"
        (saved,) = again.questions.all()
        assert saved.key_points == ("respect", "numbers")


def test_key_points_are_kept_with_each_version_of_the_answer(repo: Repository) -> None:
    now = repo.clock.now()
    question = repo.questions.add(new_question("Why?", now, answer="First.", key_points=["a"]))
    better = repo.questions.improve_answer(
        question, "Second.", now + timedelta(days=1), key_points=["a", "b"]
    )
    assert better.key_points == ("a", "b")
    (earlier,) = repo.questions.answer_history(question.id or 0)
    assert earlier.text == "First."
    assert earlier.key_points == ("a",)
    assert repo.questions.get(question.id or 0) == better


def test_stories_and_ticks_make_the_json_round_trip(tmp_path: Path, clock: FrozenClock) -> None:
    """A full export imported into an empty database gives back every story, link, count,
    key point and tick, and exports to the same bytes."""
    from companion.store.repository import SCHEMAS
    from companion.store.snapshot import export_json, import_snapshot, parse_export, snapshot_of

    source = tmp_path / "a" / "companion.json"
    with Repository.open(source, clock) as repo:
        now = clock.now()
        question = repo.questions.add(
            new_question("A conflict?", now, answer="Told it.", key_points=["calm", "numbers"])
        )
        story = repo.stories.add(
            new_story(
                "The launch",
                now,
                situation="Late.",
                task="Ship.",
                action="I split it.",
                result="2 days early.",
                tags=["conflict"],
                question_ids=[question.id or 0],
            )
        )
        ticks = with_ticked(rubric_for(question, None, [story]), [0, 2])
        moved, rehearsal = rehearse(question, Rating.Good, now, None, EXACT, ticks=ticks)
        repo.questions.record(moved, rehearsal)
        raw = export_json(snapshot_of(repo.db))
        stories_before = repo.stories.all()
    target = tmp_path / "b" / "companion.json"
    with Repository.open(target, clock) as repo:
        import_snapshot(repo.db, parse_export(raw, SCHEMAS), replace=False, now=clock.now())
    with Repository.open(target, clock, access="read") as repo:
        assert repo.stories.all() == stories_before
        assert stories_before[0].told == 1
        (back,) = repo.questions.recent_rehearsals(clock.now())
        assert back.rubric == rehearsal.rubric
        assert repo.questions.all()[0].key_points == ("calm", "numbers")
        assert export_json(snapshot_of(repo.db)) == raw
