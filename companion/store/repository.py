"""The typed front of the store: one object per table family, over one Database."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from companion.clock import Clock
from companion.domain.interviews import any_accepted
from companion.domain.practice import Scheduling, practice_actions
from companion.domain.summary import Summary, SummaryInputs, build_summary
from companion.domain.urges import CHART_DAYS
from companion.domain.waiting import interview_actions, recent_replies, waiting_room
from companion.store import (
    applications_store,
    interviews_store,
    journal_store,
    questions_store,
    settings_store,
    urges_store,
)
from companion.store.applications_store import ApplicationsStore
from companion.store.database import Access, Database
from companion.store.interviews_store import InterviewStore, ReferenceStore
from companion.store.journal_store import DebriefStore, JournalStore
from companion.store.questions_store import QuestionsStore
from companion.store.schema import TableSchema
from companion.store.settings_store import SettingsStore
from companion.store.urges_store import UrgesStore

SCHEMAS: Mapping[str, TableSchema] = {
    **settings_store.SCHEMAS,
    **interviews_store.SCHEMAS,
    **applications_store.SCHEMAS,
    **urges_store.SCHEMAS,
    **questions_store.SCHEMAS,
    **journal_store.SCHEMAS,
}


class Repository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsStore(db)
        self.interviews = InterviewStore(db)
        self.references = ReferenceStore(db)
        self.questions = QuestionsStore(db)
        self.applications = ApplicationsStore(db)
        self.urges = UrgesStore(db)
        self.journal = JournalStore(db)
        self.debriefs = DebriefStore(db, self.interviews, self.questions)

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
        today = self.clock.today()
        interviews = self.interviews.all()
        rows = waiting_room(interviews, self.references.all(), today, include_closed=True)
        practice_due = self.questions.due_count(self.clock.now())
        return SummaryInputs(
            settings=self.settings.get(),
            actions=(*interview_actions(rows), *practice_actions(practice_due)),
            waiting=tuple(row for row in rows if row.interview.is_open),
            offer_accepted=any_accepted(interviews),
            recent_replies=recent_replies(interviews, today),
            practice_due=practice_due,
            applications=tuple(self.applications.all()),
            urge_days=tuple(self.urges.recent_days(today, CHART_DAYS)),
        )

    def scheduling(self) -> Scheduling:
        """How rehearsals are scheduled, from the user's desired retention."""
        return Scheduling(desired_retention=self.settings.get().desired_retention)

    def summary(self) -> Summary:
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
