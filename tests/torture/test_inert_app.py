"""Every place and dialog of the app, on a hostile database: the text shows, inert.

The database (tests/hostile_data.py) holds markup and terminal attacks in
every text a person typed or imported. Each case below opens a place or a
dialog (some in several states: a revealed answer, each step of a debrief, a
filter's list, a notification) and reads what the compositor would send to
the terminal: no control character may be in it, and the markup must show as
typed, with the controls as their visible symbols. Every screen class of the
app must be opened by at least one case (a test fails for a new one that is
not), and the command palette and the help are opened over each place.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

import companion.tui
from companion.tui.app import CompanionApp
from companion.tui.navigation import DESTINATIONS
from tests.conftest import AppFactory
from tests.hostile_data import DECK_SHOWN, DECK_TOML, NOW, OSC52, build_hostile, controls_in
from tests.torture.literal_input import screen_lines

pytestmark = pytest.mark.slow

MARKUP = "[bold]x[/]"
PICTURE = "␛"
SIZE = (140, 60)

Steps = Callable[[CompanionApp, Pilot[None]], Awaitable[None]]


@dataclass(frozen=True)
class Case:
    name: str
    screen: str  # the class name of the screen on top once `steps` ran
    steps: Steps
    shows: tuple[str, ...] = (MARKUP, PICTURE)
    welcomed: bool = True
    keymap: str | None = None  # a keymap file's text, in a file whose name is hostile


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    await pilot.press(*pressed)
    await pilot.pause()


def go(mode: str, *pressed: str) -> Steps:
    async def steps(app: CompanionApp, pilot: Pilot[None]) -> None:
        app.action_go(mode)
        await pilot.pause()
        await keys(pilot, *pressed)

    return steps


def target(name: str, *pressed: str) -> Steps:
    async def steps(app: CompanionApp, pilot: Pilot[None]) -> None:
        app.open_target(name)
        await pilot.pause()
        await keys(pilot, *pressed)

    return steps


async def nothing(app: CompanionApp, pilot: Pilot[None]) -> None:
    await pilot.pause()


async def pacer_finished(app: CompanionApp, pilot: Pilot[None]) -> None:
    app.open_target("breathe")
    await pilot.pause()
    app.screen.finish()  # type: ignore[attr-defined]  # the clock is frozen: skip the minute
    await pilot.pause()


async def quit_guard(app: CompanionApp, pilot: Pilot[None]) -> None:
    from companion.tui.dialogs import QuitGuardScreen

    app.push_screen(QuitGuardScreen(f"companion could not write {app.repo.path}."))
    await pilot.pause()


async def debrief_step(app: CompanionApp, pilot: Pilot[None], saves: int) -> None:
    app.open_target("debrief:2")
    await pilot.pause()
    await keys(pilot, "r")  # from the start
    for _ in range(saves):
        await keys(pilot, "ctrl+s")


def debrief_at(saves: int) -> Steps:
    async def steps(app: CompanionApp, pilot: Pilot[None]) -> None:
        await debrief_step(app, pilot, saves)

    return steps


# Interviews: 1 coming up, 2 Northwind (held today, debriefed), 3 Contoso (waiting),
# 4 Fabrikam (moved on). Questions: 1 with a STAR answer, 2 from the shared deck.
CASES = (
    Case("home", "HomeScreen", nothing),
    Case("first run", "WelcomeScreen", nothing, shows=(), welcomed=False),
    Case("weekly goal", "WeeklyGoalScreen", lambda app, pilot: _call(app, pilot, "weekly_goal")),
    Case("waiting room", "WaitingScreen", go("waiting")),
    Case("waiting room, closed too", "WaitingScreen", go("waiting", "c")),
    Case("interview, today's", "InterviewScreen", target("interview:2")),
    Case("interview, waiting", "InterviewScreen", target("interview:3")),
    Case("interview, moved on", "InterviewScreen", target("interview:4")),
    Case(
        "interview, outcome chosen: a notification",
        "InterviewScreen",
        target("interview:3", "o", "down", "enter", "y"),
        shows=(MARKUP, PICTURE, "A next round."),
    ),
    Case("an outcome asks first", "Confirm", target("interview:3", "o", "down", "enter")),
    Case("an offer's details", "OfferForm", target("interview:6", "O"), shows=(MARKUP,)),
    Case("offers side by side", "OffersScreen", target("offers"), shows=(MARKUP,)),
    Case(
        "interview reopened: a notification",
        "InterviewScreen",
        target("interview:4", "u"),
        shows=(MARKUP, PICTURE, "Back, whole."),
    ),
    Case("log a contact", "ContactForm", target("interview:3", "l")),
    Case("outcome", "OutcomeDialog", target("interview:3", "o")),
    Case("move on", "MoveOnScreen", target("interview:3", "m")),
    Case("edit an interview", "InterviewForm", target("interview:3", "e"), shows=(MARKUP,)),
    Case("next round", "InterviewForm", target("interview:5", "n")),
    Case("a thank-you draft", "DraftScreen", target("draft:2:thank_you")),
    Case("a heads-up draft", "DraftScreen", target("draft:2:references")),
    Case("a check-in draft, from t", "DraftScreen", target("interview:3", "t")),
    Case("a draft, copied", "DraftScreen", target("draft:2:thank_you", "c")),
    Case("a draft, the next person", "DraftScreen", target("draft:2:thank_you", "n")),
    Case("a draft, I sent it", "Confirm", target("draft:2:thank_you", "s")),
    Case("a draft that does not fit", "DraftScreen", target("draft:4:in_writing"), shows=()),
    Case("a speed-up draft, from t", "DraftScreen", target("interview:5", "t")),
    Case("draft a note, a choice", "ChoiceDialog", target("interview:1", "t"), shows=()),
    Case("how it felt", "FitForm", target("interview:2", "f")),
    Case("references told", "InterviewReferences", target("interview:3", "r")),
    Case("your references", "ReferencesScreen", go("waiting", "r")),
    Case("new reference", "ReferenceForm", go("waiting", "r", "n"), shows=()),
    Case("edit a reference", "ReferenceForm", go("waiting", "r", "down", "e"), shows=(MARKUP,)),
    Case("debrief, done", "DebriefScreen", target("debrief:2")),
    *(
        Case(f"debrief, step {n + 1}", "DebriefScreen", debrief_at(n), shows=(MARKUP,))
        for n in range(7)
    ),
    Case("practice", "PracticeScreen", go("practice")),
    Case("practice, answer shown", "PracticeScreen", go("practice", "space")),
    Case("improve an answer", "AnswerForm", go("practice", "e")),
    Case("new question", "QuestionForm", go("practice", "n"), shows=()),
    Case("question bank", "BankScreen", go("bank")),
    Case("bank, tag list open", "BankScreen", go("bank", "t", "enter")),
    Case("bank, interview list open", "BankScreen", go("bank", "o", "enter")),
    Case("edit a question", "QuestionForm", go("bank", "e"), shows=(MARKUP,)),
    Case("answer versions", "AnswerHistoryScreen", go("bank", "v")),
    Case("delete a question", "Confirm", go("bank", "d")),
    Case("starter decks", "DeckPicker", go("bank", "m"), shows=()),
    Case("practice, ticking", "PracticeScreen", go("practice", "space", "t", "space")),
    Case("mock interview, asking", "MockScreen", target("mock:2"), shows=(MARKUP,)),
    Case("mock interview, its end", "MockScreen", target("mock:2", "enter", "enter")),
    Case("mock interview, looking back", "MockScreen", target("mock:2", "enter", "enter", "r")),
    Case("prep card", "PrepScreen", target("prep:1")),
    Case("prep card, from the interview", "PrepScreen", target("interview:1", "g")),
    Case("story bank", "StoriesScreen", go("bank", "y"), shows=(MARKUP,)),
    Case("edit a story", "StoryForm", go("bank", "y", "e"), shows=(MARKUP,)),
    Case("new story", "StoryForm", go("bank", "y", "n"), shows=()),
    Case("stories of a question", "StoryLinks", go("bank", "l"), shows=(MARKUP,)),
    Case("journal", "JournalScreen", go("journal")),
    Case("journal, tag list open", "JournalScreen", go("journal", "t", "enter")),
    Case("journal, interview list open", "JournalScreen", go("journal", "o", "enter")),
    # The journal, newest first: the debrief, two entries, the reflection.
    Case("journal debrief", "EntryScreen", go("journal", "enter")),
    Case("journal entry", "EntryScreen", go("journal", "down", "enter")),
    Case("journal reflection", "EntryScreen", go("journal", "end", "enter")),
    Case("edit an entry", "EntryForm", go("journal", "down", "e"), shows=(MARKUP,)),
    Case("new entry", "EntryForm", go("journal", "n"), shows=(MARKUP,)),
    Case("delete an entry", "Confirm", go("journal", "down", "d")),
    Case("applications", "ApplicationsScreen", go("applications")),
    Case("edit an application", "ApplicationForm", go("applications", "e"), shows=(MARKUP,)),
    Case("application status", "StatusDialog", go("applications", "t")),
    Case("delete an application", "Confirm", go("applications", "d")),
    Case("settings", "SettingsScreen", go("settings"), shows=()),
    Case(
        "a keymap with mistakes: a notification",
        "HomeScreen",
        nothing,
        shows=(MARKUP, PICTURE, "keymap␛]52;c;SGVsbG8=␇.toml, line 1"),
        keymap='[bold]x[/] = "f2"\nhome = "f2\u001b"\n',
    ),
    Case("export", "ExportScreen", target("export"), shows=(PICTURE,)),
    Case("breathing", "PacerScreen", target("breathe"), shows=()),
    Case(
        "parked thoughts at the check-in",
        "ParkedThoughts",
        lambda app, pilot: _parked(app, pilot, 0),
    ),
    Case(
        "a parked thought naming an interview a note is due to",
        "ParkedThoughts",
        lambda app, pilot: _parked(app, pilot, 2),
        shows=(MARKUP, PICTURE, "Write the note for Northwind [bold]x[/] $x {y}"),
    ),
    Case(
        "a let-go thought looked back on",
        "ParkedThoughts",
        lambda app, pilot: _parked(app, pilot, 1),
    ),
    Case(
        "kind words after a rejection",
        "KindWords",
        target("interview:3", "o", *["down"] * 5, "enter", "y"),
    ),
    Case("writing programme", "WritingProgramme", go("journal", "W"), shows=()),
    Case("after breathing", "PacerScreen", pacer_finished),
    Case("quit guard", "QuitGuardScreen", quit_guard, shows=(PICTURE,)),
    Case("help", "HelpScreen", target("interview:3", "question_mark"), shows=()),
)

# Screens that are never shown themselves: the bases others build on.
BASES = {
    "Dialog",
    "FormScreen",
    "ChoiceDialog",
    "InterviewActions",
    "_QuestionFields",
    "RecordListScreen",
    "Place",  # the base of the six places (screens/place.py)
}


async def _parked(app: CompanionApp, pilot: Pilot[None], which: int) -> None:
    """The check-in's dialog (the frozen morning is before the slot, so it is opened here):
    the thought that waits (0), the one let go, looked back on (1), or one that names an
    interview by its whole hostile name, whose thank-you is due (2: "do something" offers
    that note's draft)."""
    from companion.domain.worries import Offer
    from companion.services import worries
    from companion.tui.dialogs import ParkedThoughts

    waiting, gone = app.repo.worries.all()
    if which == 2:
        (northwind,) = (i for i in app.repo.interviews.all() if i.company.startswith("Northwind"))
        waiting = worries.park(app.repo, f"Did {northwind.company} write back?")
    offer = Offer(parked=(waiting,)) if which != 1 else Offer(looking_back=(gone,))
    app.push_screen(ParkedThoughts(offer, app.repo.interviews.all()))
    await pilot.pause()


async def _call(app: CompanionApp, pilot: Pilot[None], action: str) -> None:
    await app.run_action(action)
    await pilot.pause()


def app_screens() -> set[str]:
    """The name of every screen class defined in the app's package."""
    found: set[str] = set()
    for module in pkgutil.walk_packages(companion.tui.__path__, "companion.tui."):
        loaded = importlib.import_module(module.name)
        for name, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == loaded.__name__:
                found.add(name)
    return found - BASES


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path, _ = build_hostile(tmp_path_factory.mktemp("hostile"))
    yield path.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database in a folder whose name holds an escape sequence (the export and the
    quit guard show the path)."""
    return tmp_path / f"data{OSC52}" / "companion.json"


@pytest.fixture
def hostile_app(hostile: Path, db_path: Path, build_app: AppFactory) -> AppFactory:
    """The app on a copy of the hostile database."""
    shutil.copytree(hostile, db_path.parent)
    return build_app


def on_screen(app: CompanionApp) -> str:
    return "\n".join(screen_lines(app))


def widget_texts(app: CompanionApp) -> Iterator[tuple[str, str]]:
    """(widget, text) for what every widget of every open screen holds to show, painted or
    not (scrolled out of view, in a collapsed list): statics, options, cells, text areas."""
    for screen in app.screen_stack:
        for widget in screen.walk_children(with_self=False):
            name = f"{type(widget).__name__}#{widget.id}"
            if isinstance(widget, Static):
                yield name, getattr(widget.visual, "plain", "")
            elif isinstance(widget, OptionList):
                for index in range(widget.option_count):
                    prompt = widget.get_option_at_index(index).prompt
                    yield name, getattr(prompt, "plain", str(prompt))
            elif isinstance(widget, DataTable):
                for row in range(widget.row_count):
                    for cell in widget.get_row_at(row):
                        yield name, getattr(cell, "plain", str(cell))
            elif isinstance(widget, TextArea):
                yield name, widget.text
            elif isinstance(widget, Input):
                yield name, widget.value


def assert_inert(app: CompanionApp, shows: tuple[str, ...]) -> None:
    text = on_screen(app)
    for row in screen_lines(app):
        bad = controls_in(row, allowed="")
        assert not bad, f"{bad!r} reach the terminal on {type(app.screen).__name__}:\n{text}"
    for name, held in widget_texts(app):
        bad = controls_in(held, allowed="\n\t")
        assert not bad, f"{bad!r} would reach the terminal from {name}: {held!r}"
    for shown in shows:
        assert shown in text, f"{shown!r} is not on {type(app.screen).__name__}:\n{text}"


def test_every_screen_of_the_app_is_opened_on_the_hostile_database() -> None:
    covered = {case.screen for case in CASES}
    missing = app_screens() - covered
    assert not missing, f"add a case that opens {sorted(missing)} to CASES in {__name__}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
async def test_each_place_and_dialog_shows_hostile_text_inert(
    case: Case, hostile_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.keymap is not None:
        keymap = tmp_path / f"keymap{OSC52}.toml"
        keymap.write_text(case.keymap, encoding="utf-8")
        monkeypatch.setenv("COMPANION_KEYMAP", str(keymap))
        monkeypatch.setenv("COMPANION_THEME", f"dusk{OSC52}")
    app = hostile_app(welcomed=case.welcomed, weekly_goal=5)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await case.steps(app, pilot)
        await pilot.pause()
        assert type(app.screen).__name__ == case.screen, on_screen(app)
        assert_inert(app, case.shows)


@pytest.mark.parametrize("destination", DESTINATIONS, ids=lambda d: d.mode)
async def test_the_palette_and_the_help_over_each_place_are_inert(
    destination: object, hostile_app: AppFactory
) -> None:
    app = hostile_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_go(destination.mode)  # type: ignore[attr-defined]
        await pilot.pause()
        await keys(pilot, "ctrl+p")
        assert_inert(app, ())
        await keys(pilot, "escape", "question_mark")
        assert_inert(app, ())


async def test_a_shared_deck_shows_inert_in_the_bank_and_in_practice(
    tmp_path: Path, db_path: Path, build_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companion.cli.main import main

    monkeypatch.setenv("COMPANION_FROZEN_NOW", NOW.isoformat())
    deck = tmp_path / "shared.toml"
    deck.write_text(DECK_TOML, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(deck)]) == 0
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        (question,) = app.repo.questions.all()
        assert OSC52 in question.text  # stored as written
        for place in ("bank", "practice"):
            app.action_go(place)
            await pilot.pause()
            assert_inert(app, (DECK_SHOWN[:40],))
