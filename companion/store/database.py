"""One companion database: the main file, its history parts, the lock and the writer.

Reads come from memory. A change marks its file dirty; `flush()` writes every
dirty file atomically, after the day's first backup. A TUI opens the database
with `background=True`, so a change is written by a thread a moment later and
the screen never waits for the disk; the CLI flushes once when it closes.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.table import Document, Table

from companion.clock import Clock
from companion.store.errors import BadDatabaseFile, DatabaseLocked, ReadOnlyDatabase
from companion.store.files import (
    FileProblem,
    Tables,
    dump_tables,
    read_tables,
    write_atomic,
)
from companion.store.layout import Layout
from companion.store.lock import WriteLock
from companion.store.migrations import (
    META_DOC,
    META_TABLE,
    SCHEMA_VERSION,
    meta_problem,
    migrate,
    new_file_tables,
    version_of,
)
from companion.store.schema import TableSchema, check_table
from companion.store.storage import CachedStorage, DataFile

Access = Literal["write", "read", "auto"]
SaveListener = Callable[[str | None], None]


class Database:
    def __init__(
        self,
        layout: Layout,
        clock: Clock,
        *,
        lock: WriteLock | None,
        read_only_reason: str,
        schemas: Mapping[str, TableSchema],
    ) -> None:
        self.layout = layout
        self.clock = clock
        self.read_only_reason = read_only_reason
        self._lock = lock
        self._schemas = schemas
        self._state_lock = threading.RLock()
        self._io_lock = threading.Lock()
        self._writer: _Writer | None = None
        self._parts: dict[str, TinyDB] = {}
        self._files: list[DataFile] = []
        # Parts on disk that an import replaced with nothing: removed at the next save.
        self._gone: set[str] = set()
        self.save_problem: str | None = None
        # Counts every change in memory (never goes back): a screen can tell that
        # nothing changed since it last read the data.
        self.changes = 0
        self.save_listener: SaveListener | None = None
        # Called (with no lock held) after each save that wrote the main file: what is
        # kept in step with the data outside the database (the live calendar) hooks in here.
        self.after_main_saved: list[Callable[[], None]] = []
        self.main = self._tinydb(self._load(layout.main, is_main=True))

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock,
        *,
        access: Access = "write",
        lock_wait: float = 0.0,
        background: bool = False,
        schemas: Mapping[str, TableSchema] | None = None,
    ) -> Database:
        """Open the database at `path`.

        `write` takes the write lock or raises DatabaseLocked; `read` never
        writes; `auto` writes when it can and otherwise opens read-only.
        """
        layout = Layout(path)
        lock: WriteLock | None = None
        reason = "opened for reading"
        if access != "read":
            candidate = WriteLock(layout.lock)
            try:
                taken = candidate.acquire(wait=lock_wait)
            except OSError as error:
                # A folder companion may not write in: the app can still show the data.
                if access == "write":
                    raise
                taken = False
                reason = f"companion cannot write in {layout.folder} ({error.strerror or error})"
            else:
                if not taken:
                    if access == "write":
                        raise DatabaseLocked(path, candidate.holder_pid())
                    pid = candidate.holder_pid()
                    reason = f"another companion{f' (process {pid})' if pid else ''} has it open"
            if taken:
                lock = candidate
                layout.remove_stale_temp_files()
        try:
            db = cls(layout, clock, lock=lock, read_only_reason=reason, schemas=schemas or {})
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if background and lock is not None:
            db._writer = _Writer(db)
            db._writer.start()
        return db

    @property
    def writable(self) -> bool:
        return self._lock is not None

    @property
    def path(self) -> Path:
        return self.layout.main

    def require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyDatabase(self.layout.main, self.read_only_reason)

    # Loading

    def _bad(self, path: Path, problem: str) -> BadDatabaseFile:
        from companion.store.backups import restore_hint

        return BadDatabaseFile(path, problem, restore_hint(self.layout))

    def _load(self, path: Path, *, is_main: bool) -> DataFile:
        try:
            tables = read_tables(path)
        except FileNotFoundError:
            file = DataFile(path, new_file_tables())
            self._files.append(file)
            return file
        except FileProblem as problem:
            raise self._bad(path, str(problem)) from None
        version = version_of(tables)
        if not isinstance(version, int):
            raise self._bad(path, f"its schema_version is {version}, which is not a whole number")
        if version < 0:
            raise self._bad(path, f"its schema_version is {version}, which no companion writes")
        if version > SCHEMA_VERSION:
            raise self._bad(
                path,
                f"it was written by a newer companion (schema version {version}; this one "
                f"understands up to {SCHEMA_VERSION}), so update companion to open it",
            )
        migrated = version < SCHEMA_VERSION
        if migrated:
            if self.writable and is_main:
                from companion.store.backups import keep_copy

                keep_copy(self.layout, f"before-schema-{SCHEMA_VERSION}", self.clock.now())
            tables = migrate(tables, version)
        broken_meta = meta_problem(tables)
        if broken_meta:
            raise self._bad(path, broken_meta)
        for name, table in tables.items():
            schema = self._schemas.get(name)
            mismatch = check_table(name, table, schema) if schema else None
            if mismatch:
                raise self._bad(path, mismatch)
        file = DataFile(path, tables)
        if migrated and self.writable:
            file.touch()
        self._files.append(file)
        return file

    def _tinydb(self, file: DataFile) -> TinyDB:
        return TinyDB(storage=lambda: CachedStorage(file, self._changed))

    def part(self, name: str) -> TinyDB:
        """A history part (a file under `<name>.history/`), loaded on first use."""
        with self._state_lock:
            db = self._parts.get(name)
            if db is None:
                if name in self._gone:
                    self._gone.discard(name)
                    file = self._fresh(self.layout.part(name), new_file_tables())
                else:
                    file = self._load(self.layout.part(name), is_main=False)
                db = self._tinydb(file)
                self._parts[name] = db
            return db

    def main_docs(self, name: str) -> Mapping[str, Mapping[str, Any]]:
        """A main-file table's documents as stored, by id (as text), for reading many at
        once without TinyDB copying each. Read only: changes go through `main.table(name)`."""
        return _file_of(self.main).tables.get(name, {})

    def loaded_parts(self) -> list[str]:
        """The history parts read into memory so far, sorted."""
        with self._state_lock:
            return sorted(self._parts)

    def part_names(self, prefix: str = "") -> list[str]:
        """Parts on disk or in memory whose names start with `prefix`, sorted."""
        names = (set(self.layout.part_names()) - self._gone) | set(self._parts)
        return sorted(name for name in names if name.startswith(prefix))

    # The whole database at once (export and import)

    def everything(self) -> tuple[Tables, dict[str, Tables]]:
        """The tables of the main file and of every history part, each part loaded.

        The tables are the live ones: serialise them before the next change
        (callers hold `batch()` while they do).
        """
        with self._state_lock:
            parts = {name: _file_of(self.part(name)).tables for name in self.part_names()}
            return _file_of(self.main).tables, parts

    def replace_all(self, main: Tables, parts: Mapping[str, Tables]) -> None:
        """Put these tables in place of everything the database holds (a full import).

        Parts on disk that `parts` does not name are removed at the next save;
        every file is written then, parts first and the main file last.
        """
        self.require_writable()
        with self._state_lock:
            self._gone = (set(self.layout.part_names()) | self._gone) - set(parts)
            self._files = []
            self._parts = {}
            self.main = self._tinydb(self._fresh(self.layout.main, main))
            for name, tables in parts.items():
                self._parts[name] = self._tinydb(self._fresh(self.layout.part(name), tables))
        if self._writer is not None:
            self._writer.poke()

    def _fresh(self, path: Path, tables: Tables) -> DataFile:
        """A file whose contents are new: it is written at the next save."""
        file = DataFile(path, tables)
        file.touch()
        self.changes += 1
        self._files.append(file)
        return file

    # Changing

    def _changed(self, file: DataFile) -> None:
        self.require_writable()
        with self._state_lock:
            file.touch()
            self.changes += 1
        if self._writer is not None:
            self._writer.poke()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes that are saved together or not at all."""
        with self._state_lock:
            yield

    def next_id(self, table: str) -> int:
        """A new stable id for `table`; ids are never handed out twice."""
        self.require_writable()
        with self._state_lock:
            meta = self.main.table(META_TABLE)
            doc = meta.get(doc_id=int(META_DOC))
            next_ids = dict(doc["next_ids"]) if isinstance(doc, Document) else {}
            new_id = int(next_ids.get(table, 1))
            next_ids[table] = new_id + 1
            meta.update({"next_ids": next_ids}, doc_ids=[int(META_DOC)])
            return new_id

    def insert(self, table: Table, doc: Mapping[str, Any]) -> int:
        """Insert `doc` under a new stable id and return the id.

        Ids already taken are skipped, in case a part holds a document the
        counter never counted (one put there by hand, or restored on its own).
        """
        self.require_writable()
        with self._state_lock:
            doc_id = self.next_id(table.name)
            while table.contains(doc_id=doc_id):
                doc_id = self.next_id(table.name)
            _put_stored(table, {str(doc_id): dict(doc)})
            return doc_id

    def update_one(self, table: Table, doc_id: int, fields: Mapping[str, Any]) -> bool:
        """Set `fields` on one document, as `table.update(fields, doc_ids=[doc_id])` does.

        TinyDB copies the whole table on every update; this changes the one
        document, so saving a question costs the same in a bank of 2,000 as in
        one of 20. Returns False, changing nothing, when there is no such document.
        """
        self.require_writable()
        with self._state_lock:
            stored = _stored(table)
            key = str(doc_id)
            if key not in stored:
                return False
            _put_stored(table, {key: {**stored[key], **fields}})
            return True

    def insert_many(self, table: Table, docs: Iterable[Mapping[str, Any]]) -> list[int]:
        """Insert `docs` under new stable ids, in order, in one change of `table`.

        The bulk form of `insert` (a generated or restored history): the
        counter moves once and the table is rewritten once, instead of once a
        document. Ids are handed out as `insert` would, skipping taken ones.
        """
        self.require_writable()
        with self._state_lock:
            meta = self.main.table(META_TABLE)
            doc = meta.get(doc_id=int(META_DOC))
            next_ids = dict(doc["next_ids"]) if isinstance(doc, Document) else {}
            doc_id = int(next_ids.get(table.name, 1))
            batch: list[Document] = []
            for fields in docs:
                while table.contains(doc_id=doc_id):
                    doc_id += 1
                batch.append(Document(dict(fields), doc_id))
                doc_id += 1
            if not batch:
                return []
            next_ids[table.name] = doc_id
            meta.update({"next_ids": next_ids}, doc_ids=[int(META_DOC)])
            return table.insert_multiple(batch)

    def replace_many(self, table: Table, docs: Mapping[int, Mapping[str, Any]]) -> None:
        """Put each of `docs` in place of the document with its id, in one change of `table`.

        The bulk form of `table.update(doc, doc_ids=[id])` for many documents:
        TinyDB copies the whole table on every update, this changes it once.
        Every id must be in the table already (KeyError otherwise, and nothing
        is changed).
        """
        self.require_writable()
        with self._state_lock:
            stored = _stored(table)
            missing = [doc_id for doc_id in docs if str(doc_id) not in stored]
            if missing:
                raise KeyError(f"{table.name} has no document {missing[0]}")
            if docs:
                _put_stored(table, {str(doc_id): dict(doc) for doc_id, doc in docs.items()})

    # Saving

    @property
    def dirty(self) -> bool:
        return bool(self._gone) or any(file.dirty for file in self._files)

    def flush(self) -> None:
        """Write every changed file now. Raises OSError when the disk refuses."""
        if self._write_dirty():
            for hook in list(self.after_main_saved):
                hook()

    def _write_dirty(self) -> bool:
        """Write every changed file; True when the main file was among them."""
        with self._io_lock:
            with self._state_lock:
                pending = [
                    (file, file.generation, dump_tables(file.tables))
                    for file in self._files
                    if file.dirty
                ]
                gone = sorted(self._gone)
            if not pending and not gone:
                return False
            # A failed backup must not stop the save; the next save tries again.
            # (Backups are imported here: a run that only reads never needs them.)
            from companion.store.backups import take_daily_backup

            with contextlib.suppress(OSError):
                take_daily_backup(self.layout, self.clock.today())
            # The main file first: it holds the id counters, so a crash between two
            # files can leave a gap in the ids but never hand one out twice (two
            # parts of one table each hold their own ids). History refers to the
            # main file, not the other way, so a part written later points at
            # documents that are already on disk.
            pending.sort(key=lambda item: item[0].path != self.layout.main)
            for file, generation, blob in pending:
                if file.path == self.layout.main:
                    self._remove_parts(gone)
                write_atomic(file.path, blob)
                with self._state_lock:
                    file.written_generation = generation
            self._remove_parts(gone)
            return any(file.path == self.layout.main for file, _, _ in pending)

    def _remove_parts(self, names: list[str]) -> None:
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                self.layout.part(name).unlink()
            with self._state_lock:
                self._gone.discard(name)
        names.clear()

    def _report(self, problem: str | None) -> None:
        if problem == self.save_problem:
            return
        self.save_problem = problem
        if self.save_listener is not None:
            self.save_listener(problem)

    def close(self) -> None:
        """Stop the writer, write what is left and let go of the lock.

        Raises OSError if the last write fails; the lock is kept then, so that
        the caller can retry or tell the user.
        """
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        if self.writable:
            self.flush()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def discard(self) -> None:
        """Let go without writing: for a command that failed half way."""
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _file_of(db: TinyDB) -> DataFile:
    storage = db.storage
    assert isinstance(storage, CachedStorage)
    return storage.file


class _Writer(threading.Thread):
    """Writes dirty files shortly after a change, off the UI thread; retries on failure."""

    DELAY = 0.05
    MAX_BACKOFF = 30.0

    def __init__(self, db: Database) -> None:
        super().__init__(name="companion-writer", daemon=True)
        self._db = db
        self._wake = threading.Event()
        self._stopping = threading.Event()

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        self.join()

    def run(self) -> None:
        backoff = 0.0
        while not self._stopping.is_set():
            self._wake.wait(timeout=backoff or None)
            self._wake.clear()
            if self._stopping.is_set():
                return
            time.sleep(self.DELAY)
            try:
                self._db.flush()
            except Exception as error:  # the thread must outlive any failure, and say so
                backoff = min(max(1.0, backoff * 2), self.MAX_BACKOFF)
                reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
                self._db._report(
                    f"companion could not save to {self._db.path} ({reason}). Your changes are "
                    "kept in memory and it will keep trying."
                )
            else:
                backoff = 0.0
                self._db._report(None)


def _stored(table: Table) -> Mapping[str, Mapping[str, Any]]:
    """A table's documents as stored in memory, by id as text (read only)."""
    return (table.storage.read() or {}).get(table.name, {})


def _put_stored(table: Table, docs: Mapping[str, dict[str, Any]]) -> None:
    """Put `docs` (by id as text) into the table as stored, and tell its file.

    TinyDB's own insert and update copy the whole table on every change; this
    changes only the documents given, so a rating costs the same in a month of
    2,000 reviews or a bank of 2,000 questions as in one of 20.
    """
    tables = table.storage.read() or {}
    tables.setdefault(table.name, {}).update(docs)
    table.clear_cache()
    table.storage.write(tables)
