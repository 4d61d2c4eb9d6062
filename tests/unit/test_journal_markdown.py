"""The journal as Markdown: grouped by interview, and no user text can change its structure.

The document is parsed back with markdown-it (CommonMark, plus GitHub's tables
and strikethrough): the only headings, lists and code are the ones we wrote,
and every line the user typed comes back as the same text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from companion.domain.debrief import (
    go_to,
    record_how,
    record_next_steps,
    record_practised,
    record_questions,
    start_debrief,
)
from companion.domain.interviews import Interview, move_on, new_interview
from companion.domain.journal import Entry, new_entry
from companion.domain.journal_markdown import (
    NBSP,
    NO_INTERVIEW,
    escape_block,
    escape_line,
    journal_markdown,
)

TODAY = date(2026, 3, 3)
NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
HOSTILE_LINES = [
    "# Not a heading",
    "## Nor this ##",
    "> not a quote",
    "- not a list",
    "+ nor this",
    "* nor this",
    "1. not numbered",
    "2) nor this",
    "---",
    "***",
    "___",
    "===",
    "```python",
    "~~~",
    "    not code",
    "\tnot code either",
    "<script>alert(1)</script>",
    "<div>html block</div>",
    "&amp; &copy; &#169;",
    "[a link](https://example.com) ![an image](x.png) <https://example.com>",
    "[ref]: https://example.com",
    "*not emphasis* _nor this_ **nor bold** ~~nor struck~~ `nor code`",
    "| a | b |",
    "|---|---|",
    "back\\slash at the end\\",
    "[bold]Rich markup[/] [@click=app.quit]x[/]",
    "Unicode: 日本語 · עברית · 👩🏽‍💻 · e\u0301",
]
HOSTILE = "\n".join(HOSTILE_LINES)

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def blocks(document: str) -> list[tuple[str, str]]:
    """(block kind, its plain text): heading levels, paragraphs, list items."""
    tokens = PARSER.parse(document)
    found: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            opener = tokens[index - 1]
            kind = opener.tag
            if (
                opener.type == "paragraph_open"
                and index >= 2
                and tokens[index - 2].type == ("list_item_open")
            ):
                kind = "li"
            found.append((kind, plain(token)))
        elif token.type not in (
            "heading_open",
            "heading_close",
            "paragraph_open",
            "paragraph_close",
            "bullet_list_open",
            "bullet_list_close",
            "list_item_open",
            "list_item_close",
        ):
            found.append((token.type, token.content))
    return found


def interviews() -> tuple[Interview, Interview, Interview]:
    acme = replace(
        new_interview(
            company="Acme [bold]Corp[/] #1",
            role="Engineer *senior*",
            held_on=date(2026, 3, 2),
            round="first",
            interviewers=["Ana <Ruiz>"],
        ),
        id=1,
    )
    stark = replace(
        move_on(
            new_interview(company="Stark", role="Designer", held_on=date(2026, 1, 5)),
            "# Ask about the timeline\n- before leaving",
            date(2026, 2, 20),
        ),
        id=2,
    )
    quiet = replace(new_interview(company="Quiet", role="None", held_on=date(2026, 2, 1)), id=3)
    return acme, stark, quiet


def entry(text: str, days_ago: int, entry_id: int, **changes: object) -> Entry:
    return replace(new_entry(text, NOW - timedelta(days=days_ago)), id=entry_id, **changes)  # type: ignore[arg-type]


def test_grouped_by_interview_in_the_order_held_and_written() -> None:
    acme, stark, quiet = interviews()
    debrief = record_how(start_debrief(acme, NOW), "It went well", "4", NOW)
    debrief = record_questions(debrief, "Why us?\n- [x] a checkbox?", NOW)
    debrief = record_practised(debrief, "Why us?", 7, NOW)
    debrief, acme = record_next_steps(
        debrief,
        acme,
        asked="no",
        decision_by="2026-03-10",
        said="",
        today=TODAY,
        now=NOW,
    )
    debrief = go_to(debrief, "done", NOW)
    document = journal_markdown(
        [
            entry("Second about Acme", 0, 3, interview_id=1, mood=5, tags=("calm", "acme")),
            entry("First about Acme", 1, 2, interview_id=1),
            entry("Loose thought", 2, 1),
            entry("About an interview no longer here", 3, 4, interview_id=99),
        ],
        [acme, stark, quiet],
        [debrief],
        today=TODAY,
        tz=UTC,
    )
    found = blocks(document)
    headings = [(kind, text) for kind, text in found if kind.startswith("h")]
    assert headings == [
        ("h1", "Journal"),
        ("h2", "Stark · Designer"),
        ("h3", "Moving on, Fri 20 Feb 2026"),
        ("h2", "Acme [bold]Corp[/] #1 · Engineer *senior*"),
        ("h3", "Debrief, Tue 3 Mar 2026"),
        ("h4", "How it went"),
        ("h4", "The questions they asked"),
        ("h4", "The ones that tripped you up"),
        ("h4", "Next steps and the timeline"),
        ("h4", "For next time"),
        ("h3", "Mon 2 Mar 2026, 09:30"),
        ("h3", "Tue 3 Mar 2026, 09:30 · mood 5 (bright)"),
        ("h2", NO_INTERVIEW),
        ("h3", "Sat 28 Feb 2026, 09:30"),
        ("h3", "Sun 1 Mar 2026, 09:30"),
    ]
    assert "Quiet" not in document  # nothing written about it
    assert ("p", "# Ask about the timeline\n- before leaving") in found
    facts = "Interview on Mon 2 Mar 2026 · first · with Ana <Ruiz> · waiting to hear."
    assert ("p", facts) in found
    assert ("li", "Why us?") in found
    assert ("li", "[x] a checkbox?") in found
    assert ("p", "It went well\nMood: 4 (good).") in found
    assert ("p", "Tags: calm, acme") in found
    assert ("p", "About an interview no longer here") in found
    types = {kind for kind, _ in found}
    assert not types & {"html_block", "fence", "code_block", "hr", "table_open"}


def test_every_hostile_line_comes_back_as_text() -> None:
    acme, _, _ = interviews()
    document = journal_markdown([entry(HOSTILE, 0, 1, interview_id=1)], [acme], today=TODAY, tz=UTC)
    found = blocks(document)
    kinds = [kind for kind, _ in found]
    assert kinds == ["h1", "p", "h2", "p", "h3", "p"]
    text = found[-1][1]
    expected = [
        line[: len(line) - len(line.lstrip())].replace("\t", "    ").replace(" ", NBSP)
        + line.lstrip()
        for line in HOSTILE_LINES
    ]
    assert text.split("\n") == expected


def test_paragraphs_and_line_breaks_are_kept() -> None:
    assert escape_block("one\ntwo\n\n\nthree") == "one  \ntwo\n\nthree"
    rendered = PARSER.render(escape_block("one\ntwo\n\nthree"))
    assert rendered == "<p>one<br />\ntwo</p>\n<p>three</p>\n"


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("# x", "\\# x"),
        ("10. x", "10\\. x"),
        ("- x", "\\- x"),
        ("  - x", f"{NBSP}{NBSP}\\- x"),
        ("a_b*c", "a\\_b\\*c"),
        ("plain words.", "plain words."),
    ],
)
def test_escape_line(line: str, escaped: str) -> None:
    assert escape_line(line) == escaped


def test_an_empty_journal_says_so() -> None:
    document = journal_markdown([], [], today=TODAY)
    assert document.endswith("Nothing written yet.\n")
    assert blocks(document)[0] == ("h1", "Journal")
