"""Bad files: each gives its clear message, exit 1 for the CLI, and is left byte for byte.

The cases come from a table of broken shapes, from every field the store's
schemas declare (so new tables are covered as they land), and from a valid
file cut off at seeded random offsets. Each is checked through the store, the
CLI (every subcommand in tests/torture/commands.py that opens the database)
and the app's start; a few also through the real `companion` command.
"""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.store.backups import list_backups
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile
from companion.store.layout import Layout
from companion.store.repository import SCHEMAS, Repository
from companion.store.schema import Field, Kind, TableSchema
from companion.tui.app import make_app
from tests.torture.commands import COMMANDS
from tests.torture.conditions import unreadable, unwritable
from tests.torture.pilot_helpers import wait_until

pytestmark = pytest.mark.slow

COMPANION = Path(sys.executable).parent / "companion"
META = {"1": {"schema_version": 1, "next_ids": {"notes": 3}}}
VALID: dict[str, Any] = {
    "meta": META,
    "settings": {"1": {"weekly_goal": 4, "theme": "companion-dawn", "welcomed": True}},
    "notes": {"1": {"text": "Thank Ana [bold]today[/]"}, "2": {"text": "été 🙂"}},
}
VALID_BYTES = orjson.dumps(VALID)


def _with(**tables: Any) -> bytes:
    return orjson.dumps({"meta": META, **tables})


SHAPES: dict[str, bytes] = {
    "empty": b"",
    "only whitespace": b" \n\t\n",
    "not json": b"weekly_goal = 5\n",
    "binary": bytes(range(256)),
    "utf-16": VALID_BYTES.decode().encode("utf-16"),
    "an array": b"[]",
    "a string": b'"companion"',
    "a number": b"42",
    "null": b"null",
    "nested too deep": b'{"a": ' * 2000 + b"{}" + b"}" * 2000,
    "table is an array": _with(settings=[]),
    "table is a string": _with(settings="weekly"),
    "document is a number": _with(settings={"1": 5}),
    "document id is a word": _with(settings={"one": {}}),
    "document id is negative": _with(settings={"-1": {}}),
    "document id has a leading zero": _with(settings={"01": {}}),
    "document id is a superscript": _with(settings={"²": {}}),
    "future schema version": orjson.dumps({"meta": {"1": {"schema_version": 99, "next_ids": {}}}}),
    "schema version is text": orjson.dumps(
        {"meta": {"1": {"schema_version": "1", "next_ids": {}}}}
    ),
    "schema version is true": orjson.dumps(
        {"meta": {"1": {"schema_version": True, "next_ids": {}}}}
    ),
    "schema version is negative": orjson.dumps({"meta": {"1": {"schema_version": -3}}}),
    "meta without its document": orjson.dumps({"meta": {}}),
    "meta without id counters": orjson.dumps({"meta": {"1": {"schema_version": 1}}}),
    "id counter is text": orjson.dumps(
        {"meta": {"1": {"schema_version": 1, "next_ids": {"a": "2"}}}}
    ),
}

WRONG_VALUES: dict[Kind, Any] = {
    "str": 5,
    "int": "5",
    "float": "0.9",
    "bool": "yes",
    "date": "2026-02-30",
    "datetime": "2026-03-03T09:30:00",
    "time": "25:61",
    "list": {"a": 1},
    "dict": [1],
}


def _example(field: Field) -> Any:
    if field.choices:
        return field.choices[0]
    if field.kind == "dict" and field.items:
        return {key: _example(spec) for key, spec in field.items.items() if spec.required}
    if field.kind in ("int", "float") and field.low is not None:
        return field.low
    if field.rule is not None and field.nullable:
        return None  # a value its own rule takes (a path, a country code) is none at all
    return {
        "str": "text",
        "int": 1,
        "float": 0.5,
        "bool": True,
        "date": "2026-03-03",
        "datetime": "2026-03-03T09:30:00+00:00",
        "time": "09:30",
        "list": [],
        "dict": {},
        "any": None,
    }[field.kind]


def field_cases(schemas: dict[str, TableSchema] | Any) -> dict[str, tuple[bytes, str]]:
    """For each declared field: a document with it mistyped, and (if required) without it."""
    cases: dict[str, tuple[bytes, str]] = {}
    for table, schema in schemas.items():
        whole = {key: _example(spec) for key, spec in schema.items()}
        for key, spec in schema.items():
            if spec.kind in WRONG_VALUES:
                doc = {**whole, key: WRONG_VALUES[spec.kind]}
                cases[f"{table}.{key} mistyped"] = (_with(**{table: {"1": doc}}), repr(key))
            if spec.required:
                doc = {k: v for k, v in whole.items() if k != key}
                cases[f"{table}.{key} missing"] = (_with(**{table: {"1": doc}}), f"no {key!r}")
    return cases


FIELD_CASES = field_cases(SCHEMAS)
CASES: dict[str, bytes] = {**SHAPES, **{name: raw for name, (raw, _) in FIELD_CASES.items()}}
OFFSETS = sorted(random.Random(2026).sample(range(len(VALID_BYTES)), 60))


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def _files(folder: Path) -> dict[str, object]:
    """Every file under `folder` but the lock: its bytes, or its identity if unreadable."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.endswith(".lock"):
            try:
                with open(path, "rb") as file:  # noqa: PTH123 - not the patched read_bytes
                    found[str(path.relative_to(folder))] = file.read()
            except PermissionError:
                status = path.stat()
                found[str(path.relative_to(folder))] = (status.st_ino, status.st_mtime_ns)
    return found


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as leaving:
        code = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused_everywhere(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str], *words: str
) -> str:
    """The store, every CLI command that reads the file, and the app all refuse it,
    with the same clear message, and nothing on disk changes."""
    before = _files(db_path.parent)
    with pytest.raises(BadDatabaseFile) as caught:
        Repository.open(db_path, clock)
    message = str(caught.value)
    assert str(db_path) in message
    assert "The file has been left exactly as it is." in message
    assert "No backup that loads" in message or "To restore it, run:" in message
    for word in words:
        assert word in message
    for command in COMMANDS:
        if not command.opens_db or any("{" in word for word in command.argv):
            continue
        code, out, err = _cli(capsys, "--db", str(db_path), *command.argv)
        if command.lists_problems:
            assert (code, err) == (1, ""), command.argv
            assert caught.value.problem in out, command.argv
            continue
        assert (code, out) == (1, ""), command.argv
        assert err.strip() == message, command.argv
    with pytest.raises(BadDatabaseFile):
        make_app(db_path, clock)
    assert _files(db_path.parent) == before
    Repository.open(db_path.with_name("other.json"), clock).close()  # no lock was left held
    return message


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_main_file_is_refused_with_its_reason(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(CASES[case])
    words = (FIELD_CASES[case][1],) if case in FIELD_CASES else ()
    assert_refused_everywhere(db_path, clock, capsys, *words)


def test_a_file_cut_off_anywhere_is_refused(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.parent.mkdir(parents=True)
    for offset in OFFSETS:
        db_path.write_bytes(VALID_BYTES[:offset])
        words = ("the file is empty",) if offset == 0 else ("not valid JSON or it was cut off",)
        assert_refused_everywhere(db_path, clock, capsys, *words)


def test_a_bad_file_points_to_the_backup_that_loads(
    db_path: Path,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
    db_path.write_bytes(VALID_BYTES[:40])
    message = assert_refused_everywhere(db_path, clock, capsys)
    assert f"restore {clock.today().isoformat()}" in message


@pytest.mark.parametrize("case", ["empty", "not json", "future schema version", "binary"])
def test_the_real_command_and_app_refuse_a_bad_file_with_exit_1(db_path: Path, case: str) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(CASES[case])
    for argv in (["summary"], ["summary", "--short"], []):  # [] starts the app
        result = subprocess.run(
            [str(COMPANION), "--db", str(db_path), *argv],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 1, (argv, result.stderr)
        assert "left exactly as it is" in result.stderr
        assert "Traceback" not in result.stderr
        assert db_path.read_bytes() == CASES[case]


# History parts

LOG_SCHEMA: dict[str, TableSchema] = {
    "log": {"text": Field("str"), "on": Field("date"), "mood": Field("int", required=False)}
}
PART_CASES: dict[str, bytes] = {
    **{name: raw for name, raw in SHAPES.items() if "settings" not in name},
    **{name: raw for name, (raw, _) in field_cases(LOG_SCHEMA).items()},
}


@pytest.mark.parametrize("case", sorted(PART_CASES))
def test_a_bad_history_part_is_refused_and_the_rest_still_works(
    db_path: Path, clock: FrozenClock, case: str
) -> None:
    layout = Layout(db_path)
    db = Database.open(db_path, clock, schemas=LOG_SCHEMA)
    db.insert(db.main.table("notes"), {"text": "kept"})
    db.insert(db.part("log").table("log"), {"text": "fine", "on": "2026-03-01"})
    db.close()
    part = layout.part("log")
    part.unlink()
    part.write_bytes(PART_CASES[case])

    db = Database.open(db_path, clock, schemas=LOG_SCHEMA)
    with pytest.raises(BadDatabaseFile) as caught:
        db.part("log")
    message = str(caught.value)
    assert str(part) in message
    assert "left exactly as it is" in message
    assert db.part_names() == ["log"]
    db.insert(db.main.table("notes"), {"text": "still saved"})
    db.insert(db.part("other").table("other"), {"text": "a new part"})
    db.close()
    after = _files(db_path.parent)
    assert after[str(part.relative_to(db_path.parent))] == PART_CASES[case]
    assert b"still saved" in db_path.read_bytes()


# Permissions


def test_a_file_companion_may_not_read(
    db_path: Path,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2)
    with unreadable(db_path, monkeypatch):
        assert_refused_everywhere(db_path, clock, capsys, "not allowed to read it")


def test_a_folder_in_place_of_the_file(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real everywhere, root included: a name companion cannot read as a file. The store
    and the app refuse it as a bad file; the command line refuses the path itself, as
    bad input (exit 2), before anything is opened."""
    db_path.mkdir(parents=True)
    with pytest.raises(BadDatabaseFile, match="it is a folder, not a file"):
        Repository.open(db_path, clock)
    with pytest.raises(BadDatabaseFile, match="it is a folder, not a file"):
        make_app(db_path, clock)
    for command in COMMANDS:
        if not command.opens_db or any("{" in word for word in command.argv):
            continue
        code, out, err = _cli(capsys, "--db", str(db_path), *command.argv)
        assert (code, out) == (2, ""), command.argv
        assert err == f"companion: --db: {db_path} is a folder, not a file; name a database file.\n"
    result = subprocess.run(
        [str(COMPANION), "--db", str(db_path), "summary"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "is a folder, not a file" in result.stderr


def _two_days_of_backups(db_path: Path, clock: FrozenClock) -> str:
    """A database changed on two days, so that it has a backup; returns the backup's day."""
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=2, welcomed=True)
    clock.advance(timedelta(days=1))
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
    return list_backups(Layout(db_path))[0].day.isoformat()


def test_a_cli_write_in_a_folder_companion_may_not_write(db_path: Path, clock: FrozenClock) -> None:
    day = _two_days_of_backups(db_path, clock)
    Layout(db_path).lock.unlink()
    before = _files(db_path.parent)
    with unwritable(db_path.parent):
        result = subprocess.run(
            [str(COMPANION), "--db", str(db_path), "restore", day, "--yes"],
            capture_output=True,
            text=True,
            timeout=60,
            env={"COMPANION_FROZEN_NOW": clock.now().isoformat(), "PATH": "/usr/bin:/bin"},
        )
        after = _files(db_path.parent)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "companion could not write" in result.stderr
    assert str(db_path.parent) in result.stderr
    assert after == before


async def test_the_app_in_a_folder_it_may_not_write_shows_the_data_read_only(
    db_path: Path, clock: FrozenClock
) -> None:
    _two_days_of_backups(db_path, clock)
    Layout(db_path).lock.unlink()
    before = _files(db_path.parent)
    with unwritable(db_path.parent):
        app = make_app(db_path, clock, cursor_blink=False)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.repo.read_only
            shown = str(app.screen.query_one("#read-only").render())
            assert f"companion cannot write in {db_path.parent}" in shown
            assert "0 of 3" in str(app.screen.query_one("#applied").render())
            await pilot.press("q")
        assert app.exit_problem is None
    assert _files(db_path.parent) == before


async def test_the_app_whose_folder_turns_read_only_keeps_the_change_and_asks_at_quit(
    db_path: Path, clock: FrozenClock
) -> None:
    _two_days_of_backups(db_path, clock)
    app = make_app(db_path, clock, cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        before = _files(db_path.parent)
        with unwritable(db_path.parent):
            app.repo.settings.update(weekly_goal=9)
            assert await wait_until(pilot, lambda: app.repo.db.save_problem is not None)
            await pilot.press("q")
            await pilot.pause()
            assert type(app.screen).__name__ == "QuitGuardScreen"
            assert _files(db_path.parent) == before
        await pilot.press("r")
        await pilot.pause()
    assert app.exit_problem is None
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 9
