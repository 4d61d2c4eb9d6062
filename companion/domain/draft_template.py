"""The small template language of the note drafts: named fields, nothing evaluated.

A template is plain text, one file a kind of note (the defaults ship in
`companion/draft_templates/`, a person's own versions live in the config
folder, `drafts/KIND.txt`):

    # Lines that start with # before the subject are comments.
    Subject: Thank you for ${interview_day}

    Dear ${first_name},
    ...
    ?{decision_date} This line is kept only when the decision date is known.
    !{decision_date} This one only when it is not.
    ...
    --- call ---
    Three lines to say on the phone, for people who prefer a call.

- `${name}` is a field (the list is `drafts.FIELDS`); `$$` is a dollar sign. A
  `$` before anything else is itself (`$50k`), except a bare name (`$company`),
  which is refused: a field is written in braces.
- A field with no value in this interview (no decision date given) leaves a
  visible placeholder, `[decision date]`, for the person to fill in.
- Values are put in once and never read again: a company called `${role}` or
  `[b]Acme` comes out exactly as typed.

Anything else is refused with the line and what is wrong (`TemplateError`);
the caller then uses the default. Pure: the text comes in, no file is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CALL_MARK = "--- call ---"
SUBJECT = "subject:"
MAX_TEMPLATE_CHARS = 20_000

_NAME = re.compile(r"[a-z][a-z_]*")
_BARE = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)")
_CONDITION = re.compile(r"^([?!])\{([^}\n]*)\} ?")


class TemplateError(ValueError):
    """A template that cannot be used: `line` (1-based, 0 for the whole file) and what is wrong."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"line {line}: {what}" if line else what)
        self.line = line
        self.what = what


@dataclass(frozen=True)
class Field:
    """A field in a line of the template."""

    name: str


Piece = str | Field


@dataclass(frozen=True)
class Line:
    """One line of the template: its pieces, and the field it depends on, if any.

    `when` is (name, True) for a `?{name}` line (kept when the field has a value)
    and (name, False) for a `!{name}` line (kept when it has none).
    """

    pieces: tuple[Piece, ...]
    when: tuple[str, bool] | None = None


@dataclass(frozen=True)
class Template:
    subject: Line
    body: tuple[Line, ...]
    call: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    call: str


def placeholder(name: str, hints: Mapping[str, str] | None = None) -> str:
    """What a field with no value shows: `[decision date]`, or its hint."""
    return f"[{(hints or {}).get(name, name.replace('_', ' '))}]"


def _unknown(name: str, fields: frozenset[str]) -> str:
    import difflib  # only for a template that is broken

    close = difflib.get_close_matches(name, sorted(fields), n=1)
    hint = f"; did you mean ${{{close[0]}}}?" if close else "."
    return f"there is no field ${{{name}}}{hint} The fields are: {', '.join(sorted(fields))}."


def parse_line(text: str, number: int, fields: frozenset[str]) -> tuple[Piece, ...]:
    """The pieces of one line; TemplateError for a field that is not written right."""
    pieces: list[Piece] = []
    plain: list[str] = []
    at = 0
    while at < len(text):
        dollar = text.find("$", at)
        if dollar < 0:
            plain.append(text[at:])
            break
        plain.append(text[at:dollar])
        following = text[dollar + 1 : dollar + 2]
        if following == "$":
            plain.append("$")
            at = dollar + 2
        elif following == "{":
            close = text.find("}", dollar + 2)
            if close < 0:
                raise TemplateError(
                    number, "a field is opened with ${ but not closed; write it as ${company}."
                )
            name = text[dollar + 2 : close]
            if not _NAME.fullmatch(name):
                raise TemplateError(
                    number,
                    f"${{{name}}} is not a field name; a field is a name in lower case, "
                    "like ${company} (write $$ for a dollar sign).",
                )
            if name not in fields:
                raise TemplateError(number, _unknown(name, fields))
            if plain:
                pieces.append("".join(plain))
                plain = []
            pieces.append(Field(name))
            at = close + 1
        elif following.isalpha() or following == "_":
            bare = _BARE.match(text, dollar)
            word = bare.group(1) if bare else following
            raise TemplateError(
                number,
                f"${word} is not how a field is written; put the name in braces, "
                f"${{{word}}} (or write $$ for a dollar sign).",
            )
        else:
            plain.append("$")
            at = dollar + 1
    if plain:
        pieces.append("".join(plain))
    return tuple(piece for piece in pieces if piece != "")


def _body_line(text: str, number: int, fields: frozenset[str]) -> Line:
    condition = _CONDITION.match(text)
    if condition is None:
        return Line(parse_line(text, number, fields))
    sign, name = condition.groups()
    if name not in fields:
        raise TemplateError(number, _unknown(name, fields))
    rest = text[condition.end() :]
    if not rest.strip():
        raise TemplateError(number, f"{sign}{{{name}}} is followed by nothing to keep or leave.")
    return Line(parse_line(rest, number, fields), (name, sign == "?"))


def _trimmed(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while lines and not lines[0][1].strip():
        lines.pop(0)
    while lines and not lines[-1][1].strip():
        lines.pop()
    return lines


def parse_template(text: str, fields: Iterable[str]) -> Template:
    """The template in `text`; TemplateError (with the line) when it cannot be used."""
    known = frozenset(fields)
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError(
            0, f"it is {len(text)} characters long; a note template stays under 20,000."
        )
    numbered = list(enumerate(text.replace("\r\n", "\n").split("\n"), start=1))
    while numbered and (not numbered[0][1].strip() or numbered[0][1].startswith("#")):
        numbered.pop(0)
    if not numbered or not numbered[0][1].lower().startswith(SUBJECT):
        where = numbered[0][0] if numbered else 1
        raise TemplateError(
            where, "the first line (after any # comments) is the subject: `Subject: ...`."
        )
    number, first = numbered[0]
    subject_text = first[len(SUBJECT) :].strip()
    if not subject_text:
        raise TemplateError(number, "the subject is empty; write it after `Subject:`.")
    subject = Line(parse_line(subject_text, number, known))
    rest = numbered[1:]
    marks = [i for i, (_, line) in enumerate(rest) if line.strip().lower() == CALL_MARK]
    if len(marks) > 1:
        raise TemplateError(rest[marks[1]][0], f"`{CALL_MARK}` is there twice; keep one.")
    body_lines = _trimmed(rest[: marks[0]] if marks else rest)
    call_lines = _trimmed(rest[marks[0] + 1 :]) if marks else []
    if not body_lines:
        raise TemplateError(number, "there is no note after the subject line.")
    if marks and not call_lines:
        raise TemplateError(rest[marks[0]][0], f"nothing follows `{CALL_MARK}`; add what to say.")
    return Template(
        subject=subject,
        body=tuple(_body_line(line, n, known) for n, line in body_lines),
        call=tuple(_body_line(line, n, known) for n, line in call_lines if line.strip()),
    )


def _fill(line: Line, values: Mapping[str, str | None], hints: Mapping[str, str]) -> str:
    return "".join(
        piece
        if isinstance(piece, str)
        else (values.get(piece.name) or placeholder(piece.name, hints))
        for piece in line.pieces
    )


def _kept(line: Line, values: Mapping[str, str | None]) -> bool:
    if line.when is None:
        return True
    name, when_known = line.when
    return bool(values.get(name)) == when_known


def _join(lines: Iterable[str]) -> str:
    """Lines as a note: never two blank lines in a row (a dropped line leaves no gap)."""
    kept: list[str] = []
    for line in lines:
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip())
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept)


def render(
    template: Template, values: Mapping[str, str | None], hints: Mapping[str, str] | None = None
) -> Rendered:
    """The note with the values put in once (never read again as template text)."""
    shown = hints or {}
    return Rendered(
        subject=" ".join(_fill(template.subject, values, shown).split()),
        body=_join(_fill(line, values, shown) for line in template.body if _kept(line, values)),
        call=_join(_fill(line, values, shown) for line in template.call if _kept(line, values)),
    )
