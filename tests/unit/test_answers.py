"""The answers kept for the shell prompt (companion/answers.py): never a stale one.

A kept answer is printed only while the main file is the one it was computed
from and the clock has not reached the next instant that could change it; the
property test compares the kept answer with a fresh one over generated
databases, clocks that cross each boundary, and writes between calls.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion import answers
from companion.cli import kept
from companion.cli.context import Context
from companion.cli.interview_cmd import _list_json
from companion.cli.summary_cmd import _short
from companion.clock import FrozenClock
from companion.domain.applications import Application
from companion.domain.changes import next_change
from companion.domain.interviews import new_interview
from companion.domain.journal import new_entry
from companion.domain.practice import new_question, rehearse
from companion.paths import default_data_dir
from companion.services import kept_home
from companion.services import summary as summaries
from companion.services.access import Repository
from companion.store.layout import Layout
from tests.export_data import EXACT, NOW, fill, plans

COMMANDS: dict[str, Callable[[Repository], str]] = {
    answers.SUMMARY_SHORT: _short,
    answers.INTERVIEW_LIST_JSON: _list_json,
}
ZONES = (UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8)))


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall clock an hour ahead: a file written in the test counts as settled."""
    monkeypatch.setattr(answers, "wall_ns", lambda: answers.time.time_ns() + 3_600 * 10**9)


def _fresh(db: Path, clock: FrozenClock, name: str) -> str:
    with Repository.open(db, clock, access="read") as repo:
        return COMMANDS[name](repo)


def _answer(db: Path, clock: FrozenClock, name: str) -> str:
    return kept.answer(Context(db_path=db, clock=clock), name, COMMANDS[name])


def _kept_file(db: Path, name: str) -> Path:
    return Path(answers.kept_path(str(db), name))


def _held(db: Path, clock: FrozenClock, name: str) -> str | None:
    now = clock.now()
    offset = now.utcoffset()
    assert offset is not None
    return answers.kept_answer(str(db), name, answers.epoch_ns(now), int(offset.total_seconds()))


def _until(db: Path, name: str) -> datetime:
    lines = _kept_file(db, name).read_text(encoding="utf-8").split("\n")
    return datetime.fromtimestamp(int(lines[5].split(" ")[1]) / 1e9, UTC)


# The property: kept or computed, the same answer


WRITES = ("urge", "application", "interview", "checkin", "rehearsal", "day start")


def _write(db: Path, clock: FrozenClock, kind: str, number: int) -> None:
    with Repository.open(db, clock) as repo:
        if kind == "urge":
            repo.urges.note(clock.now())
        elif kind == "application":
            repo.applications.add(Application(f"Company {number}", "Designer", clock.today()))
        elif kind == "interview":
            held = clock.today() + timedelta(days=number % 5 - 2)
            repo.interviews.add(new_interview(company=f"Co {number}", role="R", held_on=held))
        elif kind == "rehearsal":  # a question due again in minutes or days
            question = repo.questions.add(new_question(f"Question {number}", clock.now()))
            rating = list(Rating)[number % 4]
            repo.questions.record(
                *rehearse(question, rating, clock.now(), timedelta(seconds=60), EXACT)
            )
        elif kind == "day start":
            repo.settings.update(day_starts=time(number % 12, (number * 20) % 60))
        else:
            repo.settings.update(checkin_time=time(number % 24, (number * 15) % 60))


steps = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.integers(1, 60 * 40)),
        st.tuples(st.just("edge"), st.sampled_from(list(COMMANDS))),
        st.tuples(st.just("write"), st.sampled_from(WRITES)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=plans,
    zone=st.sampled_from(ZONES),
    start=st.integers(-3 * 24 * 60, 3 * 24 * 60),
    steps=steps,
)
def test_a_kept_answer_is_always_the_one_computed_now(
    tmp_path_factory: pytest.TempPathFactory,
    settled: None,
    plan: object,
    zone: timezone,
    start: int,
    steps: list[tuple[str, object]],
) -> None:
    db = tmp_path_factory.mktemp("kept") / "companion.json"
    fill(db, FrozenClock(NOW), plan)  # type: ignore[arg-type]
    clock = FrozenClock((NOW + timedelta(minutes=start)).astimezone(zone))

    def agree() -> None:
        for name in COMMANDS:
            fresh = _fresh(db, clock, name)
            held = _held(db, clock, name)  # what the prompt would print, if anything
            assert held is None or held == fresh, (name, clock.now())
            assert _answer(db, clock, name) == fresh, (name, clock.now())
        _home_agrees(db, clock)

    agree()
    for number, (kind, value) in enumerate(steps):
        if kind == "tick":
            assert isinstance(value, int)
            clock.advance(timedelta(minutes=value))
        elif kind == "edge":  # just before the next change, then at it
            assert isinstance(value, str)
            if _kept_file(db, value).exists():
                until = _until(db, value)
                if until > clock.now():
                    clock.at = (until - timedelta(microseconds=1)).astimezone(zone)
                    agree()
                    clock.at = until.astimezone(zone)
        else:
            assert isinstance(value, str)
            _write(db, clock, value, number)
        agree()


def _home_agrees(db: Path, clock: FrozenClock) -> None:
    """Home's kept summary (services/kept_home.py), whole, is the one made now; one
    is kept whenever none holds, as the app keeps it."""
    read_from = kept_home.identity(db)
    held = kept_home.kept_summary(db, read_from, clock.now())
    with Repository.open(db, clock, access="read") as repo:
        fresh = summaries.summary(repo)
        if held is None:
            kept_home.keep_summary(repo, read_from, fresh, clock.now())
    assert held is None or held.summary == fresh, clock.now()


def test_the_next_change_is_the_first_boundary_after_now() -> None:
    now = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
    assert next_change(now, [], None) == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    soon = now + timedelta(minutes=7)
    assert next_change(now, [now - timedelta(days=1), soon], None) == soon
    assert next_change(now, [], time(9, 45)) == datetime(2026, 3, 3, 9, 45, tzinfo=UTC)
    # inside the check-in slot: its end
    assert next_change(now, [], time(9, 15)) == datetime(2026, 3, 3, 9, 45, tzinfo=UTC)
    # the practice day's start, today's or tomorrow's
    assert next_change(now, [], None, time(9, 40)) == datetime(2026, 3, 3, 9, 40, tzinfo=UTC)
    assert next_change(now, [], None, time(4, 0)) == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    evening = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)
    assert next_change(evening, [], None, time(0, 10)) == datetime(2026, 3, 4, 0, 0, tzinfo=UTC)
    late = datetime(2026, 3, 3, 23, 59, tzinfo=UTC)
    assert next_change(late, [], None) == datetime(2026, 3, 4, 0, 0, tzinfo=UTC)


# When an answer is kept and when it is trusted


@pytest.fixture
def lived_in(db_path: Path, clock: FrozenClock) -> Path:
    fill(db_path, clock)
    return db_path


def _counting(name: str) -> tuple[Callable[[Repository], str], list[int]]:
    calls: list[int] = []

    def compute(repo: Repository) -> str:
        calls.append(1)
        return COMMANDS[name](repo)

    return compute, calls


def _ask(db: Path, clock: FrozenClock, compute: Callable[[Repository], str]) -> str:
    return kept.answer(Context(db_path=db, clock=clock), answers.SUMMARY_SHORT, compute)


def test_a_kept_answer_is_used_until_the_data_changes(
    lived_in: Path, clock: FrozenClock, settled: None
) -> None:
    compute, calls = _counting(answers.SUMMARY_SHORT)
    first = _ask(lived_in, clock, compute)
    assert _ask(lived_in, clock, compute) == first
    assert len(calls) == 1
    assert _kept_file(lived_in, answers.SUMMARY_SHORT).stat().st_mode & 0o777 == 0o600
    _write(lived_in, clock, "interview", 2)
    changed = _ask(lived_in, clock, compute)
    assert len(calls) == 2
    assert changed == _fresh(lived_in, clock, answers.SUMMARY_SHORT)


def test_a_file_written_moments_ago_is_not_trusted_to_keep_an_answer(
    lived_in: Path, clock: FrozenClock
) -> None:
    """Timestamps are coarse: two writes in one tick could look alike."""
    compute, calls = _counting(answers.SUMMARY_SHORT)
    _ask(lived_in, clock, compute)
    _ask(lived_in, clock, compute)
    assert len(calls) == 2
    assert not _kept_file(lived_in, answers.SUMMARY_SHORT).exists()


def _keep(db: Path, clock: FrozenClock) -> Path:
    _answer(db, clock, answers.SUMMARY_SHORT)
    kept_file = _kept_file(db, answers.SUMMARY_SHORT)
    assert _held(db, clock, answers.SUMMARY_SHORT) is not None
    return kept_file


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda f: f.chmod(0o644), id="others-may-read-it"),
        pytest.param(lambda f: f.write_bytes(f.read_bytes()[:-3]), id="cut-short"),
        pytest.param(lambda f: f.write_bytes(b"\xff\xfe"), id="not-text"),
        pytest.param(lambda f: f.write_text(answers.FORMAT + "\n"), id="no-header"),
        pytest.param(lambda f: (f.unlink(), os.mkfifo(f, 0o600)), id="a-pipe-never-waited-on"),
        pytest.param(
            lambda f: f.write_text(f.read_text().replace("0.1.0", "0.0.9", 1)),
            id="another-version",
        ),
        pytest.param(
            lambda f: f.write_text(f.read_text().replace(answers.FORMAT, "x", 1)),
            id="another-format",
        ),
    ],
)
def test_a_kept_answer_that_is_not_whole_and_ours_is_computed_again(
    lived_in: Path, clock: FrozenClock, settled: None, spoil: Callable[[Path], object]
) -> None:
    kept_file = _keep(lived_in, clock)
    spoil(kept_file)
    assert _held(lived_in, clock, answers.SUMMARY_SHORT) is None
    assert _answer(lived_in, clock, answers.SUMMARY_SHORT) == _fresh(
        lived_in, clock, answers.SUMMARY_SHORT
    )


def test_another_time_zone_or_an_earlier_clock_computes_again(
    lived_in: Path, clock: FrozenClock, settled: None
) -> None:
    _keep(lived_in, clock)
    elsewhere = FrozenClock(clock.now().astimezone(timezone(timedelta(hours=1))))
    assert _held(lived_in, elsewhere, answers.SUMMARY_SHORT) is None
    earlier = FrozenClock(clock.now() - timedelta(seconds=1))
    assert _held(lived_in, earlier, answers.SUMMARY_SHORT) is None


def test_a_file_replaced_with_the_same_size_and_times_is_seen(
    lived_in: Path, clock: FrozenClock, settled: None
) -> None:
    """A restore or a sync that keeps the modification time still gives a new identity."""
    _keep(lived_in, clock)
    stat = lived_in.stat()
    copy = lived_in.with_name("copy.json")
    copy.write_bytes(lived_in.read_bytes())
    copy.replace(lived_in)
    os.utime(lived_in, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _held(lived_in, clock, answers.SUMMARY_SHORT) is None


def test_no_answer_is_kept_for_a_database_that_does_not_exist(
    db_path: Path, clock: FrozenClock, settled: None
) -> None:
    _answer(db_path, clock, answers.SUMMARY_SHORT)
    assert not db_path.exists()
    assert not _kept_file(db_path, answers.SUMMARY_SHORT).exists()


# The console script's first try


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        (["summary", "--short"], (None, answers.SUMMARY_SHORT)),
        (["--db", "x.json", "summary", "--short"], ("x.json", answers.SUMMARY_SHORT)),
        (["--db=x.json", "interview", "list", "--json"], ("x.json", answers.INTERVIEW_LIST_JSON)),
        (["summary", "--sh"], None),  # argparse's abbreviations go to the parser
        (["summary", "--short", "--json"], None),
        (["interview", "list", "--json", "--all"], None),
        (["--db", "-x", "summary", "--short"], None),
        (["--demo", "summary", "--short"], None),
        (["summary"], None),
    ],
)
def test_only_the_kept_commands_typed_exactly_take_the_first_try(
    argv: list[str], found: tuple[str | None, str] | None
) -> None:
    assert answers.command_of(argv) == found


@pytest.mark.parametrize(
    "environ",
    [
        {"HOME": "/home/ana"},
        {"HOME": "/home/ana/"},
        {"HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana"},
        {"HOME": "/home/ana", "XDG_DATA_HOME": "relative/data"},
        {"HOME": "/home/ana", "XDG_DATA_HOME": ""},
    ],
)
def test_the_first_try_finds_the_default_database_where_platformdirs_does(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    found = answers.db_of(None, dict(os.environ))
    if found is not None:
        assert Path(found) == default_data_dir() / "companion.json"


PROBE = """
import os, sys
exit_now = os._exit
def leave(code):
    sys.stdout.flush()
    print("MODULES:" + repr(sorted(sys.modules)))
    sys.stdout.flush()
    exit_now(code)
os._exit = leave
sys.argv = ["companion", *sys.argv[1:]]
from companion.script import run
run()
"""

# What the prompt's first try must not load: only the kept answer is read.
NOT_ON_THE_PROMPT = (
    "typing",
    "re",
    "collections",
    "argparse",
    "pathlib",
    "dataclasses",
    "inspect",
    "json",
    "orjson",
    "tinydb",
    "platformdirs",
    "textual",
    "fsrs",
    "companion.cli",
    "companion.store",
    "companion.services",
    "companion.domain",
    "companion.startup",
)


def _script(db: Path, clock: FrozenClock, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/"),
        "COMPANION_FROZEN_NOW": clock.now().isoformat(),
        **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"},
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _printed_and_loaded(result: subprocess.CompletedProcess[str]) -> tuple[str, set[str]]:
    assert result.returncode == 0, result.stderr
    printed, _, modules = result.stdout.rpartition("MODULES:")
    return printed, set(ast.literal_eval(modules))


@pytest.mark.parametrize("argv", [["summary", "--short"], ["interview", "list", "--json"]])
def test_the_prompt_prints_the_kept_answer_loading_nothing_else(
    lived_in: Path, clock: FrozenClock, settled: None, argv: list[str]
) -> None:
    computed, loaded_computing = _printed_and_loaded(_script(lived_in, clock, *argv))
    assert "companion.store" in loaded_computing  # nothing kept yet: computed
    name = answers.command_of(argv)
    assert name is not None
    _answer(lived_in, clock, name[1])  # kept (this process sees the file as settled)
    printed, loaded = _printed_and_loaded(_script(lived_in, clock, *argv))
    assert printed == computed
    wrongly = sorted(
        module
        for module in loaded
        if any(module == name or module.startswith(f"{name}.") for name in NOT_ON_THE_PROMPT)
    )
    assert wrongly == []


# Under the commit point (companion/store/commit.py): every commit a new main file


def _interview(db: Path, clock: FrozenClock, company: str) -> None:
    with Repository.open(db, clock) as repo:
        held = clock.today() - timedelta(days=1)
        repo.interviews.add(new_interview(company=company, role="R", held_on=held))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_kept_answer_outlives_a_commit_of_any_kind(
    lived_in: Path, clock: FrozenClock, settled: None, name: str
) -> None:
    """A change to the main file only, one to a history part only (the main file names
    its new file), one to both, and one that changes nothing the answers show."""
    commits: list[Callable[[Repository], object]] = [
        lambda repo: repo.settings.update(weekly_goal=7),
        lambda repo: repo.journal.add(new_entry("A quiet day.", clock.now(), mood=3)),
        lambda repo: repo.questions.record(
            *rehearse(
                repo.questions.add(new_question("Why here?", clock.now())),
                Rating.Good,
                clock.now(),
                timedelta(seconds=60),
                EXACT,
            )
        ),
        lambda repo: repo.interviews.add(
            new_interview(company="Zed", role="R", held_on=clock.today())
        ),
    ]
    for commit in commits:
        _answer(lived_in, clock, name)
        kept_from = answers.identity(lived_in)
        assert _held(lived_in, clock, name) is not None
        before = Layout(lived_in).committed_parts()
        with Repository.open(lived_in, clock) as repo:
            commit(repo)
        assert answers.identity(lived_in) != kept_from
        assert _held(lived_in, clock, name) is None
        assert _answer(lived_in, clock, name) == _fresh(lived_in, clock, name)
        if commit is commits[1]:  # the journal went to a new part's file
            assert Layout(lived_in).committed_parts() != before


def test_a_crash_between_the_parts_and_the_main_file_leaves_the_kept_answer_true(
    lived_in: Path, clock: FrozenClock, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rehearsal's part is written under its new name, then the process dies before
    the main file: what loads is the database as it was, so the kept answer still
    holds, and stays true when the next writer removes the file nothing names."""
    name = answers.SUMMARY_SHORT
    kept_before = _answer(lived_in, clock, name)
    layout = Layout(lived_in)
    named_before = set(layout.committed_parts().values())
    repo = Repository.open(lived_in, clock)
    question = repo.questions.add(new_question("Why now?", clock.now()))
    repo.questions.record(*rehearse(question, Rating.Again, clock.now(), timedelta(0), EXACT))
    repo.interviews.add(new_interview(company="Zed", role="R", held_on=clock.today()))
    real = os.replace

    def no_main(source: object, target: object) -> None:
        if Path(str(target)) == lived_in:
            raise OSError(28, "No space left on device")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", no_main)
    with pytest.raises(OSError):
        repo.db.flush()
    monkeypatch.undo()
    unnamed = set(layout.history_files()) - named_before
    assert unnamed  # the part's new file, which nothing names
    assert _held(lived_in, clock, name) == kept_before == _fresh(lived_in, clock, name)
    repo.db.discard()  # the crash: nothing more is written
    Repository.open(lived_in, clock).close()  # the next writer tidies
    assert not unnamed & set(layout.history_files())
    assert _held(lived_in, clock, name) == kept_before == _fresh(lived_in, clock, name)
    _interview(lived_in, clock, "Zed")
    assert _held(lived_in, clock, name) is None
    assert _answer(lived_in, clock, name) == _fresh(lived_in, clock, name) != kept_before


def _cli(*argv: str) -> int:
    from companion.cli import main

    return main(list(argv))


@pytest.mark.parametrize("how", ["restore", "import"])
def test_a_restore_or_an_import_is_never_answered_from_before(
    lived_in: Path,
    clock: FrozenClock,
    settled: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    export = tmp_path / "before.json"
    assert _cli("--db", str(lived_in), "export", "-o", str(export)) == 0
    _interview(lived_in, clock, "Zed")
    kept_answers = {name: _answer(lived_in, clock, name) for name in COMMANDS}
    assert all(_held(lived_in, clock, name) is not None for name in COMMANDS)
    command = ["restore", str(export), "--yes"] if how == "restore" else ["import", str(export)]
    assert _cli("--db", str(lived_in), *command, *(["--replace"] if how == "import" else [])) == 0
    for name in COMMANDS:
        assert _held(lived_in, clock, name) is None
        brought_back = _answer(lived_in, clock, name)
        assert brought_back == _fresh(lived_in, clock, name) != kept_answers[name]


def test_an_upgrade_from_schema_1_is_a_commit_the_kept_answer_sees(
    tmp_path: Path, clock: FrozenClock, settled: None
) -> None:
    folder = tmp_path / "old"
    shutil.copytree(Path(__file__).parent.parent / "fixtures" / "schema1", folder)
    db = folder / "companion.json"
    for name in COMMANDS:
        assert _answer(db, clock, name) == _fresh(db, clock, name)
        assert _held(db, clock, name) is not None  # kept from the schema 1 file
    Repository.open(db, clock).close()  # the upgrade: one commit, no part rewritten
    for name in COMMANDS:
        assert _held(db, clock, name) is None
        assert _answer(db, clock, name) == _fresh(db, clock, name)


# The kept files among the database's own


def test_a_kept_file_written_by_hand_is_printed_inert(
    lived_in: Path, clock: FrozenClock, settled: None
) -> None:
    """A kept answer that passes every test is still text from a file: the prompt shows
    its control characters as pictures, as it shows the user's own text."""
    kept_file = _keep(lived_in, clock)
    header = kept_file.read_text(encoding="utf-8").split("\n")[: answers.HEADER_LINES]
    hostile = "\x1b]0;pwned\x07\x1b[2J\u202etxt.exe\x9b31m"
    header[-1] = str(len(hostile.encode("utf-8")))
    kept_file.write_text("\n".join([*header, hostile]), encoding="utf-8")
    assert _held(lived_in, clock, answers.SUMMARY_SHORT) == hostile
    printed, _ = _printed_and_loaded(_script(lived_in, clock, "summary", "--short"))
    assert printed == "␛]0;pwned␇␛[2J<U+202E>txt.exe<U+009B>31m\n"


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda lines: lines.__setitem__(6, "9" * 5000), id="a-length-too-long"),
        pytest.param(lambda lines: lines.__setitem__(5, "1 2 3"), id="a-window-of-three"),
        pytest.param(lambda lines: lines.__setitem__(3, "1 2 3"), id="a-short-identity"),
        pytest.param(
            lambda lines: lines.append("x" * answers.MAX_BYTES), id="larger-than-any-answer"
        ),
    ],
)
def test_a_kept_file_with_a_hostile_header_is_ignored(
    lived_in: Path, clock: FrozenClock, settled: None, spoil: Callable[[list[str]], None]
) -> None:
    kept_file = _keep(lived_in, clock)
    lines = kept_file.read_text(encoding="utf-8").split("\n")
    spoil(lines)
    kept_file.write_text("\n".join(lines), encoding="utf-8")
    assert _held(lived_in, clock, answers.SUMMARY_SHORT) is None
    assert _answer(lived_in, clock, answers.SUMMARY_SHORT) == _fresh(
        lived_in, clock, answers.SUMMARY_SHORT
    )


def test_the_kept_files_are_no_part_of_the_database_to_check_back_up_or_export_over(
    lived_in: Path,
    clock: FrozenClock,
    settled: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    for name in COMMANDS:
        _answer(lived_in, clock, name)
    layout = Layout(lived_in)
    prompts = [Path(answers.kept_path(str(lived_in), name)) for name in COMMANDS]
    assert set(prompts) < set(layout.kept_answers)  # and home's summary, kept by the app
    assert all(kept.stat().st_mode & 0o777 == 0o600 for kept in prompts)
    capsys.readouterr()
    assert _cli("--db", str(lived_in), "check") == 0
    assert "is sound" in capsys.readouterr().out
    for kept_file in layout.kept_answers:
        assert _cli("--db", str(lived_in), "export", "-o", str(kept_file)) == 2
        assert "an answer kept for the shell prompt" in capsys.readouterr().err
    # a leftover of a prompt killed mid-write goes with the next writer's tidying
    leftover = lived_in.with_name(f".{lived_in.name}.{answers.SUMMARY_SHORT}.4242.tmp")
    leftover.write_text("half")
    layout.kept_answers[0].chmod(0o644)  # made readable to others by hand
    clock.advance(timedelta(days=1))  # the day's backup is made with the next change
    _interview(lived_in, clock, "Zed")
    assert not leftover.exists()
    assert layout.kept_answers[0].stat().st_mode & 0o777 == 0o600
    backed_up = {path.name for path in layout.backups.rglob("*")}
    assert backed_up and not any("summary-short" in n or "list-json" in n for n in backed_up)
