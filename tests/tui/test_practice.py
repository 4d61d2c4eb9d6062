"""Practice and the question bank, driven with Pilot as a user would."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import orjson
from fsrs import Rating
from textual.widgets import DataTable, Select, Static

from companion.clock import FrozenClock
from companion.domain.practice import LEARNING_STEPS, Star, new_question
from companion.services import summary as summaries
from companion.store.layout import Layout
from companion.store.repository import Repository
from companion.store.schema import MAX_ID
from companion.tui.commands import ScreenKeys
from companion.tui.dialogs import (
    AnswerForm,
    Confirm,
    DeckPicker,
    QuestionForm,
)
from companion.tui.screens.bank import BankScreen
from companion.tui.screens.practice import PracticeScreen
from companion.tui.widgets import AnswerTimer
from tests.conftest import AppFactory, add_interviews


def _text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


def _seed(db_path: Path, clock: FrozenClock) -> list[int]:
    """Three questions due now, each with an answer; the first tripped the user up longest ago."""
    ids = []
    with Repository.open(db_path, clock) as repo:
        for number, text in enumerate(
            ("Why do you want this job?", "Tell me about a conflict.", "What is your weakness?")
        ):
            question = new_question(
                text,
                clock.now() - timedelta(days=3 - number),
                answer=f"Answer {number + 1}",
                went_wrong="I froze" if number == 0 else "",
                star=Star(situation="A late launch") if number == 1 else None,
            )
            ids.append(repo.questions.add(question).id or 0)
    return ids


async def test_a_full_rehearsal(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> None:
    first, second, third = _seed(db_path, clock)
    app = build_app()
    started = clock.now()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert _text(app, "#question") == "Why do you want this job?"
        assert _text(app, "#progress") == "Question 1 of 3"
        assert not app.screen.query_one("#revealed").display

        timer = app.screen.query_one(AnswerTimer)
        clock.advance(timedelta(seconds=95))  # answering out loud
        assert "1:35  about two minutes is plenty" in str(timer.render())
        await pilot.press("space")
        await pilot.pause()
        clock.advance(timedelta(minutes=5))
        assert "1:35  your time" in str(timer.render())
        clock.advance(timedelta(minutes=-5))
        assert app.screen.query_one("#revealed").display
        assert _text(app, "#answer") == "Answer 1"
        assert _text(app, "#went-wrong") == "I froze"
        await pilot.press("3")
        await pilot.pause()

        assert _text(app, "#question") == "Tell me about a conflict."
        await pilot.press("space")
        await pilot.pause()
        assert "Situation: A late launch" in _text(app, "#star")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, AnswerForm)
        answer = app.screen.query_one("#answer")
        answer.text = "A calmer answer, [b]with[/b] a result."  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert _text(app, "#answer") == "A calmer answer, [b]with[/b] a result."
        await pilot.press("1")  # Again: it comes back at the end of the sitting
        await pilot.pause()

        assert _text(app, "#question") == "What is your weakness?"
        assert _text(app, "#progress") == "Question 3 of 4"
        clock.advance(timedelta(minutes=3))
        assert "3:00  a good length; finish your thought" in str(timer.render())
        assert "━" * 20 in str(timer.render())
        await pilot.press("space", "4")
        await pilot.pause()

        assert _text(app, "#question") == "Tell me about a conflict."
        clock.advance(LEARNING_STEPS[0])
        await pilot.press("space", "3")
        await pilot.pause()

        assert screen.state == "done"
        message = _text(app, "#done-message")
        assert message.startswith("You rehearsed 3 questions.")
        assert "improved an answer" in message
        assert _text(app, "#done-next").startswith("The next question comes up ")
        assert "!" not in message

        repo = app.repo
        for question_id in (first, second, third):
            question = repo.questions.get(question_id)
            assert question is not None
            assert question.due > clock.now()
            assert not question.is_new
        history = repo.questions.answer_history(second)
        assert [v.text for v in history] == ["Answer 2"]

    app.close_repository()
    part = Layout(db_path).part("reviews-2026-03")
    reviews = sorted(
        orjson.loads(part.read_bytes())["reviews"].values(),
        key=lambda r: r["review_datetime"],
    )
    assert [(r["question_id"], r["rating"]) for r in reviews] == [
        (first, Rating.Good),
        (second, Rating.Again),
        (third, Rating.Easy),
        (second, Rating.Good),
    ]
    assert reviews[0]["review_duration"] == 95_000
    assert reviews[0]["review_datetime"] == (started + timedelta(seconds=95)).isoformat()
    with Repository.open(db_path, clock, access="read") as repo:
        assert summaries.summary(repo).practice_due == 0
        assert repo.questions.answer_history(second)[0].text == "Answer 2"


async def test_nothing_due_says_so_and_offers_to_practise_ahead(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.questions.add(new_question("Later?", clock.now(), due=clock.now() + timedelta(days=2)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _text(app, "#empty-message") == "Nothing to practise right now."
        assert _text(app, "#empty-next") == "The next question comes up Thu 5 Mar."
        await pilot.press("f")
        await pilot.pause()
        assert _text(app, "#question") == "Later?"


async def test_an_empty_bank_offers_a_starter_deck(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _text(app, "#empty-message") == "Your question bank is empty."
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DeckPicker)
        await pilot.press("enter")  # the first deck: About you
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.state == "asking"
        assert _text(app, "#progress").startswith("Question 1 of 5")
        assert app.repo.questions.count() == 11


async def test_adding_a_question_while_nothing_is_due_starts_practice(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        add_interviews(repo, 4)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)
        await pilot.press("enter")  # nothing typed yet
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)
        assert "needs some words" in _text(app, "#text-error")
        assert app.repo.questions.count() == 0
        await pilot.press(*"Why [i]us[/i]?")
        await pilot.press("tab", *"opener, Values")
        # the interview is chosen by its name, not typed as a number
        choice = app.screen.query_one("#interview", Select)
        assert "Company 4 · Analyst, Tue 3 Mar" in str(choice._options[1][0])
        choice.value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert _text(app, "#question") == "Why [i]us[/i]?"
        (question,) = app.repo.questions.all()
        assert question.tags == ("opener", "values")
        assert question.interview_id == 4


async def test_the_bank_filters_rests_edits_and_deletes(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        add_interviews(repo, 2)
        repo.questions.add(new_question("Why us?", clock.now(), tags=["motivation"]))
        repo.questions.add(
            new_question("A conflict?", clock.now(), tags=["conflict"], interview_id=2)
        )
        repo.questions.add(
            new_question(
                "Later?", clock.now(), tags=["conflict"], due=clock.now() + timedelta(days=3)
            )
        )
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BankScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 3
        assert _text(app, "#bank-count") == "3 questions · 2 for today"

        await pilot.press("slash", *"conflict")
        await pilot.pause()
        assert [q.text for q in screen.shown] == ["A conflict?", "Later?"]
        await pilot.press("escape", "u")  # due now only
        await pilot.pause()
        assert [q.text for q in screen.shown] == ["A conflict?"]
        assert _text(app, "#bank-count") == "Showing 1 of 3 questions · 2 for today"

        await pilot.press("x")  # rest it
        await pilot.pause()
        assert screen.shown == []
        assert app.repo.questions.due_count(clock.now()) == 1
        await pilot.press("u")  # resting
        await pilot.pause()
        assert [q.text for q in screen.shown] == ["A conflict?"]
        await pilot.press("x")  # wake it
        await pilot.pause()
        assert screen.shown == []
        await pilot.press("u", "slash", "ctrl+u", "escape")  # back to all, no words
        await pilot.pause()
        assert table.row_count == 3

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)
        await pilot.press("ctrl+u", *"Why this company?", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        assert "Why this company?" in [q.text for q in app.repo.questions.all()]

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.repo.questions.count() == 3
        await pilot.press("d", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        assert app.repo.questions.count() == 2
        assert table.row_count == 2


async def test_the_bank_imports_a_starter_deck_once(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "m")
        await pilot.pause()
        assert isinstance(app.screen, DeckPicker)
        await pilot.press("down", "enter")  # Motivation
        await pilot.pause()
        assert app.repo.questions.count() == 10
        await pilot.press("m", "down", "enter")
        await pilot.pause()
        assert app.repo.questions.count() == 10


async def test_a_read_only_app_offers_no_changes(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _seed(db_path, clock)
    with Repository.open(db_path, clock) as first:
        first.settings.update(welcomed=True)
        first.flush()
        app = build_app(welcomed=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("p", "space")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PracticeScreen)
            assert screen.check_action("rate", (3,)) is False
            assert screen.check_action("improve", ()) is False
            await pilot.press("3")
            await pilot.pause()
            assert _text(app, "#question") == "Why do you want this job?"


async def test_the_palette_offers_the_keys_the_screen_offers_now(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        provider = ScreenKeys(app.screen)
        titles = [hit.text async for hit in provider.discover()]
        assert "Practice: Show my answer" in titles
        assert "Practice: Good" not in titles  # only after the answer is shown
        hits = [hit async for hit in provider.search("show my")]
        assert hits
        await hits[0].command()  # type: ignore[misc]
        await pilot.pause()
        assert app.screen.query_one("#revealed").display
        titles = [hit.text async for hit in provider.discover()]
        assert "Practice: Good" in titles
        await pilot.press("b")
        await pilot.pause()
        bank_titles = [hit.text async for hit in ScreenKeys(app.screen).discover()]
        assert {
            "Question bank: Search",
            "Question bank: Filter by tag",
            "Question bank: Delete",
        } <= set(bank_titles)


async def test_a_rating_the_store_refuses_is_told_and_the_app_goes_on(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    first = _seed(db_path, clock)[0]
    main_file = orjson.loads(db_path.read_bytes())
    main_file["meta"]["1"]["next_ids"]["reviews"] = MAX_ID + 1  # every review id handed out
    db_path.write_bytes(orjson.dumps(main_file))
    app = build_app()
    due = app.repo.questions.get(first).card.due  # type: ignore[union-attr]
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "space", "3")
        await pilot.pause()
        assert app.is_running and app.crash is None
        told = [n.message for n in app._notifications]
        assert any("handed out every id it can for reviews" in m for m in told), told
        assert _text(app, "#question") == "Why do you want this job?"
        assert app.repo.questions.recent_rehearsals(clock.now()) == []
        assert app.repo.questions.get(first).card.due == due  # type: ignore[union-attr]
