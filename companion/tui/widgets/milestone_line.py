"""The timeline drawn as a short line of milestones, with today's place on it.

    ●───────────●───────────◆───────────○───────────○
    interview   thank-you   today       check-in    move on
    Tue 3 Mar   Wed 4 Mar   Thu 5 Mar   Tue 17 Mar  Tue 14 Apr

Reached milestones are filled, those to come are hollow, today is a diamond.
A column is as wide as its longest words ("Thu 21 Jan 2027" with its year);
when the line does not fit the width, it continues on the next rows, so that
nothing is ever cut off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.widget import Widget

from companion.domain.dates import friendly
from companion.domain.timeline import Milestone

COLUMN = 12


@dataclass(frozen=True)
class _Stop:
    label: str
    day: date
    reached: bool
    today: bool


def stops(line: list[Milestone], today: date) -> list[_Stop]:
    """The milestones with today among them: on a milestone's day, that milestone is today's."""
    found: list[_Stop] = []
    placed = False
    for milestone in line:
        if not placed and milestone.on > today:
            found.append(_Stop("today", today, True, True))
            placed = True
        is_today = milestone.on == today and not placed
        placed = placed or is_today
        found.append(_Stop(milestone.label, milestone.on, milestone.reached, is_today))
    if not placed:
        found.append(_Stop("today", today, True, True))
    return found


class MilestoneLine(Widget):
    DEFAULT_CSS = """
    MilestoneLine {
        height: auto;
        width: 1fr;
        margin: 1 0;
    }
    """

    def __init__(
        self,
        line: list[Milestone] | None = None,
        today: date | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._line: list[Milestone] = line or []
        self._today = today

    def show(self, line: list[Milestone], today: date) -> None:
        self._line = line
        self._today = today
        self.refresh(layout=True)

    def _shown(self, stop: _Stop) -> str:
        assert self._today is not None
        on_a_milestone = stop.today and stop.label != "today"
        return "today" if on_a_milestone else friendly(stop.day, self._today)

    def _words(self, stop: _Stop) -> int:
        return max(len(stop.label), len(self._shown(stop)))

    def _rows(self, width: int) -> list[list[_Stop]]:
        """The stops in rows that fit `width`: each column as wide as its words and a
        space (at least COLUMN), the last of a row only as wide as its words."""
        if self._today is None:
            return []
        rows: list[list[_Stop]] = [[]]
        used = 0
        for stop in stops(self._line, self._today):
            words = self._words(stop)
            if rows[-1] and used + words > width:
                rows.append([])
                used = 0
            rows[-1].append(stop)
            used += max(COLUMN, words + 1)
        return [row for row in rows if row]

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        rows = self._rows(width)
        return max(0, len(rows) * 4 - 1)

    def render(self) -> Content:
        width = self.content_region.width or 80
        return Content("\n\n").join(self._block(row) for row in self._rows(width))

    def _block(self, row: list[_Stop]) -> Content:
        assert self._today is not None
        track: list[Content | tuple[str, str]] = []
        labels: list[Content | tuple[str, str]] = []
        days: list[Content | tuple[str, str]] = []
        for index, stop in enumerate(row):
            last = index == len(row) - 1
            column = self._words(stop) if last else max(COLUMN, self._words(stop) + 1)
            if stop.today:
                mark, style = "◆", "bold $accent"
            elif stop.reached:
                mark, style = "●", "$primary"
            else:
                mark, style = "○", "$foreground-muted"
            track.append((mark, style))
            if not last:
                track.append(("─" * (column - 1), "$primary-muted"))
            text_style = (
                "bold $accent" if stop.today else ("" if stop.reached else "$foreground-muted")
            )
            shown = self._shown(stop)
            labels.append((f"{stop.label:<{column}}", text_style))
            days.append((f"{shown:<{column}}", text_style or "$foreground-muted"))
        lines = [Content.assemble(*parts).rstrip() for parts in (track, labels, days)]
        return Content("\n").join(lines)
