"""A journal as of the frozen day (Tue 3 Mar 2026), for TUI tests and snapshots.

The interviews are those of `seed_interviews` (Acme is held today; Stark was
moved on from with a reflection); entries spread over the month with moods,
tags, an interview, markup-like text and Unicode; and a finished debrief of
Globex, with a question that became a practice question.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from companion.clock import FrozenClock
from companion.domain.debrief import (
    DONE,
    go_to,
    record_delivery,
    record_how,
    record_next_steps,
    record_questions,
    record_well,
    start_debrief,
)
from companion.domain.journal import new_entry
from companion.services.debrief import practise_tripped, save_debrief
from companion.store.repository import Repository
from tests.seed_interviews import seed

ENTRIES = (
    # (days ago, hour, text, mood, tags, company)
    (0, 8, "Slept badly, then a long walk by the river. Calmer now.", 4, ("calm", "walk"), None),
    (1, 20, "Nervous about tomorrow at Acme. Read my notes twice, then stopped.", 2, (), "Acme"),
    (3, 19, "Globex said they would decide soon. [bold]Not[/] checking the inbox.", 3, (), None),
    (6, 21, "Wrote to an old colleague; 日本語 practice at lunch ✨", 5, ("friends",), None),
    (12, 18, "A flat day.", 1, (), None),
    (20, 9, "Coffee with Sam; talked about anything but jobs.", 4, ("friends",), None),
)


def seed_journal(db_path: Path, clock: FrozenClock) -> None:
    seed(db_path, clock)
    now = clock.now()
    with Repository.open(db_path, clock) as repo:
        by_company = {i.company: i for i in repo.interviews.all()}
        for days, hour, text, mood, tags, company in ENTRIES:
            at = now.replace(hour=hour, minute=0) - timedelta(days=days)
            interview_id = by_company[company].id if company else None
            repo.journal.add(new_entry(text, at, mood=mood, tags=tags, interview_id=interview_id))
        globex = by_company["Globex"]
        began = now.replace(hour=17) - timedelta(days=21)
        debrief = record_how(start_debrief(globex, began), "Long, but they were kind.", 3, began)
        debrief = record_questions(debrief, "Walk me through a dashboard\nWhy Globex?", began)
        debrief = record_well(debrief, "The dashboard story.", began)
        debrief = record_delivery(debrief, "Too many ums at the start.", began)
        debrief, globex = record_next_steps(
            debrief,
            globex,
            asked=True,
            decision_by="2026-02-20",
            said="A decision within ten days.",
            today=began.date(),
            now=began,
        )
    # Written three weeks ago: saved as of that evening.
    with Repository.open(db_path, FrozenClock(began)) as then:
        debrief = save_debrief(then, go_to(debrief, DONE, began), globex)
        practise_tripped(then, debrief, globex, "Why Globex?")
