"""Getting ready for an upcoming interview: which questions it brings forward.

For an interview held on a future day, in this order (the most useful first):

1. the questions linked to it, to its earlier rounds, or to another interview
   with the same company or the same role;
2. the questions that tripped the person up before (anything noted as having
   gone wrong, or that the schedule finds hard for them);
3. a few questions from the starter decks whose tags fit the interview's tags
   (those rehearsed longest ago first).

At most `PREP_MOST` in all: the plan (`practice_plan.py`) spreads them over the
days before the interview so that each is seen once in the fortnight before.
Questions to ask them (deck 08) are on the prep card, not in practice.

Light on purpose (no `fsrs`): the summary builds the same sets from the stored
documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from companion.domain.interviews import Interview
from companion.domain.practice_days import PracticeDays
from companion.domain.practice_plan import BankItem, Prep, TodayPlan, plan_today
from companion.domain.settings import Settings

PREP_MOST = 30
DECK_FEW = 5
# fsrs difficulty runs from 1 to 10; a first rating of Again starts near 6.4, Good near 2.1.
HARD_FOR_YOU = 6.0
TO_ASK_TAG = "to ask"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def earlier_rounds(interview: Interview, interviews: Iterable[Interview]) -> list[Interview]:
    """The rounds before this one, the latest first (followed by `previous_round_id`)."""
    by_id = {i.id: i for i in interviews if i.id is not None}
    found: list[Interview] = []
    current = interview.previous_round_id
    while current is not None and current in by_id and len(found) < len(by_id):
        earlier = by_id[current]
        found.append(earlier)
        current = earlier.previous_round_id
    return found


def last_round(interview: Interview, interviews: Sequence[Interview]) -> Interview | None:
    """The round before this one, or else the latest earlier interview with the same company."""
    rounds = earlier_rounds(interview, interviews)
    if rounds:
        return rounds[0]
    same = [
        other
        for other in interviews
        if other.id != interview.id
        and _same(other.company, interview.company)
        and other.held_on <= interview.held_on
    ]
    return max(same, key=lambda i: (i.held_on, i.id or 0)) if same else None


def _closeness(interview: Interview, interviews: Iterable[Interview]) -> dict[int, int]:
    """For each related interview, how close it is: 0 this one or an earlier round, 1 the
    same company, 2 the same role."""
    everything = list(interviews)
    close: dict[int, int] = {}
    for other in everything:
        if other.id is None:
            continue
        if _same(other.role, interview.role):
            close[other.id] = 2
        if _same(other.company, interview.company):
            close[other.id] = 1
    for earlier in earlier_rounds(interview, everything):
        if earlier.id is not None:
            close[earlier.id] = 0
    if interview.id is not None:
        close[interview.id] = 0
    return close


def related_interview_ids(interview: Interview, interviews: Iterable[Interview]) -> set[int]:
    """The interview, its earlier rounds, and others with the same company or the same role."""
    return set(_closeness(interview, interviews))


def prep_question_ids(
    interview: Interview, interviews: Iterable[Interview], items: Iterable[BankItem]
) -> tuple[int, ...]:
    """The questions an interview brings forward, the most useful first, at most PREP_MOST."""
    close = _closeness(interview, interviews)
    company_tag = " ".join(interview.company.split()).lower()
    wanted = set(interview.tags)
    linked: list[tuple[int, bool, int]] = []
    tripped: list[int] = []
    deck: list[BankItem] = []
    for item in items:
        if TO_ASK_TAG in item.tags:
            continue
        if item.interview_id in close:
            linked.append((close[item.interview_id], not item.tripped, item.id))
        elif company_tag and company_tag in item.tags:
            linked.append((1, not item.tripped, item.id))
        elif item.tripped:
            tripped.append(item.id)
        elif item.from_deck and wanted & set(item.tags):
            deck.append(item)
    few = sorted(
        deck, key=lambda i: (i.last_review is not None, i.last_review or datetime.min, i.id)
    )[:DECK_FEW]
    first = [qid for *_, qid in sorted(linked)] + sorted(tripped)
    return (*first[: PREP_MOST - len(few)], *(item.id for item in few))


def is_upcoming(interview: Interview, today: date) -> bool:
    """Held on a future day, and still open."""
    return interview.held_on > today and interview.is_open


def upcoming_preps(
    interviews: Sequence[Interview], items: Sequence[BankItem], today: date
) -> tuple[Prep, ...]:
    """Each upcoming interview with the questions it brings forward, the soonest first."""
    preps = [
        Prep(interview.id, interview.held_on, prep_question_ids(interview, interviews, items))
        for interview in interviews
        if interview.id is not None and is_upcoming(interview, today)
    ]
    return tuple(sorted(preps, key=lambda p: (p.held_on, p.interview_id)))


def soonest_upcoming(interviews: Iterable[Interview], today: date) -> Interview | None:
    coming = [i for i in interviews if i.id is not None and is_upcoming(i, today)]
    return min(coming, key=lambda i: (i.held_on, i.id or 0)) if coming else None


def plan_for(
    items: Sequence[BankItem], interviews: Sequence[Interview], now: datetime, settings: Settings
) -> TodayPlan:
    """Today's practice with the person's settings (the limit, rest days, the day's start)
    and the questions their upcoming interviews bring forward."""
    days = PracticeDays.at(now, settings.day_starts)
    preps = upcoming_preps(interviews, items, days.today(now))
    return plan_today(items, now, days, settings.load, preps)
