"""A quiet panel of practice stats: due today, this week, retention, 30 days of bars."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Sparkline, Static

from companion.domain.practice_stats import SPARK_DAYS, PracticeStats


class PracticeStatsPanel(Vertical):
    DEFAULT_CSS = """
    PracticeStatsPanel {
        height: auto;
        margin-top: 1;
    }
    PracticeStatsPanel #stats-lines {
        height: auto;
    }
    PracticeStatsPanel #spark-row {
        height: 1;
    }
    PracticeStatsPanel #spark-label {
        width: 16;
        color: $text-muted;
    }
    PracticeStatsPanel Sparkline {
        width: 30;
        height: 1;
    }
    PracticeStatsPanel Sparkline > .sparkline--max-color {
        color: $primary;
    }
    PracticeStatsPanel Sparkline > .sparkline--min-color {
        color: $primary 25%;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Your practice", classes="section-title")
        yield Static(id="stats-lines")
        with Horizontal(id="spark-row"):
            yield Static("Last 30 days", id="spark-label")
            yield Sparkline([0] * SPARK_DAYS, id="spark")

    def show(self, stats: PracticeStats) -> None:
        rows = (
            ("Due today", str(stats.due_today)),
            (
                "This week",
                f"{stats.reviews_this_week} rehearsal{'' if stats.reviews_this_week == 1 else 's'}",
            ),
            ("Remembered", f"{stats.retention_text} (an estimate from your schedule)"),
        )
        self.query_one("#stats-lines", Static).update(
            Content("\n").join(
                Content.assemble((f"{label:<16}", "$text-muted"), value) for label, value in rows
            )
        )
        self.query_one("#spark", Sparkline).data = list(stats.per_day)
