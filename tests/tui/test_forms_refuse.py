"""No traceback reaches a person (issue 14): every form, given what its domain refuses,
shows the error in place, saves nothing and stays open; and the crash found in the
walk-through (home's 1 on a references heads-up for a final round still to come, then
ticking a reference) saves the heads-up instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static, TextArea

from companion.clock import FrozenClock
from companion.domain.interviews import ContactKind, Interview, new_interview, set_outcome
from companion.domain.interviews import Outcome as O
from companion.domain.practice import new_question
from companion.domain.references import new_reference
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
from companion.tui.dialogs import (
    AnswerForm,
    ApplicationForm,
    ContactForm,
    EntryForm,
    FitForm,
    InterviewForm,
    InterviewReferences,
    OfferForm,
    QuestionForm,
    ReferenceForm,
    WeeklyGoalScreen,
    WelcomeScreen,
)
from companion.tui.screens.home import HomeScreen
from tests.conftest import AppFactory


def _interview(app: CompanionApp, number: int = 1) -> Interview:
    return app.repo.interviews.require(number)


@dataclass(frozen=True)
class RefusedForm:
    name: str
    open: Callable[[CompanionApp], Screen[object]]
    typed: dict[str, str]
    error: str
    """The id of the error line that must show (`#key-error`)."""
    ticks: dict[str, bool] = field(default_factory=dict)


FORMS = [
    RefusedForm("interview", lambda app: InterviewForm(), {"company": "", "held-on": "soon"},
                "company"),
    RefusedForm(
        "interview, a decision before the day",
        lambda app: InterviewForm(),
        {"company": "Acme", "role": "R", "held-on": "today", "decision-by": "-3d"},
        "decision-by",
    ),
    RefusedForm(
        "next round, dated before the round it follows",
        lambda app: InterviewForm(next_round_of=_interview(app, 2)),
        {"held-on": "-1w"},
        "form",
    ),
    RefusedForm("contact, a day to come", lambda app: ContactForm(_interview(app)),
                {"on": "+3d"}, "on"),
    RefusedForm(
        "contact, a thank-you to no one",
        lambda app: ContactForm(_interview(app)),
        {"on": "today"},
        "to",
        ticks={"to-0": False, "to-1": False},
    ),
    RefusedForm("reference", lambda app: ReferenceForm(), {"name": "  "}, "name"),
    RefusedForm("fit", lambda app: FitForm(_interview(app)), {"work": "9"}, "work"),
    RefusedForm("weekly goal", lambda app: WeeklyGoalScreen(), {"goal": "99"}, "goal"),
    RefusedForm("welcome", lambda app: WelcomeScreen(), {"goal": "99"}, "goal"),
    RefusedForm("application", lambda app: ApplicationForm(), {"applied-on": "+2d"},
                "applied-on"),
    RefusedForm("question", lambda app: QuestionForm(), {"text": ""}, "text"),
    RefusedForm(
        "answer",
        lambda app: AnswerForm(app.repo.questions.all()[0]),
        {"answer": "x" * 20001},
        "answer",
    ),
    RefusedForm("journal entry", lambda app: EntryForm(), {"text": "", "mood": "9"}, "mood"),
    RefusedForm("offer", lambda app: OfferForm(_interview(app)), {"respond-by": "someday"},
                "respond-by"),
    RefusedForm("offer, a start far away", lambda app: OfferForm(_interview(app)),
                {"start": "2099-01-01"}, "start"),
]  # fmt: skip


def _seed(db_path: Path, clock: FrozenClock) -> None:
    today = clock.today()
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(
                company="Acme", role="Engineer", held_on=today, interviewers=["Ana", "Ben"]
            )
        )
        invited = new_interview(company="Initech", role="Analyst", held_on=today)
        added, _ = repo.interviews.add(invited)
        repo.interviews.save(set_outcome(added, O.NEXT_ROUND, today))
        repo.questions.add(new_question("Why us?", clock.now()))


def _type(screen: Screen[object], key: str, value: str) -> None:
    widget = screen.query_one(f"#{key}")
    if isinstance(widget, Input):
        widget.value = value
    elif isinstance(widget, TextArea):
        widget.text = value
    else:
        raise TypeError(key)


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
async def test_every_form_shows_what_its_domain_refuses_in_place(
    form: RefusedForm, build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    _seed(db_path, clock)
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        before = app.repo.changes
        screen = form.open(app)
        app.push_screen(screen)
        await pilot.pause()
        for key, value in form.typed.items():
            _type(screen, key, value)
        for key, ticked in form.ticks.items():
            screen.query_one(f"#{key}", Checkbox).value = ticked
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen, "the form stays open"
        error = screen.query_one(f"#{form.error}-error", Static)
        assert error.display
        assert str(error.render()).strip()
        assert app.repo.changes == before, "nothing is saved"
        assert app.is_running


async def test_a_references_heads_up_before_a_final_round_is_logged_not_a_crash(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    """The walk-through's crash: 1 on home, then tick a reference and save."""
    thursday = date(2026, 3, 5)
    with Repository.open(db_path, clock) as repo:
        repo.references.add(new_reference("Dana Lee", "former manager", ""))
        repo.interviews.add(
            new_interview(company="Acme", role="Engineer", held_on=thursday, final_round=True)
        )
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "Give Dana Lee a short heads-up" in str(
            app.screen.query_one("#actions", Static).render()
        )
        await pilot.press("1")  # the heads-up's draft; i opens its interview
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewReferences)
        app.screen.query_one("#requested", Checkbox).value = True  # they asked, before the day
        app.screen.query_one("#ref-1", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewReferences)
        interview = app.repo.interviews.require(1)
        kinds = [c.kind for c in interview.contacts]
        assert kinds == [ContactKind.REFERENCES_REQUESTED, ContactKind.REFERENCES_NOTIFIED]
        assert interview.contacts[1].on == clock.today() < thursday
        assert app.is_running
