from datetime import date

import pytest

from companion.domain.dates import friendly, parse_date, week_start
from companion.domain.errors import FieldError

TODAY = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-17", date(2026, 3, 17)),
        ("today", TODAY),
        (" Today ", TODAY),
        ("yesterday", date(2026, 3, 2)),
        ("tomorrow", date(2026, 3, 4)),
        ("+3d", date(2026, 3, 6)),
        ("-1d", date(2026, 3, 2)),
        ("+2w", date(2026, 3, 17)),
        ("-1w", date(2026, 2, 24)),
    ],
)
def test_parse_date_accepts_the_documented_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "17/03/2026", "+3", "3d", "+d"])
def test_parse_date_names_the_field_and_the_forms(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_date(text, TODAY, field="on")
    assert caught.value.field == "on"
    assert "YYYY-MM-DD" in caught.value.message
    assert "+Nd" in caught.value.message


def test_friendly_dates_read_like_people_write_them() -> None:
    assert friendly(date(2026, 3, 17)) == "Tue 17 Mar"
    assert friendly(date(2026, 3, 17), today=TODAY) == "Tue 17 Mar"
    assert friendly(date(2027, 1, 4), today=TODAY) == "Mon 4 Jan 2027"


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "2037-01-01", "+9999w", "-600w"])
def test_dates_far_from_today_are_refused(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_date(text, TODAY, field="on")
    assert "years from today" in caught.value.message


def test_dates_within_ten_years_are_fine() -> None:
    assert parse_date("2035-12-31", TODAY) == date(2035, 12, 31)
    assert parse_date("2016-06-01", TODAY) == date(2016, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", date(2026, 3, 6)),
        ("Friday", date(2026, 3, 6)),
        ("this fri", date(2026, 3, 6)),
        ("next fri", date(2026, 3, 13)),
        ("next  Fri", date(2026, 3, 13)),
        ("last fri", date(2026, 2, 27)),
        ("tue", TODAY),
        ("last tue", date(2026, 2, 24)),
        ("mon", date(2026, 3, 9)),
    ],
)
def test_weekday_words_are_dates(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_the_accepted_forms_name_the_weekday_words() -> None:
    with pytest.raises(FieldError) as caught:
        parse_date("fryday", TODAY)
    assert "next fri" in caught.value.message
