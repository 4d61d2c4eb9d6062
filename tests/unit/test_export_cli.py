"""`companion export`, `import` of an export, `backups` and `restore`: every flag and error."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from fsrs import Rating
from icalendar import Calendar

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.practice import new_question, rehearse
from companion.store.backups import list_backups
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.store.repository import Repository
from tests.export_data import EXACT, database_bytes, database_contents, fill


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock, tmp_path: Path) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys: pytest.CaptureFixture[str], db: Path, *flags: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(db), "export", *flags)


# Export


def test_export_without_output_makes_a_new_file_and_never_touches_one(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    work = Path.cwd()
    taken = work / "companion-export-2026-03-03.json"
    taken.write_text("mine")
    code, out, err = export(capsys, db_path)
    assert (code, err) == (0, "")
    written = work / "companion-export-2026-03-03-2.json"
    assert str(written) in out
    assert f"companion import {written}" in out
    assert taken.read_text() == "mine"
    assert orjson.loads(written.read_bytes())["format"] == "companion-export"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    code, out, _ = export(capsys, db_path)
    assert "companion-export-2026-03-03-3.json" in out
    assert sorted(p.name for p in work.iterdir() if not p.name.startswith("companion-export")) == []


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "companion-export-2026-03-03.json"),
        ("markdown", "companion-notes-2026-03-03.md"),
        ("ics", "companion-calendar-2026-03-03.ics"),
    ],
)
def test_each_format_has_its_own_default_name(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, fmt: str, name: str
) -> None:
    fill(db_path, clock)
    code, out, _ = export(capsys, db_path, "--format", fmt)
    assert code == 0
    assert name in out
    assert (Path.cwd() / name).stat().st_size > 0


def test_output_names_a_file_and_replaces_it(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    target = Path.cwd() / "mine.json"
    target.write_text("old")
    code, _, _ = export(capsys, db_path, "--output", str(target))
    assert code == 0
    assert orjson.loads(target.read_bytes())["main"]["settings"]["1"]["weekly_goal"] == 4
    assert [p.name for p in Path.cwd().iterdir()] == ["mine.json"]  # no temp file left


def test_the_format_follows_the_output_suffix_unless_given(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    export(capsys, db_path, "-o", "dates.ics")
    assert Calendar.from_ical(Path("dates.ics").read_bytes()).walk("VEVENT")
    export(capsys, db_path, "-o", "notes.md")
    assert Path("notes.md").read_text().startswith("# companion\n")
    export(capsys, db_path, "-o", "notes.markdown")
    assert Path("notes.markdown").read_text().startswith("# companion\n")
    export(capsys, db_path, "-o", "plain.txt")
    assert orjson.loads(Path("plain.txt").read_bytes())["format"] == "companion-export"
    export(capsys, db_path, "-o", "forced.ics", "--format", "json")
    assert orjson.loads(Path("forced.ics").read_bytes())["format"] == "companion-export"


@pytest.mark.parametrize("fmt", ["json", "markdown", "ics"])
def test_output_dash_prints(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, fmt: str
) -> None:
    fill(db_path, clock)
    code, out, err = export(capsys, db_path, "--format", fmt, "--output", "-")
    assert (code, err) == (0, "")
    first = {"json": "{", "markdown": "# companion", "ics": "BEGIN:VCALENDAR"}[fmt]
    assert out.startswith(first)
    assert list(Path.cwd().iterdir()) == []


def test_exporting_reads_only_and_works_beside_a_running_companion(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    backups = list_backups(Layout(db_path))
    with Repository.open(db_path, clock):  # holds the write lock
        code, _, _ = export(capsys, db_path, "-o", "x.json")
    assert code == 0
    assert database_bytes(db_path) == before
    assert list_backups(Layout(db_path)) == backups


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("missing/x.json", "the folder"),
        (".", "is a folder"),
        ("", "--output needs a file name"),
    ],
)
def test_a_bad_output_exits_2_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, output: str, words: str
) -> None:
    fill(db_path, clock)
    code, out, err = export(capsys, db_path, "--output", output)
    assert code == 2
    assert out == ""
    assert words in err
    assert err.startswith("companion: ")
    assert list(Path.cwd().iterdir()) == []


def test_an_unknown_format_exits_2(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), "export", "--format", "pdf"])
    assert caught.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_a_full_disk_exits_1_and_leaves_the_named_file_whole(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(db_path, clock)
    target = Path.cwd() / "mine.json"
    target.write_text("old")
    real = os.write

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    code, _, err = export(capsys, db_path, "-o", str(target))
    monkeypatch.setattr(os, "write", real)
    assert code == 1
    assert f"could not write {target}" in err
    assert "No space left on device" in err
    assert target.read_text() == "old"
    assert [p.name for p in Path.cwd().iterdir()] == ["mine.json"]


def test_a_bad_database_is_not_exported(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"{ broken")
    code, _, err = export(capsys, db_path)
    assert code == 1
    assert "left exactly as it is" in err
    assert list(Path.cwd().iterdir()) == []


# Import of a full export


def test_import_into_an_empty_database_then_export_is_identical(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    fill(db_path, clock)
    export(capsys, db_path, "-o", "all.json")
    other = tmp_path / "other" / "c.json"
    code, out, err = run(capsys, "--db", str(other), "import", "all.json")
    assert (code, err) == (0, "")
    assert "interviews: 2" in out
    assert "questions: 2" in out
    export(capsys, other, "-o", "again.json")
    assert Path("again.json").read_bytes() == Path("all.json").read_bytes()
    assert not (other.parent / "backups").exists() or not list_backups(Layout(other))


def test_import_into_a_database_with_data_needs_replace(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    other = tmp_path / "other" / "c.json"
    with Repository.open(other, clock) as repo:
        repo.settings.update(weekly_goal=1)
    export(capsys, other, "-o", "small.json")
    fill(db_path, clock)
    before = database_bytes(db_path)
    contents = database_contents(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "import", "small.json")
    assert code == 2
    assert "already holds data" in err
    assert "--replace" in err
    assert "nothing was changed" in err
    assert database_bytes(db_path) == before
    code, out, err = run(capsys, "--db", str(db_path), "import", "small.json", "--replace")
    assert code == 0
    kept = next(
        Path(line.split(" is kept at ")[1].split(";")[0])
        for line in out.splitlines()
        if "kept at" in line
    )
    assert kept.read_bytes() == before[db_path.name]
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().weekly_goal == 1
        assert repo.interviews.all() == []
    assert Layout(db_path).part_names() == []
    # the kept copy brings everything back, history parts included
    code, _, _ = run(capsys, "--db", str(db_path), "restore", str(kept), "--yes")
    assert code == 0
    assert database_contents(db_path) == contents


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (b"{", "not valid JSON"),
        (b'{"format": "companion-export", "schema_version": 99, "main": {}}', "newer companion"),
        (b'{"meta": {"1": {"schema_version": 1, "next_ids": {}}}}', "companion restore FILE"),
    ],
)
def test_a_malformed_export_exits_2_naming_the_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    content: bytes,
    words: str,
) -> None:
    fill(db_path, clock)
    before = database_bytes(db_path)
    bad = Path.cwd() / "bad.json"
    bad.write_bytes(content)
    for flags in ((), ("--replace",)):
        code, out, err = run(capsys, "--db", str(db_path), "import", str(bad), *flags)
        assert code == 2
        assert out == ""
        assert str(bad) in err
        assert words in err
        assert "Nothing was changed" in err
        assert "Traceback" not in err
    assert database_bytes(db_path) == before
    assert not (db_path.parent / "backups").exists()  # not even a copy was needed


def test_import_errors_for_files_and_flags(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "import", "nowhere.json")
    assert code == 2
    assert "'nowhere.json' does not exist" in err
    Path("folder.json").mkdir()
    code, _, err = run(capsys, "--db", str(db_path), "import", "folder.json")
    assert code == 2
    assert "is a folder" in err
    code, _, err = run(capsys, "--db", str(db_path), "import", "behavioural", "--replace")
    assert code == 2
    assert "--replace is for full exports" in err
    Path("notes.txt").write_text("hi")
    code, _, err = run(capsys, "--db", str(db_path), "import", "notes.txt")
    assert code == 2
    assert "full exports (.json) and question decks (.toml)" in err
    assert not db_path.exists()


# Backups and restore


def _rate(repo: Repository, text: str, moment: datetime) -> None:
    question = repo.questions.add(new_question(text, moment))
    repo.questions.record(*rehearse(question, Rating.Good, moment, None, EXACT))
    repo.questions.improve_answer(repo.questions.get(question.id or 0) or question, "v1", moment)
    repo.questions.improve_answer(repo.questions.get(question.id or 0) or question, "v2", moment)


def test_restore_a_day_brings_back_the_history_parts_as_they_were(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        _rate(repo, "Why us?", datetime(2026, 2, 27, 10, tzinfo=UTC))
    day_one = database_contents(db_path)
    assert sorted(day_one) == ["companion.json", "history/answers", "history/reviews-2026-02"]
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        _rate(repo, "Why now?", clock.now())  # a new month's part, more answers
    day_two = database_contents(db_path)
    assert "history/reviews-2026-03" in day_two
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert code == 0
    assert "2026-03-04  Wed 4 Mar" in out
    code, out, err = run(capsys, "--db", str(db_path), "restore", "2026-03-04", "--yes")
    assert (code, err) == (0, "")
    assert database_contents(db_path) == day_one
    with Repository.open(db_path, clock, access="read") as repo:
        assert [q.text for q in repo.questions.all()] == ["Why us?"]
        assert [v.text for v in repo.questions.answer_history(1)] == ["v1"]
    # the files it replaced were kept, parts and all, and restoring them goes forward again
    kept = next(
        Path(line.split(" is kept at ")[1].rstrip("."))
        for line in out.splitlines()
        if "kept at" in line
    )
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert "before a restore" in out
    assert str(kept) in out
    code, _, _ = run(capsys, "--db", str(db_path), "restore", str(kept), "--yes")
    assert code == 0
    assert database_contents(db_path) == day_two


def test_restore_refuses_a_backup_whose_history_part_does_not_load(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Repository.open(db_path, clock) as repo:
        _rate(repo, "Why us?", clock.now())
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
    backup = list_backups(Layout(db_path))[0]
    part = Layout(backup.path).part("answers")
    part.unlink()  # a hard link to the live part: replace it, do not write through it
    part.write_bytes(b"{ broken")
    before = database_bytes(db_path)
    code, _, err = run(capsys, "--db", str(db_path), "restore", backup.day.isoformat(), "--yes")
    assert code == 2
    assert "Nothing was changed" in err
    assert part.name in err
    assert database_bytes(db_path) == before
    assert read_tables(Layout(db_path).part("answers"))


def test_restore_takes_a_full_export_too(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    export(capsys, db_path, "-o", "all.json")
    contents = database_contents(db_path)
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=40)
    code, out, err = run(capsys, "--db", str(db_path), "restore", "all.json", "--yes")
    assert (code, err) == (0, "")
    assert "Restored" in out
    assert database_contents(db_path) == contents


def test_backups_lists_sizes_and_says_when_there_are_none(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    assert code == 0
    assert "No daily backups yet" in out
    fill(db_path, clock)
    clock.advance(timedelta(days=1))
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(weekly_goal=3)
    backup = list_backups(Layout(db_path))[0]
    code, out, _ = run(capsys, "--db", str(db_path), "backups")
    # a backup is named for the day it was taken: before that day's first change
    line = next(line for line in out.splitlines() if line.startswith("2026-03-04"))
    assert "Wed 4 Mar" in line
    assert str(backup.path) in line
    expected = backup.path.stat().st_size + sum(
        p.stat().st_size for p in backup.history.glob("*.json")
    )
    assert expected > 1024
    assert f"{expected / 1024:.0f} KB" in line
