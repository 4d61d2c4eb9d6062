"""The summary reads only what it needs: the main file, the applications its counts can
see, the question bank's cards as stored; and it imports neither the scheduler nor the journal."""

from __future__ import annotations

import importlib
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.clock import FrozenClock
from companion.domain.applications import STATUS_WORDS, Application
from companion.domain.summary import build_summary
from companion.store.repository import SCHEMA_MODULES, SCHEMAS, Repository

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
        inputs = repo.summary_inputs()
    assert set(inputs.applications) <= set(every)
    whole = replace(inputs, applications=every)
    assert build_summary(inputs, today) == build_summary(whole, today)


def test_every_table_schema_comes_from_the_module_named_for_it() -> None:
    declared = {
        name: module
        for module in set(SCHEMA_MODULES.values())
        for name in importlib.import_module(module).SCHEMAS
    }
    assert declared == dict(SCHEMA_MODULES)
    assert all(SCHEMAS[name] for name in SCHEMAS)


HEAVY_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
heavy = ("fsrs", "companion.domain.practice", "companion.domain.decks",
         "companion.domain.debrief", "companion.domain.journal",
         "companion.store.questions_store", "companion.store.journal_store",
         "companion.cli.interview_cmd")
print("LOADED:" + ",".join(m for m in heavy if m in sys.modules))
raise SystemExit(code)
"""


def test_the_short_summary_loads_neither_the_scheduler_nor_the_journal(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
        repo.applications.add(Application("Acme", "Designer", clock.today()))
    result = subprocess.run(
        [sys.executable, "-c", HEAVY_PROBE, "--db", str(db_path), "summary", "--short"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


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
