"""Breathing patterns, and where in the breath a moment falls.

Two patterns: box breathing, 4-4-4-4 for four breaths (about a minute: the
default for an urge to check the inbox), and the cyclic sigh, a double inhale
and a long exhale, for five minutes (Balban et al. 2023; the README says what
that study found and what it did not).

The full-screen pacer asks `breath_at(elapsed, pattern)` with the seconds since
it began (from the app's clock), so a frozen clock gives the same frame every
time and tests step it by moving the clock. The plain pacer prints
`plain_lines(pattern)`, one line a phase, each followed by its pause.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from companion.domain.errors import FieldError


@dataclass(frozen=True)
class Phase:
    word: str
    """A short name: in, more, hold, out."""
    words: str
    """What the pacer says."""
    seconds: int
    opens_from: float
    """How open the box is as the phase begins, 0 (smallest) to 1 (largest)..."""
    opens_to: float
    """...and as it ends."""


@dataclass(frozen=True)
class Pattern:
    name: str
    """The word for settings and `--pattern`."""
    label: str
    about: str
    """How long, in words, for the screen and the help."""
    phases: tuple[Phase, ...]
    cycles: int
    well_spent: str
    """What the pacer says when it is over."""

    @property
    def cycle_seconds(self) -> int:
        return sum(phase.seconds for phase in self.phases)

    @property
    def total_seconds(self) -> int:
        return self.cycle_seconds * self.cycles


BOX = Pattern(
    name="box",
    label="Box breathing, 4-4-4-4",
    about="four breaths, about a minute",
    phases=(
        Phase("in", "Breathe in", 4, 0.0, 1.0),
        Phase("hold", "Hold", 4, 1.0, 1.0),
        Phase("out", "Breathe out", 4, 1.0, 0.0),
        Phase("hold", "Hold", 4, 0.0, 0.0),
    ),
    cycles=4,
    well_spent="That was a minute, well spent.",
)
# Five breaths a minute, the breath out twice as long as the two breaths in; 25
# breaths make five minutes.
SIGH = Pattern(
    name="sigh",
    label="Cyclic sigh",
    about="a double breath in and a long breath out, for five minutes",
    phases=(
        Phase("in", "Breathe in through your nose", 3, 0.0, 0.75),
        Phase("more", "Then a little more in", 1, 0.75, 1.0),
        Phase("out", "Breathe out slowly through your mouth", 8, 1.0, 0.0),
    ),
    cycles=25,
    well_spent="That was five minutes, well spent.",
)
PATTERNS: dict[str, Pattern] = {pattern.name: pattern for pattern in (BOX, SIGH)}
DEFAULT_PATTERN = BOX.name

# The box pattern's figures, by their old names.
PHASE_SECONDS = 4
CYCLE_SECONDS = BOX.cycle_seconds
CYCLES = BOX.cycles
TOTAL_SECONDS = BOX.total_seconds


def parse_pattern(text: str) -> Pattern:
    value = text.strip().lower()
    pattern = PATTERNS.get(value)
    if pattern is None:
        raise FieldError(
            "pattern",
            f"{text.strip() or '(empty)'!r} is not a breathing pattern; use box (4-4-4-4, "
            "about a minute) or sigh (the cyclic sigh, five minutes).",
        )
    return pattern


def pattern_named(name: str) -> Pattern:
    """The pattern of a stored setting; an unknown name is the default."""
    return PATTERNS.get(name, BOX)


@dataclass(frozen=True)
class Breath:
    phase: int
    word: str
    words: str
    count: int
    """The second within the phase, from 1, as one counts it."""
    seconds: int
    """How many seconds this phase lasts."""
    fill: float
    """How open the box is, 0 (smallest) to 1 (largest), in steps of a counted second."""
    cycle: int
    cycles: int
    finished: bool


def breath_at(elapsed: float, pattern: Pattern = BOX) -> Breath:
    """The breath `elapsed` seconds after the pacer began."""
    if elapsed >= pattern.total_seconds:
        last = pattern.phases[-1]
        return Breath(
            len(pattern.phases) - 1,
            last.word,
            "Done",
            last.seconds,
            last.seconds,
            0.0,
            pattern.cycles,
            pattern.cycles,
            finished=True,
        )
    elapsed = max(0.0, elapsed)
    cycle, within = divmod(elapsed, pattern.cycle_seconds)
    index, phase, start = _phase_at(pattern, within)
    count = min(phase.seconds, math.floor(within - start) + 1)
    fill = phase.opens_from + (phase.opens_to - phase.opens_from) * count / phase.seconds
    return Breath(
        phase=index,
        word=phase.word,
        words=phase.words,
        count=count,
        seconds=phase.seconds,
        fill=fill,
        cycle=int(cycle) + 1,
        cycles=pattern.cycles,
        finished=False,
    )


def _phase_at(pattern: Pattern, within: float) -> tuple[int, Phase, float]:
    """The phase `within` seconds into a breath: its index, itself, and when it began."""
    start = 0.0
    for index, phase in enumerate(pattern.phases):
        if within < start + phase.seconds:
            return index, phase, start
        start += phase.seconds
    last = len(pattern.phases) - 1
    return last, pattern.phases[last], start - pattern.phases[last].seconds


def plain_lines(pattern: Pattern) -> list[tuple[str, int]]:
    """The plain pacer's script: a line for each phase of each breath, and its pause in seconds."""
    lines: list[tuple[str, int]] = []
    for cycle in range(1, pattern.cycles + 1):
        for index, phase in enumerate(pattern.phases):
            words = f"{phase.words} for {phase.seconds}."
            if index == 0:
                words = f"Breath {cycle} of {pattern.cycles}: {words[0].lower()}{words[1:]}"
            lines.append((words, phase.seconds))
    return lines
