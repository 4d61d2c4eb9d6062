"""Write a database of a given profile through the project's own repository, with a fixed seed.

    python -m benchmarks.generate --profile heavy --out benchmarks/out/heavy/companion.json

Each table has a generator in GENERATORS, registered with @generator(name,
needs=...). A generator runs when the repository has the store it needs
(`needs` names a Repository attribute); until then its part is listed as not
generated yet, with the count it will get. Each generator gets its own
random.Random, seeded from the seed and its name, so adding a table never
changes the data of the others.

To plug in a new table: write a function (repo, profile, rng) -> int that adds
the profile's count of rows through the repository's store and returns how
many it wrote, decorate it with @generator("journal", needs="journal"), and
it runs from then on.
"""

from __future__ import annotations

import argparse
import heapq
import random
import shutil
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from fsrs import Rating, State

from benchmarks import text
from benchmarks.profiles import PROFILES, Profile
from companion.clock import FrozenClock
from companion.domain.applications import Application
from companion.domain.debrief import DONE, Debrief, mark_debriefed
from companion.domain.fit import FitReflection
from companion.domain.interviews import (
    ContactKind,
    Interview,
    log_contact,
    move_on,
    new_interview,
    set_outcome,
)
from companion.domain.interviews import Outcome as Result
from companion.domain.journal import Entry
from companion.domain.practice import (
    LEARN_AHEAD,
    AnswerVersion,
    Question,
    Rehearsal,
    Scheduling,
    Star,
    new_question,
    rehearse,
    retrievability,
)
from companion.domain.references import Reference
from companion.domain.stories import new_story
from companion.domain.worries import (
    FOLLOW_UP_DAYS,
    TurnedOut,
    did_something,
    let_go,
    looked_back,
    park,
)
from companion.domain.writing import PROGRAMME_TAG, PROMPTS, programme, step
from companion.services import practice
from companion.store.repository import Repository

DEFAULT_SEED = 20260303
# Tuesday 3 March 2026, the tests' frozen day: the data is dated around it.
GENERATED_AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)

TableGenerator = Callable[[Repository, Profile, random.Random], int]


@dataclass(frozen=True)
class Part:
    name: str
    needs: str  # the Repository attribute (a store) the generator writes through
    count: Callable[[Profile], int]
    write: TableGenerator | None = None


GENERATORS: dict[str, Part] = {}


def register(name: str, needs: str, count: Callable[[Profile], int]) -> None:
    """Declare a part of the profile; its generator may come later (see `generator`)."""
    GENERATORS[name] = Part(name, needs, count)


def generator(name: str, needs: str) -> Callable[[TableGenerator], TableGenerator]:
    def plug(write: TableGenerator) -> TableGenerator:
        count = GENERATORS[name].count if name in GENERATORS else (lambda _: 1)
        GENERATORS[name] = Part(name, needs, count, write)
        return write

    return plug


# Every part of issue 7's profiles; the ones without a generator are listed as pending.
register("settings", "settings", lambda p: 1)
register("applications", "applications", lambda p: p.applications)
register("interviews", "interviews", lambda p: p.interviews)
register("questions", "questions", lambda p: p.questions)
register("reviews", "questions", lambda p: p.reviews)
register("journal", "journal", lambda p: p.journal_entries)
register("debriefs", "debriefs", lambda p: _debrief_count(p))
register("urges", "urges", lambda p: p.days // 2)
register("stories", "stories", lambda p: max(1, p.questions // 50))
register("worries", "worries", lambda p: p.days // 3)
register("writing", "writing", lambda p: min(len(PROMPTS), p.journal_entries // 20))


@generator("settings", needs="settings")
def _settings(repo: Repository, profile: Profile, rng: random.Random) -> int:
    repo.settings.update(weekly_goal=rng.choice((3, 5, 8)), welcomed=True)
    return 1


# Helpers: days and moments around the frozen day.

TODAY = GENERATED_AT.date()


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _at(rng: random.Random, day: date, first_hour: int = 7, last_hour: int = 21) -> datetime:
    """A moment of `day` (UTC, whole seconds), never after GENERATED_AT."""
    moment = datetime.combine(day, time(rng.randint(first_hour, last_hour)), tzinfo=UTC)
    moment += timedelta(seconds=rng.randrange(3600))
    return min(moment, GENERATED_AT)


def _recent_day(rng: random.Random, oldest: int, newest: int = 0) -> date:
    """A day between `oldest` and `newest` days ago, more of them recent (activity grows)."""
    span = oldest - newest
    return _ago(newest + int(span * (1 - rng.random() ** 0.7)))


@generator("applications", needs="applications")
def _applications(repo: Repository, profile: Profile, rng: random.Random) -> int:
    # A few this week (Mon 2 and Tue 3 Mar) and last Sunday; the rest over the history.
    days = [_ago(1), _ago(1), _ago(0), _ago(2)][: profile.applications]
    days += [_recent_day(rng, profile.days, 3) for _ in range(profile.applications - len(days))]
    for applied_on in sorted(days):
        age = (TODAY - applied_on).days
        if age < 10:
            status = rng.choices(("applied", "heard_back"), (8, 2))[0]
        else:
            status = rng.choices(
                ("rejected", "applied", "heard_back", "interviewing", "withdrawn"),
                (45, 35, 8, 5 if age < 60 else 0, 7),
            )[0]
        status_on = None
        if status != "applied":
            status_on = min(applied_on + timedelta(days=rng.randint(3, 30)), TODAY)
        name = text.company(rng)
        slug = "".join(ch for ch in name.lower() if ch.isalpha())
        repo.applications.add(
            Application(
                company=name,
                role=rng.choice(text.ROLES),
                applied_on=applied_on,
                source=rng.choice(text.SOURCES),
                link=f"https://jobs.{slug}.example/{rng.randrange(10_000, 99_999)}",
                notes=rng.choice(("", "", "", "Remote friendly.", "Asked a friend there.")),
                status=status,
                status_on=status_on,
            )
        )
    return len(days)


REFERENCES = (
    Reference("Dana Lee", "former manager", "dana@example.com"),
    Reference("Marco Silva", "tech lead at my last job", "+44 20 7946 0000"),
    Reference("Priya Patel", "colleague", "priya@example.org"),
)


def _logged(interview: Interview, *contacts: tuple[ContactKind, int]) -> Interview:
    """`interview` with contacts logged, each `days ago`."""
    for kind, days in contacts:
        interview = log_contact(interview, kind, _ago(days), TODAY)
    return interview


def _waiting_room(rng: random.Random, reference_ids: list[int]) -> list[Interview]:
    """Interviews in every phase of the waiting room on the frozen day, oldest first."""

    def new(days: int, **kwargs: Any) -> Interview:
        return new_interview(
            company=text.company(rng),
            role=rng.choice(text.ROLES),
            held_on=_ago(days),
            interviewers=[text.person(rng) for _ in range(rng.randint(1, 3))],
            **kwargs,
        )

    thank, check, reply = ContactKind.THANK_YOU, ContactKind.FOLLOW_UP, ContactKind.REPLY
    fit = FitReflection(work=4, culture=3, people=5, manager=4, commute=2, note="Kind panel.")
    return [
        # move on: a check-in three weeks ago and no answer since
        _logged(new(55, round="first"), (thank, 54), (check, 33)),
        # quiet, a check-in unanswered; the decision date has passed
        _logged(new(24, decision_by=_ago(12)), (thank, 23), (check, 6)),
        # next round: they said yes, the next one is not booked yet
        replace(
            set_outcome(_logged(new(20, round="first"), (thank, 19)), Result.NEXT_ROUND, _ago(8)),
            fit=fit,
        ),
        # check-in: two weeks and more since, no decision date given
        _logged(new(19), (thank, 18)),
        # quiet: they replied with a new date
        log_contact(
            _logged(new(16, round="second"), (thank, 15)),
            reply,
            _ago(3),
            TODAY,
            note="They are still seeing people.",
            decision_by=_ago(-7),
        ),
        # closed: not this time, feedback can be asked for
        set_outcome(_logged(new(14), (thank, 13)), Result.REJECTED, _ago(4)),
        # an offer to decide on
        replace(
            set_outcome(
                _logged(new(12, round="final", final_round=True), (thank, 11)),
                Result.OFFER_VERBAL,
                _ago(1),
            ),
            fit=fit,
        ),
        # references asked for and told
        log_contact(
            _logged(
                new(9, contact_pref="phone"), (thank, 9), (ContactKind.REFERENCES_REQUESTED, 2)
            ),
            ContactKind.REFERENCES_NOTIFIED,
            _ago(2),
            TODAY,
            references=reference_ids[:2],
        ),
        # quiet: a decision promised by Friday
        _logged(new(6, decision_by=_ago(-3)), (thank, 5)),
        # thank-you: yesterday's interview, nothing sent yet
        new(1),
        # thank-you: this morning's interview (the frozen moment is 09:30)
        new(
            0,
            round="first",
            decision_by=_ago(-5),
            notes="Asked about on-call and the team.",
            talked_about="the move to a new data platform",
        ),
        # quiet: the interview is on Thursday
        new(-2, round="second"),
    ]


# A thank-you kept as sent ("I sent it"), as the history holds some.
SENT_THANK_YOU = (
    "Subject: Thank you for your time\n\nThank you for meeting me to talk about the {role} "
    "role. I enjoyed our conversation and look forward to hearing about the next steps."
)


def _past_interview(
    rng: random.Random, held: date, contacts: int, company: str, role: str, next_round: bool
) -> Interview:
    """An interview from the history, its contacts logged and closed (or a next round)."""
    interview = new_interview(
        company=company,
        role=role,
        held_on=held,
        round=rng.choice(("", "first", "phone screen", "technical")),
        interviewers=[text.person(rng) for _ in range(rng.randint(1, 3))],
        decision_by=held + timedelta(days=rng.randint(5, 14)) if rng.random() < 0.5 else None,
    )
    kinds = (ContactKind.THANK_YOU, ContactKind.FOLLOW_UP, ContactKind.REPLY)
    day = held
    for kind in kinds[:contacts]:
        sent = SENT_THANK_YOU.format(role=role) if kind == ContactKind.THANK_YOU else ""
        interview = log_contact(
            interview, kind, day, TODAY, note=rng.choice(("", "", "Short.")), text=sent
        )
        day += timedelta(days=rng.randint(6, 12))
    end = min(day, _ago(1))
    if rng.random() < 0.3:
        interview = replace(interview, fit=FitReflection(work=rng.randint(2, 5), pay=3))
    if next_round:
        return set_outcome(interview, Result.NEXT_ROUND, end)
    ending = rng.choices((Result.REJECTED, Result.MOVED_ON, Result.WITHDRAWN), (60, 28, 12))[0]
    if ending == Result.MOVED_ON:
        return move_on(interview, "It was not the right fit, and that is all right.", end)
    return set_outcome(interview, ending, end)


@generator("interviews", needs="interviews")
def _interviews(repo: Repository, profile: Profile, rng: random.Random) -> int:
    reference_ids = [repo.references.add(r).id or 0 for r in REFERENCES]
    recent = _waiting_room(rng, reference_ids)[-profile.interviews :]
    older: list[Interview] = []
    applications = [a for a in repo.applications.all() if a.applied_on <= _ago(60)]
    rng.shuffle(applications)
    wanted = profile.interviews - len(recent)
    contacts = profile.contacts_per_interview
    while len(older) < wanted:
        held = _recent_day(rng, profile.days - 10, 50)
        source = applications.pop() if applications else None
        company = source.company if source else text.company(rng)
        role = source.role if source else rng.choice(text.ROLES)
        # about one in seven goes to a next round, logged as an interview of its own
        two_rounds = len(older) + 2 <= wanted and rng.random() < 0.15
        older.append(_past_interview(rng, held, contacts, company, role, two_rounds))
        if two_rounds:
            later = held + timedelta(days=rng.randint(8, 20))
            older.append(_past_interview(rng, later, contacts, company, role, False))
    for interview in sorted(older, key=lambda i: i.held_on) + recent:
        repo.interviews.add(interview)
    return len(older) + len(recent)


def _answer_times(rng: random.Random, added: datetime, versions: int) -> list[datetime]:
    """When each version of an answer was written: the first when the question was added."""
    room = max(0.0, (GENERATED_AT - timedelta(days=2) - added).total_seconds())
    later = sorted(added + timedelta(seconds=rng.random() * room) for _ in range(versions))
    return [added, *(moment.replace(microsecond=0) for moment in later)]


@generator("questions", needs="questions")
def _questions(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """The bank: questions over the history, some from interviews; a few this week, unanswered."""
    interviews = [i for i in repo.interviews.all() if i.held_on <= TODAY]
    fresh = [i for i in interviews if i.held_on >= _ago(2)]
    planned: list[tuple[datetime, Interview | None]] = []
    for recent in fresh:  # logged after this week's interviews: not answered yet
        for _ in range(min(2, profile.questions - len(planned))):
            planned.append((_at(rng, recent.held_on, 8, 9), recent))
    older = [i for i in interviews if i.held_on <= _ago(3)]
    while len(planned) < profile.questions:
        if older and rng.random() < 0.25:
            source = rng.choice(older)
            day = min(source.held_on + timedelta(days=rng.randint(0, 2)), _ago(3))
            planned.append((_at(rng, day), source))
        else:
            planned.append((_at(rng, _recent_day(rng, profile.days, 3)), None))
    bank: list[tuple[Question, list[AnswerVersion]]] = []
    for added, interview in sorted(planned, key=lambda item: item[0]):
        question, kind = text.question(rng)
        behavioural = kind == "story"
        star = (
            Star(
                situation=rng.choice(text.SITUATIONS),
                task=rng.choice(text.TASKS),
                action=rng.choice(text.ACTIONS),
                result=rng.choice(text.RESULTS),
            )
            if behavioural and rng.random() < 0.5
            else None
        )
        draft = new_question(
            question,
            added,
            tags=text.question_tags(rng, kind),
            interview_id=interview.id if interview else None,
            went_wrong=rng.choice(text.WENT_WRONG) if interview else "",
            star=star,
            hint=rng.choice(("", "", "Start with the result.", "Keep it under two minutes.")),
        )
        draft = replace(draft, suspended=rng.random() < 0.02)
        if added.date() >= _ago(2):  # logged this week: no answer yet
            bank.append((draft, []))
            continue
        # the answer grew over a few versions, the last about `answer_words` long
        versions = profile.answer_versions + 1
        answers = [
            AnswerVersion(
                text.answer(rng, profile.answer_words * (n + 1) // versions, kind), moment
            )
            for n, moment in enumerate(_answer_times(rng, added, profile.answer_versions))
        ]
        bank.append((replace(draft, answer=answers[-1]), answers[:-1]))
    repo.questions.add_many(bank)
    return len(bank)


# How a rehearsal goes: the chance of each rating for a question never rehearsed, one in
# its learning steps, and one remembered (a forgotten one is rated Again).
# Saying a whole answer out loud slips more often than recalling a fact: a rehearsal goes
# well with chance R ** RECALL_POWER, R being the card's retrievability at that moment.
RECALL_POWER = 2
Chances = tuple[tuple[Rating, int], ...]
FIRST_RATINGS: Chances = (
    (Rating.Again, 15),
    (Rating.Hard, 20),
    (Rating.Good, 55),
    (Rating.Easy, 10),
)
LEARNING_RATINGS: Chances = (
    (Rating.Again, 10),
    (Rating.Hard, 15),
    (Rating.Good, 65),
    (Rating.Easy, 10),
)
RECALLED_RATINGS: Chances = ((Rating.Hard, 15), (Rating.Good, 72), (Rating.Easy, 13))


def _rating(rng: random.Random, question: Question, at: datetime, scheduling: Scheduling) -> Rating:
    if question.is_new:
        weights = FIRST_RATINGS
    elif question.card.state != State.Review:
        weights = LEARNING_RATINGS
    else:
        recall = retrievability(question, at, scheduling) or 0.0
        if rng.random() >= recall**RECALL_POWER:
            return Rating.Again
        weights = RECALLED_RATINGS
    return rng.choices([r for r, _ in weights], [w for _, w in weights])[0]


def _soonest(question: Question) -> tuple[datetime, int]:
    return question.card.due, question.id or 0


@generator("reviews", needs="questions")
def _reviews(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """Rehearsals through the app's FSRS scheduling, a sitting on most evenings.

    Each sitting takes what is due, the longest-waiting first, and practises
    ahead when little is; its size is what is left of the profile's count over
    the sittings left, so the history ends with exactly that many. The last
    sitting is on Sunday, so some questions are due on the frozen Tuesday.
    """
    scheduling = practice.scheduling(repo)
    bank = sorted((q for q in repo.questions.all() if not q.suspended), key=lambda q: q.added_at)
    last_day = _ago(2)
    days = [
        _ago(n) for n in range(profile.days, 1, -1) if _ago(n) == last_day or rng.random() < 0.85
    ]
    current: dict[int, Question] = {}  # the bank as it stands, questions added so far
    waiting = iter(bank)
    upcoming = next(waiting, None)
    done: list[Rehearsal] = []
    for number, day in enumerate(days):
        start = _at(rng, day, 17, 20)
        while upcoming is not None and upcoming.added_at <= start:
            current[upcoming.id or 0] = upcoming
            upcoming = next(waiting, None)
        wanted = round((profile.reviews - len(done)) / (len(days) - number))
        due = sorted((q for q in current.values() if q.card.due <= start), key=_soonest)
        ahead = heapq.nsmallest(
            max(0, wanted - len(due)),
            (q for q in current.values() if q.card.due > start),
            key=_soonest,
        )
        queue = deque((due + ahead)[:wanted])
        moment = start
        while queue and wanted > 0:
            question = current[queue.popleft().id or 0]
            answered_for = timedelta(seconds=rng.randint(40, 200))
            rating = _rating(rng, question, moment, scheduling)
            question, rehearsal = rehearse(question, rating, moment, answered_for, scheduling)
            current[question.id or 0] = question
            done.append(rehearsal)
            wanted -= 1
            moment += answered_for + timedelta(seconds=rng.randint(10, 60))
            if question.card.due - moment <= LEARN_AHEAD:
                queue.append(question)  # asked once more at the end of the sitting
    return repo.questions.record_many(current.values(), done)


@generator("journal", needs="journal")
def _journal(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """Entries most evenings, some about an interview of the days before, with moods and tags."""
    interviews = [i for i in repo.interviews.all() if i.held_on <= TODAY]
    entries: list[Entry] = []
    for _ in range(profile.journal_entries):
        day = _recent_day(rng, profile.days, 1)
        about = [i for i in interviews if i.held_on <= day <= i.held_on + timedelta(days=7)]
        interview = rng.choice(about) if about and rng.random() < 0.5 else None
        tags = text.tags(rng, text.JOURNAL_TAGS, 2)
        entries.append(
            Entry(
                text=text.journal(
                    rng, profile.journal_words, interview.company if interview else None
                ),
                written_at=_at(rng, day, 19, 22),
                mood=rng.choice((None, 1, 2, 3, 3, 3, 4, 4, 4, 5)),
                tags=tuple(sorted({*tags, "interview"})) if interview else tags,
                interview_id=interview.id if interview else None,
            )
        )
    return len(repo.journal.add_many(sorted(entries, key=lambda e: e.written_at)))


@generator("debriefs", needs="debriefs")
def _debriefs(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """A written debrief for some of the interviews held before this week."""
    held = [i for i in repo.interviews.all() if i.held_on <= _ago(3)]
    chosen = sorted(
        rng.sample(held, min(len(held), _debrief_count(profile))), key=lambda i: i.id or 0
    )
    for interview in chosen:
        assert interview.id is not None
        started = _at(rng, interview.held_on, 18, 21)
        debrief = Debrief(
            interview_id=interview.id,
            started_at=started,
            updated_at=started + timedelta(minutes=rng.randint(5, 25)),
            step=DONE,
            completed_at=started + timedelta(minutes=rng.randint(5, 25)),
            went=rng.choice(text.JOURNAL_OPENINGS),
            mood=rng.randint(2, 5),
            questions=tuple(text.question(rng)[0] for _ in range(rng.randint(2, 5))),
            went_well=rng.choice(text.ANSWER_FILLER),
            delivery=rng.choice(("Spoke too fast at the start.", "Calm, good eye contact.", "")),
            asked_next_steps=rng.random() < 0.7,
            next_steps=rng.choice(("They will decide within two weeks.", "")),
        )
        repo.debriefs.save(debrief)
        repo.interviews.save(mark_debriefed(interview, interview.held_on))
    return len(chosen)


def _debrief_count(profile: Profile) -> int:
    return profile.interviews // 4


@generator("urges", needs="urges")
def _urges(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """Urges to check the inbox, noted now and then, more of them lately (the home chart)."""
    moments = sorted(
        _at(rng, _recent_day(rng, profile.days), 8, 22) for _ in range(profile.days // 2)
    )
    for moment in moments:
        urge = repo.urges.note(moment)
        if rng.random() < 0.8:  # most urges end with a choice, mostly "leave it"
            repo.urges.choose(urge, "leave" if rng.random() < 0.75 else "look")
    return len(moments)


STORY_TITLES = (
    "The late launch",
    "Saving the audit",
    "The team that disagreed",
    "A customer who left",
    "Learning a new stack",
    "The outage at night",
    "Mentoring a new colleague",
    "A project cut in half",
)


@generator("stories", needs="stories")
def _stories(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """STAR stories, each linked to a few of the bank's questions and told now and then."""
    ids = sorted(q.id for q in repo.questions.all() if q.id is not None)
    count = max(1, profile.questions // 50)
    for n in range(count):
        title = f"{STORY_TITLES[n % len(STORY_TITLES)]}" + (
            f" ({n // len(STORY_TITLES) + 1})" if n >= len(STORY_TITLES) else ""
        )
        story = new_story(
            title,
            _at(rng, _recent_day(rng, profile.days)),
            situation=text.answer(rng, 25),
            task=text.answer(rng, 15),
            action=text.answer(rng, 40),
            result=text.answer(rng, 20),
            tags=text.question_tags(rng, "story"),
            question_ids=rng.sample(ids, min(len(ids), rng.randint(1, 4))),
        )
        repo.stories.add(replace(story, told=rng.randint(0, 12)))
    return count


WORRIES = (
    "Did {company} write back?",
    "What if {company} went with someone else?",
    "I should have said more about the project at {company}.",
    "Will I hear from {company} this week?",
    "Money for next month",
    "What if nobody calls back?",
)


@generator("worries", needs="worries")
def _worries(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """Thoughts parked over the history: most answered at their slot (some looked back on),
    a few the same thought parked again, the last days' still waiting."""
    companies = sorted({i.company for i in repo.interviews.all()}) or ["Acme"]
    checkin = time(17, 0)
    parked = 0
    while parked < profile.days // 3:
        moment = _at(rng, _recent_day(rng, profile.days), 8, 16)
        words = rng.choice(WORRIES).format(company=rng.choice(companies))
        thought = park(repo.worries.waiting(), words, moment, checkin)
        thought = repo.worries.add(thought) if thought.id is None else thought
        parked += 1
        day = moment.date()
        if day >= _ago(1):
            repo.worries.save(thought)  # still waiting for its slot (maybe counted up)
            continue
        answer = rng.random()
        if answer < 0.5:
            thought = let_go(thought, day)
            if day <= _ago(FOLLOW_UP_DAYS) and rng.random() < 0.7:
                thought = looked_back(
                    thought, rng.choice((TurnedOut.BETTER, TurnedOut.BETTER, TurnedOut.NOT_YET))
                )
        elif answer < 0.8:
            thought = did_something(thought, day)
        repo.worries.save(thought)  # else kept for another day, not answered since
    return parked


@generator("writing", needs="writing")
def _writing(repo: Repository, profile: Profile, rng: random.Random) -> int:
    """One round of the writing programme, a prompt skipped, over days not in a row."""
    steps = min(len(PROMPTS), profile.journal_entries // 20)
    day = _ago(40)
    for _ in range(steps):
        state = programme(repo.writing.steps(), day)
        if rng.random() < 0.25:
            repo.writing.add(step(state, day, written=False))
        else:
            entry = Entry(
                text=text.journal(rng, profile.journal_words, None),
                written_at=_at(rng, day, 19, 22),
                tags=(PROGRAMME_TAG,),
            )
            saved = repo.journal.add(entry)
            repo.writing.add(step(state, day, written=True, entry_id=saved.id))
        day += timedelta(days=rng.randint(1, 4))
    return steps


@dataclass(frozen=True)
class Outcome:
    written: dict[str, int]
    pending: dict[str, str]  # part: why it was not generated


def generate(path: Path, profile: Profile, seed: int = DEFAULT_SEED) -> Outcome:
    """Write a fresh database at `path` (anything there is replaced)."""
    if path.exists():
        path.unlink()
    for stale in (path.with_suffix(".history"), path.parent / "backups"):
        shutil.rmtree(stale, ignore_errors=True)
    clock = FrozenClock(GENERATED_AT)
    written: dict[str, int] = {}
    pending: dict[str, str] = {}
    with Repository.open(path, clock) as repo:
        for name, part in GENERATORS.items():
            count = part.count(profile)
            if not hasattr(repo, part.needs):
                pending[name] = f"{count:,} wanted; the {part.needs} table does not exist yet"
            elif part.write is None:
                pending[name] = f"{count:,} wanted; the table exists but has no generator yet"
            else:
                written[name] = part.write(repo, profile, random.Random(f"{seed}-{name}"))
    return Outcome(written, pending)


def describe(outcome: Outcome, path: Path) -> str:
    size = path.stat().st_size if path.exists() else 0
    history = path.with_suffix(".history")
    if history.is_dir():
        size += sum(p.stat().st_size for p in history.glob("*.json"))
    lines = [f"wrote {path} ({size:,} bytes)"]
    lines += [f"  {name}: {count:,}" for name, count in outcome.written.items()]
    if outcome.pending:
        lines.append("not generated yet:")
        lines += [f"  {name}: {why}" for name, why in outcome.pending.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=sorted(PROFILES), default="typical")
    parser.add_argument("--out", type=Path, required=True, help="the database file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    outcome = generate(args.out, PROFILES[args.profile], args.seed)
    print(describe(outcome, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
