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


def test_a_date_written_as_an_iso_week_is_refused_with_its_field(
    db_path: Path, clock: FrozenClock
) -> None:
    """Stored dates are YYYY-MM-DD only: they are compared as text (an urge's day), so
    an ISO week date typed into the file by hand (`date.fromisoformat` reads
    "2026-W10-2") would be counted wrongly; the file is refused, naming the field."""
    import orjson

    from companion.store.errors import BadDatabaseFile

    with Repository.open(db_path, clock) as repo:
        repo.applications.add(Application("Acme", "Designer", clock.today()))
    tables = orjson.loads(db_path.read_bytes())
    tables["applications"]["1"]["applied_on"] = "2026-W10-2"
    db_path.write_bytes(orjson.dumps(tables))
    with pytest.raises(BadDatabaseFile, match="'applied_on' = '2026-W10-2'"):
        Repository.open(db_path, clock, access="read")
