"""`companion draft` and `interview add|edit --talked-about`: the text and JSON contract,
the refusals (exit 2), a person's own template, and "I sent it" through the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import orjson
import pytest

from companion.cli import main
from companion.clock import FrozenClock
from companion.domain.drafts import DraftKind
from companion.domain.interviews import ContactKind, Outcome
from companion.domain.timeline import Phase, build_timeline
from companion.services import drafts
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


@pytest.fixture
def acme(cli: Cli) -> None:
    code, _, err = cli(
        "interview",
        "add",
        "--company",
        "Acme",
        "--role",
        "Data analyst",
        "--on",
        "today",
        "--with",
        "Ana Ruiz",
        "--with",
        "Ben Okafor",
        "--decision-by",
        "+10d",
        "--talked-about",
        "the move to a new data platform",
    )
    assert code == 0, err


def test_draft_prints_the_subject_a_blank_line_and_the_body(cli: Cli, acme: None) -> None:
    code, out, err = cli("draft", "1", "thank-you")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Subject: Thank you for your time today"
    assert lines[1] == ""
    assert lines[2] == "Dear Ana,"
    assert "the move to a new data platform" in out


def test_with_no_kind_draft_writes_the_current_actions_note(cli: Cli, acme: None) -> None:
    assert cli("draft", "1")[1] == cli("draft", "1", "thank-you")[1]


def test_draft_json_holds_the_contract_keys(cli: Cli, acme: None) -> None:
    code, out, _ = cli("draft", "1", "thank-you", "--to", "ben", "--json")
    assert code == 0
    data = orjson.loads(out)
    assert {"kind", "to", "subject", "body", "mailto"} <= set(data)
    assert data["kind"] == "thank-you"
    assert data["to"] == "Ben Okafor"
    assert data["body"].startswith("Dear Ben,")
    query = parse_qs(urlsplit(data["mailto"]).query)
    assert query["subject"] == [data["subject"]]
    assert query["body"] == [data["body"].replace("\n", "\r\n")]


def test_a_call_script_has_no_mailto(cli: Cli, acme: None) -> None:
    assert cli("interview", "edit", "1", "--contact-pref", "phone")[0] == 0
    data = orjson.loads(cli("draft", "1", "--json")[1])
    assert data["mailto"] is None
    assert data["channel"] == "phone"
    assert len(data["body"].splitlines()) == 3


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("draft", "1", "love-letter"), "is not a kind of note"),
        (("draft", "1", "in-writing"), "in-writing asks to have a verbal offer in writing"),
        (("draft", "1", "feedback"), "after a no"),
        (("draft", "1", "thank-you", "--to", "Zed"), "'Zed' is not among the people met"),
        (("draft", "7"), "there is no interview 7"),
        (("draft", "x"), "is not an id"),
        (("draft",), "name the interview"),
        (("draft", "1", "--template", "thank-you"), "--template KIND is used alone"),
    ],
)
def test_what_does_not_fit_is_refused_with_a_sentence(
    cli: Cli, acme: None, argv: tuple[str, ...], words: str
) -> None:
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert words in err
    assert "Traceback" not in err


def test_nothing_to_write_today_says_when_and_which_kinds_fit(
    cli: Cli, acme: None, db_path: Path, clock: FrozenClock
) -> None:
    assert cli("interview", "log", "1", "thank-you")[0] == 0
    code, _, err = cli("draft", "1")
    assert code == 2
    assert "nothing needs a note for interview 1 today (polite check-in from" in err
    assert "thank-you, check-in, references, withdraw" in err


def test_their_own_template_is_used(cli: Cli, acme: None, tmp_path: Path) -> None:
    folder = tmp_path / "xdg-config" / "companion" / "drafts"
    folder.mkdir(parents=True)
    (folder / "thank-you.txt").write_text(
        "Subject: Thanks, ${first_name}\n\n$$ {x} [b] at ${company}; ${round}.\n", encoding="utf-8"
    )
    code, out, err = cli("draft", "1")
    assert (code, err) == (0, "")
    assert out == "Subject: Thanks, Ana\n\n$ {x} [b] at Acme; [round].\n"


def test_a_broken_template_is_named_on_stderr_and_the_default_used(
    cli: Cli, acme: None, tmp_path: Path
) -> None:
    folder = tmp_path / "xdg-config" / "companion" / "drafts"
    folder.mkdir(parents=True)
    (folder / "thank-you.txt").write_text("Subject: x\n\nHi ${first name}\n", encoding="utf-8")
    code, out, err = cli("draft", "1")
    assert code == 0
    assert "thank-you.txt, line 3: ${first name} is not a field name" in err
    assert out.startswith("Subject: Thank you for your time today\n")


def test_template_prints_the_one_in_use_to_start_from(cli: Cli) -> None:
    code, out, err = cli("draft", "--template", "check-in")
    assert code == 0
    assert "Subject: The ${role} role at ${company}" in out
    assert "the check-in template in use is companion's own" in err


def test_interview_edit_changes_only_what_is_given(
    cli: Cli, acme: None, db_path: Path, clock: FrozenClock
) -> None:
    code, out, _ = cli("interview", "edit", "1", "--talked-about", "  dbt  and Airflow ")
    assert code == 0
    assert out.startswith("Saved Acme · Data analyst")
    with Repository.open(db_path, clock, access="read") as repo:
        (interview,) = repo.interviews.all()
    assert interview.talked_about == "dbt and Airflow"
    assert interview.interviewers == ("Ana Ruiz", "Ben Okafor")
    assert interview.decision_by == date(2026, 3, 13)
    assert cli("interview", "edit", "1", "--decision-by", "none")[0] == 0
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.interviews.require(1).decision_by is None


def test_interview_edit_with_nothing_to_change_is_refused(cli: Cli, acme: None) -> None:
    code, _, err = cli("interview", "edit", "1")
    assert code == 2
    assert "name what to change" in err


# "I sent it", through the service the app calls.


def test_sending_the_thank_you_moves_the_timeline_and_keeps_the_note(
    acme: None, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        made = drafts.draft(repo, 1)
        assert made.draft.kind == DraftKind.THANK_YOU
        assert [r.name for r in made.recipients] == ["Ana Ruiz", "Ben Okafor"]
        assert made.send.startswith("Best sent by tomorrow")
        changed = drafts.mark_sent(repo, made.draft, 1, made.draft.text)
        (contact,) = changed.contacts
        assert contact.kind == ContactKind.THANK_YOU
        assert contact.to == ("Ana Ruiz",)
        assert contact.on == clock.today()
        assert contact.text == made.draft.text
        assert build_timeline(changed, clock.today()).phase == Phase.THANK_YOU
        waiting = drafts.still_waiting(repo, 1, DraftKind.THANK_YOU)
        assert [r.name for r in waiting] == ["Ben Okafor"]
        to_ben = drafts.draft(repo, 1)
        assert to_ben.draft.to == "Ben Okafor"
        changed = drafts.mark_sent(repo, to_ben.draft, 1, to_ben.draft.text)
        assert drafts.still_waiting(repo, 1, DraftKind.THANK_YOU) == []
    assert [c.to for c in changed.contacts] == [("Ana Ruiz",), ("Ben Okafor",)]
    assert build_timeline(changed, clock.today()).phase == Phase.QUIET


def test_sending_a_heads_up_names_the_reference_told(
    cli: Cli, acme: None, db_path: Path, clock: FrozenClock
) -> None:
    assert cli("reference", "add", "Dana Lee", "--reach", "dana@example.com")[0] == 0
    assert cli("reference", "add", "Omar Said")[0] == 0
    with Repository.open(db_path, clock) as repo:
        made = drafts.draft(repo, 1, DraftKind.REFERENCES, "omar")
        changed = drafts.mark_sent(repo, made.draft, 1)
        again = drafts.draft(repo, 1, DraftKind.REFERENCES)
    assert changed.contacts[-1].references == (2,)
    assert again.draft.to == "Dana Lee"
    assert again.draft.mailto is not None
    assert again.draft.mailto.startswith("mailto:dana@example.com?subject=")


def test_sending_an_answer_to_an_offer_settles_the_interview(
    cli: Cli, acme: None, db_path: Path, clock: FrozenClock
) -> None:
    assert cli("interview", "outcome", "1", "offer-written")[0] == 0
    with Repository.open(db_path, clock) as repo:
        made = drafts.draft(repo, 1, DraftKind.DECLINE)
        changed = drafts.mark_sent(repo, made.draft, 1, "No, thank you.")
    assert changed.outcome == Outcome.WITHDRAWN
    assert changed.contacts[-1].kind == ContactKind.DECLINE
    code, _, err = cli("draft", "1", "accept")
    assert code == 2
    assert "closed (withdrawn)" in err


def test_your_name_in_settings_signs_the_drafts(cli: Cli, acme: None) -> None:
    code, out, _ = cli("settings", "--your-name", "  Sam   Park ")
    assert (code, out) == (0, "The drafts are signed Sam Park.\n")
    assert "your name:    Sam Park" in cli("settings")[1]
    assert cli("draft", "1")[1].endswith("Best wishes,\nSam Park\n")
    assert cli("settings", "--your-name", "off")[1] == "The drafts end unsigned.\n"
    assert cli("draft", "1")[1].endswith("Best wishes,\n")
    code, _, err = cli("settings", "--your-name", "x" * 81)
    assert code == 2
    assert "your-name: this is 81 characters" in err


def test_what_was_talked_about_can_be_cleared(
    cli: Cli, acme: None, db_path: Path, clock: FrozenClock
) -> None:
    assert cli("interview", "edit", "1", "--talked-about", "")[0] == 0
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.interviews.require(1).talked_about == ""
    assert "[something you talked about]" in cli("draft", "1")[1]
