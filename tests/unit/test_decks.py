"""Question decks: the starter decks, strict parsing with the line named, idempotent import."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.decks import (
    NEW_PER_DAY,
    DeckError,
    import_key,
    normalise,
    parse_deck,
    stagger,
)
from companion.store.deck_files import find_shipped, read_deck_file, shipped_decks
from companion.store.repository import Repository

GOOD = """\
[deck]
name = "Design"
tags = ["design"]

[[questions]]
text = "How do you pick a colour?"
hint = "Taste and reasons."

[[questions]]
text = "Tell me about a redesign."
tags = ["story"]
star = true
"""


def test_the_starter_decks_are_many_varied_and_all_parse() -> None:
    decks = shipped_decks()
    assert len(decks) >= 8
    questions = [q for shipped in decks for q in shipped.deck.questions]
    assert len(questions) >= 80
    assert all(q.hint for q in questions), "every starter question has a hint"
    texts = Counter(normalise(q.text) for q in questions)
    assert max(texts.values()) == 1, "no question appears twice across the decks"
    assert len({shipped.deck.name for shipped in decks}) == len(decks)
    assert any(q.star for q in questions)


def test_a_starter_deck_is_found_by_its_plain_name() -> None:
    shipped = find_shipped("behavioural")
    assert shipped is not None
    assert shipped.deck.name == "Behavioural"
    assert find_shipped("Questions to ask them") is not None
    assert find_shipped("no such deck") is None


def test_a_good_deck_parses_with_deck_tags_and_star() -> None:
    deck = parse_deck(GOOD, "design.toml")
    assert deck.name == "Design"
    assert [q.text for q in deck.questions] == [
        "How do you pick a colour?",
        "Tell me about a redesign.",
    ]
    assert deck.tags == ("design",)
    assert deck.questions[1].star
    assert deck.questions[1].tags == ("story",)
    assert deck.key_of(deck.questions[0]) == import_key("design", "how do you  pick a COLOUR?")


MALFORMED = {
    "bad toml": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "Why?\n',
        "line 5",
        "not valid TOML",
    ),
    "missing text": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\n\n[[questions]]\nhint = "h"\n',
        "questions entry 2 (line 7)",
        "no text",
    ),
    "unknown key in a question": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\nhnit = "typo"\n',
        "line 6 (questions entry 1)",
        "unknown key 'hnit'",
    ),
    "unknown key in the deck": (
        '[deck]\nname = "D"\nauthor = "me"\n\n[[questions]]\ntext = "One?"\n',
        "line 3 ([deck])",
        "unknown key 'author'",
    ),
    "unknown top-level key": (
        'version = 2\n[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\n',
        "line 1",
        "unknown key 'version'",
    ),
    "unknown table": (
        '[deck]\nname = "D"\n\n[extra]\nx = 1\n\n[[questions]]\ntext = "One?"\n',
        "line 4",
        "unknown key 'extra'",
    ),
    "star is not true or false": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\nstar = "yes"\n',
        "line 6 (questions entry 1)",
        "'star' should be true or false",
    ),
    "tags is not a list": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\ntags = "solo"\n',
        "line 6 (questions entry 1)",
        "'tags' should be a list",
    ),
    "text is a number": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = 42\n',
        "line 5 (questions entry 1)",
        "'text' should be text",
    ),
    "deck name is missing": (
        '[deck]\ndescription = "no name"\n\n[[questions]]\ntext = "One?"\n',
        "line 1 ([deck])",
        "needs a name",
    ),
    "no deck table": ('[[questions]]\ntext = "One?"\n', "the top of the file", "[deck]"),
    "no questions": ('[deck]\nname = "D"\n', "the end of the file", "at least one question"),
    "a repeated question": (
        '[deck]\nname = "D"\n\n[[questions]]\ntext = "One?"\n\n[[questions]]\ntext = "one? "\n',
        "questions entry 2 (line 7)",
        "repeats questions entry 1",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_deck_is_refused_with_the_file_and_the_line(case: str, tmp_path: Path) -> None:
    text, where, problem = MALFORMED[case]
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(DeckError) as caught:
        read_deck_file(path)
    error = caught.value
    assert error.field == str(path)
    assert error.where == where
    assert problem in error.problem
    assert error.message.endswith("Nothing was imported.")


def test_a_deck_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[deck]\nname = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(DeckError, match="not UTF-8"):
        read_deck_file(path)


def test_new_questions_are_staggered_a_few_a_day() -> None:
    today = date(2026, 3, 3)
    days = stagger(12, {}, today)
    assert Counter(days) == {
        today: NEW_PER_DAY,
        today + timedelta(days=1): NEW_PER_DAY,
        today + timedelta(days=2): 2,
    }
    # A second deck queues after the questions already waiting (an earlier day counts as today).
    queued = stagger(4, {today - timedelta(days=4): 3, today + timedelta(days=1): 5}, today)
    assert queued == [today, today, today + timedelta(days=2), today + timedelta(days=2)]


def test_importing_a_deck_twice_adds_nothing_twice(repo: Repository, clock: FrozenClock) -> None:
    deck = parse_deck(GOOD, "design.toml")
    first = repo.questions.import_deck(deck, clock.now())
    assert first.added == 2
    assert first.already_there == 0
    again = repo.questions.import_deck(deck, clock.now())
    assert again.added == 0
    assert again.already_there == 2
    assert repo.questions.count() == 2


def test_an_edited_deck_question_is_still_recognised(repo: Repository, clock: FrozenClock) -> None:
    deck = parse_deck(GOOD, "design.toml")
    repo.questions.import_deck(deck, clock.now())
    question = next(q for q in repo.questions.all() if q.text.startswith("How"))
    repo.questions.save(question.__class__(**{**question.__dict__, "text": "Colours: how?"}))
    grown = parse_deck(GOOD + '\n[[questions]]\ntext = "A third one?"\n', "design.toml")
    result = repo.questions.import_deck(grown, clock.now())
    assert result.added == 1
    assert sorted(q.text for q in repo.questions.all()) == [
        "A third one?",
        "Colours: how?",
        "Tell me about a redesign.",
    ]


def test_imported_questions_carry_hint_tags_and_star(repo: Repository, clock: FrozenClock) -> None:
    repo.questions.import_deck(parse_deck(GOOD, "design.toml"), clock.now())
    by_text = {q.text: q for q in repo.questions.all()}
    story = by_text["Tell me about a redesign."]
    assert story.tags == ("design", "story")
    assert story.star is not None
    assert story.deck == "Design"
    colour = by_text["How do you pick a colour?"]
    assert colour.hint == "Taste and reasons."
    assert colour.star is None
    assert colour.is_due(clock.now())


def test_a_big_deck_comes_up_over_several_days(repo: Repository, clock: FrozenClock) -> None:
    shipped = find_shipped("about-you")
    assert shipped is not None
    result = repo.questions.import_deck(shipped.deck, clock.now())
    assert result.added == len(shipped.deck.questions) > NEW_PER_DAY
    assert repo.questions.due_count(clock.now()) == NEW_PER_DAY
    assert result.first_day == clock.today()
    assert result.last_day is not None and result.last_day > clock.today()
