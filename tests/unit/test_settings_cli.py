"""`companion settings`, and the calendar file it keeps current after every change."""

from __future__ import annotations

import os
import threading
from datetime import time
from pathlib import Path

import pytest
from icalendar import Calendar

from companion.cli import main
from companion.clock import FrozenClock
from companion.store.repository import Repository


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _uids(path: Path) -> set[str]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def _add_interview(capsys: pytest.CaptureFixture[str], db_path: Path, company: str) -> None:
    code, _, err = run(
        capsys, db_path, "interview", "add", "--company", company, "--role", "Dev", "--on", "-1d"
    )
    assert code == 0, err


def test_settings_with_no_flag_shows_every_setting(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, err = run(capsys, db_path, "settings")
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "weekly goal",
        "inbox check",
        "retention",
        "daily limit",
        "rest days",
        "day starts",
        "theme",
        "calendar",
        "holidays of",
        "your name",
        "breathing",
        "motion",
    ]
    assert "5 applications a week" in lines[0]
    assert lines[1].endswith("off")
    assert "0.90" in lines[2]
    assert "15 questions a day" in lines[3]
    assert lines[4].endswith("none")
    assert lines[5].endswith("04:00")
    assert "dusk" in lines[6]
    assert lines[7].endswith("off")
    assert "none" in lines[8]
    assert lines[9].endswith("not set (the drafts end unsigned)")
    assert not db_path.exists()  # showing writes nothing


def test_settings_shows_a_theme_from_the_environment(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_THEME", "ansi-light")
    _, out, _ = run(capsys, db_path, "settings")
    assert "$COMPANION_THEME sets ansi-light for now" in out


def test_each_flag_changes_its_setting_and_leaves_the_others(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    code, out, err = run(capsys, db_path, "settings", "--weekly-goal", "3", "--checkin", "17:30")
    assert code == 0, err
    assert "Weekly goal: 3 applications a week" in out
    assert "Inbox check: 17:30." in out
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.weekly_goal, settings.checkin_time) == (3, time(17, 30))
    code, out, _ = run(capsys, db_path, "settings", "--checkin", "off")
    assert code == 0
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.weekly_goal, settings.checkin_time) == (3, None)
    _, out, _ = run(capsys, db_path, "settings", "--weekly-goal", "3")
    assert out.startswith("Nothing changed")


@pytest.mark.parametrize(
    ("argv", "flag", "accepts"),
    [
        (["--weekly-goal", "lots"], "weekly-goal", "whole number from 0 to 50"),
        (["--weekly-goal", "51"], "weekly-goal", "whole number from 0 to 50"),
        (["--checkin", "25:00"], "checkin", "HH:MM on a 24-hour clock"),
        (["--checkin", ""], "checkin", "HH:MM on a 24-hour clock"),
        (["--checkin", "5pm"], "checkin", "or off"),
        (["--calendar", ""], "calendar", "name a file"),
        (["--calendar", "/no/such/folder/c.ics"], "calendar", "does not exist"),
    ],
)
def test_a_bad_value_names_the_flag_and_what_it_accepts_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str], flag: str, accepts: str
) -> None:
    run(capsys, db_path, "settings", "--weekly-goal", "4")
    before = db_path.read_bytes()
    code, out, err = run(capsys, db_path, "settings", "--weekly-goal", "2", *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"companion: {flag}: ")
    assert accepts in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_calendar_is_never_replaced(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    code, _, err = run(capsys, db_path, "settings", "--calendar", str(notes))
    assert code == 2
    assert "is not a calendar" in err
    assert notes.read_text() == "my notes\n"
    code, _, err = run(capsys, db_path, "settings", "--calendar", str(tmp_path))
    assert code == 2
    assert "is a folder" in err


def test_the_calendar_is_written_at_once_and_rewritten_after_every_change(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    ics = tmp_path / "kind.ics"
    code, out, err = run(capsys, db_path, "settings", "--calendar", str(ics))
    assert code == 0, err
    assert f"The calendar is in {ics}" in out
    assert _uids(ics) == set()
    assert ics.stat().st_mode & 0o777 == 0o600

    _add_interview(capsys, db_path, "Acme")
    assert _uids(ics) == {
        "interview-1-thank-you@companion",
        "interview-1-follow-up@companion",
        "interview-1-move-on@companion",
    }
    run(capsys, db_path, "interview", "log", "1", "thank-you")
    assert "interview-1-thank-you@companion" not in _uids(ics)
    run(capsys, db_path, "settings", "--checkin", "17:00")
    assert "inbox-check@companion" in _uids(ics)
    code, _, _ = run(capsys, db_path, "interview", "outcome", "1", "rejected")
    assert code == 0
    assert _uids(ics) == {"inbox-check@companion"}

    _, out, _ = run(capsys, db_path, "settings")
    assert f"calendar:     {ics} (rewritten after every change)" in out


def test_a_relative_calendar_path_is_kept_from_where_it_was_given(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    run(capsys, db_path, "settings", "--calendar", "rel.ics")
    monkeypatch.chdir("/")
    _add_interview(capsys, db_path, "Acme")
    assert "interview-1-follow-up@companion" in _uids(tmp_path / "rel.ics")
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get().calendar_path == str(tmp_path / "rel.ics")


def test_turning_the_calendar_off_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "kind.ics"
    run(capsys, db_path, "settings", "--calendar", str(ics))
    _add_interview(capsys, db_path, "Acme")
    kept = ics.read_bytes()
    code, out, _ = run(capsys, db_path, "settings", "--calendar", "off")
    assert code == 0
    assert "no longer updated" in out
    _add_interview(capsys, db_path, "Beta")
    assert ics.read_bytes() == kept


def test_a_calendar_that_cannot_be_written_is_said_and_the_change_is_still_saved(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "cal"
    folder.mkdir()
    ics = folder / "kind.ics"
    run(capsys, db_path, "settings", "--calendar", str(ics))
    before = ics.read_bytes()
    real_replace = os.replace

    def full_disk(src: str, dst: str | Path) -> None:
        if Path(dst) == ics:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    code, out, err = run(
        capsys, db_path, "interview", "add", "--company", "Acme", "--role", "Dev", "--on", "-1d"
    )
    assert code == 0  # the interview is saved: a retry would add it twice
    assert "Added interview 1" in out
    assert f"could not update the calendar {ics} (No space left on device)" in err
    assert "Your data is saved" in err
    assert ics.read_bytes() == before  # never torn: the old calendar, whole
    assert sorted(p.name for p in folder.iterdir()) == ["kind.ics"]  # no temp file left
    with Repository.open(db_path, clock, access="read") as repo:
        assert [i.company for i in repo.interviews.all()] == ["Acme"]

    monkeypatch.setattr(os, "replace", real_replace)
    _add_interview(capsys, db_path, "Beta")
    assert "interview-2-follow-up@companion" in _uids(ics)


def test_setting_a_calendar_that_cannot_be_written_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(capsys, db_path, "settings", "--weekly-goal", "4")
    before = db_path.read_bytes()

    def refuse(src: str, dst: str | Path) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run(capsys, db_path, "settings", "--calendar", str(tmp_path / "c.ics"))
    assert code == 1
    assert "Permission denied" in err
    assert db_path.read_bytes() == before
    assert not (tmp_path / "c.ics").exists()


def test_a_calendar_whose_folder_went_away_is_said_and_not_recreated(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cal"
    folder.mkdir()
    run(capsys, db_path, "settings", "--calendar", str(folder / "kind.ics"))
    (folder / "kind.ics").unlink()
    folder.rmdir()
    code, _, err = run(
        capsys, db_path, "interview", "add", "--company", "Acme", "--role", "Dev", "--on", "-1d"
    )
    assert code == 0
    assert "does not exist" in err
    assert "companion settings --calendar PATH" in err
    assert not folder.exists()


def test_a_reader_never_sees_a_torn_calendar(
    db_path: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    """A calendar app may read the file at any moment: it finds a whole calendar each time."""
    from companion.domain.interviews import Interview

    ics = tmp_path / "kind.ics"
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(calendar_path=str(ics))
        repo.calendar.write()
    stop = threading.Event()
    reads: list[bytes] = []

    def read_all_the_time() -> None:
        while not stop.wait(0.0005):  # a short pause: the writer must get the interpreter too
            reads.append(ics.read_bytes())

    reader = threading.Thread(target=read_all_the_time)
    reader.start()
    try:
        with Repository.open(db_path, clock) as repo:
            for n in range(20):
                repo.interviews.add(
                    Interview(company=f"Company {n}", role="Dev", held_on=clock.today())
                )
                repo.flush()
    finally:
        stop.set()
        reader.join()
    assert len(reads) > 1
    for data in reads:
        assert data.startswith(b"BEGIN:VCALENDAR\r\n")
        assert data.endswith(b"END:VCALENDAR\r\n")
        Calendar.from_ical(data)
    assert len(_uids(ics)) == 3 * 20  # each open interview: thank-you, check-in, moving on


def test_the_practice_flags_set_the_daily_limit_rest_days_and_day_start(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    code, out, err = run(
        capsys,
        db_path,
        "settings",
        "--daily-limit",
        "8",
        "--rest-days",
        "sat,sun",
        "--day-starts",
        "5:00",
    )
    assert code == 0, err
    assert "Daily limit: 8 questions" in out
    assert "Rest days: sat, sun." in out
    assert "A practice day starts at 05:00." in out
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.daily_limit, settings.rest_days, settings.day_starts) == (
        8,
        frozenset({5, 6}),
        time(5, 0),
    )
    code, out, _ = run(capsys, db_path, "settings", "--rest-days", "none")
    assert code == 0
    assert "Rest days: none." in out


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--daily-limit", "0"), ("--rest-days", "funday"), ("--day-starts", "13:00")],
)
def test_a_bad_practice_setting_names_its_flag_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, flag: str, value: str
) -> None:
    code, _, err = run(capsys, db_path, "settings", flag, value)
    assert code == 2
    assert err.startswith(f"companion: {flag.removeprefix('--')}:")
    assert not db_path.exists()
