"""The typed front of the store: one object per table family, over one Database."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from companion.clock import Clock
from companion.domain.summary import Summary, SummaryInputs, build_summary
from companion.domain.waiting import interview_actions, waiting_room
from companion.store import interviews_store, settings_store
from companion.store.database import Access, Database
from companion.store.interviews_store import InterviewStore, ReferenceStore
from companion.store.schema import TableSchema
from companion.store.settings_store import SettingsStore

SCHEMAS: Mapping[str, TableSchema] = {
    **settings_store.SCHEMAS,
    **interviews_store.SCHEMAS,
}


class Repository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsStore(db)
        self.interviews = InterviewStore(db)
        self.references = ReferenceStore(db)

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
        rows = waiting_room(
            self.interviews.all(), self.references.all(), today, include_closed=True
        )
        return SummaryInputs(
            settings=self.settings.get(),
            actions=tuple(interview_actions(rows)),
            waiting=tuple(row for row in rows if row.interview.is_open),
        )

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
