"""The expected shape of each table's documents, checked when a file loads.

A document with a missing or mistyped field makes the whole file "bad": it is
reported and never written, rather than half-understood and overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter, itemgetter
from typing import Any, Literal

from companion.domain.numbers import whole_number

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "time", "list", "dict", "any"]


@dataclass(frozen=True)
class Field:
    """One field of a document.

    `items` describes each element of a "list" field (the fields of a
    sub-document) or the fields of a "dict" field, checked the same way;
    `choices` lists the only words a "str" field may hold.
    """

    kind: Kind
    required: bool = True
    nullable: bool = False
    items: Mapping[str, Field] | None = None
    choices: tuple[str, ...] | None = None


def _describe(kind: Kind) -> str:
    return {
        "str": "text",
        "int": "a whole number",
        "float": "a number",
        "bool": "true or false",
        "date": "a date as YYYY-MM-DD",
        "datetime": "a date and time in ISO 8601 with a time zone",
        "time": "a time as HH:MM",
        "list": "a list",
        "dict": "an object",
        "any": "a value",
    }[kind]


def _fits(kind: Kind, value: Any) -> bool:
    match kind:
        case "str":
            return isinstance(value, str)
        case "int":
            return isinstance(value, int) and not isinstance(value, bool)
        case "float":
            return isinstance(value, int | float) and not isinstance(value, bool)
        case "bool":
            return isinstance(value, bool)
        case "list":
            return isinstance(value, list)
        case "dict":
            return isinstance(value, dict)
        case "date":
            if not isinstance(value, str):
                return False
            try:
                date.fromisoformat(value)
            except ValueError:
                return False
            return len(value) == 10
        case "datetime":
            if not isinstance(value, str):
                return False
            try:
                return datetime.fromisoformat(value).tzinfo is not None
            except ValueError:
                return False
        case "time":
            if not isinstance(value, str) or len(value) != 5:
                return False
            hours, _, minutes = value.partition(":")
            h, m = whole_number(hours), whole_number(minutes)
            return h is not None and m is not None and h < 24 and m < 60
        case "any":
            return True
    return False  # pragma: no cover


TableSchema = Mapping[str, Field]


def check_table(name: str, table: Mapping[str, Any], schema: TableSchema) -> str | None:
    """The first problem in a table, in words, or None when every document fits."""
    if _all_fit(list(table.values()), schema):
        return None
    for doc_id, doc in table.items():
        problem = _check_doc(doc, schema)
        if problem:
            return f"document {doc_id} of table {name!r} {problem}"
    return None


def _check_doc(doc: Mapping[str, Any], schema: TableSchema, where: str = "") -> str | None:
    for key, spec in schema.items():
        path = f"{where}{key}"
        if key not in doc:
            if spec.required:
                return f"has no {path!r} field"
            continue
        value = doc[key]
        if value is None and spec.nullable:
            continue
        if not _fits(spec.kind, value):
            return f"has {path!r} = {value!r:.60}, where companion expects {_describe(spec.kind)}"
        if spec.choices is not None and value not in spec.choices:
            return (
                f"has {path!r} = {value!r:.60}, where companion expects one of "
                f"{', '.join(spec.choices)}"
            )
        if spec.items is None:
            continue
        elements = enumerate(value) if spec.kind == "list" else [(None, value)]
        for index, element in elements:
            inner = path if index is None else f"{path}[{index}]"
            if not isinstance(element, dict):
                return f"has {inner!r} = {element!r:.60}, where companion expects an object"
            problem = _check_doc(element, spec.items, f"{inner}.")
            if problem:
                return problem
    return None


# The quick check: every file is checked whole each time it loads (the main file on
# every start), so the common case, a file that fits, is checked a field at a
# time over all documents, with exact types and each distinct date parsed once.
# It only ever says "fits" when `_check_doc` would find no problem in any document;
# anything else goes to `_check_doc`, which finds the first problem and words it.

_EXACT_TYPES: dict[Kind, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "float": frozenset({int, float}),
    "bool": frozenset({bool}),
    "list": frozenset({list}),
    "dict": frozenset({dict}),
}
_STR = frozenset({str})


def _all_fit(docs: list[Any], schema: TableSchema) -> bool:
    """True when every one of `docs` fits `schema` (False may also mean "look closer")."""
    if not docs:
        return True
    if not set(map(type, docs)) <= _EXACT_TYPES["dict"]:
        return False
    for key, spec in schema.items():
        try:
            values = list(map(itemgetter(key), docs))
        except KeyError:
            if spec.required:
                return False
            values = [doc[key] for doc in docs if key in doc]
        if spec.nullable and None in values:
            values = [value for value in values if value is not None]
        if values and not _values_fit(values, spec):
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
    elif kind != "any":
        return False
    choices = spec.choices
    if choices is not None and (not types <= _STR or not set(values) <= set(choices)):
        return False
    if spec.items is None:
        return True
    if kind == "list":
        elements = [element for value in values for element in value]
        return _all_fit(elements, spec.items)
    if kind == "dict":
        return _all_fit(values, spec.items)
    return False


def _texts_fit(kind: Kind, texts: set[str]) -> bool:
    """Every one of `texts` is a date, datetime or time as `_fits` wants it."""
    try:
        if kind == "date":
            list(map(date.fromisoformat, texts))
            return set(map(len, texts)) <= {10}
        if kind == "datetime":
            return None not in map(_tzinfo, map(datetime.fromisoformat, texts))
    except ValueError:
        return False
    return all(_fits(kind, text) for text in texts)


_tzinfo = attrgetter("tzinfo")
