from datetime import date

from companion.domain.settings import Settings
from companion.domain.summary import (
    MAX_ACTIONS,
    NOTHING_TODAY,
    RESTORATIVE,
    Action,
    SummaryInputs,
    build_summary,
    restorative_suggestion,
)

TODAY = date(2026, 3, 3)


def test_nothing_due_says_so_and_suggests_one_kind_thing() -> None:
    summary = build_summary(SummaryInputs(), TODAY)
    assert summary.message == NOTHING_TODAY
    assert summary.actions == ()
    assert summary.suggestion in RESTORATIVE
    assert summary.weekly_goal == 5


def test_the_suggestion_is_stable_within_a_day_and_varies_across_days() -> None:
    assert restorative_suggestion(TODAY) == restorative_suggestion(TODAY)
    week = {restorative_suggestion(date(2026, 3, d)) for d in range(1, 8)}
    assert len(week) == 7


def test_actions_are_ordered_by_time_sensitivity_and_capped() -> None:
    actions = (
        Action("apply", "Apply somewhere"),
        Action("follow_up", "Check in with B", due=date(2026, 3, 2)),
        Action("thank_you", "Thank A", due=date(2026, 3, 4)),
        Action("follow_up", "Check in with C", due=date(2026, 3, 1)),
        Action("debrief", "Debrief D"),
    )
    summary = build_summary(SummaryInputs(actions=actions), TODAY)
    assert [a.text for a in summary.actions] == ["Thank A", "Debrief D", "Check in with C"]
    assert len(summary.actions) == MAX_ACTIONS
    assert summary.suggestion is None
    assert summary.message == "3 things are worth doing today."


def test_a_goal_of_zero_turns_the_applying_bar_off() -> None:
    summary = build_summary(SummaryInputs(settings=Settings(weekly_goal=0)), TODAY)
    assert summary.weekly_goal is None
