"""Store bugs found by the torture tests (tests/torture), each pinned by a small test."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.store import files
from companion.store.database import Database


def test_ids_stay_unique_across_parts_when_a_save_stops_half_way(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that wrote one file of two, then a crash: no id may be handed out again."""
    db = Database.open(db_path, clock)
    db.insert(db.part("log-01").table("log"), {"n": 1})
    db.flush()
    db.insert(db.part("log-01").table("log"), {"n": 2})
    written: list[Path] = []
    real = files.write_atomic

    def first_file_only(path: Path, data: bytes) -> None:
        if written:
            raise OSError(errno.EIO, "Input/output error")
        written.append(path)
        real(path, data)

    monkeypatch.setattr("companion.store.database.write_atomic", first_file_only)
    with pytest.raises(OSError):
        db.flush()
    monkeypatch.undo()
    db.discard()  # the process dies here

    db = Database.open(db_path, clock)
    new_id = db.insert(db.part("log-02").table("log"), {"n": 3})
    old_ids = [doc.doc_id for doc in db.part("log-01").table("log").all()]
    assert new_id not in old_ids
    db.close()
