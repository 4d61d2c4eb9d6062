"""The command line can do what the app does (issue 14): every date flag takes -2d, the
next round and the final, a thank-you per person, outcomes with a date and an offer's
details, rules 11 and 12, journal list, Coming up, day one, and a closed pipe."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from companion.cli import main
from companion.cli.main import build_parser
from companion.clock import FrozenClock
from companion.domain.debrief import record_how, start_debrief
from companion.domain.interviews import ContactKind, Outcome
from companion.services import debrief as debriefs
from companion.store.repository import Repository

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, clock: FrozenClock) -> None:
    monkeypatch.setenv("COMPANION_FROZEN_NOW", clock.now().isoformat())


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_path: Path) -> Cli:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _date_flags(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        action
        for action in parser._actions
        if action.option_strings and "DATE" in str(action.metavar or "")
    ]


def _filled(parser: argparse.ArgumentParser, skip: argparse.Action) -> list[str]:
    """Values for everything else the parser requires, so that it parses."""
    argv: list[str] = []
    for action in parser._actions:
        if action is skip or isinstance(action, argparse._SubParsersAction):
            continue
        if not action.option_strings and action.nargs not in ("*", "?"):
            argv.append("1")
        elif action.option_strings and action.required:
            argv += [action.option_strings[0], "1"]
    return argv


def test_every_date_flag_of_every_command_takes_a_negative_relative_date() -> None:
    tried = []
    for path, parser in _parsers(build_parser()):
        for flag in _date_flags(parser):
            for value in ("-2d", "-3w"):
                args = build_parser().parse_args(
                    [*path, *_filled(parser, flag), flag.option_strings[0], value]
                )
                assert getattr(args, flag.dest) == value, (path, flag.option_strings)
            tried.append((path, flag.option_strings[0]))
    assert ("interview", "add", "--on") in [(*p, f) for p, f in tried]
    assert ("apply", "--on") in [(*p, f) for p, f in tried]
    assert ("interview", "outcome", "--on") in [(*p, f) for p, f in tried]
    assert len(tried) >= 7


def test_apply_on_minus_two_days_works_like_the_other_commands(cli: Cli) -> None:
    code, out, err = cli("apply", "--company", "Acme", "--role", "Designer", "--on", "-2d")
    assert code == 0, err
    assert "applied Sun 1 Mar" in out


def test_weekday_words_are_dates_on_the_command_line(cli: Cli) -> None:
    code, out, _ = cli("interview", "add", "--company", "Acme", "--role", "R", "--on", "next fri")
    assert code == 0
    assert "Fri 13 Mar" in out


# Upcoming interviews on the command line


def test_an_interview_to_come_is_upcoming_in_json_and_coming_up_in_the_summary(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "thu")
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["phase"] == "upcoming"
    assert row["thank_you_by"] is None
    _, text, _ = cli("summary")
    assert "Coming up:\n  Acme · Engineer: interview on Thu 5 Mar" in text
    assert "Waiting to hear" not in text
    _, show, _ = cli("interview", "show", "1")
    assert "Acme · Engineer, on Thu 5 Mar" in show
    assert "held" not in show and "it was" not in show
    _, short, _ = cli("summary", "--short")
    assert short.strip() == "companion: nothing today · 1 coming up"


def test_the_day_before_brings_the_prep_action(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, clock: FrozenClock
) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "thu")
    monkeypatch.setenv("COMPANION_FROZEN_NOW", "2026-03-04T09:30:00+00:00")
    actions = orjson.loads(cli("summary", "--json")[1])["actions"]
    assert [a["kind"] for a in actions] == ["prepare"]
    assert "next steps and when they expect to decide" in actions[0]["text"]


# Day one


def test_day_one_says_nothing_needs_you_and_how_to_begin(cli: Cli) -> None:
    _, text, _ = cli("summary")
    assert text.startswith("Nothing needs you today.\n\nHad an interview? companion interview add")
    _, short, _ = cli("summary", "--short")
    assert short.strip() == "companion: nothing today · had an interview? companion interview add"
    data = orjson.loads(cli("summary", "--json")[1])
    assert data["message"] == "Nothing needs you today."
    assert data["start"].startswith("Had an interview?")
    cli("interview", "add", "--company", "Acme", "--role", "R", "--on", "-2d")
    assert orjson.loads(cli("summary", "--json")[1])["start"] is None


# The next round, the final, the same interview twice


def test_add_after_names_the_round_it_follows(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "-1w")
    code, out, _ = cli(
        "interview", "add", "--company", "Acme", "--role", "Staff engineer", "--on", "+3d",
        "--after", "1", "--final",
    )  # fmt: skip
    assert code == 0
    assert "next round of interview 1" in out
    rows = {r["id"]: r for r in orjson.loads(cli("interview", "list", "--all", "--json")[1])}
    assert rows[1]["phase"] == "closed"
    assert rows[1]["outcome"] == "next_round"
    assert rows[2]["final_round"] is True


def test_add_after_an_interview_held_later_is_refused(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "+1w")
    code, _, err = cli(
        "interview", "add", "--company", "Acme", "--role", "E", "--on", "today", "--after", "1"
    )
    assert code == 2
    assert "after:" in err and "a next round comes on or after" in err


def test_the_same_company_role_and_day_twice_gets_a_note(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "Engineer", "--on", "thu")
    code, _, err = cli("interview", "add", "--company", "acme", "--role", "engineer", "--on", "thu")
    assert code == 0
    assert "interview 1 is also Acme · Engineer on Thu 5 Mar; both are kept" in err


# A thank-you per person


def test_thank_you_to_each_person_separately(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "today", "--with", "Ana",
        "--with", "Ben")  # fmt: skip
    code, out, _ = cli("interview", "log", "1", "thank-you", "--to", "Ana")
    assert code == 0
    assert "Still to thank: Ben." in out
    actions = orjson.loads(cli("summary", "--json")[1])["actions"]
    (thank_you,) = [a for a in actions if a["kind"] == "thank_you"]
    assert "note to Ben at Acme" in thank_you["text"]
    _, out, _ = cli("interview", "log", "1", "thank-you", "--to", "ben")
    assert "Everyone you met is thanked." in out
    code, _, err = cli("interview", "log", "1", "thank-you", "--to", "Cy")
    assert code == 2 and "to:" in err and "Ana, Ben" in err
    code, _, err = cli("interview", "log", "1", "reply", "--to", "Ana")
    assert code == 2


# Outcomes with a date, offers to the end


def test_outcome_on_a_date(cli: Cli, db_path: Path, clock: FrozenClock) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "-1w")
    code, out, _ = cli("interview", "outcome", "1", "rejected", "--on", "-2d")
    assert code == 0
    assert "not this time, Sun 1 Mar" in out
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.interviews.require(1).outcome_on.isoformat() == "2026-03-01"
    code, _, err = cli("interview", "outcome", "1", "waiting", "--on", "+1d")
    assert code == 2 and "has not come yet" in err


def test_a_verbal_offer_accepted_keeps_in_writing_and_the_goal_until_written(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "-1w")
    cli("interview", "outcome", "1", "offer-verbal")
    _code, out, _ = cli("interview", "outcome", "1", "accepted")
    assert "ask kindly to have it in writing" in out
    data = orjson.loads(cli("summary", "--json")[1])
    assert "in_writing" in [a["kind"] for a in data["actions"]]
    assert data["weekly_goal"] == 5
    _, out, _ = cli("interview", "outcome", "1", "offer-written")
    assert "the written offer is logged; it stays accepted" in out
    data = orjson.loads(cli("summary", "--json")[1])
    assert "in_writing" not in [a["kind"] for a in data["actions"]]
    assert data["weekly_goal"] is None


def test_after_accepting_the_others_are_let_know_and_close_as_withdrawn(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "-1w")
    cli("interview", "add", "--company", "Globex", "--role", "E", "--on", "-1w")
    cli("interview", "outcome", "1", "offer-written")
    _, out, _ = cli("interview", "outcome", "1", "accepted")
    assert "1 other open interview: let them know kindly" in out
    actions = orjson.loads(cli("summary", "--json")[1])["actions"]
    assert [a["kind"] for a in actions] == ["withdraw"]
    assert actions[0]["text"].startswith("You accepted Acme's offer: let the team at Globex")
    code, out, _ = cli("interview", "log", "2", "withdraw")
    assert code == 0 and "closed as withdrawn" in out
    rows = {r["id"]: r for r in orjson.loads(cli("interview", "list", "--all", "--json")[1])}
    assert rows[2]["outcome"] == "withdrawn"
    assert orjson.loads(cli("summary", "--json")[1])["actions"] == []


def test_an_offer_with_a_respond_by_date_asks_the_others_their_timeline(cli: Cli) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "-1w")
    cli("interview", "add", "--company", "Globex", "--role", "E", "--on", "-1w")
    cli("interview", "log", "2", "thank-you", "--on", "-1w")
    code, out, _ = cli(
        "interview", "outcome", "1", "offer-written", "--respond-by", "+1w", "--pay", "52k",
        "--leave", "25 days", "--remote", "2 days", "--start", "2026-04-01",
    )  # fmt: skip
    assert code == 0
    assert "Answer by:   Tue 10 Mar" in out and "Pay:         52k" in out
    actions = orjson.loads(cli("summary", "--json")[1])["actions"]
    assert "speed_up" in [a["kind"] for a in actions]
    cli("interview", "log", "2", "speed-up")
    actions = orjson.loads(cli("summary", "--json")[1])["actions"]
    assert "speed_up" not in [a["kind"] for a in actions]
    code, _, _err = cli("interview", "outcome", "2", "rejected", "--pay", "1")
    assert code == 2


# journal list holds what the app's journal holds


def test_journal_list_holds_debriefs_and_move_on_reflections(
    cli: Cli, db_path: Path, clock: FrozenClock
) -> None:
    cli("interview", "add", "--company", "Acme", "--role", "E", "--on", "-1w")
    cli("interview", "outcome", "1", "moved-on", "--reflection", "Ask about the timeline.")
    cli("journal", "A calm day")
    with Repository.open(db_path, clock) as repo:
        interview = repo.interviews.require(1)
        debrief = record_how(start_debrief(interview, clock.now()), "It went well", 4, clock.now())
        debriefs.save_debrief(repo, debrief, interview)
    _, out, _ = cli("journal", "list")
    assert "A calm day" in out
    assert "Moving on: Ask about the timeline.  (Acme)" in out
    assert "Debrief: It went well" in out
    items = orjson.loads(cli("journal", "list", "--json")[1])
    assert {i["kind"] for i in items} == {"entry", "reflection", "debrief"}
    (entry,) = [i for i in items if i["kind"] == "entry"]
    assert entry["id"] == 1


# A reader that closes the pipe early


@pytest.mark.parametrize(
    "command",
    [["summary"], ["summary", "--json"], ["interview", "list", "--all", "--json"],
     ["export", "--format", "json", "--output", "-"], ["journal", "list"], ["question", "list"]],
)  # fmt: skip
def test_a_reader_that_closes_the_pipe_early_ends_companion_quietly(
    command: list[str], tmp_path: Path
) -> None:
    script = Path(sys.executable).parent / "companion"
    child = subprocess.Popen(
        [str(script), "--demo", *command],
        cwd=tmp_path,  # whatever a command writes beside it lands here, not in the repository
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"COMPANION_FROZEN_NOW": "2026-03-03T09:30:00+00:00", "PATH": "/usr/bin:/bin"},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(5)
    child.stdout.close()
    code = child.wait(timeout=60)
    error = child.stderr.read().decode()
    assert code == 0, error
    assert error == ""


def test_contact_kinds_and_outcomes_on_the_command_line_cover_the_domain() -> None:
    from companion.cli.interview_cmd import KINDS, OUTCOMES

    assert all(kind.word in KINDS for kind in ContactKind)
    assert all(outcome.word in OUTCOMES for outcome in Outcome)


def test_settings_country_sets_the_holidays_kind_dates_skip(cli: Cli, db_path: Path) -> None:
    code, out, _ = cli("settings", "--country", "gb-sct")
    assert code == 0
    assert out.strip() == "Holidays of: GB-SCT (kind dates skip its public holidays and weekends)."
    _, shown, _ = cli("settings")
    assert "holidays of:  GB-SCT" in shown
    code, _, err = cli("settings", "--country", "Narnia")
    assert code == 2 and "country:" in err and "GB" in err
    _, out, _ = cli("settings", "--country", "none")
    assert "none (kind dates skip weekends only)" in out


def test_the_check_in_skips_the_holidays_of_the_country_chosen(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """etiquette.md: held Fri 11 Dec 2026, country GB: F is Tue 29 Dec."""
    monkeypatch.setenv("COMPANION_FROZEN_NOW", "2026-12-11T17:00:00+00:00")
    cli("interview", "add", "--company", "Acme", "--role", "R", "--on", "today")
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["follow_up_from"] == "2026-12-25"
    cli("settings", "--country", "GB")
    (row,) = orjson.loads(cli("interview", "list", "--json")[1])
    assert row["follow_up_from"] == "2026-12-29"
    _, calendar, _ = cli("export", "--format", "ics", "--output", "-")
    assert "DTSTART;VALUE=DATE:20261229" in calendar
