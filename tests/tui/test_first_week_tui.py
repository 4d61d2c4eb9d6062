"""The first week in the app (issue 14): day one, an interview coming up, a thank-you
per person, offers side by side, and each finding of the walk-through, by name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, Input, OptionList, Static

from companion.clock import FrozenClock
from companion.domain.fit import ASPECT_LABELS, ASPECTS, FitReflection
from companion.domain.interviews import ContactKind, Offer, Outcome, new_interview, set_outcome
from companion.domain.references import new_reference
from companion.store.repository import Repository
from companion.tui.dialogs import (
    ContactForm,
    FitForm,
    HelpScreen,
    OutcomeDialog,
    ReferencesScreen,
)
from companion.tui.dialogs.form import FormScreen
from companion.tui.navigation import DESTINATIONS
from companion.tui.screens.debrief import decision_example
from companion.tui.screens.draft import DraftScreen, NoteText
from companion.tui.screens.interview import InterviewScreen
from companion.tui.screens.offers import OffersScreen
from companion.tui.screens.settings import SettingsScreen
from companion.tui.screens.waiting import WaitingScreen
from companion.tui.widgets import GentleBar, MilestoneLine
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar
from tests.conftest import AppFactory
from tests.seed_interviews import seed

THURSDAY = date(2026, 3, 5)


def text(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


def footer_keys(app: object) -> list[str]:
    footer = app.screen.query_one(Footer)  # type: ignore[attr-defined]
    return [key.key for key in footer.children if not key.has_class("-off")]


def _add(db_path: Path, clock: FrozenClock, **fields: object) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(**{"company": "Acme", "role": "Engineer", **fields})  # type: ignore[arg-type]
        )


# Day one and an interview coming up


async def test_home_on_day_one_says_nothing_needs_you_and_leads_with_how_to_begin(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert text(app, "#message") == "Nothing needs you today."
        assert "n logs it" in text(app, "#start")
        assert app.screen.query_one("#start").display


async def test_n_on_home_logs_an_interview_that_is_then_coming_up(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Acme", "tab", *"Engineer", "tab", "tab", "ctrl+u", *"thu", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "on Thu 5 Mar" in text(app, "#facts")
        assert "held" not in text(app, "#facts")
        assert text(app, "#status").startswith("coming up")
        await pilot.press("h")
        await pilot.pause()
        assert "Coming up  Acme · Engineer, on Thu 5 Mar" in text(app, "#coming-up")
        assert "Waiting to hear" not in text(app, "#also")
        assert not app.screen.query_one("#start").display


async def test_the_next_round_form_says_on(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=clock.today())
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(".form-label")]
        assert "On" in labels and "Held on" not in labels


# A thank-you per person


async def test_the_contact_form_ticks_the_people_thanked_and_the_action_names_the_rest(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=clock.today(), interviewers=["Ana", "Ben"])
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "enter", "l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        assert form.query_one("#to-0", Checkbox).value and form.query_one("#to-1", Checkbox).value
        form.query_one("#to-1", Checkbox).value = False  # Ana only
        await pilot.press("ctrl+s")
        await pilot.pause()
        (contact,) = app.repo.interviews.require(1).contacts
        assert contact.to == ("Ana",)
        assert "Send a short thank-you note to Ben at Acme" in text(app, "#suggestions")
        await pilot.press("l")
        await pilot.pause()
        assert not app.screen.query_one("#to-0", Checkbox).value  # Ana is thanked already
        assert app.screen.query_one("#to-1", Checkbox).value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.repo.interviews.require(1).not_yet_thanked()
        assert "to Ana" in text(app, "#contacts") and "to Ben" in text(app, "#contacts")


# Offers to the end


async def test_two_offers_are_shown_side_by_side(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for company, pay in (("Acme", "52k"), ("Globex", "55k")):
            added, _ = repo.interviews.add(
                new_interview(company=company, role="R", held_on=date(2026, 2, 20))
            )
            offered = set_outcome(added, Outcome.OFFER_WRITTEN, date(2026, 3, 2))
            repo.interviews.save(
                replace(
                    offered,
                    offer=Offer(respond_by=date(2026, 3, 10), pay=pay),
                    fit=FitReflection(work=4),
                )
            )
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "2 offers in hand: v sets them side by side." in text(app, "#also")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen)
        grid = str(app.screen.query_one("#offers").render())
        assert "Acme" in grid and "Globex" in grid
        assert "Tue 10 Mar" in grid and "52k" in grid and "55k" in grid
        assert "Work" in grid


async def test_accepting_asks_first_then_the_others_are_let_know(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=date(2026, 2, 20))
    _add(db_path, clock, company="Globex", held_on=date(2026, 2, 20))
    with Repository.open(db_path, clock) as repo:
        repo.interviews.save(
            set_outcome(repo.interviews.require(1), Outcome.OFFER_WRITTEN, date(2026, 3, 2))
        )
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WaitingScreen)
        acme = [r.interview.company for r in screen.rows].index("Acme")
        screen.query_one("#interviews", OptionList).highlighted = acme
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        options = app.screen.query_one("#choices", OptionList)
        options.highlighted = 4  # I accepted an offer
        await pilot.press("enter")
        await pilot.pause()
        assert app.repo.interviews.require(1).outcome == Outcome.OFFER_WRITTEN  # asked first
        await pilot.press("y")
        await pilot.pause()
        assert app.repo.interviews.require(1).outcome == Outcome.ACCEPTED
        await pilot.press("h")
        await pilot.pause()
        assert "You accepted Acme's offer: let the team at Globex know kindly" in text(
            app, "#actions"
        )
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert "withdraw from your process" in app.screen.query_one(NoteText).text
        await pilot.press("s", "y")
        await pilot.pause()
        interview = app.repo.interviews.require(2)
        assert interview.outcome == Outcome.WITHDRAWN
        assert interview.contacts[-1].kind == ContactKind.WITHDRAW


# The walk-through's findings


async def test_settings_opens_with_no_field_focused(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("w")  # a place key works at once
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)


async def test_settings_take_a_country_whose_holidays_kind_dates_skip(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#country", Input).value = "XX"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text(app, "#country-error").startswith("Holidays of: 'XX' is not a country")
        app.screen.query_one("#country", Input).value = "gb-sct"
        await pilot.press("ctrl+s")
        await pilot.pause()
        settings = app.repo.settings.get()
        assert (settings.country, settings.region) == ("GB", "SCT")
        assert app.screen.query_one("#country", Input).value == "GB-SCT"


async def test_your_references_selects_its_first_row(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.references.add(new_reference("Dana Lee", "", ""))
        repo.references.add(new_reference("Sam Ortiz", "", ""))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReferencesScreen)
        assert app.screen.query_one("#reference-list", OptionList).highlighted == 0


async def test_the_waiting_room_does_not_wrap_from_the_first_row_to_the_last(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        options = app.screen.query_one("#interviews", OptionList)
        assert options.highlighted == 0
        await pilot.press("up")
        assert options.highlighted == 0
        await pilot.press("end", "down")
        assert options.highlighted == options.option_count - 1


async def test_an_outcome_asks_before_it_changes_anything(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=date(2026, 2, 20))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "o", "end", "up", "enter")  # I withdrew
        await pilot.pause()
        assert "Mark it withdrawn?" in text(app, ".dialog-title")
        await pilot.press("escape")
        await pilot.pause()
        assert app.repo.interviews.require(1).outcome == Outcome.WAITING


async def test_the_fit_ratings_have_one_set_of_labels_everywhere(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=clock.today())
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w", "enter", "f")
        await pilot.pause()
        assert isinstance(app.screen, FitForm)
        labels = [str(label.render()) for label in app.screen.query(".form-label")]
        assert labels[: len(ASPECTS)] == [ASPECT_LABELS[a] for a in ASPECTS]
        await pilot.press("escape", "d")
        await pilot.pause()
        for _ in range(6):
            if app.screen.query("#work"):
                break
            await pilot.press("ctrl+s")
            await pilot.pause()
        debrief_labels = {str(label.render()) for label in app.screen.query(".form-label")}
        assert {"Work", "Culture", "People", "Manager", "Commute"} <= debrief_labels
        assert not debrief_labels & {"Job", "Company"}


async def test_w_opens_the_list_not_the_last_interview(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=clock.today())
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("h", "w")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        await pilot.press("enter", "w")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)


async def test_the_burnout_sentence_never_says_nobody_answered_beside_a_booked_interview(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    from companion.domain.applications import parse_application

    with Repository.open(db_path, clock) as repo:
        for _ in range(16):
            repo.applications.add(parse_application(clock.today(), company="C", role="R"))
    _add(db_path, clock, held_on=THURSDAY)
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert not app.screen.query_one("#rest").display


async def test_after_invited_to_a_next_round_no_check_in_on_the_old_round(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=date(2026, 2, 10))  # a check-in is welcome today
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "polite check-in" in text(app, "#actions")
        await pilot.press("w", "o", "down", "enter", "y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert not app.screen.query_one("#actions").display or "check-in" not in text(
            app, "#actions"
        )


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_nothing_is_clipped_and_every_place_stays_usable(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    _add(db_path, clock, held_on=clock.today() + timedelta(days=2), final_round=True)
    app = build_app()
    async with app.run_test(size=size) as pilot:
        for destination in DESTINATIONS:
            await pilot.press(destination.key)
            await pilot.pause()
            nav = app.screen.query_one(NavBar)
            assert nav.render().cell_length <= size[0], destination.mode
            assert (
                "?" in footer_keys(app)
                or "question_mark" in footer_keys(app)
                or (destination.mode in ("home", "applications", "practice", "bank", "settings"))
            )
        await pilot.press("w", "enter")
        await pilot.pause()
        line = app.screen.query_one(MilestoneLine)
        drawn = str(line.render())
        assert "Thu 16 Apr" in drawn  # the timeline's last date, whole
        assert all(len(row) <= line.content_region.width for row in drawn.splitlines())


async def test_the_footer_shows_the_dialogs_keys_while_one_is_open(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        keys = footer_keys(app)
        assert "escape" in keys and "ctrl+s" in keys
        assert "i" not in keys  # home's keys are not the dialog's


async def test_one_button_order_cancel_then_save_in_every_form(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    from tests.tui.test_forms_refuse import FORMS, _seed

    _seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        for form in FORMS:
            screen = form.open(app)
            app.push_screen(screen)
            await pilot.pause()
            ids = [button.id for button in screen.query(Button)]
            assert ids[-2:] == ["cancel", "save"], form.name
            app.pop_screen()
            await pilot.pause()


async def test_ctrl_c_says_how_to_quit(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        (note,) = app._notifications
        assert "To quit, press q" in note.message
        assert app.is_running


async def test_past_the_goal_the_count_reads_kindly(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)):
        bar = app.screen.query_one("#applied", GentleBar)
        bar.set_progress(16, 5)
        assert str(bar.render()).endswith("16, past your goal of 5")
        assert "16 of 5" not in str(bar.render())


async def test_help_lists_each_key_once(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _add(db_path, clock, held_on=clock.today())
    app = build_app()
    async with app.run_test(size=(100, 60)) as pilot:
        for keys in (["h"], ["w"], ["w", "enter"], ["j"], ["p"]):
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            rows = [
                line.split()[0]
                for static in app.screen.query(Static)
                if not static.has_class("section-title", "dialog-title", "hint")
                for line in str(static.render()).splitlines()
                if line.strip()
            ]
            assert len(rows) == len(set(rows)), (keys, rows)
            await pilot.press("escape")
            await pilot.pause()


def test_the_debriefs_example_date_is_not_in_the_past() -> None:
    today = date(2026, 12, 7)
    assert date.fromisoformat(decision_example(today)) > today
