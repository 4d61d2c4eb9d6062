"""The question bank's storage: main file, answer history part, monthly review parts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from fsrs import Rating

from companion.clock import FrozenClock
from companion.domain.practice import (
    AnswerVersion,
    Scheduling,
    Star,
    new_question,
    rehearse,
)
from companion.domain.practice_stats import practice_stats
from companion.services import summary as summaries
from companion.store.database import Database
from companion.store.layout import Layout
from companion.store.questions_store import reviews_part
from companion.store.repository import Repository
from tests.conftest import add_interviews

EXACT = Scheduling(0.9, fuzz=False)


@pytest.fixture
def parts_loaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every history part a database loads from now on, by name."""
    loaded: list[str] = []
    original = Database.part

    def spy(self: Database, name: str):  # type: ignore[no-untyped-def]
        loaded.append(name)
        return original(self, name)

    monkeypatch.setattr(Database, "part", spy)
    yield loaded


def _main(db_path: Path) -> dict[str, dict[str, dict[str, object]]]:
    return orjson.loads(db_path.read_bytes())  # type: ignore[no-any-return]


def test_a_question_round_trips_with_markup_taken_literally(
    repo: Repository, clock: FrozenClock
) -> None:
    add_interviews(repo, 4)
    question = new_question(
        "What does [bold]ownership[/] mean to you?",
        clock.now(),
        tags=["values"],
        interview_id=4,
        went_wrong="I rambled [/] and lost the thread",
        answer="Seeing it through.",
        star=Star(situation="S", task="T", action="A", result="R"),
    )
    saved = repo.questions.add(question)
    assert saved.id is not None
    assert saved.card.card_id == saved.id
    loaded = repo.questions.get(saved.id)
    assert loaded == saved


def test_the_question_document_lives_in_the_main_file_with_its_card(
    repo: Repository, clock: FrozenClock, db_path: Path
) -> None:
    saved = repo.questions.add(new_question("Why us?", clock.now(), answer="Because."))
    repo.flush()
    doc = _main(db_path)["questions"][str(saved.id)]
    assert doc["card"] == {**saved.card.to_dict(), "due": "2026-03-03T09:30:00+00:00"}
    assert doc["answer"] == {"text": "Because.", "written_at": "2026-03-03T09:30:00+00:00"}
    assert "reviews" not in _main(db_path)


def test_a_rating_moves_the_card_and_logs_the_review_in_its_months_part(
    repo: Repository, clock: FrozenClock, db_path: Path
) -> None:
    saved = repo.questions.add(new_question("Why us?", clock.now()))
    moved, rehearsal = rehearse(saved, Rating.Good, clock.now(), timedelta(seconds=95), EXACT)
    repo.questions.record(moved, rehearsal)
    repo.flush()
    part = Layout(db_path).part("reviews-2026-03")
    reviews = orjson.loads(part.read_bytes())["reviews"]
    (review,) = reviews.values()
    assert review == {
        "card_id": saved.id,
        "rating": 3,
        "review_datetime": "2026-03-03T09:30:00+00:00",
        "review_duration": 95_000,
        "question_id": saved.id,
    }
    stored = repo.questions.get(saved.id or 0)
    assert stored is not None
    assert stored.due == moved.due > clock.now()


def test_record_many_saves_what_record_saves_one_by_one(tmp_path: Path, clock: FrozenClock) -> None:
    """The bulk path (a generated history) gives the same files as a rating at a time."""
    moments = [datetime(2026, 1, 30, 18, tzinfo=UTC) + timedelta(days=n) for n in range(4)]

    def history(repo: Repository, bulk: bool) -> None:
        question = repo.questions.add(new_question("Why us?", moments[0]))
        other = repo.questions.add(new_question("Why now?", moments[0]))
        done = []
        for moment in moments:
            question, rehearsal = rehearse(question, Rating.Good, moment, None, EXACT)
            if bulk:
                done.append(rehearsal)
            else:
                repo.questions.record(question, rehearsal)
        if bulk:
            assert repo.questions.record_many([question], done) == len(moments)
        assert repo.questions.get(other.id or 0) == other

    for name, bulk in (("one", False), ("many", True)):
        with Repository.open(tmp_path / name / "companion.json", clock) as repo:
            history(repo, bulk)
    one, many = (
        Layout(tmp_path / "one" / "companion.json"),
        Layout(tmp_path / "many" / "companion.json"),
    )
    assert one.part_names() == many.part_names() == ["reviews-2026-01", "reviews-2026-02"]
    for part in one.part_names():
        assert one.part(part).read_bytes() == many.part(part).read_bytes()
    assert one.main.read_bytes() == many.main.read_bytes()


def test_add_many_saves_what_add_and_improve_answer_save(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """Questions with their earlier answers, in bulk, give the same files as one at a time."""
    start = datetime(2026, 2, 1, 18, tzinfo=UTC)
    versions = ["First try.", "Better.", "Good now."]
    times = [start + timedelta(days=n) for n in range(3)]
    first = new_question("Why us?", start, answer=versions[0], tags=["culture"])
    plain = new_question("Why now?", start)
    for name in ("one", "many"):
        with Repository.open(tmp_path / name / "companion.json", clock) as repo:
            if name == "one":
                saved = repo.questions.add(first)
                for text, moment in zip(versions[1:], times[1:], strict=True):
                    saved = repo.questions.improve_answer(saved, text, moment)
                repo.questions.add(plain)
            else:
                final = replace(first, answer=AnswerVersion(versions[-1], times[-1]))
                earlier = [AnswerVersion(t, m) for t, m in zip(versions, times, strict=True)][:-1]
                added = repo.questions.add_many([(final, earlier), (plain, [])])
                assert [q.id for q in added] == [1, 2]
                assert added[0].earlier_versions == 2
                assert repo.questions.answer_history(1) == earlier
    one, many = (
        Layout(tmp_path / "one" / "companion.json"),
        Layout(tmp_path / "many" / "companion.json"),
    )
    assert one.main.read_bytes() == many.main.read_bytes()
    assert one.part("answers").read_bytes() == many.part("answers").read_bytes()


def test_reviews_are_filed_by_utc_month(repo: Repository, clock: FrozenClock) -> None:
    saved = repo.questions.add(new_question("Why us?", clock.now()))
    question = saved
    moments = [
        datetime(2026, 1, 31, 23, 59, tzinfo=UTC),
        datetime(2026, 2, 1, 0, 0, tzinfo=UTC),
        datetime(2026, 3, 3, 9, 30, tzinfo=UTC),
    ]
    for moment in moments:
        question, rehearsal = rehearse(question, Rating.Good, moment, None, EXACT)
        repo.questions.record(question, rehearsal)
    assert [reviews_part(m) for m in moments] == [
        "reviews-2026-01",
        "reviews-2026-02",
        "reviews-2026-03",
    ]
    assert repo.db.part_names("reviews-") == [
        "reviews-2026-01",
        "reviews-2026-02",
        "reviews-2026-03",
    ]
    for month, moment in zip(("2026-01", "2026-02", "2026-03"), moments, strict=True):
        (only,) = repo.questions.rehearsals_in([month])
        assert only.at == moment


def test_the_summary_reads_the_main_file_only(
    db_path: Path, clock: FrozenClock, parts_loaded: list[str]
) -> None:
    with Repository.open(db_path, clock) as repo:
        saved = repo.questions.add(new_question("Why us?", clock.now()))
        repo.questions.add(new_question("Why now?", clock.now()))
        question, rehearsal = rehearse(saved, Rating.Good, clock.now(), None, EXACT)
        repo.questions.record(question, rehearsal)
        repo.questions.improve_answer(question, "v1", clock.now())
    parts_loaded.clear()
    with Repository.open(db_path, clock, access="read") as repo:
        summary = summaries.summary(repo)
    assert parts_loaded == []
    assert summary.practice_due == 1
    assert [a.kind for a in summary.actions] == ["practice"]


def test_stats_read_only_the_months_their_30_days_touch(
    db_path: Path, clock: FrozenClock, parts_loaded: list[str]
) -> None:
    with Repository.open(db_path, clock) as repo:
        question = repo.questions.add(new_question("Why us?", clock.now()))
        moment = datetime(2024, 1, 10, 12, 0, tzinfo=UTC)
        while moment < clock.now():
            question, rehearsal = rehearse(question, Rating.Good, moment, None, EXACT)
            repo.questions.record(question, rehearsal)
            moment += timedelta(days=9)
        question, rehearsal = rehearse(question, Rating.Good, clock.now(), None, EXACT)
        repo.questions.record(question, rehearsal)
        assert len(repo.db.part_names("reviews-")) == 27
    parts_loaded.clear()
    now = clock.now()
    with Repository.open(db_path, clock, access="read") as repo:
        recent = repo.questions.recent_rehearsals(now)
        stats = practice_stats(repo.questions.all(), [r.at for r in recent], now, EXACT, 0)
    # 30 days back from Tue 3 Mar 2026 is Mon 2 Feb: only February's and March's parts.
    assert sorted(parts_loaded) == ["reviews-2026-02", "reviews-2026-03"]
    in_window = [r for r in recent if r.at >= datetime(2026, 2, 2, tzinfo=UTC)]
    assert sum(stats.per_day) == len(in_window) >= 2
    assert stats.per_day[-1] == 1
    assert len(stats.per_day) == 30


def test_improving_an_answer_keeps_every_earlier_version_in_the_history(
    repo: Repository, clock: FrozenClock, db_path: Path
) -> None:
    question = repo.questions.add(new_question("Why us?", clock.now(), answer="first"))
    for text in ("second", "third"):
        clock.advance(timedelta(days=1))
        question = repo.questions.improve_answer(question, text, clock.now())
    assert question.answer is not None and question.answer.text == "third"
    assert question.earlier_versions == 2
    history = repo.questions.answer_history(question.id or 0)
    assert [v.text for v in history] == ["first", "second"]
    assert [v.written_at.date().isoformat() for v in history] == ["2026-03-03", "2026-03-04"]
    repo.flush()
    main = db_path.read_text()
    assert '"first"' not in main
    assert '"second"' not in main
    assert '"first"' in Layout(db_path).part("answers").read_text()


def test_deleting_a_question_removes_it_and_its_earlier_answers(
    repo: Repository, clock: FrozenClock
) -> None:
    keep = repo.questions.add(new_question("Keep me?", clock.now(), answer="a"))
    keep = repo.questions.improve_answer(keep, "b", clock.now())
    gone = repo.questions.add(new_question("Drop me?", clock.now(), answer="x"))
    gone = repo.questions.improve_answer(gone, "y", clock.now())
    repo.questions.delete(gone)
    assert repo.questions.get(gone.id or 0) is None
    assert repo.questions.answer_history(gone.id or 0) == []
    assert [v.text for v in repo.questions.answer_history(keep.id or 0)] == ["a"]


def test_resting_questions_are_not_due(repo: Repository, clock: FrozenClock) -> None:
    question = repo.questions.add(new_question("Why us?", clock.now()))
    assert repo.questions.due_count(clock.now()) == 1
    repo.questions.set_suspended(question, True)
    assert repo.questions.due_count(clock.now()) == 0
    assert summaries.summary(repo).practice_due == 0


def test_tags_and_interviews_for_the_filters(repo: Repository, clock: FrozenClock) -> None:
    add_interviews(repo, 3)
    repo.questions.add(new_question("A?", clock.now(), tags=["b", "a"], interview_id=3))
    repo.questions.add(new_question("B?", clock.now(), tags=["a"], interview_id=1))
    repo.questions.add(new_question("C?", clock.now()))
    assert repo.questions.tags() == ["a", "b"]
    assert repo.questions.interview_ids() == [1, 3]


def test_the_questions_built_once_follow_every_change(repo: Repository, clock: FrozenClock) -> None:
    from companion.services import practice

    first = repo.questions.add(new_question("Why us?", clock.now()))
    second = repo.questions.add(new_question("Why now?", clock.now()))
    read = repo.questions.all()
    read.clear()  # each caller has a list of its own
    assert [q.text for q in repo.questions.all()] == ["Why us?", "Why now?"]
    assert repo.questions.all()[0] is repo.questions.all()[0]  # built once, not again
    rated = practice.rate(repo, first, Rating.Good, None)
    assert repo.questions.all()[0] == rated != first
    assert first.card.due == clock.now()  # the rating moved a copy of the card
    practice.set_resting(repo, second, True)
    assert repo.questions.all()[1].suspended
    practice.delete_question(repo, rated)
    assert [q.text for q in repo.questions.all()] == ["Why now?"]


def test_the_interviews_built_once_follow_every_change(repo: Repository) -> None:
    add_interviews(repo, 2)
    assert repo.interviews.all()[0] is repo.interviews.all()[0]
    add_interviews(repo, 1)
    assert len(repo.interviews.all()) == 3
