"""`companion interview` and `companion reference`: quick capture from a shell, and lists."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from companion import answers
from companion.cli import kept
from companion.cli.context import Context
from companion.cli.output import json_text
from companion.domain.dates import DATE_FORMS, friendly, parse_date
from companion.domain.errors import FieldError
from companion.domain.interviews import (
    CLOSED,
    OFFERS,
    ContactKind,
    Interview,
    Outcome,
    new_interview,
    parse_contact_kind,
    parse_offer,
    parse_outcome,
    with_details,
)
from companion.domain.numbers import whole_number
from companion.domain.references import new_reference
from companion.domain.waiting import Waiting
from companion.inert import one_line
from companion.services import interviews
from companion.services.access import Repository

KINDS = " | ".join(k.word for k in ContactKind)
OUTCOMES = " | ".join(o.word for o in Outcome)
# (flag, metavar, what it is): the details of an offer, all optional.
OFFER_FLAGS = (
    ("--respond-by", "DATE", "the day they would like an answer by"),
    ("--pay", "TEXT", "the pay, in your words ('52k a year')"),
    ("--leave", "TEXT", "the leave ('25 days')"),
    ("--remote", "TEXT", "working from home ('2 days a week')"),
    ("--start", "DATE", "the start date"),
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "interview",
        help="log interviews and what happens after; list them with their next dates",
        description="Interviews and their calm timelines: what is kind to do, and when.",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    add = sub.add_parser(
        "add",
        help="log an interview (today's, a past one, or one coming up)",
        description=f"Log an interview. Dates accept {DATE_FORMS}.",
    )
    add.add_argument("--company", required=True, help="the company's name")
    add.add_argument("--role", required=True, help="the role you interviewed for")
    add.add_argument("--on", required=True, metavar="DATE", help="the day of the interview")
    add.add_argument("--round", default="", metavar="NAME", help="which round, like 'second'")
    add.add_argument(
        "--decision-by", metavar="DATE", help="when they said they would decide or get back"
    )
    add.add_argument(
        "--with",
        dest="interviewers",
        action="append",
        default=[],
        metavar="NAME",
        help="someone you met (repeat for each person)",
    )
    add.add_argument(
        "--contact-pref", default="email", metavar="email|phone", help="how they prefer contact"
    )
    add.add_argument("--final", action="store_true", help="this is the final round")
    add.add_argument("--notes", default="", metavar="TEXT", help="anything worth remembering")
    add.add_argument(
        "--talked-about",
        default="",
        metavar="TEXT",
        help="something you talked about, for the thank-you note",
    )
    add.add_argument(
        "--after",
        metavar="ID",
        help="the round this one follows (its timeline closes); by default an open "
        "next-round interview of the same company and role",
    )
    add.add_argument(
        "--tag",
        dest="tags",
        action="append",
        default=[],
        metavar="TAG",
        help="what it is about, like leadership; practice brings a few deck questions with it",
    )
    add.set_defaults(handler=run_add)
    _register_edit(sub)

    listing = sub.add_parser(
        "list",
        help="open interviews with their phase and next date",
        description="Open interviews, the soonest next date first; --all adds closed ones.",
    )
    listing.add_argument("--all", action="store_true", help="include closed interviews")
    listing.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    listing.set_defaults(handler=run_list)

    show = sub.add_parser("show", help="one interview's timeline and what is kind to do")
    show.add_argument("id", metavar="ID")
    show.set_defaults(handler=run_show)

    log = sub.add_parser(
        "log",
        help="log a contact: a thank-you, a check-in, their reply, ...",
        description=f"Log a contact. KIND: {KINDS}. Dates accept {DATE_FORMS}.",
    )
    log.add_argument("id", metavar="ID")
    log.add_argument("kind", metavar="KIND", help=KINDS)
    log.add_argument("--on", default="today", metavar="DATE", help="when (default today)")
    log.add_argument("--decision-by", metavar="DATE", help="with a reply: the new date they gave")
    log.add_argument("--note", default="", metavar="TEXT", help="a few words to remember")
    log.add_argument(
        "--reference",
        dest="references",
        action="append",
        default=[],
        metavar="ID",
        help="with references-notified: who was told (default: all your references)",
    )
    log.add_argument(
        "--to",
        dest="to",
        action="append",
        default=[],
        metavar="NAME",
        help="with thank-you: whom it went to (repeat for each person; default: everyone met)",
    )
    log.set_defaults(handler=run_log)

    outcome = sub.add_parser(
        "outcome",
        help="record how it ended, or reopen it",
        description=(
            f"Set the outcome. OUTCOME: {OUTCOMES}. With an offer, its details may come "
            f"too. Dates accept {DATE_FORMS}."
        ),
    )
    outcome.add_argument("id", metavar="ID")
    outcome.add_argument("outcome", metavar="OUTCOME", help=OUTCOMES)
    outcome.add_argument(
        "--on", default="today", metavar="DATE", help="when it happened (default today)"
    )
    outcome.add_argument(
        "--reflection", default="", metavar="TEXT", help="with moved-on: what it taught you"
    )
    for flag, metavar, words in OFFER_FLAGS:
        outcome.add_argument(flag, metavar=metavar, help=f"with an offer: {words}")
    outcome.set_defaults(handler=run_outcome)

    references = commands.add_parser(
        "reference",
        help="the people who can vouch for you",
        description="Your references: companion reminds you to give them a heads-up.",
    )
    ref_sub = references.add_subparsers(title="commands", metavar="COMMAND", required=True)
    ref_add = ref_sub.add_parser("add", help="add a reference")
    ref_add.add_argument("name", metavar="NAME")
    ref_add.add_argument("--relation", default="", help="like 'former manager'")
    ref_add.add_argument("--reach", default="", metavar="HOW", help="an email or a phone number")
    ref_add.set_defaults(handler=run_reference_add)
    ref_list = ref_sub.add_parser("list", help="your references")
    ref_list.add_argument("--json", action="store_true", help="print it as JSON for scripts")
    ref_list.set_defaults(handler=run_reference_list)


def parse_id(text: str, field: str = "id") -> int:
    value = text.strip()
    number = whole_number(value)
    if number is not None and number > 0:
        return number
    listing = "companion interview list --all" if field == "id" else "companion reference list"
    raise FieldError(
        field, f"{value or '(empty)'!r} is not an id; use a number that `{listing}` shows."
    )


def interview_json(row: Waiting) -> dict[str, Any]:
    """One interview as `interview list --json` and `summary --json` print it (cli.md)."""
    interview, timeline = row.interview, row.timeline

    def iso(day: Any) -> str | None:
        return day.isoformat() if day else None

    return {
        "id": row.id,
        "company": interview.company,
        "role": interview.role,
        "round": interview.round,
        "held_on": interview.held_on.isoformat(),
        "decision_by": iso(interview.decision_by),
        "outcome": interview.outcome.value,
        "phase": timeline.phase.value,
        "thank_you_by": iso(timeline.thank_you_by),
        "follow_up_from": iso(timeline.follow_up_from),
        "move_on_from": iso(timeline.move_on_from),
        "interviewers": list(interview.interviewers),
        "contact_pref": interview.contact_pref,
        "final_round": interview.final_round,
        "next": timeline.next_step,
        "next_on": iso(timeline.next_on),
        "tags": list(interview.tags),
    }


def _title(row: Waiting) -> str:
    """The interview's name in a row or a sentence: one line, as it will be printed."""
    interview = row.interview
    extra = interview.round_words
    return one_line(interview.title + (f" ({', '.join(extra)})" if extra else ""))


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    today = ctx.clock.today()
    held_on = parse_date(args.on, today, field="on")
    decision_by = (
        parse_date(args.decision_by, today, field="decision-by") if args.decision_by else None
    )
    after = parse_id(args.after, "after") if args.after is not None else None
    interview = new_interview(
        company=args.company,
        role=args.role,
        held_on=held_on,
        round=args.round,
        interviewers=args.interviewers,
        decision_by=decision_by,
        contact_pref=args.contact_pref,
        notes=args.notes,
        final_round=args.final,
        talked_about=args.talked_about,
        added_on=today,
        tags=args.tags,
    )
    with ctx.open("write") as repo:
        twin = interviews.logged_before(repo, interview)
        added, previous = interviews.add_interview(repo, interview, after=after)
        row = interviews.waiting_row(repo, added.id or 0)
    ctx.print_line(f"Added interview {row.id}: {_title(row)}, {friendly(held_on, today)}.")
    if twin is not None:
        print(
            f"companion: note: interview {twin.id} is also {twin.title} on "
            f"{friendly(twin.held_on, today)}; both are kept. If it was logged twice, "
            f"`companion interview outcome {row.id} withdrawn` sets this one aside.",
            file=ctx.err,
        )
    if previous is not None:
        ctx.print(
            f"It is the next round of interview {previous.id} "
            f"({friendly(previous.held_on, today)}), whose timeline is now closed."
        )
    ctx.print_line(f"Next: {row.timeline.next_step}.")
    return 0


def _list_json(repo: Repository) -> str:
    return json_text([interview_json(r) for r in interviews.waiting_rows(repo)])


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    if args.json and not args.all:
        ctx.print(kept.answer(ctx, answers.INTERVIEW_LIST_JSON, _list_json))
        return 0
    with ctx.open("read") as repo:
        rows = interviews.waiting_rows(repo, include_closed=args.all)
        open_ones = sum(1 for row in rows if row.interview.is_open)
        closed_ones = repo.interviews.count() > open_ones
    if args.json:
        ctx.print_json([interview_json(r) for r in rows])
        return 0
    if not rows:
        if closed_ones:
            ctx.print("No open interviews; `companion interview list --all` shows the closed ones.")
        else:
            ctx.print(
                "No open interviews. Log one with: "
                "companion interview add --company C --role R --on DATE"
            )
        return 0
    width = max(len(_title(r)) for r in rows)
    for row in rows:
        ctx.print_line(
            f"{row.id:>3}  {_title(row):<{width}}  {row.timeline.phase.word:<9}  "
            f"{row.timeline.next_step}"
        )
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    interview_id = parse_id(args.id)
    with ctx.open("read") as repo:
        row = interviews.waiting_row(repo, interview_id)
    interview, timeline = row.interview, row.timeline
    today = ctx.clock.today()
    ctx.print_line(f"{_title(row)}, {held_words(interview, today)}")
    if interview.interviewers:
        ctx.print_line(f"With {', '.join(interview.interviewers)}")
    ctx.print_line(f"Phase: {timeline.phase.word}. {timeline.status}")
    for suggestion in timeline.suggestions:
        ctx.print_line(f"  - {suggestion.text}")
    for contact in interview.contacts:
        note = f": {contact.note}" if contact.note else ""
        to = f" (to {', '.join(contact.to)})" if contact.to else ""
        ctx.print_line(f"  {friendly(contact.on, today):<12} {contact.kind.label}{to}{note}")
    for line in offer_lines(interview, today):
        ctx.print_line(f"  {line}")
    return 0


def held_words(interview: Interview, today: date) -> str:
    """ "on Thu 10 Dec" for an interview still to come, "held Tue 3 Mar" after."""
    day = friendly(interview.held_on, today)
    return f"on {day}" if interview.held_on > today else f"held {day}"


def offer_lines(interview: Interview, today: date) -> list[str]:
    offer = interview.offer
    lines = []
    if offer.respond_by is not None:
        lines.append(f"Answer by:   {friendly(offer.respond_by, today)}")
    for label, value in (("Pay", offer.pay), ("Leave", offer.leave), ("Remote", offer.remote)):
        if value:
            lines.append(f"{label + ':':<12} {value}")
    if offer.start_on is not None:
        lines.append(f"Start:       {friendly(offer.start_on, today)}")
    return lines


def run_log(args: argparse.Namespace, ctx: Context) -> int:
    interview_id = parse_id(args.id)
    kind = parse_contact_kind(args.kind)
    today = ctx.clock.today()
    on = parse_date(args.on, today, field="on")
    decision_by = (
        parse_date(args.decision_by, today, field="decision-by") if args.decision_by else None
    )
    wanted = [parse_id(r, "reference") for r in args.references]
    if wanted and kind != ContactKind.REFERENCES_NOTIFIED:
        raise FieldError("reference", "name references only with references-notified.")
    if args.to and kind != ContactKind.THANK_YOU:
        raise FieldError("to", "name people only with thank-you; other notes go to the team.")
    with ctx.open("write") as repo:
        interview = repo.interviews.require(interview_id)
        if kind == ContactKind.REFERENCES_NOTIFIED:
            told = [repo.references.require(r, "reference") for r in wanted]
            told = told or repo.references.all()
        else:
            told = []
        changed = interviews.log_contact(
            repo,
            interview,
            kind,
            on,
            note=args.note,
            decision_by=decision_by,
            references=[r.id for r in told if r.id is not None],
            to=args.to,
        )
        row = interviews.waiting_row(repo, interview_id)
    ctx.print_line(f"Logged for {_title(row)}: {kind.label}, {friendly(on, today)}.")
    if told:
        ctx.print_line(f"Told: {', '.join(r.name for r in told)}.")
    if kind == ContactKind.THANK_YOU and changed.interviewers:
        waiting_for = [name for name in changed.not_yet_thanked() if name]
        ctx.print_line(
            f"Still to thank: {', '.join(waiting_for)}."
            if waiting_for
            else "Everyone you met is thanked."
        )
    if kind == ContactKind.WITHDRAW:
        ctx.print_line("It is closed as withdrawn, and kept.")
    elif changed.outcome in CLOSED and kind in (
        ContactKind.REPLY,
        ContactKind.REFERENCES_REQUESTED,
    ):
        ctx.print(
            f"It stays {changed.outcome.label}; `companion interview outcome {row.id} waiting` "
            "reopens it."
        )
    else:
        ctx.print_line(f"Next: {row.timeline.next_step}.")
    return 0


def _offer_given(args: argparse.Namespace) -> bool:
    return any(getattr(args, flag[2:].replace("-", "_")) is not None for flag, _, _ in OFFER_FLAGS)


def run_outcome(args: argparse.Namespace, ctx: Context) -> int:
    interview_id = parse_id(args.id)
    outcome = parse_outcome(args.outcome)
    if args.reflection and outcome != Outcome.MOVED_ON:
        raise FieldError("reflection", "a reflection goes with moved-on only.")
    today = ctx.clock.today()
    on = parse_date(args.on, today, field="on")
    offer = None
    if _offer_given(args):
        if outcome not in OFFERS:
            raise FieldError(
                "respond-by", "an offer's details go with offer-verbal or offer-written."
            )
        offer = parse_offer(
            today,
            respond_by=args.respond_by or "",
            pay=args.pay or "",
            leave=args.leave or "",
            remote=args.remote or "",
            start=args.start or "",
        )
    with ctx.open("write") as repo:
        interview = repo.interviews.require(interview_id)
        changed = interviews.set_outcome(
            repo, interview, outcome, args.reflection, on=on, offer=offer
        )
        if changed == interview:
            ctx.print_line(f"{interview.title} is already {outcome.label}; nothing changed.")
            return 0
        row = interviews.waiting_row(repo, interview_id)
        others = [r for r in interviews.waiting_rows(repo) if r.id != interview_id]
    if changed.outcome == Outcome.ACCEPTED and outcome == Outcome.OFFER_WRITTEN:
        ctx.print_line(f"{_title(row)}: the written offer is logged; it stays accepted.")
    else:
        ctx.print_line(f"{_title(row)}: {outcome.label}, {friendly(on, today)}.")
    for line in offer_lines(changed, today) if offer is not None else []:
        ctx.print_line(f"  {line}")
    if outcome == Outcome.MOVED_ON:
        ctx.print(
            "It leaves your lists. If they get in touch, it will be a pleasant surprise: "
            f"`companion interview outcome {row.id} waiting` brings it back whole."
        )
    elif row.interview.is_open:
        ctx.print_line(f"Next: {row.timeline.next_step}.")
    for suggestion in row.timeline.suggestions:
        if suggestion.kind == "in_writing":
            ctx.print_line(suggestion.text)
    if changed.outcome == Outcome.ACCEPTED and others:
        ctx.print_line(
            f"{len(others)} other open interview{'s' if len(others) > 1 else ''}: let "
            "them know kindly (`companion interview log ID withdraw`), and each closes."
        )
    if outcome in (Outcome.REJECTED, Outcome.MOVED_ON):
        ctx.print(kind_words_line(row.id))
    return 0


def kind_words_line(interview_id: int | None) -> str:
    """After a rejection or a move-on: the one self-compassion prompt, and where to write it."""
    from companion.domain.writing import SELF_COMPASSION, SELF_COMPASSION_TAG

    return (
        f"If you like: {SELF_COMPASSION} (companion journal --interview {interview_id} "
        f"--tag {SELF_COMPASSION_TAG} keeps it.)"
    )


def run_reference_add(args: argparse.Namespace, ctx: Context) -> int:
    reference = new_reference(args.name, args.relation, args.reach)
    with ctx.open("write") as repo:
        added = interviews.add_reference(repo, reference)
    ctx.print_line(f"Added reference {added.id}: {added.line}.")
    return 0


def run_reference_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.open("read") as repo:
        references = repo.references.all()
    if args.json:
        data = [
            {"id": r.id, "name": r.name, "relation": r.relation, "reach": r.reach}
            for r in references
        ]
        ctx.print_json(data)
        return 0
    if not references:
        ctx.print("No references yet. Add one with: companion reference add NAME --relation R")
    for reference in references:
        ctx.print_line(f"{reference.id:>3}  {reference.line}")
    return 0


# `interview edit`: only the details given change.

EDITED = (
    "company",
    "role",
    "on",
    "round",
    "decision_by",
    "interviewers",
    "contact_pref",
    "final",
    "notes",
    "talked_about",
)


def _register_edit(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    edit = sub.add_parser(
        "edit",
        help="change an interview's details; only the ones given change",
        description=f"Change an interview's details. Dates accept {DATE_FORMS}.",
    )
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--company", help="the company's name")
    edit.add_argument("--role", help="the role")
    edit.add_argument("--on", metavar="DATE", help="the day of the interview")
    edit.add_argument("--round", metavar="NAME", help="which round, like 'second'")
    edit.add_argument(
        "--decision-by", metavar="DATE", help="when they said they would decide; none clears it"
    )
    edit.add_argument(
        "--with",
        dest="interviewers",
        action="append",
        metavar="NAME",
        help="someone you met (repeat for each person; replaces the names noted)",
    )
    edit.add_argument("--contact-pref", metavar="email|phone", help="how they prefer contact")
    final = edit.add_mutually_exclusive_group()
    final.add_argument("--final", action="store_true", default=None, help="the final round")
    final.add_argument(
        "--not-final", dest="final", action="store_false", help="not the final round"
    )
    edit.add_argument("--notes", metavar="TEXT", help="anything worth remembering")
    edit.add_argument(
        "--talked-about", metavar="TEXT", help="something you talked about, for the thank-you"
    )
    edit.set_defaults(handler=run_edit)


def run_edit(args: argparse.Namespace, ctx: Context) -> int:
    interview_id = parse_id(args.id)
    if all(getattr(args, name) is None for name in EDITED):
        raise FieldError(
            "id", "name what to change, like --talked-about TEXT (see interview edit --help)."
        )
    today = ctx.clock.today()
    with ctx.open("write") as repo:
        interview = repo.interviews.require(interview_id)
        held_on = parse_date(args.on, today, field="on") if args.on else interview.held_on
        decision_by = interview.decision_by
        if args.decision_by is not None:
            wanted = args.decision_by.strip().lower()
            decision_by = (
                None if wanted == "none" else parse_date(wanted, today, field="decision-by")
            )

        def given(value: Any, before: Any) -> Any:
            return before if value is None else value

        details = new_interview(
            company=given(args.company, interview.company),
            role=given(args.role, interview.role),
            held_on=held_on,
            round=given(args.round, interview.round),
            interviewers=given(args.interviewers, interview.interviewers),
            decision_by=decision_by,
            contact_pref=given(args.contact_pref, interview.contact_pref),
            notes=given(args.notes, interview.notes),
            final_round=given(args.final, interview.final_round),
            talked_about=given(args.talked_about, interview.talked_about),
        )
        changed = interviews.save_interview(repo, with_details(interview, details))
        row = interviews.waiting_row(repo, interview_id)
    if changed == interview:
        ctx.print_line(f"Nothing changed for {_title(row)}.")
        return 0
    ctx.print_line(f"Saved {_title(row)}, {friendly(row.interview.held_on, today)}.")
    if row.interview.is_open:
        ctx.print_line(f"Next: {row.timeline.next_step}.")
    return 0
