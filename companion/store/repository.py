"""The gateway to the data: one typed store per table family, over one Database.

The repository reads and writes; it holds no use case. What combines stores,
or applies a domain rule before writing (the summary, rating a question,
logging a contact...), is in `companion.services`, which the CLI and the TUI
call.

Stores are light to build, but some rest on heavy modules (the question bank on
the `fsrs` scheduler and the decks, the journal on the debrief): those are
built on first use, and each table's schema is imported from the module that
declares it when a file holding that table loads. So the summary, which reads
the main file only, loads neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from companion.clock import Clock
from companion.store import (
    applications_store,
    interviews_store,
    question_tables,
    settings_store,
    urges_store,
)
from companion.store.applications_store import ApplicationsStore
from companion.store.database import Access, Database
from companion.store.interviews_store import InterviewStore, ReferenceStore
from companion.store.question_tables import QuestionCards
from companion.store.schema import TableSchema
from companion.store.settings_store import SettingsStore
from companion.store.urges_store import UrgesStore

if TYPE_CHECKING:
    from companion.exports.live_calendar import LiveCalendar
    from companion.store.journal_store import DebriefStore, JournalStore
    from companion.store.questions_store import QuestionsStore
    from companion.store.stories_store import StoriesStore
    from companion.store.worries_store import WorriesStore
    from companion.store.writing_store import WritingStore

Schemas = Mapping[str, TableSchema]


# Each table and the function that gives the `SCHEMAS` of the module declaring it.
# The journal's module builds on the debrief, and the parked thoughts and the writing
# programme live in history parts, so their modules are imported only when a file
# holding one of their tables loads; the others are light and imported above.


def _journal() -> Schemas:
    from companion.store.journal_store import SCHEMAS

    return SCHEMAS


def _worries() -> Schemas:
    from companion.store.worries_store import SCHEMAS

    return SCHEMAS


def _writing() -> Schemas:
    from companion.store.writing_store import SCHEMAS

    return SCHEMAS


SCHEMA_LOADERS: Mapping[str, Callable[[], Schemas]] = {
    "settings": lambda: settings_store.SCHEMAS,
    "interviews": lambda: interviews_store.SCHEMAS,
    "references": lambda: interviews_store.SCHEMAS,
    "applications": lambda: applications_store.SCHEMAS,
    "urges": lambda: urges_store.SCHEMAS,
    "questions": lambda: question_tables.SCHEMAS,
    "answers": lambda: question_tables.SCHEMAS,
    "reviews": lambda: question_tables.SCHEMAS,
    "stories": lambda: question_tables.SCHEMAS,
    "journal": _journal,
    "debriefs": _journal,
    "worries": _worries,
    "writing": _writing,
}


class _Schemas(Mapping[str, TableSchema]):
    """Every table's schema, each loaded from its module when first asked for."""

    def __init__(self, loaders: Mapping[str, Callable[[], Schemas]]) -> None:
        self._loaders = loaders

    def __getitem__(self, name: str) -> TableSchema:
        return self._loaders[name]()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)


SCHEMAS: Mapping[str, TableSchema] = _Schemas(SCHEMA_LOADERS)


class Repository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsStore(db, clock)
        self.interviews = InterviewStore(db)
        self.references = ReferenceStore(db)
        self.applications = ApplicationsStore(db)
        self.urges = UrgesStore(db)
        self.question_cards = QuestionCards(db)
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
    def stories(self) -> StoriesStore:
        from companion.store.stories_store import StoriesStore

        return StoriesStore(self.db)

    @cached_property
    def journal(self) -> JournalStore:
        from companion.store.journal_store import JournalStore

        return JournalStore(self.db)

    @cached_property
    def debriefs(self) -> DebriefStore:
        from companion.store.journal_store import DebriefStore

        return DebriefStore(self.db)

    @cached_property
    def worries(self) -> WorriesStore:
        from companion.store.worries_store import WorriesStore

        return WorriesStore(self.db)

    @cached_property
    def writing(self) -> WritingStore:
        from companion.store.writing_store import WritingStore

        return WritingStore(self.db)

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
    def folder(self) -> Path:
        """The folder of the database's files (where a crash report is kept)."""
        return self.db.layout.folder

    @property
    def made_private(self) -> str | None:
        """The note saying which of its files opening made readable only by the user
        (they were open to others), or None when none was."""
        if not self.db.tightened:
            return None
        from companion.store.privacy import tightened_note

        return tightened_note(self.db.tightened)

    @property
    def read_only(self) -> bool:
        return not self.db.writable

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved ("another companion (process 12) has it open")."""
        return self.db.read_only_reason

    @property
    def changes(self) -> int:
        """How many changes were made since opening: equal counts, the same data."""
        return self.db.changes

    @property
    def dirty(self) -> bool:
        """Changes are waiting to be written."""
        return self.db.dirty

    def batch(self) -> AbstractContextManager[None]:
        """Several changes that are saved together or not at all."""
        return self.db.batch()

    def on_save_problem(self, listener: Callable[[str | None], None]) -> None:
        """Call `listener` from the background writer when a save fails (the problem in
        words) and when saving works again (None)."""
        self.db.save_listener = listener

    def flush(self) -> None:
        self.db.flush()

    def close(self) -> None:
        self.db.close()

    def discard(self) -> None:
        """Let go without writing what changed since the last save."""
        self.db.discard()

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
            self.discard()
