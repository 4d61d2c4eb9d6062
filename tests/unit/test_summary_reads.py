"""The summary reads only what it needs: the main file, the applications its counts can
see, the question bank's cards as stored (what it imports: tests/unit/test_startup.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.clock import FrozenClock
from companion.domain.applications import STATUS_WORDS, Application
from companion.domain.summary import build_summary
from companion.services import summary as summaries
from companion.store.repository import SCHEMA_LOADERS, SCHEMAS, Repository

DAY = date(2026, 3, 3)

APPLICATIONS = st.lists(
    st.tuples(
        st.integers(-30, 3),  # sent, in days from DAY
        st.sampled_from(STATUS_WORDS),
        st.one_of(st.none(), st.integers(0, 20)),  # status changed, in days after sending
    ),
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=APPLICATIONS, shift=st.integers(0, 13), goal=st.integers(0, 16))
def test_the_summary_counts_the_same_from_the_applications_it_reads(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[int, str, int | None]],
    shift: int,
    goal: int,
) -> None:
    today = DAY + timedelta(days=shift)
    clock = FrozenClock(datetime(today.year, today.month, today.day, 9, 30, tzinfo=UTC))
    db = tmp_path_factory.mktemp("summary") / "companion.json"
    with Repository.open(db, clock) as repo:
        repo.settings.update(weekly_goal=goal)
        for sent, status, changed in rows:
            on = DAY + timedelta(days=sent)
            status_on = None if changed is None else on + timedelta(days=changed)
            repo.applications.add(
                Application("Acme", "Designer", on, status=status, status_on=status_on)
            )
        every = tuple(repo.applications.all())
        inputs = summaries.summary_inputs(repo)
    assert set(inputs.applications) <= set(every)
    whole = replace(inputs, applications=every)
    assert build_summary(inputs, today) == build_summary(whole, today)


def test_every_table_schema_comes_from_the_loader_named_for_it() -> None:
    """Each table's loader gives the SCHEMAS of a module that declares that table, and
    every table a loaded module declares has a row."""
    for name, load in SCHEMA_LOADERS.items():
        declared = load()
        assert name in declared
        assert set(declared) <= set(SCHEMA_LOADERS)
        assert all(SCHEMA_LOADERS[other]() is declared for other in declared)
    assert all(SCHEMAS[name] for name in SCHEMAS)


def test_dates_written_as_iso_weeks_are_counted_too(db_path: Path, clock: FrozenClock) -> None:
    """The schema accepts any date `date.fromisoformat` reads in 10 characters, such as
    an ISO week date typed into the file by hand: the summary still counts it."""
    import orjson

    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
        repo.applications.add(Application("Acme", "Designer", clock.today()))
    tables = orjson.loads(db_path.read_bytes())
    tables["applications"]["1"]["applied_on"] = "2026-W10-2"  # Tue 3 Mar 2026
    db_path.write_bytes(orjson.dumps(tables))
    with Repository.open(db_path, clock, access="read") as repo:
        inputs = summaries.summary_inputs(repo)
        summary = summaries.summary(repo)
    assert len(inputs.applications) == 1
    assert summary.applied_this_week == 1
