"""The one checker (store/checker.py): what it refuses, in words naming the table, the id
and the field, on a load, an import and a restore; and what the app itself writes passes."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from fsrs import Rating

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.dates import parse_date
from companion.domain.debrief import start_debrief
from companion.domain.drafts import DraftKind
from companion.domain.errors import FieldError
from companion.domain.interviews import ContactKind, Interview, Offer, Outcome
from companion.domain.journal import new_entry
from companion.domain.practice import new_question
from companion.domain.references import Reference
from companion.services import debrief, drafts, interviews, journal, practice, settings, summary
from companion.store.checker import BadData, check_database, require_sound
from companion.store.database import Database
from companion.store.errors import BadDatabaseFile
from companion.store.files import Tables
from companion.store.layout import Layout
from companion.store.manifest import Manifest, with_manifest
from companion.store.repository import Repository
from companion.store.snapshot import export_json

Mutation = Callable[[Tables, dict[str, Tables]], None]


def _fill(repo: Repository) -> None:
    """A little of everything, written by the app's own stores."""
    clock = repo.clock
    now = clock.now()
    settings.save_settings(repo, weekly_goal=3, place=("GB", "SCT"), your_name="Dee Okafor")
    reference = interviews.add_reference(repo, Reference(name="Ana"))
    interview, _ = interviews.add_interview(
        repo,
        Interview(
            company="Acme",
            role="Analyst",
            held_on=clock.today(),
            interviewers=("Ben", "Cy"),
            added_on=clock.today(),
            talked_about="the move to a new data platform",
        ),
    )
    assert interview.id is not None and reference.id is not None
    told = interviews.log_contact(
        repo, interview, ContactKind.REFERENCES_NOTIFIED, clock.today(), references=[reference.id]
    )
    note = drafts.draft(repo, interview.id, DraftKind.THANK_YOU, "Ben").draft
    told = drafts.mark_sent(repo, note, interview.id, f"{note.subject}\n\n{note.body}")
    told = interviews.log_contact(repo, told, ContactKind.THANK_YOU, clock.today(), to=["Cy"])
    told = interviews.save_offer(
        repo,
        told,
        Offer(respond_by=clock.today() + timedelta(days=7), pay="52k", start_on=date(2026, 5, 1)),
    )
    question = practice.add_question(
        repo, new_question("Why us?", now, tags=["why"], interview_id=interview.id, answer="First")
    )
    question = practice.edit_question(repo, question, "Second")
    practice.rate(repo, question, Rating.Good, None)
    journal.write_entry(repo, new_entry("A long day.", now, mood=3, tags=["day"], interview_id=1))
    debrief.save_debrief(repo, start_debrief(told, now), told)


@pytest.fixture
def sound(db_path: Path, clock: FrozenClock) -> tuple[Tables, dict[str, Tables]]:
    """A sound database's tables: the main file's and each part's, as on disk."""
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        main, parts = repo.db.everything()
        return copy.deepcopy(main), copy.deepcopy(parts)


def test_a_database_the_app_wrote_is_sound(sound: tuple[Tables, dict[str, Tables]]) -> None:
    main, parts = sound
    assert sorted(parts) == ["answers", "debriefs", "journal", "reviews-2026-03"]
    interview = main["interviews"]["1"]
    assert interview["talked_about"] and main["settings"]["1"]["your_name"]
    assert any(contact.get("text") for contact in interview["contacts"])
    assert check_database(main, parts) == []


def _set(table: str, doc: str, field: str, value: Any, part: str | None = None) -> Mutation:
    def change(main: Tables, parts: dict[str, Tables]) -> None:
        (parts[part] if part else main)[table][doc][field] = value

    return change


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _card(**fields: Any) -> Mutation:
    def change(main: Tables, parts: dict[str, Tables]) -> None:
        main["questions"]["1"]["card"].update(fields)

    return change


def _move_id(table: str, old: str, new: str) -> Mutation:
    def change(main: Tables, parts: dict[str, Tables]) -> None:
        main[table][new] = main[table].pop(old)

    return change


def _review_twice(main: Tables, parts: dict[str, Tables]) -> None:
    parts["reviews-2026-04"] = copy.deepcopy(parts["reviews-2026-03"])


# Each probe, and the words the refusal must hold: the table, the id, the field.
PROBES: dict[str, tuple[Mutation, tuple[str, ...]]] = {
    "a card with nothing in it": (
        _set("questions", "1", "card", {}),
        ("table 'questions'", "document 1", "'card.card_id'"),
    ),
    "a date at the end of the calendar": (
        _set("interviews", "1", "held_on", "9999-12-31"),
        ("table 'interviews'", "document 1", "'held_on' = '9999-12-31'", "from 1900 to 2299"),
    ),
    "a date before the years companion keeps": (
        _set("interviews", "1", "decision_by", "1899-12-31"),
        ("table 'interviews'", "'decision_by' = '1899-12-31'"),
    ),
    "a datetime after the years companion keeps": (
        _set("questions", "1", "added_at", "2300-01-01T00:00:00+00:00"),
        ("table 'questions'", "'added_at'"),
    ),
    "a tag that is a number": (
        _set("questions", "1", "tags", [1]),
        ("table 'questions'", "document 1", "'tags[0]' = 1", "expects text"),
    ),
    "a reference that is a word": (
        _set(
            "interviews",
            "1",
            "contacts",
            [{"kind": "references_notified", "on": "2026-03-03", "references": ["a"]}],
        ),
        ("table 'interviews'", "'contacts[0].references[0]' = 'a'"),
    ),
    "an interview id over 2**64": (
        _set("questions", "1", "interview_id", orjson.loads(str(2**64 + 1))),
        ("table 'questions'", "'interview_id'"),
    ),
    "a document id over 2**63": (
        _move_id("interviews", "1", str(2**64 + 1)),
        ("table 'interviews'", str(2**64 + 1)),
    ),
    "a document id 0": (
        _move_id("interviews", "1", "0"),
        ("table 'interviews'", "id 0"),
    ),
    "an id the counter never handed out": (
        _move_id("interviews", "1", "7"),
        ("table 'interviews'", "document 7", "next id for 'interviews' is 2"),
    ),
    "nesting 300 deep in a field companion does not know": (
        _set("interviews", "1", "extra", _nested(300)),
        ("table 'interviews'", "'extra'", "nested more than 16 levels"),
    ),
    "a mood of 6": (
        _set("journal", "1", "mood", 6, part="journal"),
        ("history part 'journal'", "table 'journal'", "'mood' = 6", "from 1 to 5"),
    ),
    "a journal entry about an interview that is not there": (
        _set("journal", "1", "interview_id", 9, part="journal"),
        ("table 'journal'", "document 1", "'interview_id' = 9", "no interview 9"),
    ),
    "a question about an interview that is not there": (
        _set("questions", "1", "interview_id", 5),
        ("table 'questions'", "'interview_id' = 5", "no interview 5"),
    ),
    "an earlier answer to a question that is not there": (
        _set("answers", "1", "question_id", 4, part="answers"),
        ("table 'answers'", "'question_id' = 4", "no question 4"),
    ),
    "a rehearsal of a question never added": (
        _set("reviews", "1", "question_id", 40, part="reviews-2026-03"),
        ("table 'reviews'", "'question_id' = 40", "no question 40 was ever"),
    ),
    "a contact telling a reference never added": (
        _set(
            "interviews",
            "1",
            "contacts",
            [{"kind": "references_notified", "on": "2026-03-03", "references": [3]}],
        ),
        ("table 'interviews'", "'contacts[0].references[0]' = 3", "no reference 3 was ever"),
    ),
    "a next round that is not there": (
        _set("interviews", "1", "next_round_id", 2),
        ("table 'interviews'", "'next_round_id' = 2"),
    ),
    "a debrief of an interview that is not there": (
        _set("debriefs", "1", "interview_id", 3, part="debriefs"),
        ("table 'debriefs'", "'interview_id' = 3"),
    ),
    "a reviewed card with no stability": (
        _card(state=2, stability=None),
        ("table 'questions'", "'card'", "state 2 (review)", "no stability"),
    ),
    "a learning card with no step": (
        _card(state=1, step=None),
        ("table 'questions'", "'card'", "state 1 (learning)", "no step"),
    ),
    "a card in a state fsrs does not have": (
        _card(state=0),
        ("table 'questions'", "'card.state' = 0", "from 1 to 3"),
    ),
    "a difficulty over 10": (
        _card(difficulty=11.0),
        ("'card.difficulty' = 11.0", "from 1 to 10"),
    ),
    "a rating fsrs does not have": (
        _set("reviews", "1", "rating", 5, part="reviews-2026-03"),
        ("table 'reviews'", "'rating' = 5", "from 1 to 4"),
    ),
    "a weekly goal over 50": (
        _set("settings", "1", "weekly_goal", 500),
        ("table 'settings'", "'weekly_goal' = 500"),
    ),
    "a calendar path that is not absolute": (
        _set("settings", "1", "calendar_path", "cal.ics"),
        ("table 'settings'", "'calendar_path' = 'cal.ics'", "an absolute path"),
    ),
    "a fit score of 9": (
        _set("interviews", "1", "fit", {"work": 9}),
        ("table 'interviews'", "'fit.work' = 9", "from 1 to 5"),
    ),
    "an interview added on a day that is not a date": (
        _set("interviews", "1", "added_on", "someday"),
        ("table 'interviews'", "document 1", "'added_on' = 'someday'"),
    ),
    "an offer to answer by the end of the calendar": (
        _set("interviews", "1", "offer", {"respond_by": "9999-12-31", "pay": "52k"}),
        ("table 'interviews'", "document 1", "'offer.respond_by' = '9999-12-31'"),
    ),
    "an offer whose pay is a number": (
        _set("interviews", "1", "offer", {"pay": 52000}),
        ("table 'interviews'", "document 1", "'offer.pay' = 52000"),
    ),
    "an offer that is a list": (
        _set("interviews", "1", "offer", ["52k"]),
        ("table 'interviews'", "document 1", "'offer'"),
    ),
    "a thank-you to a number": (
        _set(
            "interviews",
            "1",
            "contacts",
            [{"kind": "thank_you", "on": "2026-03-03", "to": ["Ben", 7]}],
        ),
        ("table 'interviews'", "document 1", "'contacts[0].to[1]' = 7"),
    ),
    "a thank-you to one name as text": (
        _set(
            "interviews", "1", "contacts", [{"kind": "thank_you", "on": "2026-03-03", "to": "Ben"}]
        ),
        ("table 'interviews'", "document 1", "'contacts[0].to' = 'Ben'"),
    ),
    "a goal set on a day that is not a date": (
        _set("settings", "1", "goal_set_on", "2026-13-01"),
        ("table 'settings'", "document 1", "'goal_set_on' = '2026-13-01'"),
    ),
    "a country that is a name": (
        _set("settings", "1", "country", "Scotland"),
        ("table 'settings'", "document 1", "'country' = 'Scotland'", "country code"),
    ),
    "a country with a control character": (
        _set("settings", "1", "country", "G\x1b"),
        ("table 'settings'", "document 1", "'country'", "country code"),
    ),
    "a region that is a sentence": (
        _set("settings", "1", "region", "rm -rf; SCT"),
        ("table 'settings'", "document 1", "'region' = 'rm -rf; SCT'", "region code"),
    ),
    "a talked-about that is a number": (
        _set("interviews", "1", "talked_about", 42),
        ("table 'interviews'", "document 1", "'talked_about' = 42", "expects text"),
    ),
    "a note as sent that is a number": (
        _set(
            "interviews",
            "1",
            "contacts",
            [{"kind": "thank_you", "on": "2026-03-03", "to": ["Ben"], "text": 5}],
        ),
        ("table 'interviews'", "document 1", "'contacts[0].text' = 5", "expects text"),
    ),
    "a contact of a kind companion does not log": (
        _set("interviews", "1", "contacts", [{"kind": "sent_flowers", "on": "2026-03-03"}]),
        ("table 'interviews'", "document 1", "'contacts[0].kind' = 'sent_flowers'"),
    ),
    "a name to sign the drafts that is a number": (
        _set("settings", "1", "your_name", 7),
        ("table 'settings'", "document 1", "'your_name' = 7", "expects text"),
    ),
    "a rehearsal id in two parts": (
        _review_twice,
        ("history part 'reviews-2026-04'", "document 1 of table 'reviews'", "each id is used once"),
    ),
}


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_the_checker_refuses_each_probe_naming_the_table_the_id_and_the_field(
    sound: tuple[Tables, dict[str, Tables]], probe: str
) -> None:
    main, parts = copy.deepcopy(sound)
    mutate, words = PROBES[probe]
    mutate(main, parts)
    problems = check_database(main, parts)
    assert problems, probe
    text = str(problems[0])
    for word in words:
        assert word in text, (word, text)
    with pytest.raises(BadData) as caught:
        require_sound(main, parts)
    assert str(caught.value).startswith(text)


def _write(db_path: Path, main: Tables, parts: dict[str, Tables]) -> None:
    """The tables as a database on disk: the main file names its parts (commit 1)."""
    layout = Layout(db_path)
    layout.history.mkdir(parents=True, exist_ok=True)
    for stale in layout.history.glob("*.json"):
        stale.unlink()
    manifest = Manifest(1, dict.fromkeys(parts, 1))
    db_path.write_bytes(_dumps(with_manifest(main, manifest)))
    for name, tables in parts.items():
        layout.part_file(name, 1).write_bytes(_dumps(tables))


def _dumps(value: Any) -> bytes:
    """JSON as another program may write it: nested deeper than companion's own writer goes."""
    return json.dumps(value).encode()


def _bytes_under(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("probe", sorted(p for p in PROBES if "two parts" not in p))
def test_a_file_that_fails_the_checker_is_refused_when_it_loads_and_left_as_it_is(
    sound: tuple[Tables, dict[str, Tables]], db_path: Path, clock: FrozenClock, probe: str
) -> None:
    main, parts = copy.deepcopy(sound)
    mutate, words = PROBES[probe]
    mutate(main, parts)
    _write(db_path, main, parts)
    before = _bytes_under(db_path.parent)
    with pytest.raises(BadDatabaseFile) as caught:
        db = Database.open(db_path, clock, access="read", schemas=_schemas())
        db.everything()  # every history part loads
    message = str(caught.value)
    assert message.startswith("companion could not read its data file")
    assert "left exactly as it is" in message
    for word in words:
        if not word.startswith("history part"):
            assert word in message, (word, message)
    assert _bytes_under(db_path.parent) == before


def _schemas() -> Any:
    from companion.store.repository import SCHEMAS

    return SCHEMAS


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_an_export_that_fails_the_checker_is_not_imported(
    sound: tuple[Tables, dict[str, Tables]],
    tmp_path: Path,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    probe: str,
) -> None:
    main, parts = copy.deepcopy(sound)
    mutate, words = PROBES[probe]
    mutate(main, parts)
    from companion.store.snapshot import Snapshot

    export = tmp_path / "export.json"
    document = orjson.loads(export_json(Snapshot({}, {})))
    document.update(main=main, history=parts)
    export.write_bytes(_dumps(document))
    target = tmp_path / "fresh" / "companion.json"
    code = main_cli(["--db", str(target), "import", str(export)], clock)
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot be imported" in err and "Nothing was changed" in err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)
    assert not target.exists()


def main_cli(argv: list[str], clock: FrozenClock) -> int:
    import os

    os.environ["COMPANION_FROZEN_NOW"] = clock.now().isoformat()
    try:
        return main(argv)
    finally:
        del os.environ["COMPANION_FROZEN_NOW"]


def test_a_backup_that_fails_the_checker_is_not_restored(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
    layout = Layout(db_path)
    backup = layout.backups / "companion-2026-03-01.json"
    history = backup.with_suffix(".history")
    history.mkdir(parents=True)
    for part in layout.committed_parts().values():
        shutil.copyfile(part, history / part.name)
    tables = orjson.loads(db_path.read_bytes())
    tables["questions"]["1"]["card"] = {}
    backup.write_bytes(orjson.dumps(tables))
    before = _bytes_under(db_path.parent)
    code = main_cli(["--db", str(db_path), "restore", "2026-03-01", "--yes"], clock)
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot be restored" in err and "Nothing was changed" in err
    assert "'card.card_id'" in err
    assert _bytes_under(db_path.parent) == before


def test_removing_a_reference_a_contact_told_leaves_the_database_sound(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        repo.references.remove(1)
        main, parts = repo.db.everything()
        assert check_database(main, parts) == []
    Database.open(db_path, clock, access="read", schemas=_schemas()).everything()


@pytest.mark.parametrize("kind", [DraftKind.IN_WRITING, DraftKind.ACCEPT, DraftKind.DECLINE])
def test_an_offer_answered_from_a_draft_leaves_the_database_sound_and_it_loads(
    db_path: Path, clock: FrozenClock, kind: DraftKind
) -> None:
    """The contacts issue 16 added (in writing, accept, decline), logged with the note as
    sent, pass the checker as the app writes them and when the file is read again."""
    with Repository.open(db_path, clock) as repo:
        offered, _ = interviews.add_interview(
            repo, Interview(company="Acme", role="Analyst", held_on=clock.today())
        )
        offered = interviews.set_outcome(repo, offered, Outcome.OFFER_VERBAL)
        assert offered.id is not None
        note = drafts.draft(repo, offered.id, kind).draft
        sent = drafts.mark_sent(repo, note, offered.id, f"{note.subject}\n\n{note.body}")
        assert sent.contacts[-1].kind == drafts.notes.SENT_AS[kind]
        main, parts = repo.db.everything()
        assert check_database(main, parts) == []
    main, _ = Database.open(db_path, clock, access="read", schemas=_schemas()).everything()
    (contact,) = main["interviews"]["1"]["contacts"]
    assert contact["kind"] == drafts.notes.SENT_AS[kind].value
    assert contact["text"].startswith(note.subject)


def test_deleting_a_rehearsed_and_practised_question_leaves_the_database_sound(
    db_path: Path, clock: FrozenClock
) -> None:
    """Its answers go with it; its rehearsals and the debrief that practised it keep its id."""
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        interview = repo.interviews.require(1)
        saved = repo.debriefs.get(1)
        assert saved is not None
        debrief.practise_tripped(repo, saved, interview, "Why now?")
        for question in repo.questions.all():
            repo.questions.delete(question)
        main, parts = repo.db.everything()
        assert check_database(main, parts) == []
    db = Database.open(db_path, clock, access="read", schemas=_schemas())
    assert db.everything()[1]["answers"]["answers"] == {}


def test_deleting_a_question_removes_its_answers_whatever_its_count_says(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
        (question,) = repo.questions.all()
    with Repository.open(db_path, clock) as repo:  # the answers part is not loaded yet
        from dataclasses import replace

        repo.questions.delete(replace(question, earlier_versions=0))
    with Repository.open(db_path, clock, access="read") as repo:
        main, parts = repo.db.everything()
        assert parts["answers"]["answers"] == {}
        assert check_database(main, parts) == []


def test_a_typed_date_outside_the_years_companion_keeps_is_refused() -> None:
    with pytest.raises(FieldError, match="1900 to 2299"):
        parse_date("1899-12-31", date(1900, 6, 1))
    assert parse_date("-2d", date(1900, 1, 3)) == date(1900, 1, 1)


def test_the_checker_is_what_the_load_runs_on_a_history_part_as_it_loads(
    db_path: Path, clock: FrozenClock
) -> None:
    """The main file loads on its own; the bad part is refused only when it is read."""
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
    journal = Layout(db_path).part("journal")
    tables = orjson.loads(journal.read_bytes())
    tables["journal"]["1"]["tags"] = [{"deep": True}]
    journal.write_bytes(orjson.dumps(tables))
    with Repository.open(db_path, clock, access="read") as repo:
        assert summary.summary(repo).waiting
        with pytest.raises(BadDatabaseFile, match=r"document 1 of table 'journal' has 'tags\[0\]'"):
            repo.journal.all()


def test_a_database_a_year_of_use_later_is_still_sound(db_path: Path, clock: FrozenClock) -> None:
    """Dates move on: a rehearsal a year later, with the app's own scheduling."""
    with Repository.open(db_path, clock) as repo:
        _fill(repo)
    clock.advance(timedelta(days=365))
    with Repository.open(db_path, clock) as repo:
        (question,) = repo.questions.all()
        practice.rate(repo, question, Rating.Easy, None)
        main, parts = repo.db.everything()
        assert check_database(main, parts) == []


def test_the_generated_typical_history_is_sound(tmp_path: Path) -> None:
    """A history written through every store's bulk paths (benchmarks/generate.py)."""
    from benchmarks.generate import generate
    from benchmarks.profiles import PROFILES

    path = tmp_path / "companion.json"
    generate(path, PROFILES["typical"])
    with Repository.open(path, FrozenClock(datetime.now(UTC)), access="read") as repo:
        main, parts = repo.db.everything()
        assert len(parts) > 3
        assert check_database(main, parts) == []
