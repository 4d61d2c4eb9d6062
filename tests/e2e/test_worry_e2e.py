"""The installed command in tmux: park a thought, breathe, leave it; at the check-in, let it go."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import time, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.worries import State
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, tmux_session

pytestmark = pytest.mark.e2e


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[[], Tmux]]:
    """Start as many 80x24 terminals as the test needs; all are closed after it."""
    with ExitStack() as stack:
        yield lambda: stack.enter_context(tmux_session(tmp_path, width=80, height=24))


def test_park_breathe_leave_it_then_let_it_go_at_the_check_in(
    tmux: Callable[[], Tmux], tmp_path: Path, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, checkin_time=time(17, 0))
    morning = tmux()
    morning.start(
        [str(COMPANION), "--db", str(db_path), "breathe"], companion_env(clock.now().isoformat())
    )
    morning.wait_for("What is on your mind?")
    morning.send("Did Acme write back?")
    morning.send("Enter")
    screen = morning.wait_for("Breathe in")
    assert "Parked until 17:00. It will keep." in screen
    morning.send("Escape")  # the clock is frozen: stop the breathing to reach the choice
    screen = morning.wait_for("Leave it until 17:00")
    assert "Look now" in screen
    morning.send("l")
    assert morning.wait_for_exit() == 3  # `companion breathe && mail` does not open the mail
    morning.kill()
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.urges.choices() == {1: "leave"}
        (thought,) = repo.worries.all()
    assert thought.state == State.WAITING

    clock.advance(timedelta(hours=7, minutes=30))  # 17:00, the check-in
    evening = tmux()
    evening.start([str(COMPANION), "--db", str(db_path)], companion_env(clock.now().isoformat()))
    screen = evening.wait_for("Your 17:00 check")
    assert "“Did Acme write back?”" in screen
    assert "Let it go" in screen
    evening.send("l")
    screen = evening.wait_for("Feel like checking your inbox?")  # home again
    assert "Did Acme write back?" not in screen
    evening.send("q")
    assert evening.wait_for_exit() == 0
    with Repository.open(db_path, clock, access="read") as repo:
        (thought,) = repo.worries.all()
    assert thought.state == State.LET_GO and thought.answered_on == clock.today()
