"""The draft screen, driven with Pilot: from home and from an interview, copy, the mail
program, the editor, the next person, and "I sent it" moving the timeline."""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from companion.clock import FrozenClock
from companion.domain.drafts import DraftKind
from companion.domain.interviews import ContactKind, Outcome, new_interview, set_outcome
from companion.domain.references import new_reference
from companion.domain.timeline import Phase, build_timeline
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
from companion.tui.dialogs import ChoiceDialog, Confirm
from companion.tui.screens.draft import DraftScreen, NoteText
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.interview import InterviewScreen
from tests.conftest import AppFactory

TODAY = date(2026, 3, 3)


def add_acme(db_path: Path, clock: FrozenClock, **changes: object) -> None:
    fields: dict[str, object] = {
        "company": "Acme",
        "role": "Data analyst",
        "held_on": TODAY,
        "interviewers": ["Ana Ruiz", "Ben Okafor"],
        "decision_by": date(2026, 3, 13),
        "talked_about": "the move to a new data platform",
    }
    with Repository.open(db_path, clock) as repo:
        repo.interviews.add(new_interview(**{**fields, **changes}))  # type: ignore[arg-type]


def shown(app: CompanionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def note(app: CompanionApp) -> NoteText:
    return app.screen.query_one(NoteText)


async def open_thank_you(pilot: Pilot[None]) -> DraftScreen:
    app = pilot.app
    assert isinstance(app, CompanionApp)
    assert isinstance(app.screen, HomeScreen)
    assert "1. Send a short thank-you note to Ana Ruiz and Ben Okafor" in shown(app, "#actions")
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(app.screen, DraftScreen)
    return app.screen


async def test_home_opens_the_thank_you_draft(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        assert shown(app, "#draft-title") == "A thank-you note · Acme · Data analyst"
        assert shown(app, "#draft-to") == "To Ana Ruiz, by email · n: a note to Ben Okafor"
        assert shown(app, "#draft-send").startswith("Best sent by tomorrow")
        text = note(app).text
        assert text.startswith("Subject: Thank you for your time today\n\nDear Ana,\n")
        assert "the move to a new data platform" in text
        assert app.focused is None, "the keys work at once; enter edits"


async def test_copy_puts_it_on_the_clipboard_and_in_a_private_file(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        await pilot.press("c")
        await pilot.pause()
        copy = db_path.parent / "last-draft.txt"
        assert app.clipboard == note(app).text
        assert copy.read_text(encoding="utf-8") == note(app).text
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert "it is also in" in shown(app, "#draft-status")
        assert "last-draft.txt" in shown(app, "#draft-status")


async def test_editing_here_keeps_the_keys_for_the_note(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_thank_you(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is note(app)
        assert screen.check_action("sent", ()) is False
        note(app).move_cursor(note(app).document.end)
        await pilot.press("enter", *"see you soon", "escape")
        await pilot.pause()
        assert app.focused is None
        assert isinstance(app.screen, DraftScreen), "escape leaves the note, not the screen"
        assert note(app).text.endswith("\nsee you soon")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
    with Repository.open(db_path, clock, access="read") as repo:
        (contact,) = repo.interviews.require(1).contacts
    assert contact.kind == ContactKind.THANK_YOU
    assert contact.text.endswith("see you soon")


async def test_i_sent_it_logs_it_and_the_timeline_moves_to_quiet(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # not yet: nothing is logged
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("s", "y")
        await pilot.pause()
        # a thank-you to each person met: Ben's comes next
        assert isinstance(app.screen, DraftScreen)
        assert shown(app, "#draft-to").startswith("To Ben Okafor")
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "thank-you" not in shown(app, "#actions")
    with Repository.open(db_path, clock, access="read") as repo:
        interview = repo.interviews.require(1)
    assert [(c.kind, c.to) for c in interview.contacts] == [
        (ContactKind.THANK_YOU, ("Ana Ruiz",)),
        (ContactKind.THANK_YOU, ("Ben Okafor",)),
    ]
    assert build_timeline(interview, TODAY).phase == Phase.QUIET


async def test_a_note_the_contact_log_refuses_today_is_not_asked_about_nor_logged(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    # A no already noted for an interview still to come (the clock, or a date typed
    # wrong): the feedback note can be drafted, but not logged before the day.
    ahead = date(2026, 3, 10)
    with Repository.open(db_path, clock) as repo:
        interview = new_interview(company="Acme", role="Data analyst", held_on=ahead)
        repo.interviews.add(set_outcome(interview, Outcome.REJECTED, ahead))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DraftScreen(1, DraftKind.FEEDBACK))
        await pilot.pause()
        assert shown(app, "#draft-title").startswith("Asking for feedback")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)  # no question: it could not be logged
        said = [n.message for n in app._notifications]
        assert said == [
            "Tue 3 Mar is before the interview (Tue 10 Mar); "
            "log contacts from the interview day on."
        ], said
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.interviews.require(1).contacts == ()


async def test_a_heads_up_goes_to_each_reference_in_turn(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock, final_round=True)
    with Repository.open(db_path, clock) as repo:
        repo.references.add(new_reference("Dana Lee", "former manager", "dana@example.com"))
        repo.references.add(new_reference("Omar Said"))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("draft:1:references")
        await pilot.pause()
        assert shown(app, "#draft-to").startswith("To Dana Lee, by email to dana@example.com")
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert shown(app, "#draft-to").startswith("To Omar Said, by email")
        await pilot.press("s", "y")
        await pilot.pause()
        assert not isinstance(app.screen, DraftScreen)
    with Repository.open(db_path, clock, access="read") as repo:
        told = [c.references for c in repo.interviews.require(1).contacts]
    assert told == [(1,), (2,)]


async def test_n_writes_the_same_note_to_the_next_person(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert shown(app, "#draft-to").startswith("To Ben Okafor")
        assert "Dear Ben," in note(app).text
        await pilot.press("n")
        await pilot.pause()
        assert shown(app, "#draft-to").startswith("To Ana Ruiz")


@pytest.fixture
def fake_opener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An xdg-open in a desktop session that writes down the link it was given."""
    folder = tmp_path / "bin"
    folder.mkdir()
    seen = tmp_path / "opened"
    opener = folder / "xdg-open"
    opener.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {seen}\n', encoding="utf-8")
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":0")
    return seen


async def test_o_hands_the_note_as_edited_to_the_mail_program(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, fake_opener: Path
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        note(app).load_text("Subject: Thanks & more\n\nDear Ana,\nA ?line=1#x")
        await pilot.press("o")
        for _ in range(50):
            await pilot.pause(0.05)
            if fake_opener.exists() and fake_opener.read_text():
                break
        assert "send it yourself" in shown(app, "#draft-status")
    query = parse_qs(urlsplit(fake_opener.read_text()).query)
    assert query == {"subject": ["Thanks & more"], "body": ["Dear Ana,\r\nA ?line=1#x"]}


async def test_o_without_a_mail_program_says_so(
    build_app: AppFactory, db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert "No mail program can be opened from here" in shown(app, "#draft-status")


async def test_e_opens_the_note_in_their_editor_and_keeps_the_changes(
    build_app: AppFactory,
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    editor = tmp_path / "my-editor"
    editor.write_text('#!/bin/sh\nprintf "P.S. soon\\n" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    add_acme(db_path, clock)
    app = build_app()

    @contextlib.contextmanager
    def suspended() -> Iterator[None]:
        yield  # the test's terminal is headless: nothing to hand over

    monkeypatch.setattr(app, "suspend", suspended)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        before = note(app).text
        await pilot.press("e")
        await pilot.pause()
        assert note(app).text == before + "\nP.S. soon"
        assert "Back from your editor" in shown(app, "#draft-status")


async def test_t_on_an_interview_opens_its_note(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("interview:1")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert shown(app, "#draft-title").startswith("A thank-you note")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_t_with_nothing_due_offers_the_notes_that_fit(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        offer = new_interview(company="Hooli", role="SRE", held_on=date(2026, 2, 20))
        repo.interviews.add(set_outcome(offer, Outcome.OFFER_WRITTEN, date(2026, 3, 2)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("interview:1")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert [kind.value for kind in app.screen.values] == ["references", "accept", "decline"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert shown(app, "#draft-title").startswith("Declining the offer · Hooli")


async def test_a_note_that_no_longer_fits_says_why(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_target("draft:1:in_writing")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert shown(app, "#draft-title") == "No note to write here"
        assert "In-writing asks to have a verbal offer in writing" in shown(app, "#draft-refused")
        assert app.screen.check_action("copy", ()) is False


async def test_your_name_from_settings_signs_the_draft(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    from textual.widgets import Input

    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_go("settings")
        await pilot.pause()
        app.screen.query_one("#your-name", Input).value = "Sam Park"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.action_go("home")
        await pilot.pause()
        await open_thank_you(pilot)
        assert note(app).text.endswith("Best wishes,\nSam Park")


async def test_i_opens_the_interview_the_note_is_about(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    add_acme(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thank_you(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
