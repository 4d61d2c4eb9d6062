"""`companion --demo`: a throwaway database with a realistic few weeks in it.

Everything is dated relative to today, so each interview sits in a different
phase of its calm timeline whenever the demo is opened. The database lives in
a fresh temporary folder that is removed afterwards; the user's own database
is never opened.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from fsrs import Rating

from companion.clock import Clock
from companion.domain.applications import Application
from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    ContactKind,
    Interview,
    Outcome,
    log_contact,
    move_on,
    new_interview,
    set_outcome,
)
from companion.domain.journal import new_entry
from companion.domain.practice import Star, new_question, rehearse
from companion.domain.references import Reference
from companion.services import practice
from companion.store.deck_files import find_shipped
from companion.store.repository import Repository

DEMO_FILENAME = "companion-demo.json"


def _interviews(today: date) -> list[Interview]:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    def logged(interview: Interview, *entries: tuple[ContactKind, int]) -> Interview:
        for kind, days in entries:
            interview = log_contact(interview, kind, ago(days), today)
        return interview

    return [
        new_interview(
            company="Woodgrove",
            role="Data analyst",
            held_on=today + timedelta(days=1),
            round="first",
            interviewers=["Jo Park"],
            added_on=ago(4),
        ),
        new_interview(
            company="Northwind",
            role="Product analyst",
            held_on=today,
            round="first",
            interviewers=["Maya Patel", "Leo Brandt"],
            decision_by=today + timedelta(days=9),
            notes="Panel of two. They liked the churn case study.",
        ),
        logged(
            new_interview(
                company="Fabrikam",
                role="Data analyst",
                held_on=ago(9),
                round="second",
                interviewers=["Ines Okafor"],
                decision_by=today + timedelta(days=4),
            ),
            (ContactKind.THANK_YOU, 8),
        ),
        logged(
            new_interview(
                company="Tailspin",
                role="Analytics engineer",
                held_on=ago(23),
                interviewers=["Sam Reyes"],
                contact_pref="phone",
            ),
            (ContactKind.THANK_YOU, 22),
        ),
        logged(
            new_interview(
                company="Contoso", role="BI developer", held_on=ago(30), interviewers=["Ari"]
            ),
            (ContactKind.THANK_YOU, 29),
            (ContactKind.FOLLOW_UP, 5),
        ),
        logged(
            new_interview(company="Litware", role="Junior data scientist", held_on=ago(52)),
            (ContactKind.THANK_YOU, 51),
        ),
        replace(
            set_outcome(
                logged(
                    new_interview(
                        company="Adatum",
                        role="Insights lead",
                        held_on=ago(16),
                        round="final",
                        final_round=True,
                        interviewers=["Priya Shah", "Tom Quinn"],
                    ),
                    (ContactKind.THANK_YOU, 15),
                    (ContactKind.REPLY, 2),
                ),
                Outcome.OFFER_VERBAL,
                ago(2),
            ),
            fit=FitReflection(
                work=4, culture=4, people=5, manager=4, commute=2, pay=3, note="Long commute."
            ),
        ),
        move_on(
            logged(
                new_interview(company="Proseware", role="Data analyst", held_on=ago(70)),
                (ContactKind.THANK_YOU, 69),
            ),
            "Ask when they expect to decide before I leave the room.",
            ago(20),
        ),
    ]


QUESTIONS = (
    (
        "Walk me through a time your analysis changed a decision.",
        "I jumped straight to the chart and never said what the decision was.",
        "At Blue Yonder, pricing wanted to cut the student plan. I showed that students "
        "converted to full plans at twice the rate, and the plan stayed.",
        Star(
            situation="Pricing review, student plan on the chopping block.",
            task="Say whether the plan paid for itself.",
            action="Cohort analysis of conversions over two years.",
            result="The plan stayed; conversions tracked as a KPI.",
        ),
    ),
    (
        "How would you explain a confidence interval to a manager?",
        "Too much jargon; I lost them at 'sampling distribution'.",
        "",
        None,
    ),
    (
        "Why do you want to leave your current role?",
        "I sounded negative about my team.",
        "I have learned a lot about reporting; I want to work closer to product decisions.",
        None,
    ),
)


def populate(repo: Repository, clock: Clock) -> None:
    """Fill `repo` with the demo's few weeks, dated relative to the clock's today."""
    now = clock.now()
    today = clock.today()
    repo.settings.update(welcomed=True, weekly_goal=5, checkin_time=time(17, 0))
    repo.references.add(Reference("Dana Lee", "former manager", "dana@example.com"))
    repo.references.add(Reference("Omar Haddad", "colleague", "phone"))
    for interview in _interviews(today):
        repo.interviews.add(interview)
    first = repo.interviews.all()[0].id
    for text, went_wrong, answer, star in QUESTIONS:
        repo.questions.add(
            new_question(
                text,
                now,
                tags=("from an interview",),
                interview_id=first,
                went_wrong=went_wrong,
                answer=answer,
                star=star,
            )
        )
    shipped = find_shipped("behavioural")
    if shipped is not None:
        repo.questions.import_deck(shipped.deck, now - timedelta(days=12))
    _rehearse_some(repo, now)
    for days, company, role, source, status in (
        (1, "Blue Yonder", "Data analyst", "LinkedIn", "applied"),
        (2, "Woodgrove", "Analytics engineer", "referral", "applied"),
        (6, "Relecloud", "BI analyst", "company site", "heard_back"),
        (11, "Fourth Coffee", "Data analyst", "recruiter", "rejected"),
    ):
        repo.applications.add(
            Application(company, role, today - timedelta(days=days), source, status=status)
        )
    interviews = {i.company: i.id for i in repo.interviews.all()}
    for days, text, mood, about in (
        (9, "Second round at Fabrikam. Ines was warm; the case study ran long.", 3, "Fabrikam"),
        (5, "Sent the check-in to Contoso. My part is done; back to my own week.", 4, "Contoso"),
        (2, "Adatum called with a verbal offer. Asked for it in writing.", 5, "Adatum"),
        (1, "A slow morning, then a long walk by the river. Slept well.", 4, None),
    ):
        repo.journal.add(
            new_entry(
                text,
                now - timedelta(days=days, hours=3),
                mood=mood,
                interview_id=interviews.get(about) if about else None,
            )
        )
    for days, count in ((6, 5), (5, 4), (4, 4), (3, 2), (2, 3), (1, 1), (0, 1)):
        for n in range(count):
            repo.urges.note(now - timedelta(days=days, hours=n + 1))


def _rehearse_some(repo: Repository, now: datetime) -> None:
    """A few past rehearsals, so the stats and the sparkline have something to show."""
    scheduling = practice.scheduling(repo)
    questions = [q for q in repo.questions.all() if q.deck][:6]
    for offset, question in enumerate(questions):
        at = now - timedelta(days=10 - offset, hours=2)
        for rating in (Rating.Good, Rating.Good):
            question, rehearsal = rehearse(question, rating, at, timedelta(minutes=2), scheduling)
            repo.questions.record(question, rehearsal)
            at += timedelta(days=2)


@contextmanager
def demo_database(
    clock: Clock, fill: Callable[[Repository, Clock], None] = populate
) -> Iterator[Path]:
    """A fresh demo database in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="companion-demo-"))
    path = folder / DEMO_FILENAME
    try:
        with Repository.open(path, clock) as repo:
            fill(repo, clock)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
