"""The waiting room and an interview, driven with Pilot: forms, the contact log, moving on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Checkbox, OptionList, Select, Static

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, Outcome, new_interview
from companion.store.repository import Repository
from companion.tui.dialogs import (
    Confirm,
    ContactForm,
    FitForm,
    HelpScreen,
    InterviewForm,
    InterviewReferences,
    KindWords,
    MoveOnScreen,
    OfferForm,
    OutcomeDialog,
    ReferenceForm,
    ReferencesScreen,
)
from companion.tui.screens.interview import InterviewScreen
from companion.tui.screens.waiting import WaitingScreen
from companion.tui.widgets import NoteArea, TextField
from tests.conftest import AppFactory
from tests.seed_interviews import seed


def initech_outcome(db_path: Path, clock: FrozenClock) -> Outcome:
    return next(i for i in stored(db_path, clock) if i.company == "Initech").outcome


def text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


def list_text(app: object) -> str:
    options = app.screen.query_one("#interviews", OptionList)  # type: ignore[attr-defined]
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


def stored(db_path: Path, clock: FrozenClock) -> list:  # type: ignore[type-arg]
    with Repository.open(db_path, clock, access="read") as repo:
        return repo.interviews.all()


async def highlight(pilot: Pilot[None], company: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, WaitingScreen)
    index = [row.interview.company for row in screen.rows].index(company)
    screen.query_one("#interviews", OptionList).highlighted = index
    await pilot.pause()


async def test_add_an_interview_log_a_thank_you_and_see_the_phase_change(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        assert "No interviews yet" in text(app, "#waiting-empty")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        await pilot.press(*"Acme", "tab", *"Platform engineer", "tab", *"first", "tab")
        await pilot.press("tab", *"+3d", "tab", *"Ana Ruiz, Ben Cho")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        listed = list_text(app)
        assert "thank-you  Acme · Platform engineer · first" in listed
        assert "thank-you best by Wed 4 Mar" in listed

        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#kind", Select).value == ContactKind.THANK_YOU.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        listed = list_text(app)
        assert "quiet      Acme · Platform engineer" in listed
        assert "polite check-in from Tue 10 Mar" in listed
    (interview,) = stored(db_path, clock)
    assert interview.interviewers == ("Ana Ruiz", "Ben Cho")
    assert interview.decision_by == date(2026, 3, 6)
    assert [c.kind for c in interview.contacts] == [ContactKind.THANK_YOU]


async def test_a_bad_date_is_shown_in_place_and_nothing_is_saved(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "n")
        await pilot.pause()
        await pilot.press("tab", *"Engineer", "tab", "tab", "ctrl+u", *"3rd March", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        held = text(app, "#held-on-error")
        assert held.startswith("On: '3rd March' is not a date")
        assert "YYYY-MM-DD" in held
        assert text(app, "#company-error").startswith("Company: the company is empty")
        assert not app.screen.query_one("#role-error").display
        assert app.screen.focused is app.screen.query_one("#company")
        # a decision before the interview is refused too
        await pilot.press(*"Acme", "tab", "tab", "tab", "ctrl+u", *"today", "tab", *"-1d")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert "before the interview" in text(app, "#decision-by-error")
        assert not app.screen.query_one("#held-on-error").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
    assert stored(db_path, clock) == []


async def test_the_move_on_ritual_and_reopening_brings_it_back_whole(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Umbrella")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MoveOnScreen)
        prompt = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "What did this teach you? What will you carry forward?" in prompt
        await pilot.press(*"Ask when they decide.")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, KindWords)  # one optional self-compassion prompt
        await pilot.press(*"You did well to ask.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        assert "Umbrella" not in list_text(app)
        (kind,) = app.repo.journal.all()
        assert kind.text == "You did well to ask."
        assert kind.tags == ("self-compassion",)
        assert kind.interview_id == next(
            i.id for i in stored(db_path, clock) if i.company == "Umbrella"
        )
        umbrella = next(i for i in stored(db_path, clock) if i.company == "Umbrella")
        assert umbrella.outcome == Outcome.MOVED_ON
        assert umbrella.reflection == "Ask when they decide."

        await pilot.press("c")
        await pilot.pause()
        assert "closed     Umbrella · QA lead" in list_text(app)
        assert "moved on Tue 3 Mar" in list_text(app)
        await highlight(pilot, "Umbrella")
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "move on    Umbrella · QA lead" in list_text(app)
    back = next(i for i in stored(db_path, clock) if i.company == "Umbrella")
    assert back.outcome == Outcome.WAITING
    assert back.reflection == "Ask when they decide."
    assert back.contacts == umbrella.contacts


async def test_not_yet_leaves_it_as_it_was(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Umbrella")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"hmm", "escape")
        await pilot.pause()
        assert "Umbrella" in list_text(app)
    umbrella = next(i for i in stored(db_path, clock) if i.company == "Umbrella")
    assert umbrella.outcome == Outcome.WAITING
    assert umbrella.reflection == ""


async def test_the_detail_view_shows_the_timeline_and_everything_logged(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Globex")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert text(app, "#title") == "Globex · Data analyst"
        assert "second · final round · held Tue 10 Feb" in text(app, "#facts")
        assert text(app, "#status").startswith("check-in  A polite check-in is welcome now")
        line = str(app.screen.query_one("#milestones").render())
        for label in ("interview", "thank-you", "decision", "check-in", "move on", "today"):
            assert label in line
        assert "Mon 23 Feb" in line and "Tue 24 Mar" in line
        suggestions = text(app, "#suggestions")
        assert "A polite check-in with Hank Scorpio at Globex is welcome from Mon 23 Feb" in (
            suggestions
        )
        assert "One short call is enough." in suggestions
        assert "Give Dana Lee and Sam Ortiz a short heads-up" in suggestions
        assert "Hank Scorpio" in text(app, "#people")
        assert "They prefer phone." in text(app, "#people")
        assert "Wed 11 Feb  thank-you sent" in text(app, "#contacts")
        assert "The final round: they may call your references." in text(app, "#references")
        assert "Dana Lee  not told yet" in text(app, "#references")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)


async def test_user_text_is_never_markup(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#notes") == "Asked about on-call. [bold]Team of six[/bold]."


async def test_a_reply_with_a_new_decision_date_moves_the_check_in(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Wonka")  # a check-in sent, no answer yet
        await pilot.press("enter", "l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        assert form.query_one("#kind", Select).value == ContactKind.REPLY.value
        await pilot.press("tab", "tab", *"2026-03-13", "tab", *"They need another week")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "they replied, new decision date Fri 13 Mar (They need another week)" in text(
            app, "#contacts"
        )
        assert "Nothing to do until Mon 16 Mar" in text(app, "#status")
    wonka = next(i for i in stored(db_path, clock) if i.company == "Wonka")
    assert wonka.decision_by == date(2026, 3, 13)


async def test_a_contact_that_cannot_be_is_refused_in_place(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    before = stored(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Acme")
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("tab", "ctrl+u", *"tomorrow", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert text(app, "#on-error") == (
            "When: Wed 4 Mar has not come yet; log a contact once it has happened."
        )
        await pilot.press("ctrl+u", *"today")
        app.screen.query_one("#decision-by", TextField).value = "+1w"
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#decision-by-error").startswith("New decision: only a reply")
        await pilot.press("escape")
        await pilot.pause()
    assert stored(db_path, clock) == before


async def test_outcomes_from_the_dialog(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Initech")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("down", "down", "down", "enter")  # a written offer
        await pilot.pause()
        # an outcome asks before it changes anything
        assert isinstance(app.screen, Confirm)
        assert initech_outcome(db_path, clock) == Outcome.WAITING
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, OfferForm)  # its details, all optional
        await pilot.press("escape")
        await pilot.pause()
        assert "decide     Initech · Backend developer" in list_text(app)
        assert "written offer: decide in your own time" in list_text(app)
        await highlight(pilot, "Initech")
        await pilot.press("o", "end", "enter")  # move on: the ritual
        await pilot.pause()
        assert isinstance(app.screen, MoveOnScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, KindWords)
        await pilot.press("escape")  # not now: nothing is written
        await pilot.pause()
        assert "Initech" not in list_text(app)
        assert app.repo.journal.all() == []
    initech = next(i for i in stored(db_path, clock) if i.company == "Initech")
    assert [c.outcome for c in initech.outcomes] == [Outcome.OFFER_WRITTEN, Outcome.MOVED_ON]


async def test_references_asked_for_and_told(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Initech")
        await pilot.press("enter", "r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, InterviewReferences)
        dialog.query_one("#requested", Checkbox).value = True
        dialog.query_one("#ref-1", Checkbox).value = True
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReferenceForm)
        await pilot.press(*"Lee Park", "tab", *"mentor", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewReferences)
        assert app.screen.query_one("#ref-1", Checkbox).value, "ticks survive adding someone"
        assert app.screen.query_one("#ref-3", Checkbox).value, "the new reference is ticked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        references = text(app, "#references")
        assert "They asked for references on Tue 3 Mar." in references
        assert "Dana Lee  told Tue 3 Mar" in references
        assert "Sam Ortiz  not told yet" in references
        assert "Give Sam Ortiz a short heads-up" in text(app, "#suggestions")
    initech = next(i for i in stored(db_path, clock) if i.company == "Initech")
    assert [c.kind for c in initech.contacts][-2:] == [
        ContactKind.REFERENCES_REQUESTED,
        ContactKind.REFERENCES_NOTIFIED,
    ]
    assert initech.contacts[-1].references == (1, 3)


async def test_your_references_add_edit_remove(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReferencesScreen)
        assert "No references yet" in text(app, "#no-references")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")  # an empty name is refused
        await pilot.pause()
        assert text(app, "#name-error").startswith("Name: the name is empty")
        await pilot.press(*"Dana Lee", "tab", *"manager", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", *"dana@example.com", "enter")
        await pilot.pause()
        options = app.screen.query_one("#reference-list", OptionList)
        assert str(options.get_option_at_index(0).prompt) == (
            "Dana Lee, manager (dana@example.com)"
        )
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReferencesScreen)
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.references.all() == []


async def test_the_fit_reflection_refuses_a_bad_score_then_surfaces_it(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Initech")
        await pilot.press("enter", "f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FitForm)
        await pilot.press("4", "tab", "tab", "5")
        form.query_one("#commute", TextField).value = "9"  # typed keys are restricted to 1-5
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FitForm)
        assert text(app, "#commute-error").startswith("Commute: '9' is not a score")
        form.query_one("#commute", TextField).value = "2"
        form.query_one("#fit-note", NoteArea).text = "Kind people."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        fit = text(app, "#fit")
        assert "Work 4" in fit and "People 5" in fit and "Commute 2" in fit
        assert "Kind people." in fit
        # a next round surfaces it
        await pilot.press("o", "down", "enter", "y")
        await pilot.pause()
        assert (
            "Before the next round at Initech, look back at how it felt "
            "(Work 4 · People 5 · Commute 2)."
        ) in text(app, "#suggestions")


async def test_the_next_round_closes_this_one(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Initech")
        await pilot.press("enter", "o", "down", "enter", "y")
        await pilot.pause()
        assert app.screen.check_action("next_round", ()) is True
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert form.query_one("#company", TextField).value == "Initech"
        assert form.query_one("#role", TextField).value == "Backend developer"
        form.query_one("#held-on", TextField).value = "+1w"
        form.query_one("#round", TextField).value = "second"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "next round is logged: Tue 10 Mar" in text(app, "#rounds")
        assert text(app, "#status").startswith("closed")
        await pilot.press("escape")
        await pilot.pause()
        listed = list_text(app)
        assert "Initech · Backend developer · second" in listed
        assert "interview on Tue 10 Mar" in listed
        assert listed.count("Initech") == 1


async def test_edit_keeps_the_log(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Wonka")
        await pilot.press("enter", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert form.query_one("#people", TextField).value == "Charlie"
        form.query_one("#people", TextField).value = "Charlie, Grandpa Joe"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Charlie, Grandpa Joe" in text(app, "#people")
    wonka = next(i for i in stored(db_path, clock) if i.company == "Wonka")
    assert wonka.interviewers == ("Charlie", "Grandpa Joe")
    assert len(wonka.contacts) == 2


async def test_help_lists_the_waiting_room_keys(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        for words in ("Waiting room", "New", "Log contact", "Outcome", "Move on", "Reopen"):
            assert words in shown
        assert "Closed too" in shown and "References" in shown


async def test_keys_follow_what_makes_sense(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WaitingScreen)
        assert screen.check_action("move_on", ()) is True
        assert screen.check_action("reopen", ()) is False
        await pilot.press("c")
        await pilot.pause()
        await highlight(pilot, "Stark")
        assert screen.check_action("reopen", ()) is True
        assert screen.check_action("move_on", ()) is False
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Go to Waiting room" in titles


async def test_read_only_changes_nothing(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    before = stored(db_path, clock)
    with Repository.open(db_path, clock):
        app = build_app(welcomed=False)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.repo.read_only
            await pilot.press("w")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, WaitingScreen)
            await pilot.press("l", "m", "u", "o")
            await pilot.pause()
            assert isinstance(app.screen, WaitingScreen)
    assert stored(db_path, clock) == before


async def test_a_new_interview_links_to_the_open_next_round(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    from companion.domain.interviews import set_outcome

    first = set_outcome(
        new_interview(company="Acme", role="Engineer", held_on=date(2026, 2, 20)),
        Outcome.NEXT_ROUND,
        date(2026, 2, 25),
    )
    seed(db_path, clock, [first])
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "n")
        await pilot.pause()
        await pilot.press(*"acme", "tab", *"engineer", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        assert list_text(app).count("acme · engineer") == 1
        assert "Acme · Engineer" not in list_text(app)
    old, new = stored(db_path, clock)
    assert old.next_round_id == new.id
    assert new.previous_round_id == old.id


async def test_the_palette_reaches_every_key_of_the_waiting_room(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await highlight(pilot, "Umbrella")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Waiting room: Move on")
        results = app.screen.query_one(CommandList)
        for _ in range(50):  # the palette searches in a worker
            if results.option_count:
                break
            await pilot.pause(0.05)
        assert "Waiting room: Move on" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MoveOnScreen)
        assert app.screen.interview.company == "Umbrella"
