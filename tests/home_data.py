"""Data for the calm home's tests: a busy week, and actions other capabilities would add."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from companion.clock import FrozenClock
from companion.domain.applications import parse_application
from companion.domain.summary import Action, SummaryInputs
from companion.services import summary as summaries
from companion.store.repository import Repository

# Urges on each of the 14 days up to the frozen Tuesday, oldest first: falling.
URGES = (6, 5, 7, 4, 5, 3, 4, 3, 2, 3, 1, 2, 1, 2)


def seed(
    repo: Repository,
    clock: FrozenClock,
    *,
    applied: tuple[str, ...] = ("2026-03-02", "2026-03-03"),
    urges: tuple[int, ...] = URGES,
    checkin: time | None = time(17, 0),
) -> None:
    """Applications on the given days, urges per day, a check-in time; through the store."""
    today = clock.today()
    companies = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne")
    for n, day in enumerate(applied):
        repo.applications.add(
            parse_application(
                today,
                company=companies[n % len(companies)],
                role="Product designer" if n % 2 == 0 else "UX researcher",
                applied_on=day,
                source=("LinkedIn", "referral", "company site")[n % 3],
            )
        )
    heard = parse_application(
        today,
        company="Soylent",
        role="Design lead",
        applied_on="2026-02-16",
        source="recruiter",
        link="https://soylent.example/jobs/12",
        notes="Spoke with [bold]Dana[/], the hiring manager.",
        status="heard back",
    )
    repo.applications.add(replace(heard, status_on=date(2026, 2, 20)))
    first = clock.now() - timedelta(days=len(urges) - 1)
    for offset, count in enumerate(urges):
        for _ in range(count):
            repo.urges.note(first + timedelta(days=offset))
    repo.settings.update(checkin_time=checkin)


def inject_actions(monkeypatch: pytest.MonkeyPatch, *actions: Action) -> None:
    """Actions as the wait tracker and practice would contribute them to the summary."""
    original = summaries.summary_inputs

    def with_actions(repo: Repository) -> SummaryInputs:
        inputs = original(repo)
        return replace(inputs, actions=(*inputs.actions, *actions))

    monkeypatch.setattr(summaries, "summary_inputs", with_actions)


THANK_YOU = Action(
    "thank_you",
    "Send a thank-you note to Priya and Tom at Acme, best by Fri 6 Mar.",
    due=date(2026, 3, 4),
    target="interview:1",
)
FOLLOW_UP = Action(
    "follow_up",
    "A polite check-in with Globex is fine from today.",
    due=date(2026, 3, 3),
    target="interview:2",
)
