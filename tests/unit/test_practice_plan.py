"""A gentle load: the daily limit, rest days, a backlog spread out, interviews brought forward."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating

from companion.domain.interviews import Interview
from companion.domain.practice import (
    LEARN_AHEAD,
    Question,
    Scheduling,
    new_question,
    plan_items,
    rehearse,
    with_id,
)
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import (
    PREP_DAYS,
    BankItem,
    Load,
    Prep,
    next_practice_day,
    plan_today,
)
from companion.domain.prep import upcoming_preps

LONDON = ZoneInfo("Europe/London")
DAYS = PracticeDays(LONDON)
EXACT = Scheduling(0.9, fuzz=False)
# Tuesday 3 March 2026, seven in the evening.
EVENING = datetime(2026, 3, 3, 19, 0, tzinfo=LONDON)


def _item(qid: int, due: datetime, last: datetime | None = None, **extra: object) -> BankItem:
    return BankItem(id=qid, due=due, by_day=True, last_review=last, **extra)  # type: ignore[arg-type]


def test_a_day_offers_at_most_the_limit_the_longest_waiting_first() -> None:
    items = [_item(n, EVENING - timedelta(days=n)) for n in range(1, 41)]
    plan = plan_today(items, EVENING, DAYS, Load(daily_limit=15))
    assert plan.count == 15
    assert plan.offered == tuple(range(40, 25, -1))
    assert plan.enough_for_today


def test_what_was_rated_today_counts_within_the_limit() -> None:
    done = [_item(n, EVENING + timedelta(days=3), EVENING - timedelta(hours=1)) for n in range(10)]
    ready = [_item(100 + n, EVENING - timedelta(days=1)) for n in range(10)]
    plan = plan_today([*done, *ready], EVENING, DAYS, Load(daily_limit=15))
    assert plan.done_today == 10
    assert plan.count == 5


def test_a_question_back_for_its_step_is_offered_past_the_limit() -> None:
    rated = EVENING - timedelta(minutes=30)
    step = BankItem(id=1, due=EVENING - timedelta(minutes=20), by_day=False, last_review=rated)
    done = [_item(n, EVENING + timedelta(days=2), rated) for n in range(2, 17)]
    plan = plan_today([step, *done], EVENING, DAYS, Load(daily_limit=15))
    assert plan.offered == (1,)
    assert not plan.enough_for_today


def test_a_rest_day_offers_nothing_and_practice_picks_up_after_it() -> None:
    sunday = datetime(2026, 3, 8, 19, 0, tzinfo=LONDON)
    items = [_item(1, sunday - timedelta(days=1))]
    load = Load(rest_days=frozenset({5, 6}))
    plan = plan_today(items, sunday, DAYS, load)
    assert plan.rest_day
    assert plan.offered == ()
    assert next_practice_day(date(2026, 3, 6), load) == date(2026, 3, 9)
    monday = plan_today(items, sunday + timedelta(days=1), DAYS, load)
    assert monday.offered == (1,)


def test_after_days_away_the_backlog_is_spread_over_the_next_days() -> None:
    """Forty questions came due while the person was away: they come back fifteen a day."""
    bank = [
        with_id(new_question(f"Question {n}?", EVENING - timedelta(days=30)), n)
        for n in range(1, 41)
    ]
    bank = [rehearse(q, Rating.Good, EVENING - timedelta(days=20), None, EXACT)[0] for q in bank]
    away_until = EVENING + timedelta(days=20)
    per_day = []
    now = away_until
    for _ in range(3):
        plan = plan_today(plan_items(bank), now, DAYS, Load(daily_limit=15))
        per_day.append(plan.count)
        chosen = set(plan.offered)
        bank = [
            rehearse(q, Rating.Good, now, None, EXACT)[0] if q.id in chosen else q for q in bank
        ]
        now += timedelta(days=1)
    assert per_day == [15, 15, 10]


# An upcoming interview


def _interview(iid: int, company: str, held_on: date, **extra: object) -> Interview:
    return Interview(company=company, role="Analyst", held_on=held_on, id=iid, **extra)  # type: ignore[arg-type]


def test_an_interview_brings_its_questions_forward_a_share_a_day() -> None:
    held_on = EVENING.date() + timedelta(days=5)
    far = EVENING + timedelta(days=60)
    linked = [_item(n, far, interview_id=1) for n in range(1, 11)]
    others = [_item(100, EVENING - timedelta(days=1))]
    prep = Prep(2, held_on, tuple(range(1, 11)))
    plan = plan_today([*linked, *others], EVENING, DAYS, Load(), [prep])
    # Ten questions over five days: two today, before what is due.
    assert plan.offered == (1, 2, 100)
    assert plan.for_interview == {1: 2, 2: 2}


def test_the_share_is_stable_once_seen_today() -> None:
    held_on = EVENING.date() + timedelta(days=5)
    far = EVENING + timedelta(days=60)
    seen_now = EVENING - timedelta(minutes=5)
    items = [_item(1, far, seen_now), _item(2, far, seen_now)]
    items += [_item(n, far, interview_id=1) for n in range(3, 11)]
    prep = Prep(2, held_on, tuple(range(1, 11)))
    assert plan_today(items, EVENING, DAYS, Load(), [prep]).offered == ()


def test_questions_seen_in_the_fortnight_before_count_as_seen() -> None:
    held_on = EVENING.date() + timedelta(days=3)
    window = datetime.combine(held_on - timedelta(days=PREP_DAYS), time(19), tzinfo=LONDON)
    far = EVENING + timedelta(days=60)
    items = [_item(1, far, window), _item(2, far, window - timedelta(days=1))]
    prep = Prep(2, held_on, (1, 2))
    assert plan_today(items, EVENING, DAYS, Load(), [prep]).offered == (2,)


def test_only_rest_days_left_before_an_interview_still_bring_its_questions() -> None:
    saturday = datetime(2026, 3, 7, 10, 0, tzinfo=LONDON)
    far = saturday + timedelta(days=60)
    items = [_item(n, far) for n in range(1, 5)]
    prep = Prep(2, date(2026, 3, 9), (1, 2, 3, 4))
    load = Load(rest_days=frozenset({5, 6}))
    plan = plan_today(items, saturday, DAYS, load, [prep])
    assert plan.offered == (1, 2)


def _simulated_bank(start: datetime) -> list[Question]:
    """Forty deck questions, fifteen from the first round at Acme, ten that went wrong."""
    bank: list[Question] = []
    tags = ("leadership", "teamwork", "motivation", "about you")
    for n in range(1, 41):
        question = new_question(f"Deck question {n}?", start, tags=[tags[n % 4]])
        bank.append(with_id(Question(**{**question.__dict__, "deck": "Starter"}), n))
    for n in range(41, 56):
        question = new_question(f"Acme question {n}?", start, interview_id=1)
        bank.append(with_id(question, n))
    for n in range(56, 66):
        question = new_question(f"Tricky question {n}?", start, went_wrong="I froze.")
        bank.append(with_id(question, n))
    return bank


def test_sixty_days_of_an_upcoming_interview_see_each_question_in_time_within_the_limit() -> None:
    """A person practises most evenings (not on Sundays, and not for four days away) for 60
    days in London (a clock change on the way), rating as people do. Each question an
    interview brings forward is seen in the fortnight before it, and no day holds more
    than the limit."""
    start = datetime(2026, 3, 3, 19, 0, tzinfo=LONDON)
    load = Load(daily_limit=15, rest_days=frozenset({6}))
    scheduling = Scheduling(0.9, fuzz=True)
    first_round = _interview(1, "Acme", start.date() - timedelta(days=2))
    interviews = [
        first_round,
        _interview(
            2,
            "Acme",
            start.date() + timedelta(days=25),
            previous_round_id=1,
            tags=("leadership",),
        ),
        _interview(3, "Globex", start.date() + timedelta(days=50), tags=("teamwork",)),
    ]
    bank = {q.id: q for q in _simulated_bank(start - timedelta(days=3))}
    rng = random.Random(20260303)
    rated_on: dict[date, set[int]] = defaultdict(set)
    reviews: dict[int, list[date]] = defaultdict(list)
    eve_sets: dict[int, tuple[int, ...]] = {}
    for day in range(60):
        now = (start.astimezone(LONDON).replace(tzinfo=None) + timedelta(days=day)).replace(
            tzinfo=LONDON
        )
        today = DAYS.today(now)
        items = plan_items(bank.values())
        preps = upcoming_preps(interviews, items, today)
        for prep in preps:
            if prep.held_on - timedelta(days=1) == today:
                eve_sets[prep.interview_id] = prep.question_ids
        if 10 <= day < 14:
            continue  # away
        plan = plan_today(items, now, DAYS, load, preps)
        queue = list(plan.offered)
        asked_again: set[int] = set()
        moment = now
        while queue:
            qid = queue.pop(0)
            rating = rng.choices(
                [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy], [10, 20, 60, 10]
            )[0]
            moment += timedelta(minutes=2)
            question, _ = rehearse(bank[qid], rating, moment, None, scheduling)
            bank[qid] = question
            rated_on[today].add(qid)
            reviews[qid].append(today)
            if question.due <= moment + LEARN_AHEAD:
                assert qid not in asked_again, "a question came back twice in one sitting"
                asked_again.add(qid)
                queue.append(qid)
        # Nothing ready is left on the day but what the limit holds back.
        after = plan_today(plan_items(bank.values()), moment, DAYS, load, preps)
        assert after.offered == () or after.rest_day
    assert set(eve_sets) == {2, 3}
    for interview in interviews[1:]:
        assert interview.id is not None
        window = (interview.held_on - timedelta(days=PREP_DAYS), interview.held_on)
        assert len(eve_sets[interview.id]) >= 10
        for qid in eve_sets[interview.id]:
            seen = [d for d in reviews[qid] if window[0] <= d < window[1]]
            assert seen, f"question {qid} was not seen before interview {interview.id}"
    per_day = Counter({day: len(ids) for day, ids in rated_on.items()})
    assert max(per_day.values()) <= load.daily_limit
    assert not any(day.weekday() == 6 for day in per_day)
    # Not piled up on the eve: the eve holds no more of an interview's questions than a
    # fair share of the fortnight.
    for interview in interviews[1:]:
        assert interview.id is not None
        eve = interview.held_on - timedelta(days=1)
        on_eve = rated_on[eve] & set(eve_sets[interview.id])
        assert len(on_eve) <= len(eve_sets[interview.id]) // 3
