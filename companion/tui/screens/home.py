"""Home: the calm summary in place of an inbox, and the keys to act on it."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.interviews import Interview
from companion.domain.prep import soonest_upcoming
from companion.domain.summary import Summary, part_of_day
from companion.services import summary as summaries
from companion.tui.context import app_of, read_only_sentence
from companion.tui.literal import line, literal
from companion.tui.screens.home_worry import offer_parked_thoughts, show_urge_hint
from companion.tui.widgets import GentleBar, UrgeChart
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

URGE_HINT = "Feel like checking your inbox? Press i and breathe for a minute instead."
# Day one (calm.md, rule 9): how to begin.
START = "Had an interview, or one coming up? n logs it, and companion keeps the dates."


def greeting(hour: int) -> str:
    """The same part of the day the day's suggestion is chosen for."""
    return f"Good {part_of_day(hour)}."


def next_interview(summary: Summary, today: date) -> Interview | None:
    """The soonest open interview held on a future day, from the summary's rows."""
    return soonest_upcoming((row.interview for row in summary.waiting), today)


def coming_up_lines(summary: Summary, prep_for: int | None = None) -> list[Content]:
    """The interviews still to come: never "waiting to hear" (calm.md, rule 10). The
    one `prep_for` names (the next) says that g opens its prep card."""
    return [
        Content.assemble(
            ("Coming up  ", "$foreground-muted"),
            line(row.interview.title),
            f", {row.timeline.next_step.removeprefix('interview ')}",
            (": g opens its prep card" if row.id == prep_for else "", "$foreground-muted"),
        )
        for row in summary.coming_up
    ]


def also_lines(summary: Summary, offers: int = 0) -> list[str]:
    """Quiet pointers to the places that hold more, for what the actions did not mention."""
    kinds = {action.kind for action in summary.actions}
    lines = []
    if summary.more:
        lines.append(f"and {summary.more} more: w")
    if offers >= 2:
        lines.append(f"{offers} offers in hand: v sets them side by side.")
    waiting = summary.waiting_to_hear
    if waiting:
        count = len(waiting)
        lines.append(
            f"Waiting to hear from {count} interview{'s' if count > 1 else ''}: "
            "w shows each one's next kind date."
        )
    if summary.practice_due and "practice" not in kinds:
        count = summary.practice_due
        lines.append(
            f"{count} question{'s are' if count > 1 else ' is'} ready to practise "
            "whenever you like: p."
        )
    return lines


class HomeScreen(Screen[None]):
    TITLE = "Home"
    # 2 and 3 have no description of their own: "1-3 Open" stands for all three
    # in the footer and the help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "breathe", "Breathe", tooltip="I want to check my inbox"),
        Binding("n", "log_interview", "Log interview"),
        Binding("l", "log_application", "Log application"),
        # Out of the footer (it would push ? Help off at 80 columns): the Coming up line
        # says that g opens the prep card, and the help lists it.
        Binding(
            "g", "prep", "Get ready", show=False, tooltip="The prep card of your next interview"
        ),
        Binding("1", "act(1)", "Open", key_display="1-3"),
        Binding("2", "act(2)", "", show=False),
        Binding("3", "act(3)", "", show=False),
        Binding("v", "offers", "Offers side by side", show=False),
    ]

    summary: Summary | None = None
    offers = 0
    # The next interview still to come, whose prep card g opens.
    prep_for: int | None = None
    # The data's change count and the minute the summary shown was made for.
    shown_for: tuple[int, datetime] | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("home")
        with VerticalScroll(id="home", classes="page"):
            yield Static(id="today", classes="quiet")
            yield Static(id="message", classes="headline")
            yield Static(START, id="start")
            yield Static(id="actions")
            yield Static(id="coming-up")
            yield Static(id="suggestion-title", classes="section-title")
            yield Static(id="suggestion")
            yield Static(id="also", classes="quiet")
            yield GentleBar("Applied this week", 0, 0, id="applied")
            yield Static(id="rest", classes="quiet")
            yield Static(id="checkin", classes="quiet")
            yield UrgeChart(compact=True, id="urges")
            yield Static(URGE_HINT, id="urge-hint", classes="quiet")
            yield Static(id="read-only", classes="quiet")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_summary()
        self.call_after_refresh(offer_parked_thoughts, self)

    def on_screen_resume(self) -> None:
        self.refresh_summary()
        show_urge_hint(self)
        self.call_after_refresh(offer_parked_thoughts, self)

    def refresh_summary(self) -> None:
        """Show the summary, unless the one shown is of the same data and minute.

        At start the screen is mounted and then resumed (twice): the summary of a
        heavy history is made once instead of three times.
        """
        app = app_of(self)
        now = app.clock.now()
        made_for = (app.changes, now.replace(second=0, microsecond=0))
        if made_for == self.shown_for:
            return
        first = self.shown_for is None
        self.shown_for = made_for
        summary = app.first_summary(now) if first else summaries.summary(app.repo)
        self.query_one("#today", Static).update(
            Content(f"{greeting(now.hour)} {friendly(now.date())}.")
        )
        self.show(summary)
        self.show_read_only()

    def on_data_opened(self) -> None:
        """Drawn before the database was opened (tui/app.py, `make_app`): what only
        the database can say."""
        self.show_read_only()
        offer_parked_thoughts(self)

    def show_read_only(self) -> None:
        app = app_of(self)
        read_only = self.query_one("#read-only", Static)
        read_only.display = app.read_only
        if app.read_only:
            read_only.update(literal(read_only_sentence(app.repo)))

    def show(self, summary: Summary) -> None:
        self.summary = summary
        self.query_one("#message", Static).update(literal(summary.message))
        self.query_one("#start", Static).display = summary.first_day
        actions = self.query_one("#actions", Static)
        actions.display = bool(summary.actions)
        actions.update(
            Content("\n").join(
                Content.assemble((f"{n}. ", "$primary"), line(action.text))
                for n, action in enumerate(summary.actions, start=1)
            )
        )
        has_suggestion = summary.suggestion is not None
        self.query_one("#suggestion-title", Static).display = has_suggestion
        self.query_one("#suggestion-title", Static).update("A kind use of the time")
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = has_suggestion
        suggestion.update(literal(summary.suggestion or ""))
        coming = self.query_one("#coming-up", Static)
        upcoming = next_interview(summary, app_of(self).clock.today())
        self.prep_for = upcoming.id if upcoming is not None else None
        coming_lines = coming_up_lines(summary, self.prep_for)
        coming.display = bool(coming_lines)
        coming.update(Content("\n").join(coming_lines))
        also = self.query_one("#also", Static)
        self.offers = sum(1 for row in summary.waiting if row.interview.open_offer)
        lines = also_lines(summary, self.offers)
        also.display = bool(lines)
        also.update(Content("\n").join(line(text) for text in lines))
        bar = self.query_one("#applied", GentleBar)
        bar.display = bool(summary.weekly_goal)
        bar.set_progress(summary.applied_this_week, summary.weekly_goal or 0)
        rest = self.query_one("#rest", Static)
        rest.display = summary.rest is not None
        rest.update(literal(summary.rest or ""))
        checkin = self.query_one("#checkin", Static)
        checkin.display = summary.checkin is not None
        checkin.update(literal(summary.checkin or ""))
        urges = self.query_one("#urges", UrgeChart)
        urges.display = any(summary.urges)
        urges.show(summary.urges, app_of(self).clock.today())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            count = len(self.summary.actions) if self.summary else 0
            number = parameters[0] if parameters else 0
            return isinstance(number, int) and number <= count
        if action in ("log_application", "log_interview"):
            return not app_of(self).read_only
        if action == "offers":
            return self.offers >= 2
        if action == "prep":
            return self.prep_for is not None
        return True

    def action_prep(self) -> None:
        if self.prep_for is not None:
            app_of(self).open_target(f"prep:{self.prep_for}")

    def action_act(self, number: int) -> None:
        """Open what the action numbered `number` is about; nothing when it has no target."""
        actions = self.summary.actions if self.summary else ()
        if 1 <= number <= len(actions) and actions[number - 1].target:
            app_of(self).open_target(actions[number - 1].target or "")

    def action_breathe(self) -> None:
        app_of(self).open_target("breathe")

    def action_log_application(self) -> None:
        app_of(self).open_target("applications:new")

    def action_log_interview(self) -> None:
        app_of(self).open_target("interview:new")

    def action_offers(self) -> None:
        app_of(self).open_target("offers")
