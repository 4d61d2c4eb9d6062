"""A quiet panel of practice stats: what is left today, this week, retention, 30 days of bars."""

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
    PracticeStatsPanel #stats-rows {
        height: auto;
    }
    PracticeStatsPanel #stats-labels {
        width: 16;
        color: $text-muted;
    }
    PracticeStatsPanel #stats-values {
        width: 1fr;
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
        with Horizontal(id="stats-rows"):
            yield Static("Today\nThis week\nRecall now", id="stats-labels")
            yield Static(id="stats-values")
        with Horizontal(id="spark-row"):
            yield Static("Last 30 days", id="spark-label")
            yield Sparkline([0] * SPARK_DAYS, id="spark")

    def show(self, stats: PracticeStats) -> None:
        week = stats.reviews_this_week
        values = (
            stats.today_text,
            f"{week} rehearsal{'' if week == 1 else 's'}",
            f"{stats.retention_text} (estimated from your schedule)",
        )
        self.query_one("#stats-values", Static).update(Content("\n".join(values)))
        self.query_one("#spark", Sparkline).data = list(stats.per_day)
