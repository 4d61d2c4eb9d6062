"""`companion settings`: show every setting, or change the ones named by a flag."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import Any

from companion.cli.context import Context
from companion.domain.breathing import parse_pattern, pattern_named
from companion.domain.days_off import parse_place, place_text
from companion.domain.errors import FieldError
from companion.domain.practice_days import parse_day_start
from companion.domain.practice_plan import MAX_DAILY_LIMIT
from companion.domain.settings import (
    MAX_WEEKLY_GOAL,
    THEME_ENV,
    Settings,
    is_off,
    parse_checkin_time,
    parse_daily_limit,
    parse_rest_days,
    parse_switch,
    parse_weekly_goal,
    parse_your_name,
    rest_days_text,
)
from companion.services import settings as settings_service

THEME_NAMES = {
    "companion-dusk": "dusk (dark)",
    "companion-dawn": "dawn (light)",
    "ansi-dark": "the terminal's own colours, dark",
    "ansi-light": "the terminal's own colours, light",
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "settings",
        help=(
            "show your settings, or change the weekly goal, inbox check, practice, "
            "calendar, country or breathing"
        ),
        description=(
            "With no flag, show every setting. Each flag changes one; the others stay as "
            "they are. A calendar file is rewritten after every change to your interviews "
            "or settings, for a calendar app to subscribe to."
        ),
    )
    parser.add_argument(
        "--weekly-goal",
        metavar="N",
        help=f"applications to aim for each week, 0 to {MAX_WEEKLY_GOAL} (0: no reminder)",
    )
    parser.add_argument(
        "--checkin",
        metavar="HH:MM|off",
        help="your one daily look at the inbox, like 17:00; off for none",
    )
    # Practice's gentle load (issue 15).
    parser.add_argument(
        "--daily-limit",
        metavar="N",
        help=f"questions practice offers a day at most, 1 to {MAX_DAILY_LIMIT}; the rest wait",
    )
    parser.add_argument(
        "--rest-days",
        metavar="DAYS|none",
        help="days with no practice, like sat,sun; none for none",
    )
    parser.add_argument(
        "--day-starts",
        metavar="HH:MM",
        help="when a practice day begins (04:00: after midnight still counts as the evening)",
    )
    parser.add_argument(
        "--calendar",
        metavar="PATH|off",
        help="keep an .ics file of the kind dates current at PATH; off stops updating it",
    )
    parser.add_argument(
        "--country",
        metavar="CC[-REGION]|none",
        help="kind dates skip this country's public holidays (GB, GB-SCT, US-CA); none: "
        "only weekends",
    )
    parser.add_argument(
        "--your-name",
        metavar="NAME|off",
        help="the name that signs the notes companion drafts; off for none",
    )
    parser.add_argument(
        "--breathing",
        metavar="box|sigh",
        help="the breathing for an urge: box (4-4-4-4, about a minute) or sigh (the cyclic "
        "sigh, five minutes)",
    )
    parser.add_argument(
        "--reduced-motion",
        metavar="on|off",
        help="on: a still breathing pacer, whose box keeps one size and only its words change",
    )
    parser.set_defaults(handler=run)


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the flags name, checked; a FieldError names the flag and what it takes."""
    from companion.exports.live_calendar import check_calendar_path

    changes: dict[str, Any] = {}
    if args.weekly_goal is not None:
        try:
            changes["weekly_goal"] = parse_weekly_goal(args.weekly_goal)
        except FieldError as error:
            raise FieldError("weekly-goal", error.message) from None
    if args.checkin is not None:
        value = args.checkin.strip()
        checkin = None
        if not is_off(value):
            with contextlib.suppress(FieldError):
                checkin = parse_checkin_time(value)
            if checkin is None:
                raise FieldError(
                    "checkin",
                    f"{value or '(empty)'!r} is not a time; use HH:MM on a 24-hour clock, "
                    "like 17:00, or off.",
                )
        changes["checkin_time"] = checkin
    for flag, key, parse in (
        ("daily-limit", "daily_limit", parse_daily_limit),
        ("rest-days", "rest_days", parse_rest_days),
        ("day-starts", "day_starts", parse_day_start),
    ):
        value = getattr(args, key)
        if value is not None:
            try:
                changes[key] = parse(value)
            except FieldError as error:
                raise FieldError(flag, error.message) from None
    if args.calendar is not None:
        if not args.calendar.strip():
            raise FieldError("calendar", "name a file, like ~/companion.ics, or off.")
        calendar = check_calendar_path(args.calendar)
        changes["calendar_path"] = str(calendar) if calendar else None
    if args.country is not None:
        changes["place"] = parse_place(args.country)
    if args.your_name is not None:
        name = "" if is_off(args.your_name) else args.your_name
        try:
            changes["your_name"] = parse_your_name(name)
        except FieldError as error:
            raise FieldError("your-name", error.message) from None
    changes.update(_breathing_changes(args))
    return changes


def _breathing_changes(args: argparse.Namespace) -> dict[str, Any]:
    """--breathing and --reduced-motion, checked (issue 17)."""
    changes: dict[str, Any] = {}
    if args.breathing is not None:
        try:
            changes["breathing_pattern"] = parse_pattern(args.breathing).name
        except FieldError as error:
            raise FieldError("breathing", error.message) from None
    if args.reduced_motion is not None:
        changes["reduced_motion"] = parse_switch(args.reduced_motion, "reduced-motion")
    return changes


def run(args: argparse.Namespace, ctx: Context) -> int:
    changes = _changes(args)
    if not changes:
        with ctx.open("read") as repo:
            settings = repo.settings.get()
        for line in describe(settings, os.environ.get(THEME_ENV, "")):
            ctx.print_line(line)
        return 0
    with ctx.open("write") as repo:
        before = repo.settings.get()
        settings = settings_service.save_settings(repo, **changes)
        if "calendar_path" in changes:
            # Written now, so that a path companion cannot write fails here, changing nothing.
            repo.calendar.write()
    for line in _changed(before, settings):
        ctx.print_line(line)
    return 0


def _goal(settings: Settings) -> str:
    if not settings.weekly_goal:
        return "none (no reminder to apply)"
    plural = "s" if settings.weekly_goal != 1 else ""
    return f"{settings.weekly_goal} application{plural} a week, Monday to Sunday"


def _checkin(settings: Settings) -> str:
    return settings.checkin_time.strftime("%H:%M") if settings.checkin_time else "off"


def _calendar(settings: Settings) -> str:
    if settings.calendar_path is None:
        return "off"
    return f"{settings.calendar_path} (rewritten after every change)"


def _holidays(settings: Settings) -> str:
    if not settings.country:
        return "none (kind dates skip weekends only)"
    place = place_text(settings.country, settings.region)
    return f"{place} (kind dates skip its public holidays and weekends)"


def describe(settings: Settings, theme_override: str = "") -> list[str]:
    """Every setting, one a line, as `companion settings` prints them."""
    theme = THEME_NAMES.get(settings.theme, settings.theme)
    if theme_override.strip():
        theme += f"; ${THEME_ENV} sets {theme_override.strip()} for now"
    return [
        f"weekly goal:  {_goal(settings)}",
        f"inbox check:  {_checkin(settings)}",
        f"retention:    {settings.desired_retention:.2f} (how much to remember in practice)",
        f"daily limit:  {settings.daily_limit} questions a day at most",
        f"rest days:    {rest_days_text(settings.rest_days)}",
        f"day starts:   {settings.day_starts:%H:%M}",
        f"theme:        {theme}",
        f"calendar:     {_calendar(settings)}",
        f"holidays of:  {_holidays(settings)}",
        f"your name:    {settings.your_name or 'not set (the drafts end unsigned)'}",
        f"breathing:    {_breathing(settings)}",
        f"motion:       {_motion(settings)}",
    ]


def _breathing(settings: Settings) -> str:
    pattern = pattern_named(settings.breathing_pattern)
    return f"{pattern.name}: {pattern.label.lower()}, {pattern.about}"


def _motion(settings: Settings) -> str:
    if settings.reduced_motion:
        return "reduced: a still pacer, only its words change"
    return "the breathing box grows and shrinks (TEXTUAL_ANIMATIONS=none stills it)"


def _changed(before: Settings, after: Settings) -> list[str]:
    lines: list[str] = []
    if before.weekly_goal != after.weekly_goal:
        lines.append(f"Weekly goal: {_goal(after)}.")
    if before.checkin_time != after.checkin_time:
        lines.append(f"Inbox check: {_checkin(after)}.")
    if (before.country, before.region) != (after.country, after.region):
        lines.append(f"Holidays of: {_holidays(after)}.")
    if before.your_name != after.your_name:
        lines.append(
            f"The drafts are signed {after.your_name}."
            if after.your_name
            else "The drafts end unsigned."
        )
    if before.daily_limit != after.daily_limit:
        lines.append(
            f"Daily limit: {after.daily_limit} questions; the rest wait for the next days."
        )
    if before.rest_days != after.rest_days:
        lines.append(f"Rest days: {rest_days_text(after.rest_days)}.")
    if before.day_starts != after.day_starts:
        lines.append(f"A practice day starts at {after.day_starts:%H:%M}.")
    if before.breathing_pattern != after.breathing_pattern:
        lines.append(f"Breathing: {_breathing(after)}.")
    if before.reduced_motion != after.reduced_motion:
        lines.append(f"Motion: {_motion(after)}.")
    if after.calendar_path is not None:
        lines.append(
            f"The calendar is in {after.calendar_path}, rewritten after every change. "
            "Subscribe to it in your calendar app (the README says how)."
        )
    elif before.calendar_path is not None:
        lines.append(
            f"The calendar {Path(before.calendar_path)} is no longer updated; "
            "the file is left as it was."
        )
    return lines or ["Nothing changed: that is already the setting."]
