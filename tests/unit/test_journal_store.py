"""Journal entries and debriefs in their history parts: exact round trips, read only when asked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from companion.clock import FrozenClock
from companion.domain.debrief import record_how, start_debrief
from companion.domain.interviews import new_interview
from companion.domain.journal import edit_entry, new_entry
from companion.services import summary as summaries
from companion.services.debrief import save_debrief
from companion.store.errors import BadDatabaseFile
from companion.store.layout import Layout
from companion.store.repository import Repository

# Scripts, emoji with joiners, combining marks, right-to-left text, a lone surrogate-free
# astral character, a NUL-free control character and Rich/Textual markup.
AWKWARD = (
    "Café ☕ — 日本語の面接 · עברית · 👩🏽‍💻 e\u0301 \U0001f9ed\n"
    "[bold]not bold[/] [/] [@click=app.quit]x[/] [link=https://example.com]y[/link]\n"
    "\ttab\x07bell  trailing spaces   \n"
    "# not a heading\n- not a list\n```\nnot code\n```"
)
LONG = ("Writing it down helps. " * 4400)[:100_000]


def test_entries_round_trip_exactly(db_path: Path, clock: FrozenClock) -> None:
    texts = [AWKWARD, LONG, "[@click=app.quit]x[/]", "[/]"]
    with Repository.open(db_path, clock) as repo:
        ids = [repo.journal.add(new_entry(t, clock.now(), mood=3)).id for t in texts]
    assert len(LONG) == 100_000
    with Repository.open(db_path, clock, access="read") as repo:
        stored = {e.id: e.text for e in repo.journal.all()}
    assert [stored[i] for i in ids] == [t.strip() for t in texts]
    assert stored[ids[1]] == LONG.strip()
    raw = orjson.loads(Layout(db_path).part("journal").read_bytes())
    assert AWKWARD.strip() in [doc["text"] for doc in raw["journal"].values()]


def test_add_many_writes_what_add_writes_one_by_one(tmp_path: Path, clock: FrozenClock) -> None:
    entries = [
        new_entry(text, clock.now() - timedelta(days=n), mood=n % 5 + 1, tags=["calm"])
        for n, text in enumerate(("one", AWKWARD, "three"))
    ]
    one, many = tmp_path / "one" / "companion.json", tmp_path / "many" / "companion.json"
    with Repository.open(one, clock) as repo:
        added = [repo.journal.add(entry) for entry in entries]
    with Repository.open(many, clock) as repo:
        assert repo.journal.add_many(entries) == added
    assert Layout(one).part("journal").read_bytes() == Layout(many).part("journal").read_bytes()
    assert Layout(one).main.read_bytes() == Layout(many).main.read_bytes()


def test_entries_are_listed_newest_first_and_can_be_edited_and_deleted(
    repo: Repository, clock: FrozenClock
) -> None:
    first = repo.journal.add(new_entry("first", clock.now() - timedelta(days=1)))
    second = repo.journal.add(new_entry("second", clock.now(), tags=["calm"]))
    assert [e.text for e in repo.journal.all()] == ["second", "first"]
    edited = edit_entry(
        first, clock.now(), text="first, edited", mood="2", tags=["x"], interview_id=None
    )
    repo.journal.save(edited)
    assert repo.journal.get(first.id or 0) == edited
    assert edited.edited_at == clock.now()
    repo.journal.delete(second.id or 0)
    assert [e.text for e in repo.journal.all()] == ["first, edited"]
    assert repo.journal.get(second.id or 0) is None
    # Ids are never handed out twice.
    third = repo.journal.add(new_entry("third", clock.now()))
    assert third.id not in (first.id, second.id)


def test_the_summary_and_start_never_read_the_journal_or_the_debriefs(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        interview, _ = repo.interviews.add(
            new_interview(company="Acme", role="R", held_on=date(2026, 3, 3))
        )
        repo.journal.add(new_entry("An entry", clock.now(), mood=4))
        debrief = record_how(start_debrief(interview, clock.now()), "Fine", "3", clock.now())
        save_debrief(repo, debrief, interview)
        assert repo.db.loaded_parts() == ["debriefs", "journal"]
    assert sorted(Layout(db_path).part_names()) == ["debriefs", "journal"]

    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.db.loaded_parts() == []
        summary = summaries.summary(repo)
        repo.interviews.all()
        repo.questions.due_count(clock.now())
        assert repo.db.loaded_parts() == []
        assert "debrief" not in [a.kind for a in summary.actions]  # the flag is in the main file
        assert repo.journal.all()[0].text == "An entry"
        assert repo.db.loaded_parts() == ["journal"]
        assert repo.debriefs.get(interview.id or 0) is not None
        assert repo.db.loaded_parts() == ["debriefs", "journal"]


def test_reading_an_empty_journal_creates_no_file(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        assert repo.journal.all() == []
        assert repo.journal.get(1) is None
        assert repo.debriefs.all() == []
        assert repo.debriefs.get(1) is None
        repo.settings.update(welcomed=True)
    assert Layout(db_path).part_names() == []


def test_a_mistyped_entry_makes_the_part_bad_and_leaves_it_untouched(
    db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.journal.add(new_entry("fine", clock.now()))
    part = Layout(db_path).part("journal")
    data = orjson.loads(part.read_bytes())
    (doc,) = data["journal"].values()
    doc["mood"] = "four"
    part.write_bytes(orjson.dumps(data))
    before = part.read_bytes()
    with Repository.open(db_path, clock) as repo:
        summaries.summary(repo)  # the main file is fine: the app still opens
        with pytest.raises(BadDatabaseFile) as caught:
            repo.journal.all()
    assert "mood" in str(caught.value)
    assert part.read_bytes() == before


def test_one_debrief_an_interview(repo: Repository, clock: FrozenClock) -> None:
    interview, _ = repo.interviews.add(
        new_interview(company="Acme", role="R", held_on=date(2026, 3, 3))
    )
    first = save_debrief(repo, start_debrief(interview, clock.now()), interview)
    # A second start (say, from another screen) finds and replaces the same document.
    second = save_debrief(
        repo, replace(start_debrief(interview, clock.now()), went="again"), interview
    )
    assert second.id == first.id
    (only,) = repo.debriefs.all()
    assert only.went == "again"
