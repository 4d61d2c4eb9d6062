"""The Markdown export: interviews with timelines and fit, questions with answers and STAR notes.

Documents are parsed back with markdown-it (CommonMark, Textual's own parser):
the headings must be exactly ours, whatever the user typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from companion.clock import FrozenClock
from companion.domain.fit import FitReflection
from companion.domain.interviews import ContactKind, log_contact, move_on, new_interview
from companion.domain.journal import new_entry
from companion.domain.markdown import fenced, inline, section
from companion.domain.practice import Star, new_question
from companion.exports import render
from companion.exports.markdown import SECTIONS, markdown_document
from companion.store.repository import Repository
from tests.export_data import TODAY, fill

PARSER = MarkdownIt("commonmark")


def _headings(text: str) -> list[tuple[str, str]]:
    tokens = PARSER.parse(text)
    return [
        (token.tag, tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _code_blocks(text: str) -> list[str]:
    return [token.content for token in PARSER.parse(text) if token.type == "fence"]


def _text_of(markdown: str) -> str:
    """What a reader sees of one line of inline Markdown."""
    tokens = PARSER.parse(markdown)
    inline_tokens = [t for t in tokens if t.type == "inline"]
    return "".join(
        child.content for t in inline_tokens for child in (t.children or []) if child.content
    )


MARKDOWN_CHARS = "ab #*_`[]<>|~&\\!()-+=.1\n\t"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MARKDOWN_CHARS, max_size=30))
def test_inline_text_reads_as_typed_on_one_line(text: str) -> None:
    escaped = inline(text)
    assert "\n" not in escaped
    heading = f"### {escaped}"
    assert _headings(heading) == ([("h3", escaped)] if escaped else [("h3", "")])
    assert _text_of(f"- With: {escaped}") == f"With: {' '.join(text.split())}".rstrip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MARKDOWN_CHARS + "~`", max_size=60))
def test_fenced_text_comes_back_exactly(text: str) -> None:
    document = f"## A\n\n{fenced(text)}\n\n## B\n"
    assert _headings(document) == [("h2", "A"), ("h2", "B")]
    body = text.replace("\r\n", "\n").strip("\n")
    assert _code_blocks(document) == [f"{body}\n"]


def test_a_section_with_nothing_in_it_is_left_out() -> None:
    assert section("Interviews", ["", ""]) == ""
    assert section("Interviews", ["x"]) == "## Interviews\n\nx"


def _tricky_repo(db_path: Path, clock: FrozenClock) -> None:
    sneaky = "# Not a heading\n```\n## Nor this\n~~~"
    with Repository.open(db_path, clock) as repo:
        interview = new_interview(
            company="Acme *Corp* [x]",
            role="Engineer",
            held_on=TODAY,
            round="first",
            interviewers=["Ana Ruiz"],
            notes=sneaky,
        )
        interview = log_contact(
            interview, ContactKind.THANK_YOU, TODAY, TODAY, note="sent # at 9\n- fine"
        )
        interview = replace(interview, fit=FitReflection(work=4, people=5, note=sneaky))
        repo.interviews.add(interview)
        gone = move_on(
            new_interview(company="Globex", role="Analyst", held_on=TODAY), sneaky, TODAY
        )
        repo.interviews.add(gone)
        repo.questions.add(
            new_question(
                "What is `git rebase`? # really",
                datetime(2026, 3, 1, tzinfo=UTC),
                tags=["tech"],
                answer=sneaky,
                star=Star(situation="A *launch*", action=sneaky, result="It shipped"),
            )
        )


def test_the_document_shape_survives_any_user_text(db_path: Path, clock: FrozenClock) -> None:
    _tricky_repo(db_path, clock)
    with Repository.open(db_path, clock, access="read") as repo:
        text = render(repo, "markdown").decode()
    assert _headings(text) == [
        ("h1", "companion"),
        ("h2", "Interviews"),
        ("h3", r"Acme \*Corp\* \[x\] · Engineer · first"),
        ("h3", "Globex · Analyst"),
        ("h2", "Question bank"),
        ("h3", r"1. What is \`git rebase\`? \# really"),
        ("h2", "Journal"),
        ("h3", "Globex · Analyst"),
        ("h4", "Moving on, Tue 3 Mar 2026"),
    ]
    sneaky = "# Not a heading\n```\n## Nor this\n~~~\n"
    blocks = _code_blocks(text)
    # interview notes, fit note, move-on reflection, the answer and the STAR action
    assert blocks.count(sneaky) == 5
    assert "It shipped\n" in blocks


def test_interviews_carry_their_timeline_contacts_and_fit(
    db_path: Path, clock: FrozenClock
) -> None:
    _tricky_repo(db_path, clock)
    with Repository.open(db_path, clock, access="read") as repo:
        text = render(repo, "markdown").decode()
    acme = text[text.index("### Acme") : text.index("### Globex")]
    assert "- Interview: Tue 3 Mar 2026" in acme
    assert "- With: Ana Ruiz" in acme
    assert "- Outcome: waiting to hear" in acme
    assert "**Timeline**" in acme
    assert "- Tue 3 Mar 2026: interview" in acme
    assert "- Tue 17 Mar 2026: check-in (ahead)" in acme
    assert "- Tue 14 Apr 2026: move on (ahead)" in acme
    assert "- Tue 3 Mar 2026: thank-you sent. sent \\# at 9 - fine" in acme
    assert "**How it felt** (1 poor to 5 great)\n\nWork 4 · People 5" in acme
    globex = text[text.index("### Globex") : text.index("## Question bank")]
    assert "- Outcome: moved on" in globex
    assert "**Moving on: what I take with me**" in globex


def test_questions_carry_the_current_answer_and_star_notes(
    db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    with Repository.open(db_path, clock, access="read") as repo:
        text = render(repo, "markdown").decode()
    bank = text[text.index("## Question bank") :]
    first = bank[bank.index("### 1. Tell me about yourself") : bank.index("### 2.")]
    assert "- Tags: intro" in first
    assert (
        "**Answer, written Tue 3 Mar 2026**\n\n```text\nI build calm, careful tools.\n```" in first
    )
    assert "I build calm tools." not in first  # earlier versions stay in the app
    assert "**STAR: Situation**\n\n```text\nA launch\n```" in first
    assert "**STAR: Result**\n\n```text\nIt shipped\n```" in first
    assert "STAR: Task" not in first  # empty parts are left out
    assert "### 2. Why us?\n\n- Next rehearsal: due now" in bank


def test_an_empty_database_says_so(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock, access="read") as repo:
        text = markdown_document(repo, clock.now())
    assert text == (
        "# companion\n\nWritten on Tue 3 Mar 2026. Dates are in your own time zone.\n\n"
        "Nothing is written down yet: no interviews, no questions, no journal.\n"
    )


def test_a_section_is_one_line_to_add(db_path: Path, clock: FrozenClock) -> None:
    fill(db_path, clock)
    journal = (*SECTIONS, lambda repo, now: section("Journal", [inline("A *calm* day.")]))
    with Repository.open(db_path, clock, access="read") as repo:
        text = markdown_document(repo, clock.now(), journal)
    assert [h for h in _headings(text) if h[0] == "h2"] == [
        ("h2", "Interviews"),
        ("h2", "Question bank"),
        ("h2", "Stories"),
        ("h2", "Journal"),
    ]
    assert text.endswith("## Journal\n\nA \\*calm\\* day.\n")


def test_the_stories_are_a_section_with_their_parts_and_questions(
    db_path: Path, clock: FrozenClock
) -> None:
    fill(db_path, clock)
    with Repository.open(db_path, clock, access="read") as repo:
        text = markdown_document(repo, clock.now())
    stories = text[text.index("## Stories") :]
    assert "### 1. The launch" in stories
    assert "- Told: not told yet" in stories or "- Told: told" in stories
    assert "**Situation**\n\n```text\nA late launch\n```" in stories
    assert "**Answers**\n\n- Tell me about yourself" in stories
    questions = text[text.index("## Question bank") : text.index("## Stories")]
    assert "**Key points**\n\n- I build tools\n- calm" in questions


def test_the_journal_is_a_section_grouped_by_interview(db_path: Path, clock: FrozenClock) -> None:
    with Repository.open(db_path, clock) as repo:
        saved, _ = repo.interviews.add(
            new_interview(company="Acme", role="Analyst", held_on=clock.today())
        )
        repo.journal.add(new_entry("It went *well*.", clock.now(), interview_id=saved.id))
        repo.journal.add(new_entry("A walk by the river.", clock.now(), mood=4))
    with Repository.open(db_path, clock, access="read") as repo:
        text = markdown_document(repo, clock.now())
    headings = [t.content for t in MarkdownIt().parse(text) if t.type == "inline"]
    journal = text[text.index("## Journal") :]
    assert "## Journal" in text
    assert "### Acme · Analyst" in journal
    assert "### Not about an interview" in journal
    assert journal.index("It went \\*well\\*.") < journal.index("A walk by the river.")
    assert "Journal" in headings


def test_each_interview_carries_its_notes_as_sent(db_path: Path, clock: FrozenClock) -> None:
    """What "I sent it" kept: the kind, the day, to whom, and the note itself, fenced."""
    from companion.domain.drafts import DraftKind
    from companion.domain.references import new_reference
    from companion.services import drafts

    sneaky = "Dear Ana,\n\n# Not a heading\n```\n[b]x[/b] ${role}\n"
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(
            new_interview(company="Acme", role="Analyst", held_on=TODAY, interviewers=["Ana Ruiz"])
        )
        repo.references.add(new_reference("Dana Lee"))
        thank_you = drafts.draft(repo, 1, DraftKind.THANK_YOU).draft
        drafts.mark_sent(repo, thank_you, 1, sneaky)
        heads_up = drafts.draft(repo, 1, DraftKind.REFERENCES).draft
        drafts.mark_sent(repo, heads_up, 1, heads_up.text)
        text = render(repo, "markdown").decode()
    assert "- Tue 3 Mar 2026: thank-you sent (the note as sent is below)" in text
    assert "- Tue 3 Mar 2026: references given a heads-up, to Dana Lee (the note as sent" in text
    assert "**Sent Tue 3 Mar 2026: thank-you sent**" in text
    assert "**Sent Tue 3 Mar 2026: references given a heads-up, to Dana Lee**" in text
    blocks = _code_blocks(text)
    assert sneaky.rstrip("\n") + "\n" in blocks
    assert heads_up.text + "\n" in blocks
    assert [h for h in _headings(text) if h[1] == "Not a heading"] == []


def test_parked_thoughts_are_a_section_with_what_became_of_each(
    db_path: Path, clock: FrozenClock
) -> None:
    from companion.domain.worries import TurnedOut
    from companion.services import worries

    with Repository.open(db_path, clock) as repo:
        worries.park(repo, "Did *Acme* write back?\n# no")
        acme = worries.park(repo, "did acme write back # no")
        gone = worries.answer(repo, acme, "let_go")
        worries.look_back(repo, gone, TurnedOut.BETTER)
        worries.park(repo, "Money")
    with Repository.open(db_path, clock, access="read") as repo:
        text = markdown_document(repo, clock.now())
    assert text.endswith(
        "## Parked thoughts\n\n"
        "- Did \\*Acme\\* write back? \\# no (parked Tue 3 Mar 2026, 2 times, let go Tue 3 Mar "
        "2026, turned out: better than I feared)\n"
        "- Money (parked Tue 3 Mar 2026)\n"
    )
