"""What an Action's `target` opens: a small registry by prefix.

A target is `prefix` or `prefix:argument` ("interview:3", "applications:new",
"practice"). `CompanionApp.open_target` looks the prefix up here; a prefix not
registered but naming a Destination's mode switches to that place; anything
else is ignored. A capability registers its own opener with one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.domain.numbers import whole_number

if TYPE_CHECKING:
    from companion.tui.app import CompanionApp

Opener = Callable[["CompanionApp", str], object]


def _breathe(app: CompanionApp, argument: str) -> None:
    """`breathe` paces the pattern chosen in settings; `breathe:sigh` or `breathe:box` that one."""
    from companion.domain.breathing import PATTERNS, pattern_named
    from companion.tui.screens.pacer import PacerScreen

    pattern = PATTERNS.get(argument) or pattern_named(app.repo.settings.get().breathing_pattern)
    app.push_screen(PacerScreen(pattern))


def _applications(app: CompanionApp, argument: str) -> None:
    """`applications:new` opens the form over the current screen; else the list."""
    if argument == "new":
        from companion.tui.dialogs import log_application

        log_application(app)
    else:
        app.action_go("applications")


def _interview(app: CompanionApp, argument: str) -> None:
    """`interview:N` opens that interview in the waiting room; an unknown one, nothing.
    `interview:new` opens the form to log one, over the current screen."""
    from companion.tui.screens.interview import InterviewScreen

    if argument == "new":
        _new_interview(app)
        return
    interview_id = whole_number(argument)
    if interview_id is not None and app.repo.interviews.get(interview_id) is not None:
        app.action_go("waiting")
        app.push_screen(InterviewScreen(interview_id))


def _new_interview(app: CompanionApp) -> None:
    from companion.tui.context import refuse_when_read_only
    from companion.tui.dialogs import InterviewForm

    if refuse_when_read_only(app.screen):
        return

    def added(interview_id: int | None) -> None:
        if interview_id is not None:
            _interview(app, str(interview_id))

    app.push_screen(InterviewForm(), added)


def _offers(app: CompanionApp, argument: str) -> None:
    from companion.tui.screens.offers import OffersScreen

    app.action_go("waiting")
    app.push_screen(OffersScreen())


def _export(app: CompanionApp, argument: str) -> None:
    from companion.tui.dialogs import ExportScreen

    app.push_screen(ExportScreen())


def _debrief(app: CompanionApp, argument: str) -> None:
    """`debrief:N` opens that interview's debrief where it was left; an unknown one, nothing."""
    from companion.tui.screens.debrief import open_debrief

    interview_id = whole_number(argument)
    if interview_id is not None:
        open_debrief(app, interview_id)


def _draft(app: CompanionApp, argument: str) -> None:
    """`draft:N:KIND` opens the draft of that note (KIND as the timeline names it,
    `thank_you`, or as the CLI does, `thank-you`); `draft:N`, its current action's."""
    from companion.domain.drafts import FOR_SUGGESTION, DraftKind
    from companion.tui.screens.draft import DraftScreen

    number, _, named = argument.partition(":")
    interview_id = whole_number(number)
    if interview_id is None or app.repo.interviews.get(interview_id) is None:
        return
    kind = FOR_SUGGESTION.get(named)
    if kind is None and named in {k.value for k in DraftKind}:
        kind = DraftKind(named)
    app.push_screen(DraftScreen(interview_id, kind))


def _journal(app: CompanionApp, argument: str) -> None:
    """`journal:new` opens a new entry over the journal; else the journal."""
    app.action_go("journal")
    if argument == "new":
        from companion.tui.dialogs import write_entry

        write_entry(app)


def _prep(app: CompanionApp, argument: str) -> None:
    """`prep:N` opens that interview's prep card; an unknown one, nothing."""
    from companion.tui.screens.prep import PrepScreen

    interview_id = whole_number(argument)
    if interview_id is not None and app.repo.interviews.get(interview_id) is not None:
        app.push_screen(PrepScreen(interview_id))


def _mock(app: CompanionApp, argument: str) -> None:
    """`mock:N`, `mock:N:interview:ID` or `mock:N:tag:TAG`: a mock interview over practice."""
    from companion.services import practice
    from companion.tui.screens.mock import MockScreen

    count_text, _, rest = argument.partition(":")
    kind, _, value = rest.partition(":")
    count = whole_number(count_text) or 5
    interview_id = whole_number(value) if kind == "interview" else None
    tag = value if kind == "tag" else None
    app.action_go("practice")
    questions, about = practice.mock_for(app.repo, count, interview_id=interview_id, tag=tag)
    app.push_screen(MockScreen(questions, about))


TARGETS: dict[str, Opener] = {
    "interview": _interview,
    "breathe": _breathe,
    "applications": _applications,
    "export": _export,
    "debrief": _debrief,
    "draft": _draft,
    "journal": _journal,
    "offers": _offers,
    "prep": _prep,
    "mock": _mock,
}
