"""The quick whole-table check (`schema._all_fit`) agrees with the per-document one."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.store.repository import SCHEMAS
from companion.store.schema import _all_fit, _check_doc, check_table

# Values a JSON file can hold, biased towards the ones the schemas accept.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0, 1, 4, 5, 6, 10, 11, 50, 51, 2**63 - 1, 2**63, 0.0005, 0.001, 0.7, 0.97]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "text",
            "2026-03-03",
            "2026-3-3",
            "2026-02-30",
            "2026-03-03T09:30:00+00:00",
            "2026-03-03T09:30:00",
            "1900-01-01",
            "1899-12-31",
            "2299-12-31",
            "9999-12-31",
            "2026-W10-2",
            "20260303",
            "1900-01-01T00:00:00+01:00",
            "1899-12-31T23:59:59-05:00",
            "2299-12-31T23:59:59-05:00",
            "2300-01-01T00:00:00+00:00",
            "20260303T093000Z",
            "09:30",
            "24:00",
            "9:30",
            "email",
            "phone",
            "thank_you",
            "follow_up",
            "waiting",
            "rejected",
            "answer",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(
                [
                    *("kind", "on", "outcome", "note", "text", "written_at", "due"),
                    *("card_id", "state", "step", "stability", "difficulty", "last_review"),
                    *("work", "references", "question_id", "extra"),
                ]
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=8,
) | st.integers(14, 18).map(lambda depth: _nested(depth))


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _doc_for(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    keys = st.sampled_from([*sorted(schema), "unknown"])
    return st.dictionaries(keys, VALUES, max_size=len(schema) + 1)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_quick_check_says_fits_exactly_when_no_document_has_a_problem(
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(sorted(SCHEMAS)))
    schema = SCHEMAS[name]
    docs = data.draw(st.lists(_doc_for(dict(schema)), max_size=4))
    table = {str(number): doc for number, doc in enumerate(docs, start=1)}
    slow = next((p for doc in docs if (p := _check_doc(doc, schema))), None)
    assert _all_fit(docs, schema) == (slow is None)
    assert (check_table(name, table, schema) is None) == (slow is None)


def test_good_documents_fit_and_the_first_problem_is_still_named() -> None:
    schema = SCHEMAS["applications"]
    good = {"company": "Acme", "role": "Designer", "applied_on": "2026-03-03"}
    table = {str(n): dict(good) for n in range(1, 50)}
    assert _all_fit(list(table.values()), schema)
    assert check_table("applications", table, schema) is None
    table["7"] = {**good, "applied_on": "soon"}
    table["9"] = {**good, "role": 3}
    assert check_table("applications", table, schema) == (
        "document 7 of table 'applications' has 'applied_on' = 'soon', "
        "where companion expects a date as YYYY-MM-DD from 1900 to 2299"
    )


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["meta", "settings", "x"]),
        st.one_of(
            st.dictionaries(
                st.one_of(
                    st.sampled_from(["1", "2", "10", "0", "01", "", "²", "٣", "a", "-1"]),
                    st.text(max_size=3),
                ),
                st.one_of(st.dictionaries(st.text(max_size=2), st.integers()), VALUES),
                max_size=4,
            ),
            VALUES,
        ),
        max_size=3,
    )
)
def test_the_quick_file_check_agrees_with_the_per_document_one(data: dict[str, Any]) -> None:
    from unittest import mock

    from companion.store import files

    with mock.patch.object(files, "_plainly_fits", return_value=False):
        try:
            files.check_tables(data)
        except files.FileProblem:
            fits = False
        else:
            fits = True
    if all(files._plainly_fits(table) for table in data.values()):
        assert fits
    if fits:  # and the quick path passes every file that fits, or the load is slow
        assert all(
            files._plainly_fits(t) or any(k.startswith("0") for k in t) for t in data.values()
        )
