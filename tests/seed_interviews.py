"""Interviews in every phase as of the frozen day (Tue 3 Mar 2026), for TUI tests and snapshots."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from companion.clock import FrozenClock
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
from companion.domain.references import Reference
from companion.store.repository import Repository

TODAY = date(2026, 3, 3)


def _d(month: int, day: int) -> date:
    return date(2026, month, day)


def _logged(interview: Interview, *entries: tuple[ContactKind, date]) -> Interview:
    for kind, on in entries:
        interview = log_contact(interview, kind, on, TODAY)
    return interview


def every_phase() -> list[Interview]:
    """One interview a phase; the closed one last."""
    return [
        new_interview(
            company="Acme",
            role="Platform engineer",
            held_on=TODAY,
            round="first",
            interviewers=["Ana Ruiz", "Ben Cho"],
            decision_by=_d(3, 6),
            notes="Asked about on-call. [bold]Team of six[/bold].",
        ),
        _logged(
            new_interview(company="Initech", role="Backend developer", held_on=_d(2, 23)),
            (ContactKind.THANK_YOU, _d(2, 24)),
        ),
        _logged(
            new_interview(
                company="Wonka", role="Product designer", held_on=_d(2, 9), interviewers=["Charlie"]
            ),
            (ContactKind.THANK_YOU, _d(2, 9)),
            (ContactKind.FOLLOW_UP, _d(2, 27)),
        ),
        _logged(
            new_interview(
                company="Globex",
                role="Data analyst",
                held_on=_d(2, 10),
                round="second",
                interviewers=["Hank Scorpio"],
                decision_by=_d(2, 20),
                final_round=True,
                contact_pref="phone",
            ),
            (ContactKind.THANK_YOU, _d(2, 11)),
        ),
        _logged(
            new_interview(company="Umbrella", role="QA lead", held_on=_d(1, 12)),
            (ContactKind.THANK_YOU, _d(1, 12)),
        ),
        replace(
            set_outcome(
                new_interview(company="Hooli", role="Site reliability engineer", held_on=_d(2, 20)),
                Outcome.OFFER_VERBAL,
                _d(3, 2),
            ),
            fit=FitReflection(
                work=4, culture=3, people=5, commute=2, note="Long commute, lovely team."
            ),
        ),
        move_on(
            _logged(
                new_interview(company="Stark", role="Engineer", held_on=_d(1, 5)),
                (ContactKind.THANK_YOU, _d(1, 6)),
            ),
            "Ask about the timeline before leaving the room.",
            _d(3, 1),
        ),
    ]


def seed(db_path: Path, clock: FrozenClock, interviews: list[Interview] | None = None) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        repo.references.add(Reference("Dana Lee", "former manager", "dana@example.com"))
        repo.references.add(Reference("Sam Ortiz", "colleague"))
        for interview in every_phase() if interviews is None else interviews:
            repo.interviews.add(interview)
