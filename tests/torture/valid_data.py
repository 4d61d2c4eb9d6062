"""Hypothesis strategies for whole databases that pass the checker (store/checker.py).

Built as the stored documents themselves, not through the stores, so they reach
what the app would rarely write but a file may hold and the checker accepts:
the first and last days of the years companion keeps, odd time zones, empty
and very long text, every kind of Unicode and control character, ids near the
largest, references across tables, cards in every state, fields companion does
not know, a table it does not know. `databases()` draws one; `write_database`
puts it on disk.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
from hypothesis import strategies as st

from companion.domain.applications import STATUS_WORDS
from companion.domain.debrief import DONE, STEPS
from companion.domain.fit import ASPECTS
from companion.domain.interviews import CONTACT_PREFS, ContactKind, Outcome
from companion.domain.practice_plan import MAX_DAILY_LIMIT
from companion.domain.rubric import KINDS as TICK_KINDS
from companion.domain.settings import BREATHING_PATTERNS, THEMES
from companion.domain.urges import CHOICES
from companion.domain.worries import State, TurnedOut
from companion.domain.writing import PROMPTS
from companion.store.files import Tables
from companion.store.layout import Layout
from companion.store.manifest import Manifest, with_manifest
from companion.store.migrations import SCHEMA_VERSION
from companion.store.schema import LAST_DAY, MAX_ID, MAX_NESTING

FIRST = date(1900, 1, 1)
TODAY = date(2026, 3, 3)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "Acme",
            "[bold]Acme[/]",
            "[link=https://x]y",
            "\x1b]52;c;aGVsbG8=\x07",
            "\x1b[2J\x1b[31mred",
            "a\rb\x08c\x00d",
            "\u202eevil\u202c",
            "é" * 3 + "\u0301" * 5,
            "😀👩‍👩‍👧" * 10,
            "漢字" * 60,
            "line\n" * 40,
            "\t\t",
            "x" * 5000,
            "%s {0} {} $HOME `id`",
            "-",
            "--help",
        ]
    ),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
)
SHORT_TEXTS = st.one_of(TEXTS.filter(lambda t: len(t) < 200), st.sampled_from(["a", "B c"]))
DAYS = st.one_of(
    st.sampled_from([FIRST, LAST_DAY, TODAY, TODAY - timedelta(days=1), TODAY + timedelta(days=1)]),
    st.dates(FIRST, LAST_DAY),
    st.integers(-120, 120).map(lambda n: TODAY + timedelta(days=n)),
)
ZONES = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=14)),
        timezone(timedelta(hours=-12)),
        timezone(timedelta(hours=5, minutes=45)),
        timezone(-timedelta(hours=23, minutes=59)),
    ]
)
MOMENTS = st.builds(
    lambda day, seconds, zone, micro: (
        datetime.combine(day, datetime.min.time(), zone)
        + timedelta(seconds=seconds, microseconds=micro)
    ),
    DAYS,
    st.integers(0, 86399),
    ZONES,
    st.sampled_from([0, 0, 1, 999999]),
).filter(lambda moment: FIRST.year <= moment.year <= LAST_DAY.year)
MOMENT_TEXTS = st.one_of(
    MOMENTS.map(datetime.isoformat),
    MOMENTS.map(lambda m: m.astimezone(UTC))
    .filter(lambda m: FIRST.year <= m.year <= LAST_DAY.year)
    .map(datetime.isoformat),
    MOMENTS.map(lambda m: m.strftime("%Y-%m-%d %H:%M%z")),
)
DAY_TEXTS = DAYS.map(date.isoformat)
TAGS = st.lists(SHORT_TEXTS, max_size=4)
EXTRA = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**64 - 1),
    SHORT_TEXTS,
    st.builds(lambda: _nested(MAX_NESTING)),
    st.dictionaries(SHORT_TEXTS, st.integers(-5, 5), max_size=2),
)


# Every table `databases()` draws documents for: a new table adds its documents
# there (tests/torture/test_valid_never_crashes.py fails until it does).
DRAWN_TABLES = frozenset(
    {
        *("settings", "references", "interviews", "questions", "applications", "urges"),
        *("answers", "reviews", "journal", "debriefs"),
        *("stories", "worries", "writing"),
    }
)


@dataclass
class Drawn:
    """A database as drawn: its files' tables, and what the commands may name."""

    main: Tables
    parts: dict[str, Tables]
    interview_ids: list[int] = field(default_factory=list)
    question_ids: list[int] = field(default_factory=list)
    entry_ids: list[int] = field(default_factory=list)


def _maybe_extra(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    if draw(st.integers(0, 9)) == 0:
        doc[draw(st.sampled_from(["extra", "x-later", "notes2"]))] = draw(EXTRA)
    return doc


def _ids(draw: st.DrawFn, count: int) -> list[int]:
    """Ids for `count` documents: mostly small, now and then near the largest."""
    if count and draw(st.integers(0, 7)) == 0:
        start = MAX_ID - count - draw(st.integers(0, 3))
    else:
        start = draw(st.integers(1, 3))
    return [start + n for n in range(count)]


def _optional(
    draw: st.DrawFn, doc: dict[str, Any], key: str, values: st.SearchStrategy[Any]
) -> None:
    if draw(st.booleans()):
        doc[key] = draw(values)


@st.composite
def _settings(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    _optional(draw, doc, "weekly_goal", st.sampled_from([0, 1, 5, 50]))
    _optional(
        draw,
        doc,
        "checkin_time",
        st.one_of(st.none(), st.sampled_from(["00:00", "23:59", "17:00"])),
    )
    _optional(draw, doc, "desired_retention", st.sampled_from([0.7, 0.9, 0.97]))
    _optional(draw, doc, "theme", st.sampled_from([*THEMES, "gone"]))
    # Absolute, as the settings store them; none a test may write to (each is refused
    # when the calendar is rewritten, and the app says so).
    _optional(
        draw,
        doc,
        "calendar_path",
        st.sampled_from([None, "/", "/dev/null", "/nonexistent/companion.ics", "/no/\x1b[31m.ics"]),
    )
    _optional(draw, doc, "welcomed", st.booleans())
    _optional(draw, doc, "goal_set_on", st.one_of(st.none(), DAY_TEXTS))
    # A place the `holidays` package knows, one it does not, a code it takes as alpha-3.
    _optional(draw, doc, "country", st.sampled_from([None, "", "GB", "US", "DE", "DEU", "ZZ"]))
    _optional(draw, doc, "region", st.sampled_from([None, "", "SCT", "CA", "BY", "ZZZ", "9"]))
    # Practice's gentle load (issue 15): every day a rest day too, which settings refuse
    # to set but a file may hold.
    _optional(draw, doc, "daily_limit", st.sampled_from([1, 15, MAX_DAILY_LIMIT]))
    _optional(draw, doc, "rest_days", st.lists(st.integers(0, 6), max_size=8))
    _optional(draw, doc, "day_starts", st.sampled_from(["00:00", "04:00", "23:59"]))
    # The name that signs the drafts (issue 16).
    _optional(draw, doc, "your_name", SHORT_TEXTS)
    # Breathing (issue 17).
    _optional(draw, doc, "breathing_pattern", st.sampled_from(BREATHING_PATTERNS))
    _optional(draw, doc, "reduced_motion", st.booleans())
    return doc


@st.composite
def _interview(draw: st.DrawFn, interview_ids: list[int], reference_counter: int) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "company": draw(TEXTS),
        "role": draw(TEXTS),
        "held_on": draw(DAY_TEXTS),
    }
    _optional(draw, doc, "round", TEXTS)
    _optional(draw, doc, "interviewers", st.lists(TEXTS, max_size=4))
    _optional(draw, doc, "decision_by", st.one_of(st.none(), DAY_TEXTS))
    _optional(draw, doc, "contact_pref", st.sampled_from(CONTACT_PREFS))
    _optional(draw, doc, "notes", TEXTS)
    _optional(draw, doc, "final_round", st.booleans())
    _optional(draw, doc, "talked_about", TEXTS)
    told = (
        st.lists(st.integers(1, reference_counter - 1), max_size=3)
        if reference_counter > 1
        else st.just([])
    )
    contact = st.fixed_dictionaries(
        {"kind": st.sampled_from([k.value for k in ContactKind]), "on": DAY_TEXTS},
        optional={
            "note": TEXTS,
            "decision_by": st.one_of(st.none(), DAY_TEXTS),
            "references": told,
            "to": st.lists(SHORT_TEXTS, max_size=3),
            # The note as sent from a draft (issue 16).
            "text": TEXTS,
        },
    )
    _optional(draw, doc, "contacts", st.lists(contact, max_size=4))
    outcome = st.fixed_dictionaries(
        {"outcome": st.sampled_from([o.value for o in Outcome]), "on": DAY_TEXTS}
    )
    _optional(draw, doc, "outcomes", st.lists(outcome, max_size=3))
    _optional(draw, doc, "debriefed_on", st.one_of(st.none(), DAY_TEXTS))
    fit = st.fixed_dictionaries(
        {},
        optional={
            **{aspect: st.one_of(st.none(), st.integers(1, 5)) for aspect in ASPECTS},
            "note": TEXTS,
        },
    )
    _optional(draw, doc, "fit", fit)
    _optional(draw, doc, "reflection", TEXTS)
    rounds = st.one_of(st.none(), st.sampled_from(interview_ids)) if interview_ids else st.none()
    _optional(draw, doc, "previous_round_id", rounds)
    _optional(draw, doc, "next_round_id", rounds)
    _optional(draw, doc, "added_on", st.one_of(st.none(), DAY_TEXTS))
    offer = st.fixed_dictionaries(
        {},
        optional={
            "respond_by": st.one_of(st.none(), DAY_TEXTS),
            "pay": TEXTS,
            "leave": TEXTS,
            "remote": TEXTS,
            "start_on": st.one_of(st.none(), DAY_TEXTS),
        },
    )
    _optional(draw, doc, "offer", offer)
    _optional(draw, doc, "tags", TAGS)
    return _maybe_extra(draw, doc)


@st.composite
def _card(draw: st.DrawFn, card_id: int) -> dict[str, Any]:
    state = draw(st.sampled_from([1, 2, 3]))
    stability = draw(st.sampled_from([0.001, 0.5, 3.2, 400.0, 1e9]))
    difficulty = draw(st.sampled_from([1.0, 5.5, 10.0]))
    fresh = state == 1 and draw(st.booleans())
    due = draw(MOMENT_TEXTS)
    return {
        "card_id": card_id,
        "state": state,
        "step": None if state == 2 else draw(st.sampled_from([0, 1, 2, 7, MAX_ID])),
        "stability": None if fresh else stability,
        "difficulty": None if fresh else difficulty,
        "due": due,
        "last_review": None if fresh else draw(st.one_of(st.none(), MOMENT_TEXTS)),
    }


@st.composite
def _question(draw: st.DrawFn, question_id: int, interview_ids: list[int]) -> dict[str, Any]:
    about = st.one_of(st.none(), st.sampled_from(interview_ids)) if interview_ids else st.none()
    star_part = st.sampled_from(["situation", "task", "action", "result"])
    doc: dict[str, Any] = {
        "text": draw(TEXTS),
        "tags": draw(TAGS),
        "interview_id": draw(about),
        "went_wrong": draw(TEXTS),
        "answer": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {"text": TEXTS, "written_at": MOMENT_TEXTS},
                    optional={"key_points": st.lists(TEXTS, max_size=4)},
                ),
            )
        ),
        "star": draw(st.one_of(st.none(), st.dictionaries(star_part, TEXTS, max_size=4))),
        "suspended": draw(st.booleans()),
        "earlier_versions": draw(st.sampled_from([0, 1, 3, 1000])),
        "added_at": draw(MOMENT_TEXTS),
        "card": draw(_card(draw(st.sampled_from([question_id, 0, MAX_ID])))),
    }
    _optional(draw, doc, "hint", TEXTS)
    _optional(draw, doc, "deck", st.one_of(st.none(), SHORT_TEXTS))
    _optional(draw, doc, "import_key", st.one_of(st.none(), SHORT_TEXTS))
    return _maybe_extra(draw, doc)


@st.composite
def _debrief(draw: st.DrawFn, interview_id: int, question_counter: int) -> dict[str, Any]:
    practised_id = st.integers(1, question_counter - 1) if question_counter > 1 else st.nothing()
    practised = st.fixed_dictionaries({"text": TEXTS, "question_id": practised_id})
    return {
        "interview_id": interview_id,
        "started_at": draw(MOMENT_TEXTS),
        "updated_at": draw(MOMENT_TEXTS),
        "step": draw(st.sampled_from([*STEPS, DONE])),
        "completed_at": draw(st.one_of(st.none(), MOMENT_TEXTS)),
        "went": draw(TEXTS),
        "mood": draw(st.one_of(st.none(), st.integers(1, 5))),
        "questions": draw(st.lists(TEXTS, max_size=3)),
        "practised": draw(st.lists(practised, max_size=2)) if question_counter > 1 else [],
        "went_well": draw(TEXTS),
        "delivery": draw(TEXTS),
        "asked_next_steps": draw(st.one_of(st.none(), st.booleans())),
        "next_steps": draw(TEXTS),
        "decision_by": draw(st.one_of(st.none(), DAY_TEXTS)),
    }


@st.composite
def _worry(draw: st.DrawFn) -> dict[str, Any]:
    """A parked thought (issue 17) in any state, answered or not."""
    return {
        "text": draw(TEXTS),
        "parked_at": draw(MOMENT_TEXTS),
        "last_parked_at": draw(st.one_of(st.none(), MOMENT_TEXTS)),
        "times": draw(st.sampled_from([1, 2, MAX_ID])),
        "offer_on": draw(DAY_TEXTS),
        "state": draw(st.sampled_from([str(s) for s in State])),
        "answered_on": draw(st.one_of(st.none(), DAY_TEXTS)),
        "turned_out": draw(st.one_of(st.none(), st.sampled_from([str(t) for t in TurnedOut]))),
    }


def _counter(draw: st.DrawFn, ids: list[int]) -> int:
    top = max(ids, default=0) + 1
    return min(MAX_ID + 1, top + draw(st.sampled_from([0, 0, 1, 5])))


@st.composite
def databases(draw: st.DrawFn) -> Drawn:
    """A whole database, main file and history parts, that passes the checker."""
    counters: dict[str, int] = {}
    main: Tables = {}
    parts: dict[str, Tables] = {}

    reference_ids = _ids(draw, draw(st.integers(0, 3)))
    counters["references"] = _counter(draw, reference_ids)
    main["references"] = {
        str(i): _maybe_extra(
            draw,
            draw(
                st.fixed_dictionaries({"name": TEXTS}, optional={"relation": TEXTS, "reach": TEXTS})
            ),
        )
        for i in reference_ids
    }

    interview_ids = _ids(draw, draw(st.integers(0, 5)))
    counters["interviews"] = _counter(draw, interview_ids)
    main["interviews"] = {
        str(i): draw(_interview(interview_ids, counters["references"])) for i in interview_ids
    }

    question_ids = _ids(draw, draw(st.integers(0, 5)))
    counters["questions"] = _counter(draw, question_ids)
    main["questions"] = {str(i): draw(_question(i, interview_ids)) for i in question_ids}

    application_ids = _ids(draw, draw(st.integers(0, 4)))
    counters["applications"] = _counter(draw, application_ids)
    main["applications"] = {}
    for i in application_ids:
        doc = {"company": draw(TEXTS), "role": draw(TEXTS), "applied_on": draw(DAY_TEXTS)}
        _optional(draw, doc, "source", TEXTS)
        _optional(draw, doc, "link", TEXTS)
        _optional(draw, doc, "notes", TEXTS)
        _optional(draw, doc, "status", st.sampled_from(STATUS_WORDS))
        _optional(draw, doc, "status_on", st.one_of(st.none(), DAY_TEXTS))
        main["applications"][str(i)] = doc

    urge_ids = _ids(draw, draw(st.integers(0, 4)))
    counters["urges"] = _counter(draw, urge_ids)
    main["urges"] = {}
    for i in urge_ids:
        urge = {"at": draw(MOMENT_TEXTS), "on": draw(DAY_TEXTS)}
        _optional(draw, urge, "choice", st.sampled_from(CHOICES))  # issue 17
        main["urges"][str(i)] = urge

    story_ids = _ids(draw, draw(st.integers(0, 3)))
    counters["stories"] = _counter(draw, story_ids)
    named = st.lists(st.sampled_from(question_ids), max_size=4) if question_ids else st.just([])
    main["stories"] = {
        str(i): _maybe_extra(
            draw,
            {
                "title": draw(TEXTS),
                **{part: draw(TEXTS) for part in ("situation", "task", "action", "result")},
                "tags": draw(TAGS),
                "question_ids": draw(named),
                "told": draw(st.sampled_from([0, 1, 12, MAX_ID])),
                "added_at": draw(MOMENT_TEXTS),
            },
        )
        for i in story_ids
    }

    if draw(st.booleans()):
        main["settings"] = {"1": draw(_settings())}
    if draw(st.integers(0, 5)) == 0:
        main["later"] = {"1": {"kept": draw(EXTRA)}}

    answer_ids = _ids(draw, draw(st.integers(0, 3))) if question_ids else []
    counters["answers"] = _counter(draw, answer_ids)
    if answer_ids:
        parts["answers"] = {
            "answers": {
                str(i): draw(
                    st.fixed_dictionaries(
                        {
                            "question_id": st.sampled_from(question_ids),
                            "text": TEXTS,
                            "written_at": MOMENT_TEXTS,
                            "replaced_at": MOMENT_TEXTS,
                        },
                        optional={"key_points": st.lists(TEXTS, max_size=3)},
                    )
                )
                for i in answer_ids
            }
        }

    review_ids = _ids(draw, draw(st.integers(0, 4))) if counters["questions"] > 1 else []
    counters["reviews"] = _counter(draw, review_ids)
    for i in review_ids:
        at = draw(MOMENTS)
        name = f"reviews-{at.astimezone(UTC):%Y-%m}"
        review = {
            "question_id": draw(st.integers(1, counters["questions"] - 1)),
            "card_id": draw(st.sampled_from([1, 0, MAX_ID])),
            "rating": draw(st.integers(1, 4)),
            "review_datetime": at.isoformat(),
            "review_duration": draw(st.one_of(st.none(), st.sampled_from([0, 1500, MAX_ID]))),
        }
        # Issue 15: the rubric ticked after the reveal, the rating it suggested, a mock's.
        tick = st.fixed_dictionaries(
            {"label": TEXTS, "kind": st.sampled_from(TICK_KINDS), "ticked": st.booleans()}
        )
        _optional(draw, review, "rubric", st.lists(tick, max_size=5))
        _optional(draw, review, "suggested", st.one_of(st.none(), st.integers(1, 4)))
        _optional(draw, review, "mock", st.booleans())
        parts.setdefault(name, {"reviews": {}})["reviews"][str(i)] = review

    entry_ids = _ids(draw, draw(st.integers(0, 4)))
    counters["journal"] = _counter(draw, entry_ids)
    if entry_ids or draw(st.booleans()):
        about = st.one_of(st.none(), st.sampled_from(interview_ids)) if interview_ids else st.none()
        entries = {}
        for i in entry_ids:
            doc = {
                "text": draw(TEXTS),
                "written_at": draw(MOMENT_TEXTS),
                "mood": draw(st.one_of(st.none(), st.integers(1, 5))),
                "tags": draw(TAGS),
                "interview_id": draw(about),
            }
            _optional(draw, doc, "edited_at", st.one_of(st.none(), MOMENT_TEXTS))
            entries[str(i)] = _maybe_extra(draw, doc)
        parts["journal"] = {"journal": entries}

    debriefed = draw(st.lists(st.sampled_from(interview_ids), unique=True)) if interview_ids else []
    debrief_ids = _ids(draw, len(debriefed))
    counters["debriefs"] = _counter(draw, debrief_ids)
    if debriefed:
        parts["debriefs"] = {
            "debriefs": {
                str(i): draw(_debrief(interview_id, counters["questions"]))
                for i, interview_id in zip(debrief_ids, debriefed, strict=True)
            }
        }

    worry_ids = _ids(draw, draw(st.integers(0, 4)))
    counters["worries"] = _counter(draw, worry_ids)
    if worry_ids:
        parts["worries"] = {"worries": {str(i): draw(_worry()) for i in worry_ids}}

    step_ids = _ids(draw, draw(st.integers(0, 4)))
    counters["writing"] = _counter(draw, step_ids)
    if step_ids:
        written = st.integers(1, counters["journal"] - 1) if counters["journal"] > 1 else st.none()
        parts["writing"] = {
            "writing": {
                str(i): {
                    "round": draw(st.sampled_from([1, 2, MAX_ID])),
                    "prompt": draw(st.integers(1, len(PROMPTS))),
                    "on": draw(DAY_TEXTS),
                    "written": draw(st.booleans()),
                    "entry_id": draw(st.one_of(st.none(), written)),
                }
                for i in step_ids
            }
        }

    main["meta"] = {"1": {"schema_version": 1, "next_ids": counters}}
    for tables in parts.values():
        tables["meta"] = {"1": {"schema_version": 1, "next_ids": {}}}
    return Drawn(main, parts, interview_ids, question_ids, entry_ids)


def write_database(path: Path, drawn: Drawn) -> None:
    """The drawn database's files under `path` (the main file) and its history folder."""
    layout = Layout(path)
    layout.history.mkdir(parents=True, exist_ok=True)
    main = copy.deepcopy(drawn.main)
    main["meta"]["1"]["schema_version"] = SCHEMA_VERSION
    manifest = Manifest(1, dict.fromkeys(drawn.parts, 1))
    path.write_bytes(orjson.dumps(with_manifest(main, manifest)))
    for name, tables in drawn.parts.items():
        layout.part_file(name, 1).write_bytes(orjson.dumps(tables))
