"""Box breathing, 4-4-4-4: where in the breath a moment falls.

The pacer asks `breath_at(elapsed)` with the seconds since it began (from the
app's clock), so a frozen clock gives the same frame every time and tests
step it by moving the clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PHASE_SECONDS = 4
# (short word, what the pacer says); the box grows, stays, shrinks, stays.
PHASES: tuple[tuple[str, str], ...] = (
    ("in", "Breathe in"),
    ("hold", "Hold"),
    ("out", "Breathe out"),
    ("hold", "Hold"),
)
CYCLE_SECONDS = PHASE_SECONDS * len(PHASES)
# Four whole breaths: about a minute, and it ends after a breath, not inside one.
CYCLES = 4
TOTAL_SECONDS = CYCLE_SECONDS * CYCLES


@dataclass(frozen=True)
class Breath:
    phase: int
    word: str
    words: str
    count: int
    """The second within the phase, 1 to 4, as one counts it."""
    fill: float
    """How open the box is, 0 (smallest) to 1 (largest), in steps of a counted second."""
    cycle: int
    finished: bool


def breath_at(elapsed: float) -> Breath:
    """The breath `elapsed` seconds after the pacer began."""
    if elapsed >= TOTAL_SECONDS:
        return Breath(3, "hold", "Done", PHASE_SECONDS, 0.0, CYCLES, finished=True)
    elapsed = max(0.0, elapsed)
    cycle, within = divmod(elapsed, CYCLE_SECONDS)
    phase = int(within // PHASE_SECONDS)
    into = within - phase * PHASE_SECONDS
    count = min(PHASE_SECONDS, math.floor(into) + 1)
    fill = (count / PHASE_SECONDS, 1.0, 1.0 - count / PHASE_SECONDS, 0.0)[phase]
    word, words = PHASES[phase]
    return Breath(
        phase=phase,
        word=word,
        words=words,
        count=count,
        fill=fill,
        cycle=int(cycle) + 1,
        finished=False,
    )
