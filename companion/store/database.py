"""One companion database: the main file, its history parts, the lock and the writer.

Reads come from memory: each file's tables live in a `MemoryStorage` under
TinyDB, which counts its own changes and never writes. The database owns the
saving: `flush()` collects every storage that changed and writes them as one
commit (`store/commit.py`): the changed parts under new names, then the main
file, which names them. A crash at any instant leaves the database wholly as
before or wholly as after the save, so a change grouped in `batch()` (a rating
and its review, an answer and its history) lands whole or not at all.

A TUI opens the database with `background=True`, so a change is written by a
thread a moment later and the screen never waits for the disk; the CLI
flushes once when it closes.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.table import Document, Table

from companion.clock import Clock
from companion.paths import database_path, default_data_dir
from companion.store.checker import check_file
from companion.store.commit import clean_history, remove_unnamed, write_commit
from companion.store.errors import (
    BadDatabaseFile,
    DatabaseLocked,
    LockLost,
    ReadOnlyDatabase,
    StoreError,
)
from companion.store.files import FileProblem, Tables, dump_tables, read_tables
from companion.store.layout import Layout
from companion.store.lock import UnsafeLockFile, WriteLock
from companion.store.manifest import (
    MANIFEST_SINCE,
    NO_MANIFEST,
    Manifest,
    legacy_manifest,
    read_manifest,
    take_manifest,
    with_manifest,
)
from companion.store.migrations import (
    META_DOC,
    META_TABLE,
    SCHEMA_VERSION,
    migrate,
    new_file_tables,
    version_of,
    version_problem,
)
from companion.store.schema import MAX_ID, TableSchema
from companion.store.storage import Changes, MemoryStorage

Access = Literal["write", "read", "auto"]
SaveListener = Callable[[str | None], None]


class _Part:
    """A history part in memory: its TinyDB, its storage, and the generation of the
    file it was read from (None when no file holds it yet)."""

    __slots__ = ("db", "generation", "storage")

    def __init__(self, storage: MemoryStorage, generation: int | None) -> None:
        self.storage = storage
        self.db = _tinydb(storage)
        self.generation = generation


def _tinydb(storage: MemoryStorage) -> TinyDB:
    return TinyDB(storage=lambda: storage)


class Database:
    def __init__(
        self,
        layout: Layout,
        clock: Clock,
        *,
        lock: WriteLock | None,
        read_only_reason: str,
        schemas: Mapping[str, TableSchema],
        replacing: bool = False,
    ) -> None:
        self.layout = layout
        self.clock = clock
        self.read_only_reason = read_only_reason
        self._lock = lock
        self._schemas = schemas
        self._state_lock = threading.RLock()
        self._io_lock = threading.Lock()
        self._writer: _Writer | None = None
        self._changes = Changes()
        # What the main file on disk names; the parts of the data in memory that are
        # not loaded yet (by generation); the loaded ones.
        self._manifest = Manifest()
        self._unloaded: dict[str, int] = {}
        self._parts: dict[str, _Part] = {}
        self._refreshes = 0
        self.save_problem: str | None = None
        # Existing files and folders the writer made private as it opened (store/privacy.py).
        self.tightened: list[Path] = []
        self.save_listener: SaveListener | None = None
        # Called (with no lock held) after each save (every save writes the main file, its
        # commit point): what is kept in step with the data outside the database (the
        # live calendar) hooks in here.
        self.after_main_saved: list[Callable[[], None]] = []
        # Whether `_manifest` is the list of the main file on disk (not when it was not read).
        self._manifest_is_on_disk = not replacing
        if replacing:
            self._main_storage, self._manifest = self._nothing_read()
        else:
            self._main_storage, self._manifest = self._load_main()
        self._unloaded = dict(self._manifest.parts)
        self.main = _tinydb(self._main_storage)
        if self.writable and not replacing:
            clean_history(self.layout, self._manifest)

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
        replacing: bool = False,
    ) -> Database:
        """Open the database at `path`.

        `write` takes the write lock or raises DatabaseLocked; `read` never
        writes; `auto` writes when it can and otherwise opens read-only.
        `replacing` (with `write`) reads nothing: for a restore that puts a whole
        database in place of one that may not load (`replace_all`, then `flush`).
        """
        layout = Layout(database_path(path))
        lock: WriteLock | None = None
        reason = "opened for reading"
        tightened: list[Path] = []
        if access != "read":
            candidate = WriteLock(layout.lock)
            try:
                taken = candidate.acquire(wait=lock_wait)
            except (OSError, UnsafeLockFile) as error:
                # A folder companion may not write in: the app can still show the data.
                if access == "write":
                    raise
                taken = False
                reason = (
                    f"companion cannot write in {layout.folder} ({error.strerror or error})"
                    if isinstance(error, OSError)
                    else f"its lock file {error.path} is {error.what}"
                )
            else:
                if not taken:
                    if access == "write":
                        raise DatabaseLocked(path, candidate.holder_pid())
                    pid = candidate.holder_pid()
                    reason = f"another companion{f' (process {pid})' if pid else ''} has it open"
            if taken:
                lock = candidate
                layout.remove_stale_temp_files()
                from companion.store.backups import remove_unfinished_copies

                remove_unfinished_copies(layout)
                from companion.store.privacy import tighten

                tightened = tighten(layout, own_folder=layout.folder == default_data_dir())
        try:
            db = cls(
                layout,
                clock,
                lock=lock,
                read_only_reason=reason,
                schemas=schemas or {},
                replacing=replacing and lock is not None,
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        db.tightened = tightened
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

    @property
    def changes(self) -> int:
        """Counts every change in memory (never goes back): a screen can tell that
        nothing changed since it last read the data."""
        return self._changes.count

    @property
    def commit(self) -> int:
        """The number of the main file on disk as this database last read or wrote it."""
        return self._manifest.commit

    def require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyDatabase(self.layout.main, self.read_only_reason)

    # Loading

    def _bad(self, path: Path, problem: str) -> BadDatabaseFile:
        from companion.store.backups import restore_hint

        return BadDatabaseFile(path, problem, restore_hint(self.layout, self.clock.today()))

    def _storage(self, tables: Tables) -> MemoryStorage:
        refuse = None if self.writable else self._refusal()
        return MemoryStorage(tables, self._changes, refuse=refuse)

    def _refusal(self) -> Callable[[], Exception]:
        """What a storage raises on a write when this database may not be written: the
        error, made from the path and the reason (no call back into the database)."""
        return functools.partial(ReadOnlyDatabase, self.layout.main, self.read_only_reason)

    def _load_main(self) -> tuple[MemoryStorage, Manifest]:
        """The main file's tables in a storage, and the history files it names."""
        path = self.layout.main
        try:
            tables = read_tables(path)
        except FileNotFoundError:
            return self._storage(new_file_tables()), Manifest()
        except FileProblem as problem:
            raise self._bad(path, str(problem)) from None
        version = self._version(path, tables)
        try:
            manifest = take_manifest(tables)
        except FileProblem as problem:
            raise self._bad(path, str(problem)) from None
        if manifest is None:
            if version >= MANIFEST_SINCE:
                raise self._bad(path, NO_MANIFEST)
            manifest = legacy_manifest(self.layout)
        tables = self._checked(path, tables, version)
        if version < SCHEMA_VERSION and self.writable:
            from companion.store.backups import keep_copy

            keep_copy(self.layout, f"before-schema-{SCHEMA_VERSION}", self.clock.now())
        storage = self._storage(tables)
        if version < SCHEMA_VERSION and self.writable:
            storage.mark_changed()
        return storage, manifest

    def _nothing_read(self) -> tuple[MemoryStorage, Manifest]:
        """An empty main file whose next commit is numbered above every file on disk, so
        that it names none of them; they are removed when the database next opens."""
        try:
            highest = read_manifest(self.layout).commit
        except (FileProblem, OSError):
            highest = 0
        for _, generation in self.layout.history_files().values():
            highest = max(highest, generation)
        return self._storage(new_file_tables()), Manifest(highest, {})

    def _version(self, path: Path, tables: Tables) -> int:
        wrong_version = version_problem(tables)
        if wrong_version:
            raise self._bad(path, wrong_version)
        version = version_of(tables)
        assert isinstance(version, int)
        return version

    def _checked(
        self, path: Path, tables: Tables, version: int, *, main: Tables | None = None
    ) -> Tables:
        """The tables brought up to this schema and passed by the checker
        (store/checker.py): the main file's (`main` None), or a history part's, checked
        against the main file's tables `main`."""
        tables = migrate(tables, version)
        problems = check_file(tables, self._schemas, main=main, limit=1)
        if problems:
            raise self._bad(path, problems[0].text)
        return tables

    def _load_part(self, name: str, generation: int) -> _Part:
        path = self.layout.part_file(name, generation)
        try:
            tables = read_tables(path)
        except FileProblem as problem:
            raise self._bad(path, str(problem)) from None
        version = self._version(path, tables)
        checked = self._checked(path, tables, version, main=self._main_storage.tables)
        storage = self._storage(checked)
        if version < SCHEMA_VERSION and self.writable:
            storage.mark_changed()
        return _Part(storage, generation)

    def _refresh(self) -> bool:
        """Read the main file again (a reader whose writer saved meanwhile); True when it
        had changed. Parts read so far are let go: they go with the older main file."""
        storage, manifest = self._load_main()
        if manifest.commit == self._manifest.commit:
            return False
        self._main_storage, self._manifest = storage, manifest
        self.main = _tinydb(storage)
        self._unloaded = dict(manifest.parts)
        self._parts = {}
        self._refreshes += 1
        self._changes.note()
        return True

    def part(self, name: str) -> TinyDB:
        """A history part (a file under `<name>.history/`), loaded on first use."""
        with self._state_lock:
            return self._part(name).db

    def _part(self, name: str) -> _Part:
        loaded = self._parts.get(name)
        if loaded is not None:
            return loaded
        # A reader may find that the writer saved meanwhile and removed the file its
        # main file named: it reads the new main file and tries again.
        for _ in range(3):
            generation = self._unloaded.get(name)
            if generation is None:
                part = _Part(self._storage(new_file_tables()), None)
                break
            try:
                part = self._load_part(name, generation)
                break
            except FileNotFoundError:
                if self.writable or not self._refresh():
                    path = self.layout.part_file(name, generation)
                    raise self._bad(
                        path, "the file is missing, though the main file names it"
                    ) from None
        else:
            raise self._bad(self.layout.main, "it kept changing while companion read it")
        self._unloaded.pop(name, None)
        self._parts[name] = part
        return part

    def main_docs(self, name: str) -> Mapping[str, Mapping[str, Any]]:
        """A main-file table's documents as stored, by id (as text), for reading many at
        once without TinyDB copying each. Read only: changes go through `main.table(name)`."""
        return self._main_storage.tables.get(name, {})

    def loaded_parts(self) -> list[str]:
        """The history parts read into memory so far, sorted."""
        with self._state_lock:
            return sorted(self._parts)

    def part_names(self, prefix: str = "") -> list[str]:
        """The parts the data holds (on disk or in memory) whose names start with `prefix`."""
        with self._state_lock:
            names = set(self._unloaded) | set(self._parts)
        return sorted(name for name in names if name.startswith(prefix))

    # The whole database at once (export and import)

    def everything(self) -> tuple[Tables, dict[str, Tables]]:
        """The tables of the main file and of every history part, each part loaded.

        The tables are the live ones: serialise them before the next change
        (callers hold `batch()` while they do).
        """
        with self._state_lock:
            while True:
                refreshes = self._refreshes
                parts = {name: self._part(name).storage.tables for name in self.part_names()}
                if refreshes == self._refreshes:
                    return self._main_storage.tables, parts

    def replace_all(self, main: Tables, parts: Mapping[str, Tables]) -> None:
        """Put these tables in place of everything the database holds (a full import).

        Nothing is written until the next save, which writes every part and the
        main file as one commit; the parts `parts` does not name are removed then.
        """
        self.require_writable()
        with self._state_lock:
            self._main_storage = self._storage(main)
            self._main_storage.mark_changed()
            self.main = _tinydb(self._main_storage)
            self._unloaded = {}
            self._parts = {}
            for name, tables in parts.items():
                part = _Part(self._storage(tables), None)
                part.storage.mark_changed()
                self._parts[name] = part

    # Changing

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
            _require_id(table, new_id)
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
            _put(table, {str(doc_id): dict(doc)})
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
            _put(table, {key: {**stored[key], **fields}})
            return True

    def insert_many(self, table: Table, docs: Iterable[Mapping[str, Any]]) -> list[int]:
        """Insert `docs` under new stable ids, in order, in one change of `table`.

        The bulk form of `insert` (a deck, a generated or restored history): the
        counter moves once and the documents go in at once, instead of once a
        document. Ids are handed out as `insert` would, skipping taken ones.
        """
        self.require_writable()
        with self._state_lock:
            meta = self.main.table(META_TABLE)
            doc = meta.get(doc_id=int(META_DOC))
            next_ids = dict(doc["next_ids"]) if isinstance(doc, Document) else {}
            doc_id = int(next_ids.get(table.name, 1))
            stored = _stored(table)
            batch: dict[str, dict[str, Any]] = {}
            for fields in docs:
                while str(doc_id) in stored:
                    doc_id += 1
                batch[str(doc_id)] = dict(fields)
                doc_id += 1
            if not batch:
                return []
            _require_id(table.name, doc_id - 1)
            next_ids[table.name] = doc_id
            meta.update({"next_ids": next_ids}, doc_ids=[int(META_DOC)])
            _put(table, batch)
            return [int(key) for key in batch]

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
                _put(table, {str(doc_id): dict(doc) for doc_id, doc in docs.items()})

    # Saving

    @property
    def dirty(self) -> bool:
        with self._state_lock:
            return self._main_storage.dirty or any(p.storage.dirty for p in self._parts.values())

    def flush(self) -> None:
        """Write every change as one commit now, then tell `after_main_saved`. Raises
        OSError when the disk refuses; then the files on disk are as they were, and the
        changes stay in memory. Raises LockLost, writing nothing, once the lock file has
        been taken away."""
        if self._lock is not None and self._lock.lost():
            raise LockLost(self._lock.path)
        if self._commit():
            for hook in list(self.after_main_saved):
                hook()

    def _commit(self) -> bool:
        """Write the changes as one commit; False when there was nothing to write."""
        with self._io_lock:
            with self._state_lock:
                main = self._main_storage
                changed = {n: p for n, p in self._parts.items() if p.storage.dirty}
                if not changed and not main.dirty:
                    return False
                versions = {n: p.storage.version for n, p in changed.items()}
                main_version = main.version
                before = self._manifest
                commit = before.commit + 1
                names = dict(self._unloaded)
                for name, part in self._parts.items():
                    if name in changed:
                        names[name] = commit
                    elif part.generation is not None:
                        names[name] = part.generation
                after = Manifest(commit, names)
                blobs = {n: dump_tables(p.storage.tables) for n, p in changed.items()}
                main_blob = dump_tables(with_manifest(main.tables, after))
            # A failed backup must not stop the save; the next save tries again.
            # (Backups are imported here: a run that only reads never needs them.)
            from companion.store.backups import take_daily_backup

            with contextlib.suppress(OSError):
                known = before if self._manifest_is_on_disk else None
                take_daily_backup(self.layout, self.clock.today(), known)
            write_commit(self.layout, blobs, main_blob, after)
            with self._state_lock:
                self._manifest = after
                self._manifest_is_on_disk = True
                main.saved(main_version)
                for name, part in changed.items():
                    part.storage.saved(versions[name])
                    part.generation = commit
            remove_unnamed(self.layout, before, after)
            return True

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
        self._let_go()

    def discard(self) -> None:
        """Let go without writing: for a command that failed half way."""
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        self._let_go()

    def _let_go(self) -> None:
        if self._lock is None:
            return
        self._lock.release()
        self._lock = None
        self.read_only_reason = "it was closed"
        with self._state_lock:
            refusal = self._refusal()
            for storage in (self._main_storage, *(p.storage for p in self._parts.values())):
                storage.refuse_writes(refusal)


def _require_id(table: str, doc_id: int) -> None:
    """Refuse an id the checker would refuse, rather than write a file that will not load."""
    if doc_id > MAX_ID:
        raise StoreError(
            f"companion has handed out every id it can for {table} (up to {MAX_ID}), "
            "so nothing was added."
        )


class _Writer(threading.Thread):
    """Writes the changes shortly after they are made, off the UI thread; retries on failure."""

    DELAY = 0.05
    MAX_BACKOFF = 30.0

    def __init__(self, db: Database) -> None:
        super().__init__(name="companion-writer", daemon=True)
        self._db = db
        self._changes = db._changes
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()
        self._changes.wake()
        self.join()

    def run(self) -> None:
        backoff = 0.0
        while not self._stopping.is_set():
            self._changes.wait(timeout=backoff or None)
            if self._stopping.is_set():
                return
            time.sleep(self.DELAY)
            try:
                self._db.flush()
            except Exception as error:  # the thread must outlive any failure, and say so
                backoff = min(max(1.0, backoff * 2), self.MAX_BACKOFF)
                if isinstance(error, LockLost):  # trying again cannot help: it says what to do
                    self._db._report(str(error))
                    continue
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


def _put(table: Table, docs: Mapping[str, dict[str, Any]]) -> None:
    """Set `docs` (by id as text) in `table` through its storage, changing only them."""
    storage = table.storage
    assert isinstance(storage, MemoryStorage)
    storage.put(table.name, docs)
    table.clear_cache()
