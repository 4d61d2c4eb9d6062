"""Settings: save what the user chose, the weekly goal, the first-run welcome, the theme,
the breathing pattern and a still pacer."""

from __future__ import annotations

from datetime import time
from enum import Enum
from typing import TYPE_CHECKING

from companion.domain.settings import Settings

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers


class Keep(Enum):
    """A setting left as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


def save_settings(
    repo: Repository,
    *,
    weekly_goal: int | Keep = KEEP,
    checkin_time: time | Keep | None = KEEP,
    desired_retention: float | Keep = KEEP,
    theme: str | Keep = KEEP,
    breathing_pattern: str | Keep = KEEP,
    reduced_motion: bool | Keep = KEEP,
    calendar_path: str | Keep | None = KEEP,
    place: tuple[str, str] | Keep | None = KEEP,
    your_name: str | Keep = KEEP,
    daily_limit: int | Keep = KEEP,
    rest_days: frozenset[int] | Keep = KEEP,
    day_starts: time | Keep = KEEP,
) -> Settings:
    """Save the values given (checked by `domain.settings`' parsers); the others stay.
    `checkin_time=None` means no daily inbox check, `calendar_path=None` no calendar
    file; `place` is the country and region whose public holidays kind dates skip
    (`domain.days_off.parse_place`), None none. A weekly goal newly set counts from
    today."""
    given: dict[str, object] = {
        "weekly_goal": weekly_goal,
        "checkin_time": checkin_time,
        "desired_retention": desired_retention,
        "theme": theme,
        "breathing_pattern": breathing_pattern,
        "reduced_motion": reduced_motion,
        "calendar_path": calendar_path,
        "your_name": your_name,
        "daily_limit": daily_limit,
        "rest_days": rest_days,
        "day_starts": day_starts,
    }
    if place is None:
        given |= {"country": None, "region": None}
    elif place is not KEEP:
        assert isinstance(place, tuple)
        given |= {"country": place[0], "region": place[1] or None}
    return repo.settings.update(**{k: v for k, v in given.items() if v is not KEEP})


def set_weekly_goal(repo: Repository, goal: int) -> Settings:
    """The goal from the welcome or the palette; the welcome is done with it."""
    return repo.settings.update(weekly_goal=goal, welcomed=True)


def finish_welcome(repo: Repository) -> Settings:
    """Skip for now: the welcome is not shown again, and there is no goal until one is
    set (calm.md, rule 9)."""
    return repo.settings.update(welcomed=True, weekly_goal=0)


def remember_theme(repo: Repository, name: str) -> None:
    """The theme picked in the app (from the palette too) is the one it opens with."""
    if name != repo.settings.get().theme:
        repo.settings.update(theme=name)
