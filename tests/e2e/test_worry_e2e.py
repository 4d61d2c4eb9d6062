"""The installed command in tmux: park a thought, breathe, leave it; at the check-in, let it go."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.worries import State
from companion.store.repository import Repository
from tests.e2e.tmux import COMPANION, Tmux, companion_env, tmux_available

pytestmark = pytest.mark.e2e


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if not tmux_available():
        pytest.fail(
            "tmux is missing: `make test` installs it; install it with apt-get install tmux"
        )
    sessions: list[Tmux] = []

    def start() -> Tmux:
        session = Tmux(tmp_path, width=80, height=24)
        sessions.append(session)
        return session

    yield start  # type: ignore[misc]
    for session in sessions:
        session.kill()


def test_park_breathe_leave_it_then_let_it_go_at_the_check_in(
    tmux: object, tmp_path: Path, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, checkin_time=time(17, 0))
    morning = tmux()  # type: ignore[operator]
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
    evening = tmux()  # type: ignore[operator]
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
