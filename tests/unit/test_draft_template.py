"""The note templates' small language: fields, placeholders, conditions, and what it refuses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.draft_template import (
    Field,
    TemplateError,
    parse_line,
    parse_template,
    render,
)
from companion.domain.drafts import FIELDS, DraftKind
from companion.store.draft_templates import default_text

KNOWN = frozenset({"company", "role", "decision_date", "first_name"})


def refusal(text: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        parse_template(text, KNOWN)
    return caught.value


def test_fields_and_plain_text_are_told_apart() -> None:
    assert parse_line("At ${company}, $$5 and $5, a ${role}.", 1, KNOWN) == (
        "At ",
        Field("company"),
        ", $5 and $5, a ",
        Field("role"),
        ".",
    )


def test_a_note_is_rendered_with_its_subject_body_and_call() -> None:
    template = parse_template(
        "# a comment\n\nSubject: The ${role} role\n\nDear ${first_name},\n\nHello.\n"
        "--- call ---\nHi ${first_name}.\n",
        KNOWN,
    )
    note = render(template, {"role": "Analyst", "first_name": "Ana"})
    assert note.subject == "The Analyst role"
    assert note.body == "Dear Ana,\n\nHello."
    assert note.call == "Hi Ana."


def test_a_field_with_no_value_leaves_a_visible_placeholder() -> None:
    template = parse_template("Subject: x\nBy ${decision_date}, ${first_name}.", KNOWN)
    note = render(template, {"decision_date": None}, {"first_name": "name"})
    assert note.body == "By [decision date], [name]."


def test_lines_kept_or_left_by_whether_a_field_is_known() -> None:
    template = parse_template(
        "Subject: x\n\nHello.\n\n?{decision_date} By ${decision_date}.\n"
        "!{decision_date} When you know.\n\nBye.",
        KNOWN,
    )
    assert render(template, {"decision_date": "Friday"}).body == "Hello.\n\nBy Friday.\n\nBye."
    assert render(template, {}).body == "Hello.\n\nWhen you know.\n\nBye."


def test_a_dropped_line_leaves_no_double_gap() -> None:
    template = parse_template("Subject: x\n\nHello.\n\n?{company} At ${company}.\n\nBye.", KNOWN)
    assert render(template, {}).body == "Hello.\n\nBye."


@pytest.mark.parametrize(
    "value",
    ["${role}", "$$ {company} {{x}}", "[b]bold[/b] [link=x]y[/]", "\x1b[31mred\x1b[0m \x07 \x9b"],
)
def test_values_are_put_in_once_and_never_read_again(value: str) -> None:
    template = parse_template("Subject: ${company}\n\nAt ${company}, a ${role}.", KNOWN)
    note = render(template, {"company": value, "role": "Analyst"})
    assert note.body == f"At {value}, a Analyst."
    assert note.subject == " ".join(value.split())


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Subject: x\n\nAt ${company.", 3, "not closed"),
        ("Subject: x\n\nAt ${Company}.", 3, "not a field name"),
        ("Subject: x\n\nAt ${compnay}.", 3, "did you mean ${company}"),
        ("Subject: x\n\nAt $company.", 3, "put the name in braces, ${company}"),
        ("Dear Ana,\n\nHello.", 1, "the subject"),
        ("# only\n# comments\n", 1, "the subject"),
        ("Subject:   \n\nHello.", 1, "the subject is empty"),
        ("Subject: x\n\n\n", 1, "no note after the subject"),
        ("Subject: x\nHi.\n--- call ---\nA.\n--- call ---\nB.", 5, "twice"),
        ("Subject: x\nHi.\n--- call ---\n\n", 3, "nothing follows"),
        ("Subject: x\nHi.\n?{nope} There.", 3, "there is no field ${nope}"),
        ("Subject: x\nHi.\n?{company}   ", 3, "followed by nothing"),
    ],
)
def test_a_broken_template_is_refused_with_its_line_and_what_is_wrong(
    text: str, line: int, words: str
) -> None:
    error = refusal(text)
    assert error.line == line
    assert words in error.what


def test_a_template_far_too_long_is_refused() -> None:
    error = refusal("Subject: x\n\n" + "word " * 5000)
    assert error.line == 0
    assert "20,000" in error.what


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_default_template_parses_with_the_fields_drafts_fill(kind: DraftKind) -> None:
    template = parse_template(default_text(kind), FIELDS)
    assert template.call, "every default has a call script for people who prefer the phone"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Subject: ${}?!#\n-call_aeiomnpy$")), max_size=80))
def test_any_text_parses_or_is_refused_with_a_template_error(text: str) -> None:
    try:
        template = parse_template(text, KNOWN)
    except TemplateError as error:
        assert error.what
    else:
        render(template, {"company": "Acme"})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_value_comes_out_exactly_as_given(value: str) -> None:
    template = parse_template("Subject: x\n\n[${company}]", KNOWN)
    assert render(template, {"company": value}).body == f"[{value or '[company]'}]"
