"""Drafts of the notes the timeline suggests, and "I sent it".

`draft(repo, interview_id, kind, to)` makes the note (the CLI's `companion
draft`, the app's draft screen); `mark_sent(repo, draft, text)` logs it in
the interview's contact log on today's date, which moves the timeline.
companion never sends anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.domain import drafts as notes
from companion.domain import interviews as rules
from companion.domain.drafts import Draft, DraftKind, Recipient, Situation
from companion.domain.errors import FieldError
from companion.domain.interviews import ContactKind, Interview
from companion.services import interviews
from companion.services.days_off import holidays
from companion.store.draft_templates import LoadedTemplate, drafts_folder, load_template, shown
from companion.store.repository import Repository


@dataclass(frozen=True)
class DraftResult:
    """A draft and what surrounds it: everyone it could go to, when it reads kindest, and
    why the person's own template was not used, if it was not."""

    draft: Draft
    interview: Interview
    recipients: tuple[Recipient, ...]
    send: str
    template_path: Path | None = None
    problem: str | None = None


def situation(repo: Repository, interview: Interview) -> Situation:
    return Situation(
        interview=interview,
        today=repo.clock.today(),
        references=tuple(repo.references.all()),
        others=tuple(i for i in repo.interviews.all() if i.id != interview.id),
        your_name=repo.settings.get().your_name,
    )


def current_kind(repo: Repository, interview: Interview) -> DraftKind | None:
    """The note the interview's current action asks for, if any (its timeline knows the
    holidays and the other interviews: a withdrawal, an offer in hand elsewhere)."""
    return notes.current_kind(interviews.timeline(repo, interview).suggestions)


def fitting_kinds(repo: Repository, interview: Interview) -> list[DraftKind]:
    """The notes that fit the interview as it stands."""
    return notes.fitting_kinds(situation(repo, interview))


def _nothing_to_write(repo: Repository, interview: Interview, facts: Situation) -> FieldError:
    timeline = interviews.timeline(repo, interview)
    fitting = ", ".join(kind.value for kind in notes.fitting_kinds(facts))
    also = f"; name a kind to write one anyway ({fitting})" if fitting else ""
    return FieldError(
        "kind",
        f"nothing needs a note for interview {interview.id} today ({timeline.next_step}){also}.",
    )


def draft(
    repo: Repository,
    interview_id: int,
    kind: DraftKind | None = None,
    to: str | None = None,
    *,
    templates: Path | None = None,
) -> DraftResult:
    """The note of `kind` (by default, the one the current action asks for) to `to` (by
    default, the first still waiting for one). FieldError when there is no such interview,
    the kind does not fit it now, or the name is not on it. `templates` is the folder of
    the person's own templates (by default, the one in their config folder)."""
    interview = repo.interviews.require(interview_id)
    facts = situation(repo, interview)
    wanted = kind or current_kind(repo, interview)
    if wanted is None:
        raise _nothing_to_write(repo, interview, facts)
    notes.check_fits(wanted, facts)
    recipient = notes.pick_recipient(wanted, facts, to)
    loaded = load_template(wanted, templates)
    made = notes.compose(wanted, facts, recipient, loaded.template)
    timeline = interviews.timeline(repo, interview)
    if wanted == DraftKind.THANK_YOU:
        send = notes.thank_you_time(repo.clock.today(), timeline.thank_you_by)
    else:
        earliest = timeline.follow_up_from if wanted == DraftKind.CHECK_IN else None
        send = notes.kindest_time(repo.clock.now(), earliest, holidays(repo))
    return DraftResult(
        draft=made,
        interview=interview,
        recipients=tuple(notes.recipients(wanted, facts)),
        send=send,
        template_path=loaded.path,
        problem=loaded.problem,
    )


def still_waiting(repo: Repository, interview_id: int, kind: DraftKind) -> list[Recipient]:
    """Who is still waiting for a note of `kind` (the next reference, the next person met);
    empty when none is, or the kind no longer fits the interview."""
    interview = repo.interviews.require(interview_id)
    facts = situation(repo, interview)
    if notes.refusal(kind, facts) is not None:
        return []
    return notes.waiting_for(kind, facts)


def next_step(repo: Repository, interview_id: int) -> str:
    """The interview's next step in a sentence, after a note was logged."""
    interview = repo.interviews.require(interview_id)
    if not interview.is_open:
        return f"It is closed now: {interview.outcome.label}."
    return f"Next: {interviews.timeline(repo, interview).next_step}."


def mailto(subject: str, body: str, address: str = "") -> str:
    """The `mailto:` link of a note as edited."""
    return notes.mailto_link(subject, body, address)


def mark_sent(repo: Repository, sent: Draft, interview_id: int, text: str = "") -> Interview:
    """Log the note in the interview's contact log, dated today, keeping `text` (the note
    as sent). A heads-up names the reference it went to; withdrawing, accepting or
    declining sets where the interview stands. Raises FieldError when the contact log
    refuses it (`why_not_logged`)."""
    changed = _logged(repo, sent, interview_id, text)
    repo.interviews.save(changed)
    return changed


def why_not_logged(repo: Repository, sent: Draft, interview_id: int) -> str | None:
    """Why the note cannot be logged as sent today, in a sentence (the contact log's
    rules, such as no thank-you before the interview's day), or None when it can."""
    try:
        _logged(repo, sent, interview_id, "")
    except FieldError as error:
        return error.sentence
    return None


def _logged(repo: Repository, sent: Draft, interview_id: int, text: str) -> Interview:
    today = repo.clock.today()
    interview = repo.interviews.require(interview_id)
    kind = notes.SENT_AS[sent.kind]
    references = (sent.reference_id,) if sent.reference_id is not None else ()
    to = (sent.to,) if sent.to and kind in rules.TO_PEOPLE else ()
    return rules.log_contact(
        interview,
        kind,
        today,
        today,
        references=references if kind == ContactKind.REFERENCES_NOTIFIED else (),
        text=text,
        to=to,
    )


def template_in_use(kind: DraftKind, templates: Path | None = None) -> LoadedTemplate:
    """The template a draft of `kind` is made from: the person's own when sound, else ours."""
    return load_template(kind, templates)


def templates_folder() -> Path:
    """Where a person keeps their own templates, `drafts/KIND.txt` in the config folder."""
    return drafts_folder()


def shown_path(path: Path) -> str:
    """A path as the person reads it (`~/...`)."""
    return shown(path)
