"""`companion breathe` without the full screen, its exit codes, and `park` / `parked`."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from datetime import time, timedelta
from pathlib import Path

import orjson
import pytest

from companion.cli import main, plain_pacer
from companion.cli.plain_pacer import pace, wants_plain
from companion.clock import FrozenClock
from companion.domain.breathing import BOX, SIGH
from companion.domain.interviews import Interview
from companion.domain.worries import State
from companion.services import summary as summaries
from companion.services import worries
from companion.store.lock import WriteLock
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION


class FakeTime:
    """A monotonic clock that only moves when slept on: five minutes pass in no time."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(plain_pacer, "SLEEP", fake.sleep)
    monkeypatch.setattr(plain_pacer, "MONOTONIC", fake.monotonic)
    return fake


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


def breathe(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db: Path,
    typed: str,
    *argv: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["--db", str(db), "breathe", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_pacing_is_one_line_a_phase_and_waits_out_each(fake_time: FakeTime) -> None:
    out = io.StringIO()
    assert pace(SIGH, out, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(SIGH.phases) * SIGH.cycles
    assert lines[:3] == [
        "Breath 1 of 25: breathe in through your nose for 3.",
        "Then a little more in for 1.",
        "Breathe out slowly through your mouth for 8.",
    ]
    assert sum(fake_time.slept) == 300  # five minutes, paced in no time
    assert "\x1b" not in out.getvalue()


def test_a_slow_line_does_not_stretch_the_breath(fake_time: FakeTime) -> None:
    class Slow(io.StringIO):
        def write(self, text: str) -> int:
            fake_time.now += 0.5  # printing took half a second
            return super().write(text)

    pace(BOX, Slow(), sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    assert fake_time.now - 100.0 == pytest.approx(BOX.total_seconds, abs=1)


def test_ctrl_c_stops_the_pacing_and_says_so() -> None:
    out = io.StringIO()

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    assert not pace(BOX, out, sleep=interrupted, monotonic=lambda: 0.0)
    assert out.getvalue().splitlines() == ["Breath 1 of 4: breathe in for 4.", ""]


def test_plain_lines_when_the_terminal_is_dumb_or_not_a_terminal() -> None:
    assert wants_plain({"TERM": "dumb"}, Tty())
    assert wants_plain({"TERM": "xterm-256color"}, io.StringIO())
    assert not wants_plain({"TERM": "xterm-256color"}, Tty())


def test_breathe_plain_parks_the_thought_paces_and_leaves_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    fake_time: FakeTime,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(checkin_time=time(17, 0))
    code, out, err = breathe(capsys, monkeypatch, db_path, "Did Acme write back?\n\n", "--plain")
    assert (code, err) == (3, "")
    lines = out.splitlines()
    assert lines[0].startswith("I want to check my inbox. Noted. Your inbox check is at 17:00.")
    assert lines[1] == (
        "What is on your mind? One line, kept until 17:00 (Enter skips): "
        "Parked until 17:00. It will keep."
    )
    assert lines[2] == "Box breathing, 4-4-4-4: four breaths, about a minute. Ctrl-C stops."
    assert lines[3:7] == [
        "Breath 1 of 4: breathe in for 4.",
        "Hold for 4.",
        "Breathe out for 4.",
        "Hold for 4.",
    ]
    assert lines[19] == "That was a minute, well spent."
    assert lines[20] == "Nothing needs you today."
    assert lines[-1].endswith("Left until 17:00. Whatever is there will keep.")
    assert sum(fake_time.slept) == BOX.total_seconds
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {1: "leave"}
        (thought,) = repo.worries.all()
    assert thought.text == "Did Acme write back?" and thought.state == State.WAITING


def test_look_now_exits_0_so_the_mail_client_can_follow(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    fake_time: FakeTime,
) -> None:
    code, out, _ = breathe(capsys, monkeypatch, db_path, "\nn\n", "--plain", "--pattern", "sigh")
    assert code == 0
    assert "Cyclic sigh: a double breath in and a long breath out, for five minutes." in out
    assert "That was five minutes, well spent." in out
    assert out.rstrip().endswith("Look once, then let it rest.")
    assert sum(fake_time.slept) == 300
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {1: "look"}
        assert repo.worries.all() == []  # an empty line parks nothing


def test_an_answer_it_does_not_know_is_asked_again_and_no_answer_is_not_now(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    fake_time: FakeTime,
) -> None:
    code, out, _ = breathe(capsys, monkeypatch, db_path, "\nmaybe\nlook\n", "--plain")
    assert code == 0
    assert "Enter leaves it until then; n and Enter looks now: " in out
    code, out, _ = breathe(capsys, monkeypatch, db_path, "", "--plain")  # stdin ends at once
    assert code == 3
    assert "Left" not in out and "Look once" not in out
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {1: "look"}  # the second urge has no choice
        assert summaries.summary(repo).urges_today == 2


def test_the_settings_pattern_is_the_default_and_the_flag_wins(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    fake_time: FakeTime,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(breathing_pattern="sigh")
    _, out, _ = breathe(capsys, monkeypatch, db_path, "\n\n", "--plain")
    assert "Cyclic sigh" in out
    _, out, _ = breathe(capsys, monkeypatch, db_path, "\n\n", "--plain", "--pattern", "box")
    assert "Box breathing" in out
    code, _, err = breathe(capsys, monkeypatch, db_path, "", "--plain", "--pattern", "4-7-8")
    assert code == 2
    assert err.startswith("companion: pattern: '4-7-8' is not a breathing pattern")


def test_dumb_terminal_gets_plain_lines_without_the_flag(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    fake_time: FakeTime,
) -> None:
    monkeypatch.setattr(sys, "stdout", Tty())
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setattr(
        "companion.cli.breathe_cmd.launch_tui", lambda ctx, start=None: pytest.fail("full screen")
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n\n"))
    assert main(["--db", str(db_path), "breathe"]) == 3
    out = sys.stdout.getvalue()
    assert "Breath 4 of 4: breathe in for 4." in out


def test_with_no_color_the_plain_pacer_prints_no_escape_sequence(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    fake_time: FakeTime,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, err = breathe(capsys, monkeypatch, db_path, "A thought\n\n", "--plain")
    assert "\x1b" not in out + err
    assert "Parked until 17:00" in out


def test_another_companion_holding_the_data_does_not_stop_the_breathing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    fake_time: FakeTime,
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
    monkeypatch.setattr("companion.cli.context.LOCK_WAIT_SECONDS", 0.0)
    lock = WriteLock(db_path.parent / f"{db_path.name}.lock")
    assert lock.acquire(wait=0)
    try:
        code, out, err = breathe(capsys, monkeypatch, db_path, "\n", "--plain")
    finally:
        lock.release()
    assert code == 3
    assert "this urge is not noted" in err
    assert "What is on your mind?" not in out  # nothing could be parked
    assert "That was a minute, well spent." in out


def test_the_editor_gets_no_color_with_the_rest_of_the_environment(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
    tmp_path: Path,
) -> None:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import os, sys, pathlib\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "path.write_text('NO_COLOR=' + os.environ.get('NO_COLOR', '(unset)'), encoding='utf-8')\n",
        encoding="utf-8",
    )

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["--db", str(db_path), "journal"]) == 0
    with Repository.open(db_path, clock, access="read") as repo:
        assert [e.text for e in repo.journal.all()] == ["NO_COLOR=1"]


def test_park_parks_and_counts_the_same_thought_up(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    assert main(["--db", str(db_path), "park", "Did", "Acme", "write", "back?"]) == 0
    assert capsys.readouterr().out == (
        "Parked until 17:00. It waits there, unseen; nothing is lost by waiting.\n"
    )
    assert main(["--db", str(db_path), "park", "did acme write back"]) == 0
    assert capsys.readouterr().out == (
        "Parked until 17:00, with the same thought from before (2 times now).\n"
    )
    assert main(["--db", str(db_path), "park", "  "]) == 2
    assert capsys.readouterr().err.startswith("companion: thought: it is empty")
    with Repository.open(db_path, clock, access="read") as repo:
        (thought,) = repo.worries.all()
    assert (thought.text, thought.times) == ("Did Acme write back?", 2)


def test_parked_lists_the_waiting_ones_and_all_of_them_with_all(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    assert main(["--db", str(db_path), "parked"]) == 0
    assert "No thought is waiting." in capsys.readouterr().out
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(checkin_time=time(8, 0))  # today's is gone: tomorrow's
        first = worries.park(repo, "Did Acme write back?")
        worries.park(repo, "Will Umbrella call?")
        worries.answer(repo, first, "let_go")
    assert main(["--db", str(db_path), "parked"]) == 0
    assert capsys.readouterr().out == "   2  until 08:00 Wed 4 Mar  Will Umbrella call?\n"
    assert main(["--db", str(db_path), "parked", "--all"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "   1  let go Tue 3 Mar       Did Acme write back?",
        "   2  until 08:00 Wed 4 Mar  Will Umbrella call?",
    ]
    assert main(["--db", str(db_path), "parked", "--all", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert [(d["id"], d["state"], d["offer_at"]) for d in data] == [
        (1, "let_go", None),
        (2, "waiting", "2026-03-04T08:00:00+00:00"),
    ]
    assert set(data[0]) == {
        "id", "text", "times", "parked_at", "last_parked_at", "state",
        "offer_at", "answered_on", "turned_out",
    }  # fmt: skip


SHORT_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
new = ("companion.domain.worries", "companion.store.worries_store", "companion.domain.writing",
       "companion.store.writing_store", "companion.domain.breathing", "companion.cli.park_cmd")
print("LOADED:" + ",".join(m for m in new if m in sys.modules))
raise SystemExit(code)
"""


def test_the_short_summary_pays_nothing_for_parked_thoughts(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        for n in range(50):
            worries.park(repo, f"Thought {n}")
        repo.urges.choose(repo.urges.note(clock.now()), "leave")
        repo.settings.update(breathing_pattern="sigh", reduced_motion=True)
    result = subprocess.run(
        [sys.executable, "-c", SHORT_PROBE, "--db", str(db_path), "summary", "--short"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COMPANION_FROZEN_NOW": clock.now().isoformat()},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"
    with Repository.open(db_path, clock, access="read") as repo:
        summaries.summary(repo)
        assert repo.db.loaded_parts() == []


def run_breathe_plain(db: Path, clock: FrozenClock, answer: bytes | None) -> tuple[int, str]:
    """The installed command, paced for real: Ctrl-C (SIGINT) after the first line stops it,
    then `answer` is typed (None: input ends)."""
    env = {**os.environ, "COMPANION_FROZEN_NOW": clock.now().isoformat(), "TERM": "dumb"}
    process = subprocess.Popen(
        [str(COMPANION), "--db", str(db), "breathe", "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"Did Acme write back?\n")
    process.stdin.flush()
    seen = b""
    while b"Breath 1 of 4" not in seen:
        chunk = process.stdout.readline()
        assert chunk, process.stderr.read() if process.stderr else ""
        seen += chunk
    process.send_signal(signal.SIGINT)
    if answer is not None:
        process.stdin.write(answer)
    process.stdin.close()
    rest = process.stdout.read()
    code = process.wait(timeout=60)
    if process.stderr is not None:
        process.stderr.close()
    process.stdout.close()
    return code, (seen + rest).decode()


def test_the_exit_codes_of_the_installed_command(db_path: Path, clock: FrozenClock) -> None:
    code, out = run_breathe_plain(db_path, clock, b"\n")
    assert code == 3, out
    assert "You stopped the breathing; that is fine." in out
    assert "Left until 17:00." in out
    code, out = run_breathe_plain(db_path, clock, b"n\n")
    assert code == 0, out
    code, out = run_breathe_plain(db_path, clock, None)
    assert code == 3, out
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {1: "leave", 2: "look"}
        (thought,) = repo.worries.all()
    assert thought.times == 3


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["breathe", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit code: 0 for look now; 3 for leave it" in out
    assert "--plain" in out and "--pattern box|sigh" in out


def test_a_thought_parked_after_the_slot_is_kept_for_tomorrow(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FrozenClock,
) -> None:
    clock.advance(timedelta(hours=9))  # 18:30
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())
    assert main(["--db", str(db_path), "park", "Will Umbrella call?"]) == 0
    assert capsys.readouterr().out.startswith("Parked until 17:00 tomorrow.")


def test_a_rejection_from_the_shell_offers_the_self_compassion_prompt_once(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(Interview("Acme", "Designer", clock.today() - timedelta(days=5)))
    assert main(["--db", str(db_path), "interview", "outcome", "1", "rejected"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        "If you like: If a friend told you this had just happened to them, what would you say "
        "to them? Write it to yourself, in those words. (companion journal --interview 1 "
        "--tag self-compassion keeps it.)"
    )
    assert main(["--db", str(db_path), "interview", "outcome", "1", "waiting"]) == 0
    assert "If you like" not in capsys.readouterr().out


def test_the_breathing_and_its_motion_are_flags_of_settings(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FrozenClock
) -> None:
    code = main(["--db", str(db_path), "settings", "--breathing", "sigh", "--reduced-motion", "on"])
    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "Breathing: sigh: cyclic sigh, a double breath in and a long breath out, for five minutes.",
        "Motion: reduced: a still pacer, only its words change.",
    ]
    with Repository.open(db_path, clock, access="read") as repo:
        settings = repo.settings.get()
    assert (settings.breathing_pattern, settings.reduced_motion) == ("sigh", True)
    assert main(["--db", str(db_path), "settings"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[-2:] == [
        "breathing:    sigh: cyclic sigh, a double breath in and a long breath out, for five "
        "minutes",
        "motion:       reduced: a still pacer, only its words change",
    ]
    assert main(["--db", str(db_path), "settings", "--breathing", "4-7-8"]) == 2
    assert capsys.readouterr().err.startswith("companion: breathing: '4-7-8' is not")
    assert main(["--db", str(db_path), "settings", "--reduced-motion", "maybe"]) == 2
    assert "reduced-motion: 'maybe' is not on or off" in capsys.readouterr().err
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.settings.get() == settings  # a refused flag changes nothing
