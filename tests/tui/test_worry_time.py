"""Worry time in the app: the line for the thought, the choice after breathing and its exit
code, the still pacer, the parked thoughts at the check-in slot, and writing that helps."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from textual.filter import Monochrome
from textual.widgets import Button, Select

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.domain.worries import State, TurnedOut, let_go
from companion.domain.writing import PROGRAMME_TAG, PROMPTS
from companion.services import worries, writing
from companion.store.repository import Repository
from companion.tui.app import CompanionApp, make_app
from companion.tui.dialogs import (
    Confirm,
    KindWords,
    OutcomeDialog,
    ParkedThoughts,
    WritingProgramme,
)
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.interview import InterviewScreen
from companion.tui.screens.pacer import STILL_FILL, PacerScreen
from companion.tui.screens.settings import SettingsScreen
from companion.tui.widgets import BreathingBox
from tests.conftest import AppFactory

CHECKIN = time(17, 0)


def text_of(app: CompanionApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def breathe_to_the_end(app: CompanionApp, pilot: object, clock: FrozenClock) -> None:
    pacer = app.screen
    assert isinstance(pacer, PacerScreen)
    clock.advance(timedelta(seconds=pacer.pattern.total_seconds + 1))
    pacer.tick()
    await pilot.pause()  # type: ignore[attr-defined]
    assert pacer.finished


async def test_the_line_parks_the_thought_and_the_choice_is_kept_with_the_urge(
    build_app: AppFactory, clock: FrozenClock
) -> None:
    app = build_app(checkin_time=CHECKIN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert text_of(app, "#mind-prompt") == "What is on your mind?"
        assert "It waits, unseen, until 17:00." in text_of(app, "#mind-hint")
        await pilot.press(*"Did Acme write back?", "enter")
        await pilot.pause()
        assert text_of(app, "#breathing-parked") == "Parked until 17:00. It will keep."
        await breathe_to_the_end(app, pilot, clock)
        assert str(app.screen.query_one("#leave", Button).label) == "Leave it until 17:00"
        assert text_of(app, "#after-parking") == "Your thought waits, unseen, until 17:00."
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # from home, the choice goes back home
        assert app.return_code is None  # the app goes on
        assert app.repo.urges.choices() == {1: "leave"}
        (thought,) = app.repo.worries.all()
        assert thought.text == "Did Acme write back?"
        assert not app.screen.query(ParkedThoughts)  # unseen until 17:00


async def test_escape_stops_the_breathing_and_the_choice_still_comes(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        await pilot.pause()
        pacer = app.screen
        assert isinstance(pacer, PacerScreen) and pacer.stage == "breathing"
        await pilot.press("escape")
        await pilot.pause()
        assert pacer.stage == "after"
        assert text_of(app, "#well-spent") == "You stopped the breathing; that is fine."
        await pilot.press("n")  # look now
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.repo.urges.choices() == {1: "look"}


@pytest.mark.parametrize(("key", "code"), [("n", 0), ("l", 3), ("q", 3)])
async def test_breathe_started_from_the_shell_ends_with_its_exit_code(
    db_path: Path, clock: FrozenClock, key: str, code: int
) -> None:
    """`companion breathe`: look now 0, leave it 3, quit with no choice 3."""
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    app = make_app(db_path, clock, cursor_blink=False, start="breathe")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PacerScreen)
            await pilot.press("enter", "escape")  # nothing on my mind; stop breathing
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
    finally:
        app.close_repository()
    assert app.return_code == code
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == (
            {} if key == "q" else {1: "look" if key == "n" else "leave"}
        )


async def test_a_shell_breath_can_be_the_cyclic_sigh(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    app = make_app(db_path, clock, cursor_blink=False, start="breathe:sigh")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert text_of(app, "#pattern-title").startswith("Cyclic sigh")
            assert text_of(app, "#words") == "Breathe in through your nose"
            clock.advance(timedelta(seconds=3.5))
            app.screen.tick()  # type: ignore[attr-defined]
            await pilot.pause()
            assert text_of(app, "#words") == "Then a little more in"
            assert text_of(app, "#cycle") == "breath 1 of 25 · escape to stop"
    finally:
        app.close_repository()


async def test_the_pattern_in_settings_is_the_one_an_urge_gets(
    build_app: AppFactory, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#breathing-pattern", Select).value = "sigh"
        app.screen.query_one("#reduced-motion", Select).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        settings = app.repo.settings.get()
        assert (settings.breathing_pattern, settings.reduced_motion) == ("sigh", True)
        await pilot.press("h")
        await pilot.pause()
        assert "breathe for five minutes instead" in text_of(app, "#urge-hint")
        await pilot.press("i", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PacerScreen)
        assert app.screen.pattern.name == "sigh"


@pytest.mark.parametrize(
    ("setting", "level", "still"),
    [(True, "full", True), (False, "none", True), (False, "full", False)],
    ids=["the setting", "TEXTUAL_ANIMATIONS=none", "neither"],
)
async def test_reduced_motion_gives_a_still_pacer_that_changes_only_its_words(
    build_app: AppFactory, clock: FrozenClock, setting: bool, level: str, still: bool
) -> None:
    app = build_app(reduced_motion=setting)
    app.animation_level = level  # type: ignore[assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        await pilot.pause()
        pacer = app.screen
        assert isinstance(pacer, PacerScreen) and pacer.still == still
        seen = []
        for _ in range(4):
            seen.append(
                (
                    pacer.query_one(BreathingBox).fill,
                    text_of(app, "#words"),
                    text_of(app, "#count"),
                )
            )
            clock.advance(timedelta(seconds=1))
            pacer.tick()
            await pilot.pause()
        clock.advance(timedelta(seconds=1))
        pacer.tick()
        await pilot.pause()
        seen.append((pacer.query_one(BreathingBox).fill, text_of(app, "#words"), ""))
    fills = {fill for fill, _, _ in seen}
    if still:
        assert fills == {STILL_FILL}
        assert {count for _, _, count in seen[:4]} == {"for 4"}  # no ticking dots
    else:
        assert len(fills) > 2
    assert [words for _, words, _ in seen] == ["Breathe in"] * 4 + ["Hold"]


async def test_no_color_is_honoured_by_the_app(
    build_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert any(isinstance(f, Monochrome) for f in app._filters)


# The check-in slot


def park(db_path: Path, clock: FrozenClock, *texts: str) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, checkin_time=CHECKIN)
        for text in texts:
            worries.park(repo, text)


def home_app(db_path: Path, clock: FrozenClock) -> CompanionApp:
    return make_app(db_path, clock, cursor_blink=False)


async def test_a_parked_thought_is_unseen_before_the_slot_and_offered_once_at_it(
    db_path: Path, clock: FrozenClock
) -> None:
    park(db_path, clock, "Did Acme write back?")
    clock.advance(timedelta(hours=7, minutes=29))  # 16:59
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.repo.db.loaded_parts() == []  # not even read before the slot
        clock.advance(timedelta(minutes=1))  # 17:00
        await pilot.press("w", "h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ParkedThoughts)
        assert text_of(app, "#parked-title") == "Your 17:00 check"
        assert text_of(app, "#parked-text") == "“Did Acme write back?”"
        assert text_of(app, "#parked-when") == "parked today at 09:30"
        await pilot.press("k")  # keep it for tomorrow
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w", "h")  # home again, the same evening: not offered again
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    app.close_repository()
    with Repository.open(db_path, clock, access="read") as repo:
        (thought,) = repo.worries.all()
    assert thought.state == State.WAITING and thought.offer_on == date(2026, 3, 4)


async def test_let_it_go_and_then_a_week_later_how_did_it_turn_out_once(
    db_path: Path, clock: FrozenClock
) -> None:
    park(db_path, clock, "Did Acme write back?", "Will Umbrella call?")
    clock.advance(timedelta(hours=8))  # 17:30
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        assert text_of(app, "#parked-title") == "Your 17:00 check · 1 of 2"
        await pilot.press("l")
        await pilot.pause()
        assert text_of(app, "#parked-title") == "Your 17:00 check · 2 of 2"
        assert text_of(app, "#parked-text") == "“Will Umbrella call?”"
        await pilot.press("escape")  # the rest wait for tomorrow
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    app.close_repository()
    with Repository.open(db_path, clock, access="read") as repo:
        acme, umbrella = repo.worries.all()
    assert acme.state == State.LET_GO and acme.answered_on == date(2026, 3, 3)
    assert umbrella.state == State.WAITING and umbrella.offer_on == date(2026, 3, 4)

    clock.advance(timedelta(days=7))
    with Repository.open(db_path, clock) as repo:  # Umbrella: let go on the 4th
        repo.worries.save(let_go(umbrella, date(2026, 3, 4)))
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        assert text_of(app, "#parked-lead") == "A week ago, you let this go:"
        assert text_of(app, "#parked-question") == "How did it turn out?"
        assert text_of(app, "#parked-text") == "“Did Acme write back?”"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # Umbrella's week is not up
    app.close_repository()
    clock.advance(timedelta(days=1))
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        assert text_of(app, "#parked-text") == "“Will Umbrella call?”"  # Acme: asked once
        await pilot.press("escape")  # skipped: not asked again either
        await pilot.pause()
    app.close_repository()
    with Repository.open(db_path, clock, access="read") as repo:
        acme, umbrella = repo.worries.all()
    assert acme.turned_out == TurnedOut.BETTER
    assert umbrella.turned_out == TurnedOut.SKIPPED
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    app.close_repository()


async def test_do_something_opens_the_interview_the_thought_names(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        acme, _ = repo.interviews.add(Interview("Acme", "Designer", date(2026, 2, 27)))
    park(db_path, clock, "Did ACME write back?", "Will Umbrella call?")
    clock.advance(timedelta(hours=8))
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        assert str(app.screen.query_one("#do", Button).label) == "d  Open Acme · Designer"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.interview_id == acme.id
        assert app.repo.worries.all()[0].state == State.DONE
        await pilot.press("escape", "h")  # back home: the one not yet shown is offered now
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        assert text_of(app, "#parked-text") == "“Will Umbrella call?”"
        assert str(app.screen.query_one("#do", Button).label) == "d  Open the waiting room"
    app.close_repository()


async def test_do_something_opens_the_note_the_named_interview_asks_for(
    db_path: Path, clock: FrozenClock
) -> None:
    """Past the date they gave, a polite check-in is due: "do something" is its draft."""
    from companion.domain.drafts import DraftKind
    from companion.tui.screens.draft import DraftScreen

    with Repository.open(db_path, clock) as repo:
        acme, _ = repo.interviews.add(
            Interview(
                "Acme",
                "Designer",
                date(2026, 2, 9),
                interviewers=("Ana Ruiz",),
                decision_by=date(2026, 2, 20),
            )
        )
    park(db_path, clock, "Did Acme write back?")
    clock.advance(timedelta(hours=8))
    app = home_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ParkedThoughts)
        label = str(app.screen.query_one("#do", Button).label)
        assert label == "d  Write the note for Acme · Designer: a polite check-in"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert app.screen.interview_id == acme.id
        assert app.screen.kind == DraftKind.CHECK_IN
        assert app.repo.worries.all()[0].state == State.DONE
    app.close_repository()


async def test_read_only_offers_nothing(db_path: Path, clock: FrozenClock) -> None:
    park(db_path, clock, "Did Acme write back?")
    clock.advance(timedelta(hours=8))
    with Repository.open(db_path, clock):  # another companion holds the lock
        app = home_app(db_path, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.repo.read_only
            assert isinstance(app.screen, HomeScreen)
        app.close_repository()


# Writing that helps


async def test_after_a_rejection_one_optional_self_compassion_prompt(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        acme, _ = repo.interviews.add(Interview("Acme", "Designer", date(2026, 2, 27)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(InterviewScreen(acme.id or 0))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("down", "down", "down", "down", "down", "enter")  # they said no
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # an outcome asks first
        await pilot.press("y")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KindWords)
        assert text_of(app, ".dialog-title") == "Not this time · Acme · Designer"
        words = " ".join(str(s.render()) for s in dialog.query(".dialog-text"))
        assert "Not this time. It is closed and kept" in words  # what follows, not a toast
        assert "what would you say to them?" in words
        await pilot.press("ctrl+s")  # nothing written: nothing kept
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.repo.journal.all() == []


async def test_the_writing_programme_one_prompt_a_day_skippable(
    build_app: AppFactory, clock: FrozenClock, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert "four-day writing programme" in text_of(app, "#programme-line")
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, WritingProgramme)
        assert text_of(app, ".dialog-title") == "Writing about the search · prompt 1 of 4"
        assert PROMPTS[0][:40] in " ".join(
            str(s.render()) for s in app.screen.query(".dialog-text")
        )
        await pilot.press(*"It has been a long month.", "ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#programme-line").display  # done for today
        (entry,) = app.repo.journal.all()
        assert entry.tags == (PROGRAMME_TAG,)
        await pilot.press("W")
        await pilot.pause()
        assert "waits for another day" in text_of(app, ".dialog-text")
        await pilot.press("escape")
    clock.advance(timedelta(days=3))  # three days away: nothing is owed
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "W")
        await pilot.pause()
        assert text_of(app, ".dialog-title") == "Writing about the search · prompt 2 of 4"
        await pilot.click("#skip")
        await pilot.pause()
        assert writing.programme(app.repo).prompt is None
        assert len(app.repo.journal.all()) == 1
