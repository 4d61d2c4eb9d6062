"""The waiting room: each interview with its phase and the next date worth knowing.

It says when, never how long: no counters of days waited here.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.interviews import Interview
from companion.domain.timeline import Phase
from companion.domain.waiting import Waiting
from companion.services import interviews
from companion.tui.context import ShownFor, app_of, refuse_when_read_only
from companion.tui.dialogs import InterviewForm, ReferencesScreen
from companion.tui.literal import one_line
from companion.tui.screens.interview_actions import InterviewActions
from companion.tui.screens.place import Place
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.lists import StillList
from companion.tui.widgets.nav_bar import NavBar

PHASE_STYLES = {
    Phase.UPCOMING: "bold $primary",
    Phase.THANK_YOU: "bold $accent",
    Phase.FOLLOW_UP: "bold $primary",
    Phase.DECIDE: "bold $secondary",
    Phase.MOVE_ON: "bold $secondary",
    Phase.QUIET: "$foreground-muted",
    Phase.CLOSED: "$foreground-muted",
}
PHASE_COLUMN = 11
INTRO = "Each interview with the next date worth knowing. Until then, nothing here needs checking."
EMPTY = (
    "No interviews yet. Press n to log one, and companion will keep the dates: when a "
    "thank-you is best sent, when a check-in is polite, and when it is fine to move on."
)


def interview_line(interview: Interview) -> str:
    extra = interview.round_words
    return f" · {', '.join(extra)}" if extra else ""


def row_prompt(row: Waiting) -> Content:
    """Two lines: the phase word and the interview, then its next step under the title."""
    interview, timeline = row.interview, row.timeline
    closed = not interview.is_open
    return Content.assemble(
        (f"{timeline.phase.word:<{PHASE_COLUMN}}", PHASE_STYLES[timeline.phase]),
        (one_line(interview.title), "$foreground-muted" if closed else "bold"),
        (one_line(interview_line(interview)), "$foreground-muted"),
        "\n",
        (" " * PHASE_COLUMN, PHASE_STYLES[timeline.phase]),
        (one_line(timeline.next_step), "$foreground-muted" if closed else "not bold"),
    )


class InterviewList(StillList):
    """The list of interviews; enter opens the highlighted one (shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.option_count > 0 if action == "select" else True


class WaitingScreen(InterviewActions, Place):
    TITLE = "Waiting room"
    DEFAULT_CSS = """
    WaitingScreen #interviews {
        height: 1fr;
        margin-top: 1;
        background: $background;
        border: none;
    }
    WaitingScreen #waiting-page {
        padding: 1 2 0 2;
    }
    WaitingScreen #waiting-showing {
        margin-top: 1;
    }
    WaitingScreen #waiting-empty {
        margin-top: 1;
    }
    """
    # In the order the footer shows them; at 80 columns the last ones are in `?` help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("n", "new", "New"),
        Binding("l", "log", "Log contact"),
        Binding("o", "outcome", "Outcome"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
        Binding("m", "move_on", "Move on"),
        Binding("u", "reopen", "Reopen"),
        Binding("c", "toggle_closed", "Closed too"),
        Binding("r", "your_references", "References", show=False),
        Binding("O", "offer", "Offer details", show=False),
        Binding("v", "offers", "Offers side by side", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.read_for = ShownFor()
        self.show_closed = False
        self.rows: list[Waiting] = []
        self.any_at_all = False

    def compose(self) -> ComposeResult:
        yield NavBar("waiting")
        with Vertical(id="waiting-page"):
            yield Static(INTRO, id="waiting-intro", classes="quiet")
            yield InterviewList(id="interviews")
            yield Static(id="waiting-empty")
            yield Static(id="waiting-showing", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#interviews", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.read_for.moved(self):
            self.reload(self._highlighted_id())

    def _highlighted_id(self) -> int | None:
        options = self.query_one("#interviews", OptionList)
        if options.highlighted is None or options.highlighted >= len(self.rows):
            return None
        return self.rows[options.highlighted].id

    def reload(self, highlight: int | None = None) -> None:
        self.read_for.mark(self)
        app = app_of(self)
        repo = app.repo
        self.rows = interviews.waiting_rows(repo, include_closed=self.show_closed)
        options = self.query_one("#interviews", OptionList)
        options.clear_options()
        options.add_options(Option(row_prompt(row), id=str(row.id)) for row in self.rows)
        ids = [row.id for row in self.rows]
        if ids:
            options.highlighted = ids.index(highlight) if highlight in ids else 0
        options.display = bool(ids)
        empty = self.query_one("#waiting-empty", Static)
        empty.display = not ids
        self.any_at_all = any_at_all = repo.interviews.count() > 0
        empty.update(EMPTY if not any_at_all else "Nothing open. Press c to see the closed ones.")
        showing = self.query_one("#waiting-showing", Static)
        showing.display = any_at_all
        showing.update(
            "Showing open and closed interviews. c hides the closed ones."
            if self.show_closed
            else "Showing open interviews. c shows the closed ones too."
        )
        self.refresh_bindings()

    def current(self) -> Interview | None:
        options = self.query_one("#interviews", OptionList)
        if options.highlighted is None or not self.rows:
            return None
        return self.rows[options.highlighted].interview

    def after_change(self, interview_id: int | None) -> None:
        self.reload(interview_id if interview_id is not None else self._highlighted_id())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return bool(self.rows)
        if action in ("new", "your_references", "app.help"):
            return True
        if action == "toggle_closed":
            return self.any_at_all
        return self.interview_check(action, self.current() if self.is_mounted else None)

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from companion.tui.screens.interview import InterviewScreen

        interview = self.current()
        if interview is not None and interview.id is not None:
            self.app.push_screen(InterviewScreen(interview.id))

    def action_new(self) -> None:
        if refuse_when_read_only(self):
            return

        def added(interview_id: int | None) -> None:
            self.after_change(interview_id)
            if interview_id is not None:
                self._next_note(interview_id)

        self.app.push_screen(InterviewForm(), added)

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.reload(self._highlighted_id())

    def action_your_references(self) -> None:
        self.app.push_screen(ReferencesScreen())
