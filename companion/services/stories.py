"""The story bank: write, edit, link and delete STAR stories."""

from __future__ import annotations

from companion.domain.practice import Question
from companion.domain.stories import Story, linked
from companion.store.repository import Repository


def add_story(repo: Repository, story: Story) -> Story:
    """Save a new story (the questions it names must exist); returns it with its id."""
    return repo.stories.add(story)


def save_story(repo: Repository, story: Story) -> Story:
    repo.stories.save(story)
    return story


def delete_story(repo: Repository, story: Story) -> None:
    """Only the story goes; its questions stay in the bank."""
    repo.stories.delete(story)


def toggle_link(repo: Repository, story: Story, question: Question) -> Story:
    """Link the story to the question, or unlink it when it was linked."""
    assert question.id is not None
    changed = linked(story, question.id, not story.answers(question.id))
    repo.stories.save(changed)
    return changed
