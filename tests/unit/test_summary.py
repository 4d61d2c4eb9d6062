from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.applications import Application
from companion.domain.settings import Settings
from companion.domain.summary import (
    ABOUT_APPLYING,
    EVENING_OFF,
    MAX_ACTIONS,
    NOTHING_TODAY,
    PRACTISE,
    RESTORATIVE,
    WENT_WELL,
    Action,
    Day,
    SummaryInputs,
    build_summary,
    part_of_day,
    restorative_suggestion,
)

TODAY = date(2026, 3, 3)
# A goal of 5 set before this week (a database that was welcomed before the day a
# goal is set was kept): the pace counts the whole week.
GOAL_5 = Settings(welcomed=True)


def _inputs(**fields: object) -> SummaryInputs:
    return SummaryInputs(**{"settings": GOAL_5, **fields})  # type: ignore[arg-type]


def test_nothing_due_says_so_and_suggests_one_kind_thing() -> None:
    summary = build_summary(SummaryInputs(), TODAY)
    assert summary.message == NOTHING_TODAY
    assert summary.actions == ()
    assert summary.suggestion in RESTORATIVE
    assert summary.weekly_goal == 5


def test_the_suggestion_is_stable_within_a_day_and_varies_across_days() -> None:
    def day(on: date) -> Day:
        return Day(on, hour=18, questions=3, interviews_held=True)

    assert restorative_suggestion(day(TODAY)) == restorative_suggestion(day(TODAY))
    week = {restorative_suggestion(day(date(2026, 3, d))) for d in range(1, 9)}
    assert len(week) == 8


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


# The week of the frozen clock: Monday 2 March to Sunday 8 March 2026.
MONDAY = date(2026, 3, 2)
WEDNESDAY = date(2026, 3, 4)
SUNDAY = date(2026, 3, 8)


def _sent(*days: date, status: str = "applied", status_on: date | None = None) -> tuple:
    return tuple(
        Application("Co", "Role", day, status=status, status_on=status_on, id=n)
        for n, day in enumerate(days, start=1)
    )


def test_several_actions_compete_and_applying_comes_last() -> None:
    actions = (
        Action("practice", "Practise 4 questions"),
        Action("move_on", "Let Initech go"),
        Action("references", "Tell your references about Acme"),
    )
    inputs = _inputs(actions=actions)
    summary = build_summary(inputs, WEDNESDAY)
    assert [a.kind for a in summary.actions] == ["references", "move_on", "practice"]
    fewer = build_summary(_inputs(actions=actions[:1]), WEDNESDAY)
    assert [a.kind for a in fewer.actions] == ["practice", "apply"]
    assert fewer.message == "2 things are worth doing today."


def test_only_quiet_waiting_means_nothing_needs_you() -> None:
    # Interviews that are quiet contribute no action; the week's goal is met.
    inputs = SummaryInputs(applications=_sent(MONDAY, MONDAY, TODAY, TODAY, TODAY))
    summary = build_summary(inputs, TODAY)
    assert summary.message == NOTHING_TODAY
    assert summary.actions == ()
    assert summary.suggestion in RESTORATIVE
    assert (summary.applied_this_week, summary.weekly_goal) == (5, 5)
    assert summary.rest is None


def test_the_week_counts_monday_to_today_only() -> None:
    last_sunday = date(2026, 3, 1)
    inputs = SummaryInputs(applications=_sent(last_sunday, MONDAY, TODAY))
    assert build_summary(inputs, TODAY).applied_this_week == 2
    assert build_summary(inputs, date(2026, 3, 9)).applied_this_week == 0


def test_no_applying_nudge_on_monday_even_with_nothing_sent() -> None:
    for goal in (1, 5, 50):
        summary = build_summary(SummaryInputs(settings=Settings(weekly_goal=goal)), MONDAY)
        assert summary.actions == (), goal
        assert summary.message == NOTHING_TODAY


FRIDAY = date(2026, 3, 6)


def test_the_apply_action_comes_when_a_whole_application_behind_an_even_pace() -> None:
    # Tuesday, goal 5: an even pace is 5/7 of one application, not a whole one.
    assert build_summary(_inputs(), TODAY).actions == ()
    summary = build_summary(_inputs(), WEDNESDAY)
    (action,) = summary.actions
    assert action.kind == "apply"
    assert action.target == "applications:new"
    assert action.text == "Apply somewhere new today, if you can: 0 of 5 so far this week."
    assert "!" not in action.text
    assert build_summary(_inputs(applications=_sent(MONDAY)), WEDNESDAY).actions == ()
    friday = build_summary(_inputs(applications=_sent(MONDAY)), FRIDAY)
    assert [a.kind for a in friday.actions] == ["apply"]
    assert "1 of 5" in friday.actions[0].text
    met = build_summary(_inputs(applications=_sent(*[MONDAY] * 5)), FRIDAY)
    assert met.actions == ()


def test_no_applying_nudge_on_saturday_or_sunday() -> None:
    for weekend in (date(2026, 3, 7), SUNDAY):
        summary = build_summary(_inputs(), weekend)
        assert summary.actions == (), weekend
        assert summary.weekly_goal == 5
        assert summary.suggestion not in ABOUT_APPLYING


def test_a_goal_of_zero_never_nudges() -> None:
    summary = build_summary(SummaryInputs(settings=Settings(weekly_goal=0)), SUNDAY)
    assert summary.actions == ()
    assert summary.weekly_goal is None


def test_an_accepted_offer_ends_the_applying_goal() -> None:
    behind = _inputs(offer_accepted=True)
    summary = build_summary(behind, FRIDAY)
    assert summary.weekly_goal is None
    assert summary.actions == ()
    assert summary.suggestion not in ABOUT_APPLYING
    # A verbal offer is not accepted: the goal stays (etiquette.md, rule 8).
    verbal = build_summary(_inputs(applications=_sent(MONDAY, status="offer")), FRIDAY)
    assert verbal.weekly_goal == 5
    assert [a.kind for a in verbal.actions] == ["apply"]
    # An application marked as an accepted offer counts too.
    accepted = build_summary(_inputs(applications=_sent(MONDAY, status="accepted")), FRIDAY)
    assert accepted.weekly_goal is None
    assert accepted.actions == ()


def test_the_burnout_guard_suggests_rest_over_volume() -> None:
    fifteen = _sent(*(date(2026, 3, 2 + n % 5) for n in range(15)))
    inputs = SummaryInputs(applications=fifteen, settings=Settings(weekly_goal=30, welcomed=True))
    summary = build_summary(inputs, FRIDAY)
    assert summary.rest is not None
    assert "15 applications" in summary.rest
    assert "rest" in summary.rest
    assert summary.actions == ()  # no nudge to apply, although 15 of 30 is behind
    assert summary.suggestion not in ABOUT_APPLYING
    assert summary.weekly_goal == 30


def test_any_answer_in_the_week_lifts_the_burnout_guard() -> None:
    fifteen = _sent(*[TODAY] * 15)
    assert build_summary(SummaryInputs(applications=fifteen), TODAY).rest is not None
    assert build_summary(SummaryInputs(applications=fifteen[:14]), TODAY).rest is None
    heard = (*fifteen, *_sent(date(2026, 2, 1), status="heard_back", status_on=MONDAY))
    assert build_summary(SummaryInputs(applications=heard), TODAY).rest is None
    no = (*fifteen, *_sent(date(2026, 2, 1), status="rejected", status_on=MONDAY))
    assert build_summary(SummaryInputs(applications=no), TODAY).rest is None
    old_answer = (
        *fifteen,
        *_sent(date(2026, 2, 1), status="heard_back", status_on=date(2026, 2, 20)),
    )
    assert build_summary(SummaryInputs(applications=old_answer), TODAY).rest is not None
    replied = SummaryInputs(applications=fifteen, recent_replies=1)
    assert build_summary(replied, TODAY).rest is None


def test_applications_spread_over_more_than_a_week_are_not_burnout() -> None:
    spread = _sent(*(date(2026, 2, 24) + timedelta(days=n % 8) for n in range(15)))
    assert build_summary(SummaryInputs(applications=spread), TODAY).rest is None
    eight_days = _sent(*[date(2026, 2, 24)] * 8, *[TODAY] * 7)
    assert build_summary(SummaryInputs(applications=eight_days), TODAY).rest is None


def test_the_suggestion_never_suggests_applying_when_applying_is_off_the_table() -> None:
    days = [TODAY + timedelta(days=n) for n in range(60)]
    off = {restorative_suggestion(Day(d, applying=False)) for d in days}
    assert off.isdisjoint(ABOUT_APPLYING)
    assert {restorative_suggestion(Day(d)) for d in days} >= ABOUT_APPLYING


def test_check_in_time_and_urges_reach_the_summary() -> None:
    inputs = SummaryInputs(
        settings=Settings(checkin_time=time(17, 0)),
        urge_days=(TODAY, TODAY, MONDAY, date(2026, 2, 18), date(2026, 2, 17)),
    )
    summary = build_summary(inputs, TODAY)
    assert summary.checkin == "Your inbox check is at 17:00."
    assert len(summary.urges) == 14
    assert summary.urges[-1] == summary.urges_today == 2
    assert summary.urges[-2] == 1
    assert summary.urges[0] == 1  # 18 Feb is the first of the fourteen days
    assert sum(summary.urges) == 4  # 17 Feb is outside them
    assert build_summary(SummaryInputs(), TODAY).checkin is None


# Day one is calm (calm.md, rule 9; issue 14)


def test_a_new_database_says_nothing_needs_you_and_how_to_begin() -> None:
    summary = build_summary(SummaryInputs(), TODAY)
    assert summary.message == NOTHING_TODAY
    assert summary.first_day
    assert not build_summary(SummaryInputs(interviews=1), TODAY).first_day


def test_a_database_never_welcomed_nor_given_a_goal_never_nudges() -> None:
    for day in (WEDNESDAY, FRIDAY):
        assert build_summary(SummaryInputs(), day).actions == ()


def test_the_weekly_pace_counts_from_the_day_the_goal_was_set() -> None:
    set_on_wednesday = Settings(weekly_goal=5, welcomed=True, goal_set_on=WEDNESDAY)
    assert build_summary(SummaryInputs(settings=set_on_wednesday), WEDNESDAY).actions == ()
    # Thursday: one day since, 5/7 of an application: not a whole one behind
    thursday = date(2026, 3, 5)
    assert build_summary(SummaryInputs(settings=set_on_wednesday), thursday).actions == ()
    (nudge,) = build_summary(SummaryInputs(settings=set_on_wednesday), FRIDAY).actions
    assert nudge.kind == "apply"
    # the next week counts from its Monday
    next_wednesday = date(2026, 3, 11)
    assert build_summary(SummaryInputs(settings=set_on_wednesday), next_wednesday).actions


def test_skip_for_now_means_no_goal_until_one_is_set() -> None:
    skipped = Settings(weekly_goal=0, welcomed=True)
    summary = build_summary(SummaryInputs(settings=skipped), FRIDAY)
    assert summary.weekly_goal is None
    assert summary.actions == ()
    assert summary.suggestion not in ABOUT_APPLYING


def test_an_open_offer_always_has_a_place_and_the_rest_are_counted() -> None:
    busy = tuple(Action("thank_you", f"Thank {n}", target=f"interview:{n}") for n in range(4))
    offer = Action("decide", "Decide about Globex", target="interview:9", keep=True)
    summary = build_summary(SummaryInputs(actions=(*busy, offer)), TODAY)
    assert [a.text for a in summary.actions] == ["Thank 0", "Thank 1", "Decide about Globex"]
    assert summary.more == 2
    plain = build_summary(SummaryInputs(actions=busy), TODAY)
    assert plain.more == 1


def test_past_the_goal_the_count_reads_kindly() -> None:
    from companion.domain.applications import week_count

    assert week_count(3, 5) == "3 of 5"
    assert week_count(5, 5) == "5 of 5"
    assert week_count(16, 5) == "16 this week, past your goal of 5"


@settings(max_examples=500)
@given(
    offset=st.integers(0, 400),
    hour=st.integers(0, 23),
    goal=st.integers(0, 20),
    sent=st.integers(0, 20),
    questions=st.integers(0, 3),
    held=st.booleans(),
    accepted=st.booleans(),
)
def test_the_days_suggestion_never_contradicts_the_data_or_the_hour(
    offset: int, hour: int, goal: int, sent: int, questions: int, held: bool, accepted: bool
) -> None:
    today = TODAY + timedelta(days=offset)
    inputs = SummaryInputs(
        settings=Settings(weekly_goal=goal, welcomed=True),
        applications=_sent(*[today] * sent),
        offer_accepted=accepted,
        questions=questions,
        interviews=int(held),
        interviews_held=held,
    )
    summary = build_summary(inputs, today, hour)
    suggestion = summary.suggestion
    if suggestion is None:
        return
    if suggestion in ABOUT_APPLYING:
        assert summary.weekly_goal is not None and sent < summary.weekly_goal
        assert summary.rest is None and not accepted and today.weekday() < 5
    if suggestion == PRACTISE:
        assert questions > 0
    if suggestion == WENT_WELL:
        assert held
    if suggestion == EVENING_OFF:
        assert part_of_day(hour) != "morning" and hour >= 17
