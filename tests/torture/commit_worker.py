"""A child for the crash-point test: one change, stopped after its k-th file operation.

Run as a script, it imports companion once and then, for each command line read
on stdin, forks a child that makes one change (a name in CHANGES) to the
database named. The store tells `files.operation_observer` after each file
operation (a temporary file written, a replace, a link, an unlink, a folder
made or removed); with "stop_after": k the child is stopped after the k-th:

- "exit": `os._exit` on the spot, as a SIGKILL or a power cut would (nothing
  after it runs: no cleanup, no flush);
- "sigint": the child sends itself SIGINT, as Ctrl-C does; Python raises
  KeyboardInterrupt where it is and the command says what happened.

A child that is not stopped reports {"ops": N, "code": C, "out": ..., "err": ...}
(how many operations the change made, and for a CLI change its exit code and
what it printed) and exits 0. This process then writes {"end": STATUS}.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from fsrs import Rating

# Imported once here (the commands import these as they run), not in every child.
import companion.cli.backups_cmd
import companion.cli.import_cmd
import companion.store.backups
import companion.store.journal_store
import companion.store.questions_store
import companion.store.restore  # noqa: F401
from companion.cli.main import main
from companion.clock import FrozenClock
from companion.domain.debrief import record_how, start_debrief
from companion.domain.journal import Entry
from companion.domain.practice import Scheduling, rehearse
from companion.services import debrief as debriefs
from companion.services import drafts
from companion.store import files
from companion.store.repository import Repository

STOPPED = 77
EXACT = Scheduling(fuzz=False)


def _say(message: dict[str, Any]) -> None:
    os.write(1, orjson.dumps(message) + b"\n")


def _repo(command: dict[str, Any]) -> Repository:
    clock = FrozenClock(datetime.fromisoformat(command["now"]))
    return Repository.open(Path(command["db"]), clock)


def rating(command: dict[str, Any]) -> None:
    """A rehearsal rated: the question's card (main file) and its review (a month's part)."""
    now = datetime.fromisoformat(command["now"])
    with _repo(command) as repo:
        question = repo.questions.all()[0]
        repo.questions.record(*rehearse(question, Rating.Good, now, None, EXACT))


def answer(command: dict[str, Any]) -> None:
    """An answer improved: the question (main file) and the answer it replaces (history)."""
    now = datetime.fromisoformat(command["now"])
    with _repo(command) as repo:
        question = next(q for q in repo.questions.all() if q.answer is not None)
        repo.questions.improve_answer(question, "A better answer, said plainly.", now)


def journal(command: dict[str, Any]) -> None:
    now = datetime.fromisoformat(command["now"])
    with _repo(command) as repo:
        repo.journal.add(Entry(text="A quiet evening; wrote it down.", written_at=now, mood=3))


def debrief(command: dict[str, Any]) -> None:
    """A debrief step: the debrief (its part) and the interview marked debriefed (main)."""
    now = datetime.fromisoformat(command["now"])
    with _repo(command) as repo:
        interview = repo.interviews.all()[0]
        assert interview.id is not None
        started = repo.debriefs.get(interview.id) or start_debrief(interview, now)
        step = record_how(started, "It went well enough.", 3, now)
        debriefs.save_debrief(repo, step, interview)


def delete_question(command: dict[str, Any]) -> None:
    """A question removed with its earlier answers (main file and history)."""
    with _repo(command) as repo:
        question = next(q for q in repo.questions.all() if q.earlier_versions)
        repo.questions.delete(question)


def sent(command: dict[str, Any]) -> None:
    """A note drafted and logged as sent (issue 16's "I sent it"), with its text: the
    interview (main file), through the drafts service as the app and the CLI go."""
    with _repo(command) as repo:
        for interview in repo.interviews.all():
            assert interview.id is not None
            kinds = drafts.fitting_kinds(repo, interview)
            if kinds:
                note = drafts.draft(repo, interview.id, kinds[0]).draft
                drafts.mark_sent(repo, note, interview.id, f"{note.subject}\n\n{note.body}")
                return
        raise AssertionError("no interview has a note to draft")


def migration(command: dict[str, Any]) -> None:
    """A schema 1 database opened for writing: upgraded, and saved as it closes."""
    _repo(command).close()


def _cli(*argv: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def run(command: dict[str, Any]) -> dict[str, Any]:
        os.environ["COMPANION_FROZEN_NOW"] = command["now"]
        words = [word.format(**command) for word in argv]
        out, err = io.StringIO(), io.StringIO()
        sys.stdout, sys.stderr = out, err
        try:
            code = main(["--db", command["db"], *words])
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        return {"code": code, "out": out.getvalue(), "err": err.getvalue()}

    return run


CHANGES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "rating": rating,
    "answer": answer,
    "journal": journal,
    "debrief": debrief,
    "delete-question": delete_question,
    "sent": sent,
    "migration": migration,
    "import": _cli("import", "{export}", "--replace"),
    "deck": _cli("import", "{deck}"),
    "restore-backup": _cli("restore", "{backup_day}", "--yes"),
    "restore-export": _cli("restore", "{export}", "--yes"),
}


def work(command: dict[str, Any]) -> None:
    stop_after = command.get("stop_after")
    done = 0

    def observe(kind: str, path: Path) -> None:
        nonlocal done
        done += 1
        if done == stop_after:
            if command["mode"] == "exit":
                os._exit(STOPPED)
            os.kill(os.getpid(), signal.SIGINT)

    files.operation_observer = observe
    report = CHANGES[command["change"]](command) or {}
    _say({"ops": done, **report})


def main_loop() -> None:
    for line in sys.stdin:
        command = orjson.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                work(command)
            except BaseException as error:  # reported, so a failing change fails the test
                _say({"error": repr(error)})
                os._exit(3)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        _say({"end": status})


if __name__ == "__main__":
    main_loop()
