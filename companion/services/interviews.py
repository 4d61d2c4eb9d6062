"""Interviews and references: log one, log a contact, set the outcome, move on, reopen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from companion.domain import interviews as rules
from companion.domain.fit import FitReflection
from companion.domain.interviews import ContactKind, Interview, Offer, Outcome
from companion.domain.references import Reference
from companion.domain.timeline import Timeline, build_timeline, elsewhere_of
from companion.domain.waiting import Waiting, waiting_room
from companion.services.days_off import holidays
from companion.store.repository import Repository


def add_interview(
    repo: Repository, interview: Interview, after: int | None = None
) -> tuple[Interview, Interview | None]:
    """Save a new interview; return it with its id, and the round it follows, if any
    (whose timeline ends now: the two are linked). `after` names that round (an
    explicit next round); FieldError when it cannot be followed by this one."""
    return repo.interviews.add(interview, after=after)


def logged_before(repo: Repository, interview: Interview) -> Interview | None:
    """An interview already logged with the same company, role and day, if any."""
    return rules.already_logged(interview, repo.interviews.all())


def save_interview(repo: Repository, interview: Interview) -> Interview:
    """Write back an edited interview (it has an id)."""
    repo.interviews.save(interview)
    return interview


def log_contact(
    repo: Repository,
    interview: Interview,
    kind: ContactKind,
    on: date,
    *,
    note: str = "",
    decision_by: date | None = None,
    references: Sequence[int] = (),
    to: Sequence[str] = (),
) -> Interview:
    """A thank-you (to whom), a check-in, their reply...; raises FieldError (nothing
    saved) when the contact does not fit the interview. Letting them know you withdrew
    (rule 11) closes it."""
    changed = rules.log_contact(
        interview,
        kind,
        on,
        repo.clock.today(),
        note=note,
        decision_by=decision_by,
        references=references,
        to=to,
    )
    repo.interviews.save(changed)
    return changed


def note_references(
    repo: Repository, interview: Interview, *, asked: bool, told: Sequence[int]
) -> Interview:
    """Today: they asked for references (`asked`), and who had a heads-up (`told`).
    Returns the interview as saved; the same one when nothing was noted."""
    today = repo.clock.today()
    changed = interview
    if asked:
        changed = rules.log_contact(changed, ContactKind.REFERENCES_REQUESTED, today, today)
    if told:
        changed = rules.log_contact(
            changed, ContactKind.REFERENCES_NOTIFIED, today, today, references=sorted(told)
        )
    if changed != interview:
        repo.interviews.save(changed)
    return changed


def set_outcome(
    repo: Repository,
    interview: Interview,
    outcome: Outcome,
    reflection: str = "",
    *,
    on: date | None = None,
    offer: Offer | None = None,
) -> Interview:
    """Where it stands, from `on` (default today; FieldError outside the interview day
    to today); moving on keeps the reflection; an offer's details given are added to
    those known. The same interview (nothing saved) when nothing changes."""
    today = repo.clock.today()
    day = on or today
    if outcome != interview.outcome:
        rules.check_outcome_on(day, interview, today)
    if outcome == Outcome.MOVED_ON:
        changed = rules.move_on(interview, reflection, day)
    else:
        changed = rules.set_outcome(interview, outcome, day)
    if offer is not None:
        changed = rules.with_offer(changed, rules.merge_offer(changed.offer, offer))
    if changed != interview:
        repo.interviews.save(changed)
    return changed


def save_offer(repo: Repository, interview: Interview, offer: Offer) -> Interview:
    """An offer's details, as the user noted them (the form's values replace them all)."""
    changed = rules.with_offer(interview, offer)
    repo.interviews.save(changed)
    return changed


def reopen(repo: Repository, interview: Interview) -> Interview:
    """Back to where it stood before it closed, everything kept."""
    changed = rules.reopen(interview, repo.clock.today())
    if changed != interview:
        repo.interviews.save(changed)
    return changed


def save_fit(repo: Repository, interview: Interview, fit: FitReflection) -> Interview:
    """How it felt (rule 7)."""
    changed = replace(interview, fit=fit)
    repo.interviews.save(changed)
    return changed


def timeline(repo: Repository, interview: Interview) -> Timeline:
    """One interview's timeline as of today: public holidays skipped, and the other
    interviews' offers counted (rules 11 and 12)."""
    return build_timeline(
        interview,
        repo.clock.today(),
        repo.references.all(),
        holidays=holidays(repo),
        elsewhere=elsewhere_of([*repo.interviews.open_ones(), *repo.interviews.accepted()]),
    )


def waiting_row(repo: Repository, interview_id: int) -> Waiting:
    """One interview with its timeline as of today; FieldError when there is none."""
    interview = repo.interviews.require(interview_id)
    return Waiting(interview, timeline(repo, interview))


def waiting_rows(repo: Repository, *, include_closed: bool = False) -> list[Waiting]:
    """The waiting room: open interviews, the soonest next date first (closed ones after).
    The accepted ones are read too: after an offer is accepted, the others are let
    know (rule 11)."""
    interviews = (
        repo.interviews.all()
        if include_closed
        else [*repo.interviews.open_ones(), *repo.interviews.accepted()]
    )
    return waiting_room(
        interviews,
        repo.references.all(),
        repo.clock.today(),
        include_closed=include_closed,
        holidays=holidays(repo),
    )


def add_reference(repo: Repository, reference: Reference) -> Reference:
    return repo.references.add(reference)


def save_reference(repo: Repository, reference: Reference) -> Reference:
    repo.references.save(reference)
    return reference


def remove_reference(repo: Repository, reference_id: int) -> None:
    """Forget a reference; interviews keep the record that they were told."""
    repo.references.remove(reference_id)
