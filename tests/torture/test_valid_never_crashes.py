"""Valid never crashes: whatever passes the checker, every command and every place takes.

Hypothesis draws whole databases that pass the checker (tests/torture/valid_data.py,
biased to the edges: the first and last days companion keeps, odd time zones,
empty, long and hostile text, ids near the largest, references across tables).
Every reading command runs on each, and a draft of every kind; the writing
commands run on a copy, which must pass the checker afterwards (the app never
writes what it would refuse); and the app visits every place, opens each
interview, drafts its note and logs it as sent, and reads the journal.
No traceback, exit codes 0, 1 or 2 only.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.drafts import DraftKind
from companion.store.checker import check_database
from companion.store.files import read_tables
from companion.store.layout import Layout
from companion.tui.app import make_app
from tests.torture.valid_data import DRAWN_TABLES, Drawn, databases, write_database

pytestmark = pytest.mark.slow

# A few dozen in the suite; set COMPANION_VALID_EXAMPLES to hunt longer.
EXAMPLES = int(os.environ.get("COMPANION_VALID_EXAMPLES", "30"))

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
NOWS = st.sampled_from(
    [NOW, datetime(1910, 1, 1, tzinfo=UTC), datetime(2199, 12, 31, 23, 59, tzinfo=UTC)]
)


def test_every_table_is_drawn() -> None:
    """A new table adds its documents to tests/torture/valid_data.py."""
    from companion.store.repository import SCHEMA_LOADERS

    missing = set(SCHEMA_LOADERS) - DRAWN_TABLES
    assert not missing, f"draw documents of {sorted(missing)} in tests/torture/valid_data.py"


def _run(argv: list[str]) -> tuple[int, str, str]:
    """In this process, with streams like a real one's (stdout strict UTF-8)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    real = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(b"from a pipe"), encoding="utf-8")
    try:
        code = main(argv)
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else 2
    finally:
        sys.stdout, sys.stderr, sys.stdin = real
    out.flush()
    err.flush()
    return code, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()


def _reads(drawn: Drawn) -> list[list[str]]:
    some_interviews = [str(i) for i in drawn.interview_ids[:3]]
    return [
        ["summary"],
        ["summary", "--json"],
        ["summary", "--short"],
        ["interview", "list"],
        ["interview", "list", "--all"],
        ["interview", "list", "--all", "--json"],
        *(["interview", "show", i] for i in some_interviews),
        ["reference", "list"],
        ["reference", "list", "--json"],
        ["question", "list"],
        ["question", "list", "--due"],
        ["question", "list", "--json"],
        ["journal", "list"],
        ["journal", "list", "--json"],
        *(["journal", "list", "--interview", i] for i in some_interviews[:1]),
        ["export", "--format", "json", "--output", "-"],
        ["export", "--format", "markdown", "--output", "-"],
        ["export", "--format", "ics", "--output", "-"],
        ["backups"],
        ["check"],
        ["settings"],
        ["story", "list"],
        ["story", "list", "--json"],
        ["parked"],
        ["parked", "--all", "--json"],
    ]


def _drafts(drawn: Drawn) -> list[list[str]]:
    """Every kind of note for the first interview, and each one's own: refused (exit 2)
    when the kind does not fit, never a crash."""
    first = [str(i) for i in drawn.interview_ids[:1]]
    some = [str(i) for i in drawn.interview_ids[:3]]
    return [
        *(["draft", i] for i in some),
        *(["draft", i, kind.value, "--json"] for i in first for kind in DraftKind),
    ]


def _writes(drawn: Drawn, folder: Path) -> list[list[str]]:
    first = [str(i) for i in drawn.interview_ids[:1]]
    some = [str(i) for i in drawn.question_ids[:2]]
    return [
        ["interview", "add", "--company", "Acme", "--role", "Analyst", "--on", "today"],
        *(["interview", "log", i, "thank-you"] for i in first),
        *(["interview", "log", i, "references-notified"] for i in first),
        *(["interview", "outcome", i, "offer-verbal"] for i in first),
        *(["interview", "outcome", i, "waiting"] for i in first),
        ["reference", "add", "Ana", "--relation", "manager"],
        ["question", "add", "Why us?", "--tag", "why", *(f"--interview={i}" for i in first)],
        ["apply", "--company", "Acme", "--role", "Analyst", "--status", "offer"],
        ["journal", "A day", "--mood", "3", "--tag", "t"],
        ["settings", "--weekly-goal", "3", "--checkin", "17:00"],
        ["settings", "--daily-limit", "5", "--rest-days", "sat", "--day-starts", "05:00"],
        ["settings", "--breathing", "sigh", "--reduced-motion", "on"],
        ["story", "add", "The launch", "--result", "Shipped", *(f"--question={q}" for q in some)],
        ["park", "Did they write back?"],
        ["journal"],  # from a pipe
        ["import", "behavioural"],
        ["export", "--output", str(folder / "out.json")],
        ["import", str(folder / "out.json"), "--replace"],
    ]


def _assert_calm(argv: list[str], code: int, err: str) -> None:
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code:
        assert err.strip(), (argv, code)


def _sound(path: Path) -> None:
    layout = Layout(path)
    main_tables = read_tables(path)
    parts = {name: read_tables(layout.part(name)) for name in layout.part_names()}
    problems = check_database(main_tables, parts)
    assert not problems, [str(problem) for problem in problems]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(drawn=databases(), now=NOWS)
def test_every_command_takes_any_valid_database(drawn: Drawn, now: datetime) -> None:
    problems = check_database(drawn.main, drawn.parts)
    assert not problems, [str(problem) for problem in problems]
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMPANION_FROZEN_NOW", now.isoformat())
        patch.delenv("VISUAL", raising=False)
        patch.delenv("EDITOR", raising=False)
        patch.chdir(tmp)
        folder = Path(tmp)
        path = folder / "data" / "companion.json"
        write_database(path, drawn)
        for argv in _reads(drawn):
            code, _, err = _run(["--db", str(path), *argv])
            _assert_calm(argv, code, err)
            assert code == 0, (argv, err)
        for argv in _drafts(drawn):
            code, _, err = _run(["--db", str(path), *argv])
            _assert_calm(argv, code, err)
            assert code in (0, 2), (argv, err)
        copy = folder / "copy" / "companion.json"
        shutil.copytree(path.parent, copy.parent)
        for argv in _writes(drawn, folder):
            code, _, err = _run(["--db", str(copy), *argv])
            _assert_calm(argv, code, err)
        _sound(copy)


@settings(
    max_examples=max(1, EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(drawn=databases(), now=NOWS)
async def test_every_place_of_the_app_takes_any_valid_database(drawn: Drawn, now: datetime) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "companion.json"
        write_database(path, drawn)
        app = make_app(path, FrozenClock(now), cursor_blink=False, background=False)
        async with app.run_test(size=(80, 24)) as pilot:
            if type(app.screen).__name__ == "WelcomeScreen":
                await pilot.press("escape")
            for key in ("h", "w", "p", "b", "j", "a", "s"):
                await pilot.press(key)
                await pilot.pause()
                await pilot.press("down", "down", "enter")
                await pilot.pause()
                await pilot.press("escape", "escape")
            await pilot.press("p", "space", "3", "space", "1", "f", "space", "4")  # rehearse
            await pilot.pause()
            for interview_id in drawn.interview_ids[:3]:
                app.open_target(f"interview:{interview_id}")
                await pilot.pause()
                await pilot.press("escape")
                app.open_target(f"prep:{interview_id}")  # its prep card (issue 15)
                await pilot.pause()
                await pilot.press("escape")
                # Its note (issue 16): the draft, or the choice of one; the next person;
                # "I sent it", confirmed.
                app.open_target(f"interview:{interview_id}")
                await pilot.pause()
                await pilot.press("t")
                await pilot.pause()
                await pilot.press("enter", "n", "s")
                await pilot.pause()
                await pilot.press("y")
                await pilot.pause()
                await pilot.press("escape", "escape", "escape")
            await pilot.press("b", "y")  # the stories
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            await pilot.press("escape", "escape", "escape")
            await pilot.press("j")
            for _ in drawn.entry_ids[:3]:
                await pilot.press("down", "enter")
                await pilot.pause()
                await pilot.press("escape")
            await pilot.press("h", "q")
        app.close_repository()
