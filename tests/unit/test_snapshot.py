"""The full export: every table of every file, an exact round trip, refusals that change nothing."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from fsrs import Rating
from hypothesis import HealthCheck, given, settings

from companion.clock import FrozenClock
from companion.domain.practice import new_question, rehearse
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.store.manifest import take_manifest
from companion.store.migrations import SCHEMA_VERSION
from companion.store.repository import SCHEMAS, Repository
from companion.store.snapshot import (
    ExportProblem,
    NotEmpty,
    export_json,
    import_snapshot,
    parse_export,
    snapshot_of,
)
from tests.export_data import EXACT, NOW, Plan, build, database_bytes, fill, plans


def _export(db_path: Path, clock: FrozenClock) -> bytes:
    with Repository.open(db_path, clock, access="read") as repo:
        return export_json(snapshot_of(repo.db))


def _import(db_path: Path, clock: FrozenClock, raw: bytes, *, replace: bool = False) -> Path | None:
    snapshot = parse_export(raw, SCHEMAS)
    with Repository.open(db_path, clock) as repo:
        return import_snapshot(repo.db, snapshot, replace=replace, now=clock.now())


def _files_as_exported(db_path: Path) -> dict[str, object]:
    """The tables of every file on disk, in the shape of an export's main and history."""
    layout = Layout(db_path)
    main = read_tables(db_path)
    take_manifest(main)  # the store's list of its files, which an export leaves out
    return {
        "main": main,
        "history": {name: read_tables(layout.part(name)) for name in layout.part_names()},
    }


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans)
def test_export_import_export_is_byte_identical(plan: Plan, clock: FrozenClock) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "a" / "companion.json"
        target = Path(folder) / "b" / "companion.json"
        with Repository.open(source, clock) as repo:
            build(repo, plan)
        first = _export(source, clock)
        exported = orjson.loads(first)
        # every table of every file is in it, exactly as on disk
        assert {"main": exported["main"], "history": exported["history"]} == _files_as_exported(
            source
        )
        assert _import(target, clock, first) is None
        assert _export(target, clock) == first
        assert _files_as_exported(target) == _files_as_exported(source)
        # and the repository reads back what was built
        with (
            Repository.open(source, clock, access="read") as a,
            Repository.open(target, clock, access="read") as b,
        ):
            assert b.interviews.all() == a.interviews.all()
            assert b.questions.all() == a.questions.all()
            assert b.applications.all() == a.applications.all()
            assert b.references.all() == a.references.all()
            assert b.settings.get() == a.settings.get()
            assert b.urges.days_since(NOW.date() - timedelta(days=60)) == a.urges.days_since(
                NOW.date() - timedelta(days=60)
            )
            months = ("2026-01", "2026-02", "2026-03")
            assert b.questions.rehearsals_in(months) == a.questions.rehearsals_in(months)


def test_the_export_holds_every_part_with_its_schema_version(
    db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    exported = orjson.loads(_export(db_path, clock))
    assert list(exported) == ["format", "schema_version", "written_by", "main", "history"]
    assert exported["format"] == "companion-export"
    assert exported["schema_version"] == SCHEMA_VERSION
    assert sorted(exported["history"]) == ["answers", "reviews-2026-01", "reviews-2026-02"]
    for tables in (exported["main"], *exported["history"].values()):
        assert tables["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert set(exported["main"]) >= {
        "meta",
        "settings",
        "interviews",
        "references",
        "questions",
        "applications",
        "urges",
    }


def test_a_part_added_later_is_exported_without_being_named_anywhere(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.db.insert(repo.db.part("keepsakes").table("keepsakes"), {"text": "A calm day."})
        repo.db.insert(repo.db.main.table("things"), {"x": 1})
    exported = orjson.loads(_export(db_path, clock))
    assert exported["history"]["keepsakes"]["keepsakes"] == {"1": {"text": "A calm day."}}
    assert exported["main"]["things"] == {"1": {"x": 1}}


def test_the_layout_is_fixed_ids_in_number_order(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        table = repo.db.main.table("things")
        for n in range(12):
            repo.db.insert(table, {"z": n, "a": {"y": 1, "b": 2}})
    raw = _export(db_path, clock)
    things = orjson.loads(raw)["main"]["things"]
    assert list(things) == [str(n) for n in range(1, 13)]
    assert list(things["1"]) == ["a", "z"]
    assert list(things["1"]["a"]) == ["b", "y"]
    assert raw.endswith(b"}\n")
    assert b'\n  "main": {\n    "meta": {' in raw


def test_an_empty_database_round_trips(db_path: Path, clock: FrozenClock, tmp_path: Path) -> None:
    first = _export(db_path, clock)
    assert not db_path.exists()  # exporting reads, never writes
    other = tmp_path / "other" / "c.json"
    _import(other, clock, first)
    assert _export(other, clock) == first


def test_importing_into_a_database_with_data_needs_replace_and_changes_nothing(
    db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    source = tmp_path / "source" / "c.json"
    with Repository.open(source, clock) as repo:
        repo.settings.update(weekly_goal=9)
    raw = _export(source, clock)
    fill(db_path, clock)
    before = database_bytes(db_path)
    with pytest.raises(NotEmpty) as caught:
        _import(db_path, clock, raw)
    assert "interviews: 2" in str(caught.value)
    assert database_bytes(db_path) == before


def test_replace_keeps_a_copy_and_removes_parts_the_export_does_not_have(
    db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    source = tmp_path / "source" / "c.json"
    with Repository.open(source, clock) as repo:
        repo.settings.update(weekly_goal=9)
    raw = _export(source, clock)
    fill(db_path, clock)
    before = database_bytes(db_path)
    assert Layout(db_path).part_names()
    kept = _import(db_path, clock, raw, replace=True)
    assert kept is not None
    assert kept.read_bytes() == before[db_path.name]
    kept_parts = Layout(kept).committed_parts()
    assert sorted(kept_parts) == sorted(n.removeprefix("history/") for n in before if "/" in n)
    for name, path in kept_parts.items():
        assert path.read_bytes() == before[f"history/{name}"]
    assert Layout(db_path).part_names() == []
    assert _export(db_path, clock) == raw
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 9
        assert repo.interviews.all() == []


def test_after_a_replace_a_removed_part_starts_afresh(
    db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    empty = _export(tmp_path / "empty" / "c.json", clock)
    moment = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with Repository.open(db_path, clock) as repo:
        question = repo.questions.add(new_question("Why us?", moment))
        repo.questions.record(*rehearse(question, Rating.Good, moment, None, EXACT))
        assert repo.db.part_names() == ["reviews-2026-03"]
        repo.db.replace_all(parse_export(empty, SCHEMAS).main, {})
        assert repo.db.part_names() == []
        assert repo.db.dirty
        # a rehearsal in the same month before the save: a new part, not the old one
        question = repo.questions.add(new_question("Why now?", moment))
        repo.questions.record(*rehearse(question, Rating.Easy, moment, None, EXACT))
    reviews = read_tables(Layout(db_path).part("reviews-2026-03"))["reviews"]
    assert [doc["rating"] for doc in reviews.values()] == [int(Rating.Easy)]


def _valid(clock: FrozenClock, tmp_path: Path) -> dict[str, object]:
    source = tmp_path / "valid" / "c.json"
    fill(source, clock)
    parsed: dict[str, object] = orjson.loads(_export(source, clock))
    return parsed


def _broken(kind: str, good: dict[str, object]) -> bytes:
    main = dict(good["main"])  # type: ignore[call-overload]
    history = dict(good["history"])  # type: ignore[call-overload]
    meta = {"1": {"schema_version": 99, "next_ids": {}}}
    changes: dict[str, object] = {
        "empty": b"  \n",
        "not json": b"format = 'companion-export'",
        "cut off": orjson.dumps(good)[:-40],
        "an array": b"[]",
        "not an export": {"hello": 1},
        "another format": {**good, "format": "other-app"},
        "a database": main,
        "future version": {**good, "schema_version": SCHEMA_VERSION + 1},
        "version not a number": {**good, "schema_version": "1"},
        "future part": {**good, "history": {**history, "answers": {"meta": meta}}},
        "no main": {k: v for k, v in good.items() if k != "main"},
        "unknown key": {**good, "extra": []},
        "history not an object": {**good, "history": []},
        "part escaping the folder": {**good, "history": {"../../evil": {}}},
        "table not an object": {**good, "main": {**main, "settings": 5}},
        "id not a number": {**good, "main": {**main, "urges": {"x": {}}}},
        "mistyped field": {
            **good,
            "main": {**main, "settings": {"1": {"weekly_goal": "five"}}},
        },
        "missing field": {**good, "main": {**main, "interviews": {"1": {"company": "Acme"}}}},
    }
    change = changes[kind]
    return change if isinstance(change, bytes) else orjson.dumps(change)


MALFORMED = {
    "empty": "the file is empty",
    "not json": "not valid JSON",
    "cut off": "not valid JSON",
    "an array": "holds an array",
    "not an export": 'not a companion export (it has no "format")',
    "another format": "its \"format\" is the text 'other-app', where an export has",
    "a database": "a companion database or backup, not an export",
    "future version": f"newer companion (schema version {SCHEMA_VERSION + 1}",
    "version not a number": "schema_version is the text '1'",
    "future part": "history part 'answers' is of schema version 99",
    "no main": 'no "main"',
    "unknown key": "'extra'",
    "history not an object": '"history" is an array',
    "part escaping the folder": "'../../evil'",
    "table not an object": "table 'settings' is a number",
    "id not a number": "document id 'x'",
    "mistyped field": "'weekly_goal' = 'five'",
    "missing field": "has no 'role' field",
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_malformed_export_is_refused_with_what_is_wrong(
    kind: str, clock: FrozenClock, tmp_path: Path
) -> None:
    raw = _broken(kind, _valid(clock, tmp_path))
    with pytest.raises(ExportProblem) as caught:
        parse_export(raw, SCHEMAS)
    assert MALFORMED[kind] in str(caught.value)
