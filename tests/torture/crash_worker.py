"""A child for the crash torture test: random changes through the repository.

Run as a script, it imports the store once and then, for each command line
read on stdin, forks a worker. The worker makes random changes and reports on
stdout, one JSON line each (short lines, so each write is atomic):

    {"start": PID}                  the worker is running; the parent may kill it
    {"intent": I, "op": {...}}      change I is about to be made (it may or may not land)
    {"durable": I, "ids": {...}}    every change up to I is on disk (flush() returned)

After the worker dies (the parent kills it with SIGKILL), this process writes
{"end": STATUS} and waits for the next command. Forking from one warm process
keeps each of the hundred rounds to milliseconds instead of a fresh interpreter.
"""

from __future__ import annotations

import importlib
import os
import random
import sys
from datetime import datetime, time
from pathlib import Path
from typing import Any

import orjson
from tinydb import Query

from companion.clock import FrozenClock
from companion.store.repository import Repository

# The store imports these on its first write: warm them here, once, rather than in
# every forked worker (a round lasts a few milliseconds).
for _module in ("companion.store.backups", "tempfile"):
    importlib.import_module(_module)

SCRATCH = "scratch"
LOG = "scratchlog"
LOG_PARTS = ("scratchlog-2026-01", "scratchlog-2026-02", "scratchlog-2026-03")
THEMES = ("companion-dusk", "companion-dawn")
WORDS = ("calm", "[bold]", "[/]", "été", "日本", "🙂", "\t", "\x1b[31m", "'\"", "\\", "ok")


def _say(message: dict[str, Any]) -> None:
    os.write(1, orjson.dumps(message) + b"\n")


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))


def make_op(rng: random.Random, index: int, tag: str, scratch_keys: list[str]) -> dict[str, Any]:
    kind = rng.choices(("settings", "insert", "update", "remove", "append"), (3, 3, 2, 1, 4))[0]
    if kind in ("update", "remove") and not scratch_keys:
        kind = "insert"
    key = f"{tag}-{index}"
    if kind == "settings":
        changes: dict[str, Any] = {}
        while not changes:
            if rng.random() < 0.7:
                changes["weekly_goal"] = rng.randint(0, 50)
            if rng.random() < 0.3:
                changes["theme"] = rng.choice(THEMES)
            if rng.random() < 0.3:
                changes["checkin_time"] = rng.choice(
                    (None, f"{rng.randint(0, 23):02}:{rng.randint(0, 59):02}")
                )
            if rng.random() < 0.2:
                changes["desired_retention"] = rng.choice((0.8, 0.85, 0.9, 0.95))
        return {"kind": kind, "changes": changes}
    if kind == "insert":
        return {"kind": kind, "key": key, "n": rng.randint(-(10**6), 10**6), "text": _text(rng)}
    if kind == "update":
        return {"kind": kind, "key": rng.choice(scratch_keys), "n": rng.randint(0, 999)}
    if kind == "remove":
        return {"kind": kind, "key": rng.choice(scratch_keys)}
    return {"kind": kind, "part": rng.choice(LOG_PARTS), "key": key, "text": _text(rng)}


def apply(repo: Repository, op: dict[str, Any], scratch_keys: list[str]) -> dict[str, int]:
    """Make one change through the repository; returns the ids it was given."""
    db = repo.db
    kind = op["kind"]
    if kind == "settings":
        changes = dict(op["changes"])
        if "checkin_time" in changes and changes["checkin_time"] is not None:
            changes["checkin_time"] = time.fromisoformat(changes["checkin_time"])
        repo.settings.update(**changes)
        return {}
    if kind == "insert":
        doc_id = db.insert(
            db.main.table(SCRATCH), {"key": op["key"], "n": op["n"], "text": op["text"]}
        )
        scratch_keys.append(op["key"])
        return {op["key"]: doc_id}
    if kind == "update":
        db.require_writable()
        db.main.table(SCRATCH).update({"n": op["n"]}, Query().key == op["key"])
        return {}
    if kind == "remove":
        db.require_writable()
        db.main.table(SCRATCH).remove(Query().key == op["key"])
        scratch_keys.remove(op["key"])
        return {}
    table = db.part(op["part"]).table(LOG)
    return {op["key"]: db.insert(table, {"key": op["key"], "text": op["text"]})}


def work(command: dict[str, Any]) -> None:
    rng = random.Random(command["seed"])
    clock = FrozenClock(datetime.fromisoformat(command["now"]))
    background = bool(command["background"])
    repo = Repository.open(Path(command["db"]), clock, background=background)
    scratch_keys = [doc["key"] for doc in repo.db.main.table(SCRATCH).all()]
    _say({"start": os.getpid()})
    index = 0
    ids: dict[str, int] = {}
    pending = 0
    while True:
        op = make_op(rng, index, f"r{command['round']}", scratch_keys)
        _say({"intent": index, "op": op})
        ids.update(apply(repo, op, scratch_keys))
        pending += 1
        if not background or pending >= rng.randint(1, 6):
            repo.flush()
            _say({"durable": index, "ids": ids})
            ids = {}
            pending = 0
        index += 1


def main() -> None:
    for line in sys.stdin:
        command = orjson.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                work(command)
            finally:
                os._exit(3)  # only reached if the work itself failed
        _, status = os.waitpid(pid, 0)
        _say({"end": status})


if __name__ == "__main__":
    main()
