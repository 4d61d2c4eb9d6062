"""The user's settings and how typed values are checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number

DEFAULT_WEEKLY_GOAL = 5
MAX_WEEKLY_GOAL = 50
DEFAULT_RETENTION = 0.9
LOWEST_RETENTION, HIGHEST_RETENTION = 0.7, 0.97
THEMES = ("companion-dusk", "companion-dawn")


@dataclass(frozen=True)
class Settings:
    weekly_goal: int = DEFAULT_WEEKLY_GOAL
    checkin_time: time | None = None
    desired_retention: float = DEFAULT_RETENTION
    theme: str = THEMES[0]
    welcomed: bool = False


def parse_weekly_goal(text: str) -> int:
    value = text.strip()
    goal = whole_number(value)
    if goal is None or goal > MAX_WEEKLY_GOAL:
        raise FieldError(
            "weekly goal",
            f"{value or '(empty)'!r} is not a goal; use a whole number from 0 to {MAX_WEEKLY_GOAL} "
            "(0 turns the reminder off).",
        )
    return goal


def parse_checkin_time(text: str) -> time | None:
    value = text.strip()
    if not value:
        return None
    hours, sep, minutes = value.partition(":")
    h, m = whole_number(hours), whole_number(minutes)
    if sep and h is not None and m is not None and len(minutes) == 2 and h < 24 and m < 60:
        return time(h, m)
    raise FieldError(
        "check-in time", f"{value!r} is not a time; use HH:MM on a 24-hour clock, like 17:00."
    )


def parse_retention(text: str) -> float:
    value = text.strip().rstrip("%")
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if number > 1:
        number /= 100
    if not LOWEST_RETENTION <= number <= HIGHEST_RETENTION:
        raise FieldError(
            "desired retention",
            f"{text.strip() or '(empty)'!r} is out of range; use a share from "
            f"{LOWEST_RETENTION:.2f} to {HIGHEST_RETENTION:.2f} "
            f"(or {LOWEST_RETENTION:.0%} to {HIGHEST_RETENTION:.0%}).",
        )
    return round(number, 2)
