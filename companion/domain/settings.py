"""The user's settings and how typed values are checked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number
from companion.domain.practice_days import DEFAULT_DAY_START
from companion.domain.practice_plan import DEFAULT_DAILY_LIMIT, MAX_DAILY_LIMIT, WEEKDAYS, Load

DEFAULT_WEEKLY_GOAL = 5
MAX_WEEKLY_GOAL = 50
DEFAULT_RETENTION = 0.9
# The breathing patterns' names (domain/breathing.py has the patterns; the settings,
# read on every start, do not import them).
BREATHING_PATTERNS = ("box", "sigh")
LOWEST_RETENTION, HIGHEST_RETENTION = 0.7, 0.97
# companion's own two, then Textual's, which take the terminal's own palette.
THEMES = ("companion-dusk", "companion-dawn", "ansi-dark", "ansi-light")
OFF_WORDS = ("off", "none")
# A theme for this run only, over the saved one (not saved): one of THEMES.
THEME_ENV = "COMPANION_THEME"


@dataclass(frozen=True)
class Settings:
    weekly_goal: int = DEFAULT_WEEKLY_GOAL
    checkin_time: time | None = None
    desired_retention: float = DEFAULT_RETENTION
    theme: str = THEMES[0]
    welcomed: bool = False
    # Breathing (issue 17): the pattern an urge gets, and a still pacer.
    breathing_pattern: str = BREATHING_PATTERNS[0]
    reduced_motion: bool = False
    calendar_path: str | None = None
    """The iCalendar file kept current after every change (an absolute path), or None."""
    # Issue 14: the day the weekly goal was set, and the place whose holidays are days off.
    goal_set_on: date | None = None
    """The day the weekly goal was last set; None in a database from before it was kept."""
    country: str | None = None
    """The country whose public holidays kind dates skip ("GB"), or None for none."""
    region: str | None = None
    """A region of `country` with holidays of its own ("SCT"), or None."""
    # Issue 16: the name that signs the drafts.
    your_name: str = ""
    """How the person signs the notes companion drafts; empty: unsigned."""
    # Practice: how many questions a day at most, the days off (0 is Monday), and the
    # hour a practice day starts.
    daily_limit: int = DEFAULT_DAILY_LIMIT
    rest_days: frozenset[int] = frozenset()
    day_starts: time = DEFAULT_DAY_START

    @property
    def load(self) -> Load:
        return Load(self.daily_limit, self.rest_days)

    def goal_counts_from(self, today: date) -> date | None:
        """The first day the weekly pace counts (calm.md, rule 9), or None: no goal.

        A goal set this week counts from the day it was set. A database that has
        never been welcomed nor had a goal set has no day yet: it counts from today,
        so day one never nudges. One from before the day was kept counts the whole
        week, as it always did.
        """
        if not self.weekly_goal:
            return None
        if self.goal_set_on is not None:
            return self.goal_set_on
        return date.min if self.welcomed else today


def with_goal(settings: Settings, goal: int, today: date) -> Settings:
    """The settings with this weekly goal; a goal newly set counts from today."""
    if goal == settings.weekly_goal and settings.goal_set_on is not None:
        return settings
    return replace(settings, weekly_goal=goal, goal_set_on=today if goal else None)


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


MAX_NAME_LENGTH = 80


def parse_your_name(text: str) -> str:
    """The name that signs the drafts, on one line; empty for none."""
    value = " ".join(text.split())
    if len(value) > MAX_NAME_LENGTH:
        raise FieldError(
            "your name",
            f"this is {len(value)} characters; write your name as you sign a note "
            f"(under {MAX_NAME_LENGTH}), or leave it empty.",
        )
    return value


def parse_switch(text: str, field: str) -> bool:
    """on / off (also yes / no, true / false) for a setting that is one or the other."""
    value = text.strip().lower()
    if value in ("on", "yes", "true"):
        return True
    if value in ("off", "no", "false"):
        return False
    raise FieldError(field, f"{text.strip() or '(empty)'!r} is not on or off; use on or off.")


def is_off(text: str) -> bool:
    """The words that turn a setting off on the command line ("off", "none")."""
    return text.strip().lower() in OFF_WORDS


THEME_WORDS = {"dusk": THEMES[0], "dawn": THEMES[1]}


def theme_named(text: str) -> str:
    """The theme a person named ("dusk", "companion-dawn", "ansi-light"); FieldError if none."""
    word = text.strip().lower()
    theme = THEME_WORDS.get(word, word)
    if theme not in THEMES:
        raise FieldError(
            "theme",
            f"{text.strip() or '(empty)'!r} is not a theme; use dusk, dawn, ansi-dark or "
            "ansi-light (the last two take the terminal's own colours).",
        )
    return theme


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


def parse_daily_limit(text: str) -> int:
    value = text.strip()
    limit = whole_number(value)
    if limit is None or not 1 <= limit <= MAX_DAILY_LIMIT:
        raise FieldError(
            "daily limit",
            f"{value or '(empty)'!r} is not a limit; use a whole number of questions a day "
            f"from 1 to {MAX_DAILY_LIMIT}.",
        )
    return limit


def parse_rest_days(text: str) -> frozenset[int]:
    """Days off practice, like "sat, sun"; "none" or nothing for none."""
    words = [word for word in text.replace(",", " ").lower().split() if word]
    if words in ([], ["none"], ["off"]):
        return frozenset()
    days: set[int] = set()
    for word in words:
        matches = [n for n, name in enumerate(WEEKDAYS) if len(word) >= 3 and word[:3] == name]
        full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        if not matches or not full[matches[0]].startswith(word):
            raise FieldError(
                "rest days",
                f"{word!r} is not a day of the week; use names like sat, sun "
                "(or none for no rest days).",
            )
        days.add(matches[0])
    if len(days) == len(WEEKDAYS):
        raise FieldError(
            "rest days", "every day is a rest day then; leave at least one day for practice."
        )
    return frozenset(days)


def rest_days_text(days: frozenset[int]) -> str:
    """The rest days as they are typed: "sat, sun", or "none"."""
    return ", ".join(WEEKDAYS[n] for n in sorted(days)) if days else "none"
