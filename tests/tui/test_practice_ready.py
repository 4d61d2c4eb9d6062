"""Practice that gets you ready: sittings that end, the rubric, the gentle load, mock
interviews, the prep card and the story bank, driven with Pilot as a person would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import orjson
from fsrs import Rating, State
from textual.widgets import DataTable, OptionList, Static

from companion.clock import FrozenClock
from companion.domain.debrief import Debrief
from companion.domain.interviews import new_interview
from companion.domain.practice import Star, new_question
from companion.domain.practice_days import PracticeDays
from companion.domain.stories import new_story
from companion.services import debrief as debrief_service
from companion.services import summary as summary_service
from companion.store.layout import Layout
from companion.store.repository import Repository
from companion.tui.dialogs import DeckPicker, StoryForm, StoryLinks
from companion.tui.screens.mock import MockScreen
from companion.tui.screens.practice import PracticeScreen
from companion.tui.screens.prep import PrepScreen
from companion.tui.screens.stories import StoriesScreen
from companion.tui.widgets import AnswerTimer, RubricPanel
from tests.conftest import AppFactory


def _text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


def _page(app: object) -> str:
    """Every line the current screen shows, joined."""
    screen = app.screen  # type: ignore[attr-defined]
    return "\n".join(str(s.render()) for s in screen.query(Static) if s.display)


def _questions(db_path: Path, clock: FrozenClock, count: int, **extra: object) -> list[int]:
    ids = []
    with Repository.open(db_path, clock) as repo:
        for n in range(count):
            question = new_question(
                f"Question number {n + 1}?",
                clock.now() - timedelta(days=count - n),
                answer=f"Answer {n + 1}",
                **extra,  # type: ignore[arg-type]
            )
            ids.append(repo.questions.add(question).id or 0)
    return ids


def _reviews(db_path: Path) -> list[dict[str, object]]:
    part = Layout(db_path).part("reviews-2026-03")
    if not part.exists():
        return []
    docs = orjson.loads(part.read_bytes())["reviews"].values()
    return sorted(docs, key=lambda r: r["review_datetime"])


# Scheduling on the practice screen


async def test_hard_and_again_come_back_once_and_then_the_sitting_ends(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    first, second = _questions(db_path, clock, 2)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert _text(app, "#progress") == "Question 1 of 2"
        await pilot.press("space", "2")  # Hard: comes back once, at the end
        await pilot.pause()
        assert _text(app, "#progress") == "Question 2 of 3"
        await pilot.press("space", "1")  # Again: comes back once, at the end
        await pilot.pause()
        assert _text(app, "#progress") == "Question 3 of 4"
        assert _text(app, "#question") == "Question number 1?"
        clock.advance(timedelta(minutes=16))
        await pilot.press("space", "2")  # Hard again: now in days
        await pilot.pause()
        assert _text(app, "#question") == "Question number 2?"
        await pilot.press("space", "1")  # Again again: now in days
        await pilot.pause()
        assert screen.state == "done"
        days = PracticeDays(clock.now().tzinfo)  # type: ignore[arg-type]
        for question_id in (first, second):
            question = app.repo.questions.get(question_id)
            assert question is not None
            assert question.card.state == State.Review
            assert days.day_of(question.due) > days.today(clock.now())
    assert [r["rating"] for r in _reviews(db_path)] == [2, 1, 2, 1]


async def test_the_counter_grows_only_when_a_question_is_added(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 2)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _text(app, "#progress") == "Question 1 of 2"
        await pilot.press("l")  # later: the same two questions
        await pilot.pause()
        assert _text(app, "#progress") == "Question 1 of 2"
        await pilot.press("h", "p")  # away and back
        await pilot.pause()
        assert _text(app, "#progress") == "Question 1 of 2"
        await pilot.press("space", "3")
        await pilot.pause()
        assert _text(app, "#progress") == "Question 2 of 2"


async def test_starter_decks_open_from_practice_whatever_the_bank_holds(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 1)
    with Repository.open(db_path, clock) as repo:
        repo.questions.add(new_question("Later?", clock.now(), due=clock.now() + timedelta(days=3)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "m")  # in the middle of a sitting
        await pilot.pause()
        assert isinstance(app.screen, DeckPicker)
        await pilot.press("escape")
        await pilot.pause()
        assert _text(app, "#question") == "Question number 1?"
        await pilot.press("space", "3")
        await pilot.pause()
        assert app.screen.state == "done"  # type: ignore[attr-defined]
        await pilot.press("m")  # after it, with questions in the bank
        await pilot.pause()
        assert isinstance(app.screen, DeckPicker)


async def test_the_timer_pauses_off_the_page_and_starts_again_with_the_next_question(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 2)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        practice = app.screen
        timer = practice.query_one(AnswerTimer)
        clock.advance(timedelta(seconds=30))
        await pilot.press("h")
        await pilot.pause()
        clock.advance(timedelta(minutes=10))  # away: this is not answering time
        await pilot.press("p")
        await pilot.pause()
        assert timer.elapsed == timedelta(seconds=30)
        clock.advance(timedelta(seconds=15))
        assert timer.elapsed == timedelta(seconds=45)
        await pilot.press("space")
        await pilot.pause()
        assert "0:45  your time" in str(timer.render())
        await pilot.press("3")
        await pilot.pause()
        assert timer.elapsed == timedelta(0)
        assert "0:00  about two minutes" in str(timer.render())


async def test_the_bar_draws_the_time_gone_brighter_than_what_remains(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 1)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        clock.advance(timedelta(seconds=60))  # half of the two minutes: ten cells of twenty
        content = app.screen.query_one(AnswerTimer).render()
        styles = {str(span.style) for span in content.spans if span.start < 10}
        rest = {str(span.style) for span in content.spans if 10 <= span.start < 20}
        assert styles == {"bold $primary"}
        assert rest == {"$foreground 15%"}


# The rubric


async def test_ticks_suggest_a_rating_that_enter_takes_and_they_are_kept(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        question = repo.questions.add(
            new_question(
                "Tell me about a conflict.",
                clock.now(),
                answer="The release.",
                key_points=["Respect", "Evidence"],
                star=Star(situation="A late release"),
            )
        )
        repo.stories.add(new_story("The launch", clock.now(), question_ids=[question.id or 0]))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        clock.advance(timedelta(seconds=80))
        await pilot.press("space")
        await pilot.pause()
        panel = app.screen.query_one(RubricPanel)
        labels = [tick.label for tick in panel.ticks]
        assert labels == [
            "Respect",
            "Evidence",
            "Situation",
            "Task",
            "Action",
            "Result",
            "A number in the result",
            'More "I" than "we"',
            "Under two minutes",
            "The launch",
        ]
        assert [t.label for t in panel.ticks if t.ticked] == ["Under two minutes"]
        assert _text(app, "#suggestion").startswith("t to tick")
        assert panel.suggested is None  # nothing is suggested until the person ticks
        await pilot.press("t")
        for _ in range(6):  # tick the key points and STAR, one by one
            await pilot.press("space", "down")
        await pilot.press("space")  # a number in the result
        await pilot.press("down", "down", "down", "space")  # and "I told The launch"
        await pilot.pause()
        assert "suggest Good" in _text(app, "#suggestion")
        assert "2 Hard  I got there, with effort" in _text(app, "#ratings")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.state == "done"  # type: ignore[attr-defined]
        assert app.repo.stories.all()[0].told == 1
    (review,) = _reviews(db_path)
    assert review["rating"] == int(Rating.Good)
    assert review["suggested"] == int(Rating.Good)
    ticked = [t["label"] for t in review["rubric"] if t["ticked"]]  # type: ignore[attr-defined]
    assert ticked == [
        "Respect",
        "Evidence",
        "Situation",
        "Task",
        "Action",
        "Result",
        "A number in the result",
        "Under two minutes",
    ]


async def test_a_rating_without_ticking_keeps_no_ticks(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 1, key_points=["A point"])
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "space", "enter")  # nothing ticked: enter suggests nothing
        await pilot.pause()
        assert app.screen.state == "asking"  # type: ignore[attr-defined]
        await pilot.press("3")
        await pilot.pause()
    (review,) = _reviews(db_path)
    assert "rubric" not in review
    assert review["rating"] == 3


# The gentle load


async def test_a_day_holds_the_limit_and_the_rest_waits_without_a_count(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 12)
    app = build_app(daily_limit=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _text(app, "#progress") == "Question 1 of 4"
        for _ in range(4):
            await pilot.press("space", "3")
            await pilot.pause()
        assert app.screen.state == "done"  # type: ignore[attr-defined]
        page = _page(app)
        assert "enough for today" in page
        assert "8" not in page.replace("Last 30 days", "")
        await pilot.press("h")
        await pilot.pause()
        assert "Practise" not in _page(app)
        await pilot.press("p", "f")  # ahead is always the person's choice
        await pilot.pause()
        assert _text(app, "#progress") == "Question 1 of 5"


async def test_a_rest_day_offers_nothing_and_says_when_practice_picks_up(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 2)
    tuesday = clock.today().weekday()
    app = build_app(rest_days=frozenset({tuesday}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _text(app, "#empty-message") == "Today is a rest day."
        assert _text(app, "#empty-next") == "Practice picks up on Wed 4 Mar."
        assert summary_service.summary(app.repo).practice_due == 0


async def test_the_practice_settings_are_saved_from_the_settings_page(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for field, value in (
            ("daily-limit", "9"),
            ("rest-days", "sat, SUN"),
            ("day-starts", "5:30"),
        ):
            widget = app.screen.query_one(f"#{field}")
            widget.value = value  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        settings = app.repo.settings.get()
        assert (settings.daily_limit, settings.rest_days, settings.day_starts) == (
            9,
            frozenset({5, 6}),
            time(5, 30),
        )
        app.screen.query_one("#daily-limit").value = "0"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Daily limit:" in _text(app, "#daily-limit-error")
        assert app.repo.settings.get().daily_limit == 9


# Mock interviews


async def test_a_run_through_changes_no_schedule(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _questions(db_path, clock, 4)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        for _ in range(4):  # today's sitting first; the mock is offered after it
            await pilot.press("space", "3")
            await pilot.pause()
        before = {q.id: q.card.to_dict() for q in app.repo.questions.all()}
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert "Question 1 of 4" in _text(app, "#mock-progress")
        assert not app.screen.query_one("#mock-look").display
        for _ in range(4):
            clock.advance(timedelta(seconds=70))
            await pilot.press("enter")
            await pilot.pause()
        assert "4 questions in 4:40" in _text(app, "#mock-end-message")
        await pilot.press("j")
        await pilot.pause()
        assert "nothing in your schedule changed" in _text(app, "#mock-done-message")
        after = {q.id: q.card.to_dict() for q in app.repo.questions.all()}
        assert after == before
    stored = _reviews(db_path)
    assert len(stored) == 4
    assert not any(r.get("mock") for r in stored)


async def test_a_rated_mock_goes_to_the_schedule_marked_as_a_mock(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    first, second = _questions(db_path, clock, 2, due=clock.now() + timedelta(days=9))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "M")
        await pilot.pause()
        for _ in range(2):
            clock.advance(timedelta(seconds=100))
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "you took 1:40" in _text(app, "#mock-look-progress")
        assert "Answer 1" in _page(app)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("s")  # leave the second unrated
        await pilot.pause()
        message = _text(app, "#mock-done-message")
        assert "1 of the 2 were rated" in message
        assert "Easy" in _text(app, "#mock-done-times")
        rated = app.repo.questions.get(first)
        unrated = app.repo.questions.get(second)
        assert rated is not None and not rated.is_new
        assert unrated is not None and unrated.is_new
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
    (review,) = _reviews(db_path)
    assert review["mock"] is True
    assert review["review_duration"] == 100_000


# The prep card


def _upcoming(db_path: Path, clock: FrozenClock) -> int:
    """A first round at Acme (debriefed), the second on Friday, a linked question, a story."""
    today = clock.today()
    with Repository.open(db_path, clock) as repo:
        first, _ = repo.interviews.add(
            new_interview(company="Acme", role="Analyst", held_on=today - timedelta(days=10))
        )
        second = new_interview(
            company="Acme",
            role="Analyst",
            held_on=date(2026, 3, 6),
            round="second",
            interviewers=["Ana [b]Ruiz[/b]", "Sam Lee"],
            tags=["leadership"],
        )
        second, _ = repo.interviews.add(replace(second, previous_round_id=first.id))
        question = repo.questions.add(
            new_question(
                "Why [i]Acme[/i]?",
                clock.now() - timedelta(days=10),
                interview_id=first.id,
                due=clock.now() + timedelta(days=20),
            )
        )
        repo.stories.add(new_story("The launch", clock.now(), question_ids=[question.id or 0]))
        debrief = Debrief(
            interview_id=first.id or 0,
            started_at=clock.now(),
            updated_at=clock.now(),
            went="Warm, a little rushed.",
            questions=("What do you know about us?", "A time you failed?"),
        )
        debrief_service.save_debrief(repo, debrief, first)
        return second.id or 0


async def test_home_opens_the_prep_card_of_the_next_interview(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    interview_id = _upcoming(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "getting ready for Acme on Fri 6 Mar" in _page(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.interview_id == interview_id
        page = _page(app)
        for words in (
            "Getting ready for Acme · Analyst",
            "Second round · on Fri 6 Mar",
            "Ana [b]Ruiz[/b]",
            "What do you know about us?",
            "How it went: Warm, a little rushed.",
            "The launch  not told yet",
            "What are the next steps",
            "to go Why [i]Acme[/i]?",
        ):
            assert words in page, words
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert "for Acme on Fri 6 Mar" in _text(app, "#progress")


async def test_the_interview_opens_its_prep_card(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    interview_id = _upcoming(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target(f"interview:{interview_id}")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert "for Acme (Fri 6 Mar)" in _text(app, "#mock-progress")
        assert _text(app, "#mock-question") == "Why [i]Acme[/i]?"


# The story bank


async def test_a_story_is_written_in_the_bank_and_linked_to_a_question(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    (question_id,) = _questions(db_path, clock, 1)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "y")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        assert "No stories yet" in _text(app, "#stories-count")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StoryForm)
        await pilot.press("ctrl+s")  # no title
        await pilot.pause()
        assert "Title:" in _text(app, "#title-error")
        await pilot.press(*"The late launch", "tab", *"conflict")
        app.screen.query_one("#result").text = "Shipped 2 days early."  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, StoryLinks)
        await pilot.press("enter")  # link the highlighted story
        await pilot.pause()
        (story,) = app.repo.stories.all()
        assert story.question_ids == (question_id,)
        assert "✓" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")  # and unlink it
        await pilot.pause()
        assert app.repo.stories.all()[0].question_ids == ()
