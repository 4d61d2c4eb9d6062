"""The expected shape of each table's documents, to their insides.

Each store declares its tables' fields (`SCHEMAS`): the kind of each value,
and where it matters its range (a mood from 1 to 5), its words (an outcome),
the kind of a list's elements (tags are text), the fields of a sub-document
(a question's card) and the table an id points into. Every date and datetime
must lie in the years companion keeps (`domain.dates.FIRST_YEAR`..`LAST_YEAR`),
and what a document holds beyond its declared fields may nest only so deep.

A document that does not fit makes the whole file "bad": it is reported and
never written, rather than half-understood and overwritten. The checks across
tables (ids, references) are `store/checker.py`'s, which runs these.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, Literal

from companion.domain.dates import FIRST_YEAR, LAST_YEAR
from companion.domain.numbers import whole_number

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "time", "list", "dict", "any"]

# The largest id companion accepts (ids are whole numbers that fit in 63 bits).
MAX_ID = 2**63 - 1
# How deep a value a document holds beyond its declared fields may nest (lists and
# objects inside each other): far below what the JSON writer accepts (254 levels).
MAX_NESTING = 16

FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
# Every date and datetime text that parses begins with its year in four ASCII digits,
# so the quick check compares the texts' first four characters.
_FIRST_YEAR_TEXT = f"{FIRST_YEAR:04d}"
_LAST_YEAR_TEXT = f"{LAST_YEAR:04d}"
_FIRST_DAY_TEXT = FIRST_DAY.isoformat()
_LAST_DAY_TEXT = LAST_DAY.isoformat()
_DATE_FORM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

Rule = Callable[[Any], str | None]


@dataclass(frozen=True)
class Refers:
    """An id that names a document of `table`.

    `existing`: the document must be there. Otherwise the id must only be one
    companion has handed out for that table (below its counter): a reference that
    may outlive what it names (a rehearsal keeps its question's id after the
    question is deleted; an interview keeps the references it told).
    """

    table: str
    existing: bool = True


@dataclass(frozen=True)
class Field:
    """One field of a document.

    `items` describes each element of a "list" field (the fields of a
    sub-document) or the fields of a "dict" field, checked the same way;
    `each` the kind of each element of a "list" of plain values (tags: text);
    `choices` lists the only words a "str" field may hold; `low` and `high`
    bound an "int" or "float" (inclusive); `refers` says which table an id names
    (checked by store/checker.py); `rule` checks a value that fits all the above
    (a sub-document as a whole, once its fields fit), returning what is wrong in
    words ("which is not ...") or None.
    """

    kind: Kind
    required: bool = True
    nullable: bool = False
    items: Mapping[str, Field] | None = None
    choices: tuple[str, ...] | None = None
    each: Field | None = None
    low: float | None = None
    high: float | None = None
    refers: Refers | None = None
    rule: Rule | None = None


def id_field(
    table: str, *, existing: bool = True, nullable: bool = False, required: bool = True
) -> Field:
    """A field holding the id of a document of `table`."""
    return Field(
        "int",
        required=required,
        nullable=nullable,
        low=1,
        high=MAX_ID,
        refers=Refers(table, existing),
    )


TableSchema = Mapping[str, Field]


def _number(value: float) -> str:
    return f"{value:,}".replace(",", "") if isinstance(value, int) else f"{value:g}"


def _bounds(spec: Field) -> str:
    if spec.low is not None and spec.high is not None:
        return f" from {_number(spec.low)} to {_number(spec.high)}"
    if spec.low is not None:
        return f" from {_number(spec.low)}"
    if spec.high is not None:
        return f" up to {_number(spec.high)}"
    return ""


def describe(spec: Field) -> str:
    """What companion expects of a field, in words."""
    years = f" from {FIRST_YEAR} to {LAST_YEAR}"
    match spec.kind:
        case "str":
            return "text"
        case "int":
            if spec.refers is not None:
                return "an id (a whole number from 1)"
            return "a whole number" + _bounds(spec)
        case "float":
            return "a number" + _bounds(spec)
        case "bool":
            return "true or false"
        case "date":
            return "a date as YYYY-MM-DD" + years
        case "datetime":
            return "a date and time in ISO 8601 with a time zone," + years
        case "time":
            return "a time as HH:MM"
        case "list":
            if spec.each is not None:
                return f"a list of {_plural(spec.each)}"
            return "a list"
        case "dict":
            return "an object"
    return "a value"


def _plural(spec: Field) -> str:
    if spec.kind == "str":
        return "texts"
    if spec.kind == "int":
        return "ids" if spec.refers is not None else "whole numbers" + _bounds(spec)
    return describe(spec)


def _in_bounds(spec: Field, value: float) -> bool:
    return (spec.low is None or value >= spec.low) and (spec.high is None or value <= spec.high)


def _date_fits(value: str) -> bool:
    if not _DATE_FORM.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return _FIRST_DAY_TEXT <= value <= _LAST_DAY_TEXT


def _datetime_fits(value: str) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is not None and FIRST_YEAR <= moment.year <= LAST_YEAR


def _fits(spec: Field, value: Any) -> bool:
    """Whether one value is of the field's kind and within its bounds (not its insides)."""
    match spec.kind:
        case "str":
            return isinstance(value, str)
        case "int":
            return (
                isinstance(value, int) and not isinstance(value, bool) and _in_bounds(spec, value)
            )
        case "float":
            return (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and _in_bounds(spec, value)
            )
        case "bool":
            return isinstance(value, bool)
        case "list":
            return isinstance(value, list)
        case "dict":
            return isinstance(value, dict)
        case "date":
            return isinstance(value, str) and _date_fits(value)
        case "datetime":
            return isinstance(value, str) and _datetime_fits(value)
        case "time":
            if not isinstance(value, str) or len(value) != 5:
                return False
            hours, _, minutes = value.partition(":")
            h, m = whole_number(hours), whole_number(minutes)
            return h is not None and m is not None and h < 24 and m < 60
        case "any":
            return _nesting_fits(value)
    return False  # pragma: no cover


def _nesting_fits(value: Any, depth: int = MAX_NESTING) -> bool:
    """Lists and objects nest no deeper than `depth` levels inside `value`."""
    if isinstance(value, dict):
        return depth > 0 and all(_nesting_fits(item, depth - 1) for item in value.values())
    if isinstance(value, list):
        return depth > 0 and all(_nesting_fits(item, depth - 1) for item in value)
    return True


def check_table(name: str, table: Mapping[str, Any], schema: TableSchema) -> str | None:
    """The first problem in a table, in words, or None when every document fits."""
    for doc_id, problem in table_problems(table, schema):
        return f"document {doc_id} of table {name!r} {problem}"
    return None


def table_problems(table: Mapping[str, Any], schema: TableSchema) -> Iterator[tuple[str, str]]:
    """Each document's id and its first problem in words ("has 'mood' = 9, where ..."),
    in the table's order; nothing when every document fits."""
    if _all_fit(list(table.values()), schema):
        return
    for doc_id, doc in table.items():
        problem = _check_doc(doc, schema)
        if problem:
            yield doc_id, problem


def shown(value: Any) -> str:
    """A value from a file, for a message: short, and never deeper than a few levels
    (the full `repr` of a list nested a thousand deep would fail)."""
    return _SHORT.repr(value)[:60]


def _short_repr() -> reprlib.Repr:
    short = reprlib.Repr()
    short.maxlevel = 3
    short.maxstring = 60
    short.maxother = 60
    short.maxlist = short.maxdict = 4
    return short


_SHORT = _short_repr()


def _has(path: str, value: Any, spec: Field) -> str:
    return f"has {path!r} = {shown(value)}, where companion expects {describe(spec)}"


def _check_doc(doc: Mapping[str, Any], schema: TableSchema, where: str = "") -> str | None:
    for key, spec in schema.items():
        path = f"{where}{key}"
        if key not in doc:
            if spec.required:
                return f"has no {path!r} field"
            continue
        problem = _check_value(doc[key], spec, path)
        if problem:
            return problem
    for key in doc:
        if key not in schema and not _nesting_fits(doc[key]):
            return (
                f"has {where}{key!r} nested more than {MAX_NESTING} levels deep, "
                "where companion accepts no deeper"
            )
    return None


def _check_value(value: Any, spec: Field, path: str) -> str | None:
    if value is None and spec.nullable:
        return None
    if not _fits(spec, value):
        return _has(path, value, spec)
    if spec.choices is not None and value not in spec.choices:
        return (
            f"has {path!r} = {shown(value)}, where companion expects one of "
            f"{', '.join(spec.choices)}"
        )
    if spec.each is not None:
        for index, element in enumerate(value):
            inner = f"{path}[{index}]"
            problem = _has(inner, element, spec.each) if element is None else None
            problem = problem or _check_value(element, spec.each, inner)
            if problem:
                return problem
    if spec.items is None:
        wrong = spec.rule(value) if spec.rule is not None else None
        return f"has {path!r} = {shown(value)}, {wrong}" if wrong else None
    places = (
        [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        if spec.kind == "list"
        else [(path, value)]
    )
    for inner, element in places:
        if not isinstance(element, dict):
            return f"has {inner!r} = {shown(element)}, where companion expects an object"
        problem = _check_doc(element, spec.items, f"{inner}.")
        if problem:
            return problem
        if spec.rule is not None:
            wrong = spec.rule(element)
            if wrong:
                return f"has {inner!r} {wrong}"
    return None


# The quick check: every file is checked whole each time it loads (the main file on
# every start), so the common case, a file that fits, is checked a field at a
# time over all documents, with exact types, bounds as a minimum and a maximum,
# and each distinct date parsed once. It only ever says "fits" when `_check_doc`
# would find no problem in any document; anything else goes to `_check_doc`,
# which finds the first problem and words it.

_EXACT_TYPES: dict[Kind, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "float": frozenset({int, float}),
    "bool": frozenset({bool}),
    "list": frozenset({list}),
    "dict": frozenset({dict}),
}
_STR = frozenset({str})
_DICT = frozenset({dict})


def _all_fit(docs: list[Any], schema: TableSchema) -> bool:
    """True when every one of `docs` fits `schema` (False may also mean "look closer")."""
    if not docs:
        return True
    if not set(map(type, docs)) <= _DICT:
        return False
    declared = 0  # how many declared fields the documents hold, all together
    for key, spec in schema.items():
        try:
            values = list(map(itemgetter(key), docs))
        except KeyError:
            if spec.required:
                return False
            values = [doc[key] for doc in docs if key in doc]
        declared += len(values)
        if spec.nullable and None in values:
            values = [value for value in values if value is not None]
        if values and not _values_fit(values, spec):
            return False
    if sum(map(len, docs)) == declared:
        return True
    for key in set().union(*docs) - schema.keys():  # fields this companion does not know
        if not all(_nesting_fits(doc[key]) for doc in docs if key in doc):
            return False
    return True


def _values_fit(values: list[Any], spec: Field) -> bool:
    kind = spec.kind
    types = set(map(type, values))
    if kind in _EXACT_TYPES:
        if not types <= _EXACT_TYPES[kind]:
            return False
    elif kind in ("date", "datetime", "time"):
        if not types <= _STR or not _texts_fit(kind, set(values)):
            return False
    elif kind == "any":
        return all(map(_nesting_fits, values))
    else:
        return False
    if (spec.low is not None and min(values) < spec.low) or (
        spec.high is not None and max(values) > spec.high
    ):
        return False
    choices = spec.choices
    if choices is not None and (not types <= _STR or not set(values) <= set(choices)):
        return False
    if spec.each is not None:
        elements = list(chain.from_iterable(values))
        if elements and (None in elements or not _values_fit(elements, spec.each)):
            return False
    if spec.items is None:
        return spec.rule is None or all(spec.rule(value) is None for value in values)
    if kind == "list":
        if not _all_fit(list(chain.from_iterable(values)), spec.items):
            return False
    elif kind == "dict":
        if not _all_fit(values, spec.items):
            return False
    else:
        return False
    rule = spec.rule
    if rule is None:
        return True
    elements = list(chain.from_iterable(values)) if kind == "list" else values
    return all(rule(element) is None for element in elements)


def _texts_fit(kind: Kind, texts: set[str]) -> bool:
    """Every one of `texts` is a date, datetime or time as `_fits` wants it."""
    try:
        if kind == "date":
            if not all(map(_DATE_FORM.fullmatch, texts)):
                return False
            list(map(date.fromisoformat, texts))
            return min(texts) >= _FIRST_DAY_TEXT and max(texts) <= _LAST_DAY_TEXT
        if kind == "datetime":
            if None in map(_tzinfo, map(datetime.fromisoformat, texts)):
                return False
            return min(texts)[:4] >= _FIRST_YEAR_TEXT and max(texts)[:4] <= _LAST_YEAR_TEXT
    except ValueError:
        return False
    return all(_fits(Field(kind), text) for text in texts)


_tzinfo = attrgetter("tzinfo")
