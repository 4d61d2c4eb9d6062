"""Crash: SIGKILL a process that is changing the database, over and over.

A worker (see crash_worker.py) makes random changes through the repository:
settings, documents in a scratch table of the main file, and documents in
history parts. It says which change it is about to make and, once `flush()`
has returned, that everything up to it is durable. The test kills it at a
random moment, then checks that the database loads and holds every change
reported durable: each file shows the state after some number of changes, no
fewer than were reported durable. Then it goes on with the same database.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.clock import FrozenClock
from companion.store.backups import list_backups
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.torture.crash_worker import LOG, LOG_PARTS, SCRATCH
from tests.torture.forking import Worker

pytestmark = pytest.mark.slow

WORKER = Path(__file__).with_name("crash_worker.py")
START = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


@pytest.fixture
def worker() -> Iterator[Worker]:
    started = Worker(WORKER)
    yield started
    started.close()


@dataclass
class State:
    """What the files should hold: the main file's tables, and each history part."""

    settings: dict[str, Any]
    scratch: dict[str, tuple[int, str]] = field(default_factory=dict)
    parts: dict[str, dict[str, str]] = field(default_factory=dict)

    def copy(self) -> State:
        return State(
            dict(self.settings),
            dict(self.scratch),
            {name: dict(docs) for name, docs in self.parts.items()},
        )

    def main(self) -> tuple[dict[str, Any], dict[str, tuple[int, str]]]:
        return self.settings, self.scratch

    def part(self, name: str) -> dict[str, str]:
        return self.parts.get(name, {})

    def apply(self, op: dict[str, Any]) -> State:
        after = self.copy()
        kind = op["kind"]
        if kind == "settings":
            after.settings.update(op["changes"])
        elif kind == "insert":
            after.scratch[op["key"]] = (op["n"], op["text"])
        elif kind == "update":
            after.scratch[op["key"]] = (op["n"], after.scratch[op["key"]][1])
        elif kind == "remove":
            del after.scratch[op["key"]]
        else:
            after.parts.setdefault(op["part"], {})[op["key"]] = op["text"]
        return after


@dataclass
class OnDisk:
    state: State
    ids: dict[str, int]
    log_ids: list[int]


def _settings_dict(repo: Repository) -> dict[str, Any]:
    settings = repo.settings.get()
    return {
        "weekly_goal": settings.weekly_goal,
        "theme": settings.theme,
        "checkin_time": settings.checkin_time.strftime("%H:%M") if settings.checkin_time else None,
        "desired_retention": settings.desired_retention,
    }


def load(db_path: Path, clock: FrozenClock) -> OnDisk:
    """Open the database as the next companion would (for writing) and read it all."""
    with Repository.open(db_path, clock) as repo:
        scratch = repo.db.main.table(SCRATCH).all()
        ids = {doc["key"]: doc.doc_id for doc in scratch}
        state = State(_settings_dict(repo), {d["key"]: (d["n"], d["text"]) for d in scratch})
        log_ids = []
        for name in repo.db.part_names("scratchlog-"):
            docs = repo.db.part(name).table(LOG).all()
            state.parts[name] = {doc["key"]: doc["text"] for doc in docs}
            ids.update({doc["key"]: doc.doc_id for doc in docs})
            log_ids.extend(doc.doc_id for doc in docs)
    return OnDisk(state, ids, log_ids)


def check_round(
    db_path: Path, clock: FrozenClock, before: State, messages: list[dict[str, Any]]
) -> OnDisk:
    ops = [m["op"] for m in messages if "intent" in m]
    durable = [m for m in messages if "durable" in m]
    reported = durable[-1]["durable"] + 1 if durable else 0
    states = [before]
    for op in ops:
        states.append(states[-1].apply(op))
    candidates = states[reported:]

    disk = load(db_path, clock)
    assert any(disk.state.main() == s.main() for s in candidates), (
        f"the main file lost a change reported durable (change {reported - 1} of {len(ops)})"
    )
    for name in set(LOG_PARTS) | set(disk.state.parts):
        assert any(disk.state.part(name) == s.part(name) for s in candidates), (
            f"history part {name} lost a change reported durable"
        )
    removed = {op["key"] for op in ops if op["kind"] == "remove"}
    for message in durable:
        for key, doc_id in message["ids"].items():
            if key not in removed:
                assert disk.ids.get(key) == doc_id, f"{key} was reported as id {doc_id}"
    assert len(disk.log_ids) == len(set(disk.log_ids)), "an id was handed out twice"
    leftovers = [p for p in db_path.parent.rglob("*.tmp")]
    assert leftovers == [], f"temporary files were left behind: {leftovers}"
    layout = Layout(db_path)
    unnamed = set(layout.history_files()) - set(layout.committed_parts().values())
    assert not unnamed, f"history files the main file does not name were left: {unnamed}"
    for backup in list_backups(Layout(db_path)):
        read_tables(backup.path)
        for part in backup.history.glob("*.json"):
            read_tables(part)
    return disk


def run_rounds(worker: Worker, db_path: Path, *, rounds: int, background: bool, seed: int) -> None:
    rng = random.Random(seed)
    clock = FrozenClock(START)
    state = load(db_path, clock).state
    mid_change = durable_total = round_number = 0
    # On a loaded machine fsync is slow and a kill lands before anything is
    # durable more often: go on past `rounds` (up to three times as many), with
    # longer runs before each kill, until as many changes as rounds were made
    # durable.
    while round_number < rounds or (durable_total < rounds and round_number < 3 * rounds):
        if rng.random() < 0.15:
            clock.advance(timedelta(days=1))  # a new day: the first save backs up first
        worker.send(
            {
                "db": str(db_path),
                "seed": rng.getrandbits(32),
                "round": round_number,
                "now": clock.now().isoformat(),
                "background": background,
            }
        )
        started = worker.read()
        assert "start" in started, started
        if round_number < rounds:
            time.sleep(rng.choice((0.0, rng.uniform(0, 0.005), rng.uniform(0, 0.06))))
        else:  # catching up on a busy machine: longer runs, each still killed mid-change
            time.sleep(rng.uniform(0.03, 0.15))
        os.kill(started["start"], signal.SIGKILL)
        messages = []
        while "end" not in (message := worker.read()):
            messages.append(message)
        status = message["end"]
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"the worker ended by itself (status {status}) instead of being killed"
        )
        state = check_round(db_path, clock, state, messages).state
        intents = [m["intent"] for m in messages if "intent" in m]
        durable = [m["durable"] for m in messages if "durable" in m]
        durable_total += durable[-1] + 1 if durable else 0
        mid_change += bool(intents) and (not durable or durable[-1] < intents[-1])
        round_number += 1
    # the kills must land in the middle of changes, and the changes must add up
    assert mid_change >= rounds // 3, f"only {mid_change} of {round_number} kills hit a change"
    assert durable_total >= rounds, f"only {durable_total} changes were made durable"


def test_sigkill_at_random_moments_loses_nothing_reported_durable(
    worker: Worker, db_path: Path
) -> None:
    run_rounds(worker, db_path, rounds=110, background=False, seed=7)


def test_sigkill_with_the_background_writer_loses_nothing_flushed(
    worker: Worker, db_path: Path
) -> None:
    run_rounds(worker, db_path, rounds=40, background=True, seed=11)
