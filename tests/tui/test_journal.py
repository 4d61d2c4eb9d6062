"""The journal, driven with Pilot: writing, reading, editing, deleting, searching and filtering."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Select, Static

from companion.clock import FrozenClock
from companion.domain.journal import new_entry
from companion.store.repository import Repository
from companion.tui.app import CompanionApp
from companion.tui.commands import ScreenKeys
from companion.tui.dialogs import Confirm, EntryForm
from companion.tui.literal import literal, visible
from companion.tui.screens.debrief import DebriefScreen
from companion.tui.screens.home import HomeScreen
from companion.tui.screens.interview import InterviewScreen
from companion.tui.screens.journal import LIST_LIMIT, JournalScreen
from companion.tui.screens.journal_entry import EntryScreen
from companion.tui.widgets import MoodLine, TextBox, TextField
from tests.conftest import AppFactory
from tests.seed_journal import seed_journal
from tests.unit.test_journal_store import AWKWARD, LONG


def text(app: CompanionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def rows(app: CompanionApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [
        " | ".join(str(cell) for cell in table.get_row_at(index))
        for index in range(table.row_count)
    ]


async def test_the_journal_is_loaded_only_when_it_is_opened(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.repo.db.loaded_parts() == []
        await pilot.press("w", "enter")  # the waiting room and an interview's view
        await pilot.pause()
        assert app.repo.db.loaded_parts() == []
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert app.repo.db.loaded_parts() == ["debriefs", "journal"]


async def test_the_list_newest_first_with_debriefs_reflections_and_the_mood_line(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        listed = rows(app)
        assert [row.split(" | ")[0] for row in listed] == [
            "Tue 3 Mar",
            "Mon 2 Mar",
            "Sun 1 Mar",
            "Sat 28 Feb",
            "Wed 25 Feb",
            "Thu 19 Feb",
            "Wed 11 Feb",
            "Tue 10 Feb",
        ]
        assert listed[1].startswith("Mon 2 Mar | low | Nervous about tomorrow at Acme.")
        assert listed[1].endswith("| Acme · Platform…")
        assert "Moving on  Ask about the timeline before leaving the room." in listed[2]
        assert "Globex said they would decide soon. [bold]Not[/] checking" in listed[3]
        assert listed[7].startswith("Tue 10 Feb | steady | Debrief  Long, but they were kind.")
        assert text(app, "#journal-count") == "6 entries · 1 debrief · 1 reflection"
        moods = app.screen.query_one(MoodLine)
        assert str(moods.render()) == "Mood  Mon 2 Feb ········▄▆·······▁·····█··▄·▂▆ today"


async def test_search_and_filters(build_app: AppFactory, db_path: Path, clock: FrozenClock) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "slash", *"inbox NOT")
        await pilot.pause()
        assert len(rows(app)) == 1
        assert "Globex said" in rows(app)[0]
        assert text(app, "#journal-count").startswith("Showing 1 of 8")
        await pilot.press("ctrl+u", *"no such words")
        await pilot.pause()
        assert text(app, "#journal-empty") == "Nothing matches these filters."
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert len(rows(app)) == 8
        app.screen.query_one("#tag", Select).value = "friends"
        await pilot.pause()
        assert [r.split(" | ")[2][:8] for r in rows(app)] == ["Wrote to", "Coffee w"]
        app.screen.query_one("#tag", Select).clear()
        interview = app.screen.query_one("#interview", Select)
        globex = next(i.id for i in app.repo.interviews.all() if i.company == "Globex")
        interview.value = globex
        await pilot.pause()
        assert len(rows(app)) == 1 and "Debrief" in rows(app)[0]


async def test_write_read_edit_and_delete_an_entry_exactly_as_typed(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    typed = "Calmer [bold]today[/] [@click=app.quit]x[/] 日本語 ✨"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert "Your journal is empty." in text(app, "#journal-empty")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press("tab", "9", "tab", *"x" * 45, "ctrl+s")  # no entry, no mood 9
        await pilot.pause()
        assert text(app, "#text-error").startswith("Entry: the entry is empty")
        assert text(app, "#tags-error").startswith("Tags: ")
        assert app.screen.query_one("#mood", TextField).value == ""  # 9 cannot be typed
        app.screen.query_one("#tags", TextField).value = "Calm, walk"
        app.screen.query_one("#text", TextBox).focus()
        await pilot.press(*typed, "enter", *"Second line.", "tab", "4", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert rows(app)[0].startswith("Tue 3 Mar | good | Calmer [bold]today[/]")

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert text(app, "#entry-text") == f"{typed}\nSecond line."
        assert text(app, "#entry-facts") == "mood 4 · good · calm, walk"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        app.screen.query_one("#text", TextBox).text = "Edited [/] words"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert text(app, "#entry-text") == "Edited [/] words"
        assert text(app, "#entry-facts").endswith("edited Tue 3 Mar")

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert rows(app) == []
    with Repository.open(db_path, clock, access="read") as repo:
        assert repo.journal.all() == []


async def test_unicode_markup_and_a_100kb_entry_are_shown_exactly(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        repo.journal.add(new_entry(LONG, clock.now() - timedelta(hours=1)))
        repo.journal.add(new_entry(AWKWARD, clock.now()))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert rows(app)[0].split(" | ")[2].startswith("Café ☕ — 日本語の面接")
        await pilot.press("enter")
        await pilot.pause()
        # Control characters are shown as their symbols (the bell as ␇), the rest as typed.
        assert text(app, "#entry-text") == AWKWARD.strip().replace("\x07", "␇")
        await pilot.press("escape", "down", "enter")
        await pilot.pause()
        assert text(app, "#entry-text") == LONG.strip()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#text", TextBox).text == LONG.strip()
        await pilot.press("ctrl+s")  # unchanged: nothing rewritten, no "edited" mark
        await pilot.pause()
        assert text(app, "#entry-facts") == ""
        assert isinstance(app, CompanionApp)  # the [@click=app.quit] link did not quit


async def test_debriefs_and_reflections_are_read_only_and_link_to_their_interview(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        screen.query_one(DataTable).move_cursor(row=2)  # the move-on reflection
        await pilot.pause()
        assert screen.check_action("edit", ()) is False
        assert screen.check_action("delete", ()) is False
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert text(app, "#entry-title") == "Moving on · Stark · Engineer · Sun 1 Mar"
        assert text(app, "#entry-text") == "Ask about the timeline before leaving the room."
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()

        screen.query_one(DataTable).move_cursor(row=7)  # the Globex debrief
        await pilot.pause()
        assert screen.check_action("delete", ()) is False
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#entry-title") == "Debrief · Globex · Data analyst · Tue 10 Feb"
        body = "\n".join(str(s.render()) for s in app.screen.query(".section-body"))
        assert "· Why Globex?" in body
        assert "They expect to decide by Fri 20 Feb." in body
        await pilot.press("e")  # continues the debrief
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_every_journal_key_is_in_the_palette(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        provider = ScreenKeys(app.screen)
        titles = [title for title, _, _ in provider._available()]
        for wanted in ("Write", "Read", "Edit", "Delete", "Search", "Filter by tag"):
            assert f"Journal: {wanted}" in titles


async def test_the_palette_writes_in_the_journal_from_anywhere(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Write in the journal"].callback()
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press(*"From the palette", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert rows(app)[0].startswith("Tue 3 Mar |  | From the palette")


async def test_a_search_looks_through_what_was_read_last(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    seed_journal(db_path, clock)
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert journal.haystacks is None  # nothing to look through before a search
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert text(app, "#journal-empty") == "Nothing matches these filters."
        app.repo.journal.add(new_entry("A zebra crossing on the way in", clock.now()))
        await pilot.press("escape", "h", "j")
        await pilot.pause()
        assert app.screen is journal
        assert len(rows(app)) == 1 and "A zebra crossing" in rows(app)[0]


async def test_a_long_journal_lists_the_newest_and_search_reaches_the_rest(
    build_app: AppFactory, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        with repo.db.batch():
            for number in range(250):
                at = clock.now() - timedelta(hours=number)
                repo.journal.add(new_entry(f"Entry number {number:03}", at))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert len(rows(app)) == LIST_LIMIT == 200
        assert "Entry number 000" in rows(app)[0]
        assert text(app, "#journal-count") == (
            "The newest 200 of 250; search or filter for older ones · 250 entries · 0 debriefs"
        )
        await pilot.press("slash", *"number 249")
        await pilot.pause()
        assert len(rows(app)) == 1 and "Entry number 249" in rows(app)[0]


def test_control_characters_are_shown_as_symbols_and_the_rest_as_typed() -> None:
    assert visible("a\x1b[31mred\x07\x00\x7f\r\nb\tc\rd") == "a␛[31mred␇␀␡\nb\tc␍d"
    assert literal("[bold]x[/]").plain == "[bold]x[/]"
