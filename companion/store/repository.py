"""The typed front of the store: one object per table family, over one Database.

Stores are light to build, but some rest on heavy modules (the question bank on
the `fsrs` scheduler and the decks, the journal on the debrief): those are
built on first use, and each table's schema is imported from the module that
declares it when a file holding that table loads. So the summary, which reads
the main file only, loads neither.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from companion.clock import Clock
from companion.domain.interviews import any_accepted
from companion.domain.practice_due import practice_actions
from companion.domain.urges import CHART_DAYS
from companion.domain.waiting import interview_actions, recent_replies, waiting_room
from companion.store.applications_store import ApplicationsStore
from companion.store.database import Access, Database
from companion.store.interviews_store import InterviewStore, ReferenceStore
from companion.store.question_tables import QUESTIONS, count_due
from companion.store.schema import TableSchema
from companion.store.settings_store import SettingsStore
from companion.store.urges_store import UrgesStore

if TYPE_CHECKING:
    from companion.domain.practice import Scheduling
    from companion.domain.summary import Summary, SummaryInputs
    from companion.exports.live_calendar import LiveCalendar
    from companion.store.journal_store import DebriefStore, JournalStore
    from companion.store.questions_store import QuestionsStore

# Each table and the module that declares its schema (in its `SCHEMAS`).
SCHEMA_MODULES: Mapping[str, str] = {
    "settings": "companion.store.settings_store",
    "interviews": "companion.store.interviews_store",
    "references": "companion.store.interviews_store",
    "applications": "companion.store.applications_store",
    "urges": "companion.store.urges_store",
    "questions": "companion.store.question_tables",
    "answers": "companion.store.question_tables",
    "reviews": "companion.store.question_tables",
    "journal": "companion.store.journal_store",
    "debriefs": "companion.store.journal_store",
}


class _Schemas(Mapping[str, TableSchema]):
    """Every table's schema, each imported from its module when first asked for."""

    def __init__(self, modules: Mapping[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> TableSchema:
        declared: Mapping[str, TableSchema] = importlib.import_module(self._modules[name]).SCHEMAS
        return declared[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


SCHEMAS: Mapping[str, TableSchema] = _Schemas(SCHEMA_MODULES)


class Repository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsStore(db)
        self.interviews = InterviewStore(db)
        self.references = ReferenceStore(db)
        self.applications = ApplicationsStore(db)
        self.urges = UrgesStore(db)
        # Told of a problem keeping the calendar file current (None once it works again).
        self.calendar_listener: Callable[[str | None], None] | None = None
        db.after_main_saved.append(self._keep_calendar)

    @cached_property
    def calendar(self) -> LiveCalendar:
        """The calendar file kept current after every change (exports/live_calendar.py)."""
        from companion.exports.live_calendar import LiveCalendar

        return LiveCalendar(self)

    def _keep_calendar(self) -> None:
        if self.settings.get().calendar_path is not None:
            self.calendar.refresh()

    @cached_property
    def questions(self) -> QuestionsStore:
        from companion.store.questions_store import QuestionsStore

        return QuestionsStore(self.db)

    @cached_property
    def journal(self) -> JournalStore:
        from companion.store.journal_store import JournalStore

        return JournalStore(self.db)

    @cached_property
    def debriefs(self) -> DebriefStore:
        from companion.store.journal_store import DebriefStore

        return DebriefStore(self.db, self.interviews, self.questions)

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock,
        *,
        access: Access = "write",
        lock_wait: float = 0.0,
        background: bool = False,
    ) -> Repository:
        db = Database.open(
            path, clock, access=access, lock_wait=lock_wait, background=background, schemas=SCHEMAS
        )
        return cls(db, clock)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def read_only(self) -> bool:
        return not self.db.writable

    def summary_inputs(self) -> SummaryInputs:
        """What the summary reads, from the main file only; the question bank and the
        applications are read as stored, without building every question and application."""
        from companion.domain.summary import SummaryInputs

        today = self.clock.today()
        interviews = self.interviews.all()
        rows = waiting_room(interviews, self.references.all(), today, include_closed=True)
        practice_due = count_due(self.db.main_docs(QUESTIONS).values(), self.clock.now())
        return SummaryInputs(
            settings=self.settings.get(),
            actions=(*interview_actions(rows), *practice_actions(practice_due)),
            waiting=tuple(row for row in rows if row.interview.is_open),
            offer_accepted=any_accepted(interviews),
            recent_replies=recent_replies(interviews, today),
            practice_due=practice_due,
            applications=tuple(self.applications.for_summary(today)),
            urge_days=tuple(self.urges.recent_days(today, CHART_DAYS)),
        )

    def scheduling(self) -> Scheduling:
        """How rehearsals are scheduled, from the user's desired retention."""
        from companion.domain.practice import Scheduling

        return Scheduling(desired_retention=self.settings.get().desired_retention)

    def summary(self) -> Summary:
        from companion.domain.summary import build_summary

        return build_summary(self.summary_inputs(), self.clock.today())

    def flush(self) -> None:
        self.db.flush()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.db.discard()
