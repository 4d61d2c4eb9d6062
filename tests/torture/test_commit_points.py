"""Crash points: every multi-file change, stopped after each of its file operations.

For each change that touches several files (a rating, an answer edit, a
journal entry, a debrief step, a question deleted with its history, a note
logged as sent from a draft, an upgrade from schema 1, a deck import,
`import --replace`, `restore` of a backup and of an export), a child
(commit_worker.py) makes the change on a fresh copy of a database and is
stopped with `os._exit` after its k-th file operation (a temporary file
written, a replace, a link, an unlink, a folder made or removed), for every k
until the change completes. Each change runs on a new day, so its save also
takes the day's backup first.

After each stop the next companion opens the database for writing and:

- its full JSON export is byte-identical to the export of the whole database
  before the change or to the export of the whole database after it;
- its history folder holds exactly the files the main file names (what the
  crash left is gone), and no temporary file is left anywhere;
- the backups folder holds no half-made copy, and every backup or kept copy
  the change made exports byte-identical to the database before the change.

Ctrl-C during an import or a restore (SIGINT after the k-th operation, for
every k) exits 130 with a sentence that says truly whether the change was
saved.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.debrief import record_how, start_debrief
from companion.domain.journal import Entry
from companion.domain.practice import new_question, rehearse
from companion.services import debrief as debriefs
from companion.store.backups import list_backups, list_kept
from companion.store.database import Database
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.store.migrations import SCHEMA_VERSION, version_of
from companion.store.repository import SCHEMAS, Repository
from companion.store.snapshot import export_json, snapshot_of
from tests.export_data import EXACT, fill
from tests.torture.commit_worker import STOPPED
from tests.torture.forking import Worker

pytestmark = pytest.mark.slow

WORKER = Path(__file__).with_name("commit_worker.py")
FIXTURES = Path(__file__).parent.parent / "fixtures"
DAY_ONE = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
DAY_TWO = DAY_ONE + timedelta(days=1)
CHANGE_AT = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
STAMP = CHANGE_AT.strftime("%Y%m%dT%H%M%S")
DB_NAME = "companion.json"

# Each change, and the database it starts from.
CHANGES = {
    "rating": "full",
    "answer": "full",
    "journal": "full",
    "debrief": "full",
    "delete-question": "full",
    "sent": "full",
    "deck": "full",
    "import": "full",
    "restore-backup": "full",
    "restore-export": "full",
    "migration": "schema1",
}
LONG_CHANGES = ("deck", "import", "restore-backup", "restore-export")

DECK = """
[deck]
name = "Crash points"
tags = ["deck"]

[[questions]]
text = "What would you change first?"

[[questions]]
text = "Tell me about a hard week."
hint = "What you did, then what you learned."
"""


@dataclass(frozen=True)
class Setup:
    templates: dict[str, Path]  # a folder holding the database (and its backups)
    extra: dict[str, str]  # what the CLI changes name: the export, the deck, the backup day


def _full_database(folder: Path) -> None:
    """Every kind of file: questions with answers and reviews in two months, a journal,
    a debrief; changed on two days, so there is a daily backup."""
    db = folder / DB_NAME
    fill(db, FrozenClock(DAY_ONE))
    with Repository.open(db, FrozenClock(DAY_ONE)) as repo:
        repo.journal.add(Entry(text="First evening.", written_at=DAY_ONE, mood=4))
        interview = repo.interviews.all()[0]
        debrief = record_how(start_debrief(interview, DAY_ONE), "Fine.", 4, DAY_ONE)
        debriefs.save_debrief(repo, debrief, interview)
    with Repository.open(db, FrozenClock(DAY_TWO)) as repo:
        repo.settings.update(weekly_goal=6)


def _other_export(folder: Path) -> Path:
    """An export of another database, with parts the full one has not (and not all of its)."""
    db = folder / "other" / DB_NAME
    with Repository.open(db, FrozenClock(DAY_ONE)) as repo:
        repo.settings.update(weekly_goal=9, welcomed=True)
        question = repo.questions.add(new_question("Why now?", DAY_ONE - timedelta(days=40)))
        moment = DAY_ONE - timedelta(days=35)  # January: a reviews part the other lacks
        repo.questions.record(*rehearse(question, Rating.Hard, moment, None, EXACT))
        repo.journal.add(Entry(text="Another life.", written_at=DAY_ONE, mood=2))
    target = folder / "other-export.json"
    target.write_bytes(export_of(db))
    return target


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("commit-points")
    full = root / "full"
    _full_database(full)
    schema1 = root / "schema1"
    shutil.copytree(FIXTURES / "schema1", schema1)
    deck = root / "deck.toml"
    deck.write_text(DECK)
    backup_day = list_backups(Layout(full / DB_NAME))[0].day.isoformat()
    return Setup(
        {"full": full, "schema1": schema1},
        {"export": str(_other_export(root)), "deck": str(deck), "backup_day": backup_day},
    )


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker(WORKER)
    yield started
    started.close()


def export_of(db: Path) -> bytes:
    """The full export of the database as the next companion finds it: opened for
    writing (which tidies what a crash left), read whole, let go without a save."""
    database = Database.open(db, FrozenClock(CHANGE_AT), schemas=SCHEMAS)
    try:
        return export_json(snapshot_of(database))
    finally:
        database.discard()


def export_of_copy(path: Path) -> bytes:
    """The full export of a backup or a kept copy, read as `restore` reads it."""
    database = Database.open(path, FrozenClock(CHANGE_AT), access="read", schemas=SCHEMAS)
    try:
        return export_json(snapshot_of(database))
    finally:
        database.discard()


class Rounds:
    def __init__(self, worker: Worker, setup: Setup, root: Path) -> None:
        self.worker = worker
        self.setup = setup
        self.root = root
        self.count = 0

    def fresh(self, change: str) -> Path:
        self.count += 1
        folder = self.root / f"round-{self.count}"
        shutil.copytree(self.setup.templates[CHANGES[change]], folder, symlinks=True)
        return folder / DB_NAME

    def run(
        self, change: str, *, stop_after: int | None = None, mode: str = "exit"
    ) -> tuple[Path, int, dict[str, Any]]:
        """One change on a fresh copy; the database, the child's exit status and its report."""
        db = self.fresh(change)
        self.worker.send(
            {
                "change": change,
                "db": str(db),
                "now": CHANGE_AT.isoformat(),
                "stop_after": stop_after,
                "mode": mode,
                **self.setup.extra,
            }
        )
        report: dict[str, Any] = {}
        while "end" not in (message := self.worker.read(timeout=60)):
            report.update(message)
        assert "error" not in report, f"{change} failed: {report['error']}"
        return db, message["end"], report


@pytest.fixture
def rounds(worker: Worker, setup: Setup, tmp_path: Path) -> Rounds:
    return Rounds(worker, setup, tmp_path)


def made_by_the_change(db: Path) -> list[Path]:
    """The daily backup and the kept copies the change made (dated its moment)."""
    layout = Layout(db)
    dailies = [b.path for b in list_backups(layout) if b.day == CHANGE_AT.date()]
    return dailies + [k.path for k in list_kept(layout) if STAMP in k.path.name]


def assert_whole_and_tidy(db: Path, before: bytes, after: bytes, where: str) -> str:
    """What a stopped change left: returns "before" or "after"."""
    for copy in made_by_the_change(db):
        assert export_of_copy(copy) == before, f"{where}: {copy.name} is not the data before"
    exported = export_of(db)
    assert exported in (before, after), f"{where}: the database is neither before nor after"
    layout = Layout(db)
    assert set(layout.history_files()) == set(layout.committed_parts().values()), (
        f"{where}: the history folder holds files the main file does not name"
    )
    leftovers = sorted(str(p) for p in db.parent.rglob("*.tmp"))
    assert leftovers == [], f"{where}: temporary files left: {leftovers}"
    if layout.backups.is_dir():
        halves = [
            p.name for p in layout.backups.glob("*.history") if not p.with_suffix(".json").exists()
        ]
        assert halves == [], f"{where}: half-made copies left in the backups: {halves}"
    return "before" if exported == before else "after"


def _version_on_disk(db: Path) -> object:
    return version_of(read_tables(db))


def _before_and_after(rounds: Rounds, change: str) -> tuple[bytes, bytes, int]:
    db = rounds.fresh(change)
    before = export_of(db)
    done, status, report = rounds.run(change)
    assert status == 0, f"{change} did not complete: {report}"
    assert report.get("code", 0) == 0, f"{change} failed: {report}"
    return before, export_of(done), int(report["ops"])


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_stopped_after_any_file_operation_leaves_all_of_it_or_none(
    rounds: Rounds, change: str
) -> None:
    before, after, operations = _before_and_after(rounds, change)
    if change != "migration":  # an upgrade changes the files, not what they hold
        assert after != before
    assert operations >= 3, f"{change} made only {operations} file operations"
    seen = set()
    for k in range(1, operations + 1):
        db, status, _ = rounds.run(change, stop_after=k)
        assert status >> 8 == STOPPED, f"{change} was not stopped at operation {k}"
        outcome = assert_whole_and_tidy(db, before, after, f"{change}, stopped after {k}")
        if change == "migration":  # the same data: which files hold it tells
            outcome = "after" if _version_on_disk(db) == SCHEMA_VERSION else "before"
        seen.add(outcome)
    # the stops fall on both sides of the commit point
    assert seen == {"before", "after"}, f"{change}: every stop left {seen}"


@pytest.mark.parametrize("change", LONG_CHANGES)
def test_ctrl_c_during_an_import_or_a_restore_says_whether_it_was_saved(
    rounds: Rounds, change: str
) -> None:
    before, after, operations = _before_and_after(rounds, change)
    for k in range(1, operations + 1):
        db, status, report = rounds.run(change, stop_after=k, mode="sigint")
        where = f"{change}, Ctrl-C after operation {k}"
        assert status == 0, where
        assert report["code"] == 130, f"{where}: {report}"
        assert "Traceback" not in report["err"]
        outcome = assert_whole_and_tidy(db, before, after, where)
        if outcome == "before":
            assert report["err"] == (
                "Interrupted before anything was saved: nothing was changed.\n"
            ), where
        else:
            assert report["err"].startswith("Interrupted after it was saved: "), where
