"""The e2e tests' terminal: an 80x24 tmux of its own for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, tmux_session


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    with tmux_session(tmp_path, width=80, height=24) as session:
        yield session
