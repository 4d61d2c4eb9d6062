"""One checker for a whole database, to the insides of every document.

The same checks run when a file loads (the main file on every start, each
history part when it is first read), on an export before it is imported, on a
backup before it is restored, and for `companion check`. A file that fails is
refused with the table, the document's id and the field, and never written.

What is checked, for each file:

- its meta table: the schema version (done before, by the loader) and the id
  counters, whole numbers from 1;
- every document's fields, to their insides (store/schema.py: kinds, ranges,
  words, dates within the years companion keeps, cards the scheduler can rate,
  how deep the rest may nest);
- ids: whole numbers from 1 below 2**63, and below the counter of their table
  (in the main file's meta), so that no id is ever handed out twice;
- references between tables (`Field.refers`): an id that must name a document
  (a question's interview) names one in the main file; one that may outlive
  what it names (a rehearsal's question) is one the counter has handed out;

and across the whole database, that a table kept in several parts (the
reviews, a part a month) holds each id once.

The input is tables already shaped like a database file (`files.check_tables`
has passed them: objects of documents under plain ids) and of the current
schema version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from companion.store.files import Tables
from companion.store.migrations import META_TABLE, meta_of, meta_problem
from companion.store.schema import MAX_ID, Refers, TableSchema, table_problems

MAIN_FILE = "the main file"
# Tables whose ids the counters do not hand out: the meta table, and the one
# settings document, which always has id 1.
UNCOUNTED = frozenset({META_TABLE, "settings"})
_MAX_ID_DIGITS = len(str(MAX_ID))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where, and what, in a plain sentence."""

    file: str  # "the main file" or "the history part 'journal'"
    text: str  # "document 3 of table 'questions' has 'card.due' = ..., where ..."
    table: str | None = None
    doc_id: str | None = None

    def __str__(self) -> str:
        return f"in {self.file}, {self.text}"


class BadData(Exception):
    """Data that does not pass the checker; `problems` says what, the message the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = len(problems) - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(f"{problems[0]}{extra}")


def part_file(name: str) -> str:
    return f"the history part {name!r}"


def check_database(
    main: Tables,
    parts: Mapping[str, Tables],
    schemas: Mapping[str, TableSchema] | None = None,
    *,
    limit: int | None = None,
) -> list[Problem]:
    """Every problem in a whole database (its main file and its history parts), or
    the first `limit` of them; an empty list when it is sound.

    `schemas` defaults to every table's schema (store/repository.py).
    """
    if schemas is None:
        from companion.store.repository import SCHEMAS

        schemas = SCHEMAS
    found = chain(
        _file_problems(main, schemas, main=main, file=MAIN_FILE),
        *(
            _file_problems(parts[name], schemas, main=main, file=part_file(name))
            for name in sorted(parts)
        ),
        _shared_ids(main, parts),
    )
    return list(islice(found, limit))


def require_sound(
    main: Tables, parts: Mapping[str, Tables], schemas: Mapping[str, TableSchema] | None = None
) -> None:
    """Raise BadData naming what is wrong unless the whole database passes the checker:
    for an import or a restore, before anything is changed."""
    problems = check_database(main, parts, schemas, limit=20)
    if problems:
        raise BadData(problems)


def check_file(
    tables: Tables,
    schemas: Mapping[str, TableSchema],
    *,
    main: Tables | None = None,
    file: str = MAIN_FILE,
    limit: int | None = None,
) -> list[Problem]:
    """The problems of one file as it loads: the main file (`main` None), or a history
    part, checked against the main file's tables `main` (its counters, its documents)."""
    found = _file_problems(tables, schemas, main=tables if main is None else main, file=file)
    return list(islice(found, limit))


def _file_problems(
    tables: Tables, schemas: Mapping[str, TableSchema], *, main: Tables, file: str
) -> Iterator[Problem]:
    broken_meta = meta_problem(tables) or meta_problem(main)
    if broken_meta:
        yield Problem(file, broken_meta, META_TABLE)
        return
    counters: Mapping[str, int] = meta_of(main)["next_ids"]
    for name, counter in counters.items():
        if counter > MAX_ID + 1:
            yield Problem(
                file,
                f"its meta table counts the ids of {name!r} as {counter}, where companion "
                f"expects a whole number from 1 to {MAX_ID + 1}",
                META_TABLE,
            )
            return
    targets = _Targets(main, counters)
    for name, table in tables.items():
        if name == META_TABLE:
            continue
        schema = schemas.get(name)
        sound = True
        if schema is not None:
            for doc_id, problem in table_problems(table, schema):
                sound = False
                yield Problem(file, f"document {doc_id} of table {name!r} {problem}", name, doc_id)
        for problem in _id_problems(name, table, counters if schema is not None else None):
            sound = False
            yield Problem(file, problem, name)
        if sound and schema is not None:
            for doc_id, problem in _reference_problems(table, schema, targets):
                yield Problem(file, f"document {doc_id} of table {name!r} {problem}", name, doc_id)


def _id_problems(
    name: str, table: Mapping[str, Any], counters: Mapping[str, int] | None
) -> Iterator[str]:
    """Ids from 1 to MAX_ID, and below the table's counter when companion numbers it
    (`counters` None: a table this companion does not know, numbered by its own rules)."""
    if not table:
        return
    if "0" in table:
        yield f"table {name!r} has a document with id 0, where ids start at 1"
    longest = max(map(len, table))
    if longest >= _MAX_ID_DIGITS:
        for doc_id in table:
            if len(doc_id) >= _MAX_ID_DIGITS and int(doc_id) > MAX_ID:
                yield f"table {name!r} has a document with id {doc_id}, over the largest, {MAX_ID}"
                return
    if counters is None or name in UNCOUNTED:
        return
    counter = counters.get(name, 1)
    highest = max(map(int, table))
    if highest >= counter:
        yield (
            f"document {highest} of table {name!r} has an id companion has not handed out "
            f"yet (the meta table's next id for {name!r} is {counter})"
        )


class _Targets:
    """What references may name: the ids of the main file's tables, and the counters."""

    def __init__(self, main: Tables, counters: Mapping[str, int]) -> None:
        self._main = main
        self._counters = counters
        self._ids: dict[str, set[int]] = {}

    def ids(self, table: str) -> set[int]:
        if table not in self._ids:
            self._ids[table] = set(map(int, self._main.get(table, {})))
        return self._ids[table]

    def counter(self, table: str) -> int:
        return self._counters.get(table, 1)

    def allows(self, refers: Refers, values: set[int]) -> bool:
        if refers.existing:
            return values <= self.ids(refers.table)
        return max(values) < self.counter(refers.table)

    def problem(self, refers: Refers, value: int) -> str | None:
        what = refers.table.removesuffix("s")
        if refers.existing:
            if value in self.ids(refers.table):
                return None
            return f"there is no {what} {value} in table {refers.table!r}"
        if value < self.counter(refers.table):
            return None
        return f"no {what} {value} was ever in table {refers.table!r}"


def _reference_problems(
    table: Mapping[str, Mapping[str, Any]], schema: TableSchema, targets: _Targets
) -> Iterator[tuple[str, str]]:
    """Each document whose references name nothing they may, with the first such field.
    The fields themselves fit the schema by now."""
    if not _refers_anywhere(schema):
        return
    found = _reference_values(list(table.values()), schema)
    if all(targets.allows(refers, values) for refers, values in found.items() if values):
        return
    for doc_id, doc in table.items():
        for path, refers, value in _references(doc, schema):
            problem = targets.problem(refers, value)
            if problem:
                yield doc_id, f"has {path!r} = {value}, but {problem}"
                break


def _refers_anywhere(schema: TableSchema) -> bool:
    return any(
        spec.refers is not None
        or (spec.each is not None and spec.each.refers is not None)
        or (spec.items is not None and _refers_anywhere(spec.items))
        for spec in schema.values()
    )


def _reference_values(docs: list[Mapping[str, Any]], schema: TableSchema) -> dict[Refers, set[int]]:
    """Every id the documents refer to, by what it refers to (a field at a time)."""
    found: defaultdict[Refers, set[int]] = defaultdict(set)
    for key, spec in schema.items():
        if not _refers_anywhere({key: spec}):
            continue
        values = [value for doc in docs if (value := doc.get(key)) is not None]
        if spec.refers is not None:
            found[spec.refers].update(values)
        elif spec.each is not None and spec.each.refers is not None:
            found[spec.each.refers].update(chain.from_iterable(values))
        elif spec.items is not None:
            inner = list(chain.from_iterable(values)) if spec.kind == "list" else values
            for refers, ids in _reference_values(inner, spec.items).items():
                found[refers] |= ids
    return found


def _references(
    doc: Mapping[str, Any], schema: TableSchema, where: str = ""
) -> Iterator[tuple[str, Refers, int]]:
    """Each reference in one document: its field, what it refers to, and the id."""
    for key, spec in schema.items():
        value = doc.get(key)
        if value is None:
            continue
        if spec.refers is not None:
            yield f"{where}{key}", spec.refers, value
        elif spec.each is not None and spec.each.refers is not None:
            for index, element in enumerate(value):
                yield f"{where}{key}[{index}]", spec.each.refers, element
        elif spec.items is not None:
            if spec.kind == "list":
                for index, element in enumerate(value):
                    yield from _references(element, spec.items, f"{where}{key}[{index}].")
            else:
                yield from _references(value, spec.items, f"{where}{key}.")


def _shared_ids(main: Tables, parts: Mapping[str, Tables]) -> Iterator[Problem]:
    """A table kept in several files (the reviews, a part a month) holds each id once."""
    seen: dict[str, dict[str, str]] = {}
    files = [(MAIN_FILE, main), *((part_file(name), parts[name]) for name in sorted(parts))]
    for file, tables in files:
        for name, table in tables.items():
            if name in UNCOUNTED:
                continue
            earlier = seen.setdefault(name, {})
            for doc_id in sorted(table.keys() & earlier.keys(), key=int):
                yield Problem(
                    file,
                    f"document {doc_id} of table {name!r} has the id of a document of "
                    f"{earlier[doc_id]}, where each id is used once",
                    name,
                    doc_id,
                )
            earlier.update(dict.fromkeys(table, file))
