"""A hostile database: every piece of text a person typed or imported holds terminal attacks.

It is built in two steps, both through public paths. First a database that
uses every table and every text field (`build_plain`), through the stores, as
a person would fill it; then its full export has HOSTILE appended to every
string the schemas call text (`poison`, tags get the shorter HOSTILE_TAG), and
that export is imported into a new database. A text field added later is
poisoned with no change here; `missing_text` names a table or a text field that
the plain database leaves empty, and a test fails until the builder fills it.

The payload holds markup that must stay text (`[bold]x[/]`, `$x {y}`), an OSC
52 sequence that would replace the clipboard, a screen-clearing CSI, the
8-bit CSI U+009B and a right-to-left override. Shown inert, they read as
SHOWN: the markup as typed and each control as its visible form.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import orjson
from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.applications import parse_application
from companion.domain.debrief import (
    record_delivery,
    record_how,
    record_impressions,
    record_next_steps,
    record_questions,
    record_well,
    start_debrief,
)
from companion.domain.decks import parse_deck
from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    ContactKind,
    Offer,
    Outcome,
    log_contact,
    move_on,
    new_interview,
    set_outcome,
)
from companion.domain.journal import new_entry
from companion.domain.practice import Scheduling, Star, new_question, rehearse
from companion.domain.references import new_reference
from companion.domain.rubric import rubric_for, toggled
from companion.domain.stories import new_story
from companion.domain.worries import TurnedOut
from companion.inert import BIDI_CONTROLS
from companion.services import worries
from companion.services.debrief import practise_tripped, save_debrief
from companion.store.repository import SCHEMAS, Repository
from companion.store.schema import Field

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
FROZEN_ENV = "COMPANION_FROZEN_NOW"

OSC52 = "\x1b]52;c;SGVsbG8=\x07"
HOSTILE = f" [bold]x[/] $x {{y}} {OSC52}\x1b[2J\x9b31m\u202e."
SHOWN = " [bold]x[/] $x {y} ␛]52;c;SGVsbG8=␇␛[2J<U+009B>31m<U+202E>."
# Tags are short and lower case.
HOSTILE_TAG = " [b]x[/]\x1b[2j\x9b1m\u202e"
SHOWN_TAG = " [b]x[/]␛[2j<U+009B>1m<U+202E>"

# Fields that are not a person's words: the theme's name, the status word (shown
# by its label), the ids of the references told, a deck question's key, the
# scheduler's card and the time an answer was written, the rest days (weekday numbers)
# and the questions a story answers (their ids).
NOT_TEXT = {
    ("settings", "theme"),
    ("settings", "country"),
    ("settings", "region"),
    ("applications", "status"),
    ("interviews", "contacts.references"),
    ("questions", "import_key"),
    ("questions", "card"),
    ("questions", "answer.written_at"),
    ("settings", "rest_days"),
    ("stories", "question_ids"),
}
TAG_FIELDS = {
    ("questions", "tags"),
    ("journal", "tags"),
    ("stories", "tags"),
    ("interviews", "tags"),
}

DECK_TOML = """\
[deck]
name = "Shared \\u001b]52;c;SGVsbG8=\\u0007 deck"
description = "From a friend"
tags = ["shared"]

[[questions]]
text = "Why this company? \\u001b]52;c;SGVsbG8=\\u0007 [bold]x[/]"
hint = "Show you read about them \\u009b31m \\u202e"
tags = ["why"]
"""
DECK_SHOWN = "Why this company? ␛]52;c;SGVsbG8=␇ [bold]x[/]"


def reaches_terminal(ch: str) -> bool:
    """A character a terminal acts on, or that reorders the text around it."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def controls_in(text: str, allowed: str = "\n") -> list[str]:
    return sorted({ch for ch in text if reaches_terminal(ch) and ch not in allowed})


def build_plain(repo: Repository) -> None:
    """Every table and every text field, filled in through the stores."""
    today = NOW.date()
    repo.settings.update(
        welcomed=True,
        weekly_goal=5,
        checkin_time=time(17, 0),
        calendar_path=str(repo.path.parent / "kind-dates.ics"),
        your_name="Sam Park",
    )
    dana = repo.references.add(new_reference("Dana Lee", "former manager", "dana@example.com"))
    assert dana.id is not None

    upcoming = new_interview(
        company="Upcoming Co",
        role="Designer",
        held_on=today + timedelta(days=2),
        round="first",
        interviewers=["Sam Reyes"],
        notes="Bring the portfolio.",
    )
    fresh = new_interview(
        company="Northwind",
        role="Analyst",
        held_on=today,
        round="second",
        interviewers=["Maya Patel", "Leo Brandt"],
        decision_by=today + timedelta(days=9),
        notes="Panel of two.",
        final_round=True,
        talked_about="the move to a new data platform",
        tags=["leadership"],
    )
    fresh = replace(fresh, fit=FitReflection(work=4, pay=3, note="Good people."))
    waiting = new_interview(
        company="Contoso",
        role="Data analyst",
        held_on=today - timedelta(days=12),
        interviewers=["Ana Gomez"],
        decision_by=today - timedelta(days=2),
        notes="They will decide soon.",
    )
    waiting = log_contact(
        waiting,
        ContactKind.THANK_YOU,
        today - timedelta(days=11),
        today,
        note="Sent a note.",
        text="Subject: Thank you\n\nDear Ana, thank you for your time.",
    )
    waiting = log_contact(
        waiting,
        ContactKind.REFERENCES_NOTIFIED,
        today - timedelta(days=5),
        today,
        note="Told Dana.",
        references=[dana.id],
    )
    gone = new_interview(
        company="Fabrikam", role="Analyst", held_on=today - timedelta(days=40), notes="Long ago."
    )
    gone = move_on(gone, "Ask about the team earlier.", today - timedelta(days=3))
    passed = new_interview(
        company="Litware", role="Analyst", held_on=today - timedelta(days=6), round="first"
    )
    passed = set_outcome(passed, Outcome.NEXT_ROUND, today - timedelta(days=1))
    fresh = log_contact(fresh, ContactKind.THANK_YOU, today, today, to=["Maya Patel"])
    # two offers (issue 14): their details, side by side
    offers = [
        replace(
            set_outcome(
                new_interview(company=company, role="Lead", held_on=today - timedelta(days=20)),
                outcome,
                today - timedelta(days=1),
            ),
            offer=Offer(
                respond_by=today + timedelta(days=5),
                pay="52k",
                leave="25 days",
                remote="2 days",
                start_on=today + timedelta(days=30),
            ),
        )
        for company, outcome in (
            ("Offer One", Outcome.OFFER_WRITTEN),
            ("Offer Two", Outcome.OFFER_VERBAL),
        )
    ]
    for interview in (upcoming, fresh, waiting, gone, passed, *offers):
        repo.interviews.add(interview)
    by_company = {i.company: i for i in repo.interviews.all()}
    fresh = by_company["Northwind"]
    assert fresh.id is not None

    question = repo.questions.add(
        new_question(
            "Tell me about a conflict",
            NOW - timedelta(days=3),
            tags=["conflict"],
            interview_id=fresh.id,
            went_wrong="I rambled.",
            answer="A first answer.",
            star=Star("A late project", "Ship it", "Split the work", "On time"),
            key_points=["Say what I did"],
        )
    )
    question = repo.questions.improve_answer(
        question, "A better answer.", NOW - timedelta(days=1), question.star
    )
    story = repo.stories.add(
        new_story(
            "The late project",
            NOW - timedelta(days=2),
            situation="A project two weeks late.",
            task="Ship it.",
            action="I split the work.",
            result="On time, 3 days early.",
            tags=["conflict"],
            question_ids=[question.id or 0],
        )
    )
    scheduling = Scheduling(fuzz=False)
    ticks = toggled(rubric_for(question, timedelta(seconds=90), [story]), 0)
    rated, rehearsal = rehearse(
        question, Rating.Good, NOW - timedelta(days=1), None, scheduling, ticks=ticks
    )
    repo.questions.record(rated, rehearsal)
    repo.questions.import_deck(parse_deck(DECK_TOML, "shared.toml"), NOW - timedelta(days=1))

    repo.journal.add(new_entry("One line.", NOW - timedelta(hours=3), tags=["calm"]))
    repo.journal.add(
        new_entry(
            "A calm morning.\nThen a second line.",
            NOW - timedelta(hours=2),
            mood=4,
            tags=["calm"],
            interview_id=fresh.id,
        )
    )
    debrief = start_debrief(fresh, NOW - timedelta(minutes=30))
    debrief = record_how(debrief, "Warm and quick.", 4, NOW)
    debrief = record_questions(debrief, "Why us?\nWhat is your weakness?", NOW)
    debrief, _ = practise_tripped(repo, debrief, fresh, "Why us?")
    debrief = record_well(debrief, "The case study.", NOW)
    debrief = record_delivery(debrief, "Spoke fast.", NOW)
    debrief, fresh = record_next_steps(
        debrief,
        fresh,
        asked=True,
        decision_by="+1w",
        said="By next week.",
        today=today,
        now=NOW,
    )
    fresh = record_impressions(fresh, {}, "Warm team.")
    debrief = replace(debrief, step="done", completed_at=NOW)
    save_debrief(repo, debrief, fresh)

    repo.applications.add(
        parse_application(
            today,
            company="Tailspin",
            role="Analyst",
            applied_on="yesterday",
            source="a friend",
            link="https://example.com/job",
            notes="Referred by Ana.",
        )
    )
    repo.urges.note(NOW - timedelta(hours=1))
    # Worry time: a thought waiting for the check-in, one let go and looked back on.
    worries.park(repo, "Did Northwind write back?")
    let_go = worries.answer(repo, worries.park(repo, "Money for next month"), "let_go")
    worries.look_back(repo, let_go, TurnedOut.BETTER)


def _poison(table: str, doc: dict[str, Any], fields: Mapping[str, Field], prefix: str) -> set[str]:
    """Append the payload to every text of `doc`, in place; returns the paths it changed."""
    changed: set[str] = set()
    for name, field in fields.items():
        path = f"{prefix}{name}"
        if name not in doc or (table, path) in NOT_TEXT:
            continue
        value = doc[name]
        payload = HOSTILE_TAG if (table, path) in TAG_FIELDS else HOSTILE
        if field.kind == "str" and field.choices is None and isinstance(value, str) and value:
            doc[name] = value + payload
            changed.add(path)
        elif field.kind == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                if field.items is not None and isinstance(item, dict):
                    changed |= _poison(table, item, field.items, f"{path}.")
                elif isinstance(item, str) and item:
                    value[index] = item + payload
                    changed.add(path)
        elif field.kind == "dict" and isinstance(value, dict):
            if field.items is not None:
                changed |= _poison(table, value, field.items, f"{path}.")
                continue
            for key, item in value.items():
                if isinstance(item, str) and item and (table, f"{path}.{key}") not in NOT_TEXT:
                    value[key] = item + payload
                    changed.add(f"{path}.{key}")
    return changed


def _tables(export: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from export["main"].items()
    for part in export["history"].values():
        yield from part.items()


def poison(export: dict[str, Any]) -> set[tuple[str, str]]:
    """Append the payload to every text in a full export, in place; returns (table, path)s."""
    changed: set[tuple[str, str]] = set()
    for table, docs in _tables(export):
        if table not in SCHEMAS:
            continue
        for doc in docs.values():
            changed |= {(table, path) for path in _poison(table, doc, SCHEMAS[table], "")}
    return changed


def text_fields(fields: Mapping[str, Field], prefix: str = "") -> set[str]:
    """The paths of a schema's text fields (what `poison` changes when they are filled)."""
    found: set[str] = set()
    for name, field in fields.items():
        path = f"{prefix}{name}"
        if field.kind in ("list", "dict") and field.items is not None:
            found |= text_fields(field.items, f"{path}.")
        elif (field.kind == "str" and field.choices is None) or field.kind in ("list", "dict"):
            found.add(path)  # a list or an object of texts (tags, a STAR note), or a text
    return found


def missing_text(changed: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Text fields of the schemas that the plain database leaves empty (so not poisoned)."""
    wanted = {
        (table, path)
        for table in SCHEMAS
        for path in text_fields(SCHEMAS[table])
        if (table, path) not in NOT_TEXT
    }
    return {
        (table, path)
        for table, path in wanted
        if not any(t == table and (p == path or p.startswith(f"{path}.")) for t, p in changed)
    }


def build_hostile(folder: Path) -> tuple[Path, set[tuple[str, str]]]:
    """The hostile database in `folder`; returns its path and the (table, path)s poisoned."""
    from companion.cli.main import main

    frozen = os.environ.get(FROZEN_ENV)
    os.environ[FROZEN_ENV] = NOW.isoformat()
    try:
        return _build_hostile(folder, main)
    finally:
        if frozen is None:
            del os.environ[FROZEN_ENV]
        else:
            os.environ[FROZEN_ENV] = frozen


def _build_hostile(
    folder: Path, main: Callable[[list[str]], int]
) -> tuple[Path, set[tuple[str, str]]]:
    clock = FrozenClock(NOW)
    plain = folder / "plain" / "companion.json"
    with Repository.open(plain, clock) as repo:
        build_plain(repo)
    export = folder / "plain-export.json"
    assert main(["--db", str(plain), "export", "--output", str(export)]) == 0
    data = orjson.loads(export.read_bytes())
    changed = poison(data)
    # The calendar file's path now names a folder ("[/]" in the payload): made, so
    # that the calendar can follow every change as it does for a person.
    (settings,) = data["main"]["settings"].values()
    Path(settings["calendar_path"]).parent.mkdir(parents=True, exist_ok=True)
    poisoned = folder / "hostile-export.json"
    poisoned.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    hostile = folder / "hostile" / "companion.json"
    assert main(["--db", str(hostile), "import", str(poisoned)]) == 0
    return hostile, changed
