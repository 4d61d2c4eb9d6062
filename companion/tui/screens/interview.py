"""One interview: its timeline as a line of milestones, what is kind to do, all that is logged."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.drafts import DraftKind
from companion.domain.fit import ASPECT_LABELS, ASPECTS
from companion.domain.interviews import Interview, references_told
from companion.domain.prep import is_upcoming
from companion.domain.references import Reference
from companion.domain.timeline import Timeline, milestones
from companion.services import drafts, interviews
from companion.tui.context import app_of
from companion.tui.dialogs import ChoiceDialog
from companion.tui.literal import line, literal
from companion.tui.screens.interview_actions import InterviewActions
from companion.tui.screens.waiting import PHASE_STYLES
from companion.tui.widgets import MilestoneLine
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar


def lines(*parts: Content) -> Content:
    return Content("\n").join(parts)


class InterviewScreen(InterviewActions):
    TITLE = "Interview"
    # Screen CSS, so that it outranks the app's `.headline` margin; scoped to this screen.
    CSS = """
    #title {
        margin-top: 0;
    }
    .status {
        margin-top: 1;
    }
    .section-body {
        margin-left: 2;
    }
    """
    # In the order the footer shows them; at 80 columns the last ones are in `?` help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("l", "log", "Log", tooltip="Log a contact: a thank-you, a check-in, their reply"),
        Binding("o", "outcome", "Outcome"),
        Binding("d", "debrief", "Debrief", tooltip="Write down how it went, a step at a time"),
        Binding("t", "draft", "Draft", tooltip="A note to copy: a thank-you, a check-in, ..."),
        Binding("question_mark", "app.help", "Help", key_display="?", id="help"),
        Binding("f1", "app.help", "Help", show=False, id="help"),
        Binding("m", "move_on", "Move on"),
        Binding("u", "reopen", "Reopen"),
        Binding("n", "next_round", "Next round"),
        Binding("e", "edit", "Edit"),
        Binding("r", "references", "References", show=False),
        Binding("f", "fit", "How it felt", show=False),
        Binding("O", "offer", "Offer details", show=False),
        Binding("v", "offers", "Offers side by side", show=False),
        Binding("g", "prep", "Get ready", tooltip="The prep card: questions, stories, who"),
    ]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self._shown = False

    def current(self) -> Interview | None:
        return app_of(self).repo.interviews.get(self.interview_id)

    def after_change(self, interview_id: int | None) -> None:
        self.refresh(recompose=True)
        self.refresh_bindings()

    def after_moving_on(self) -> None:
        self.app.pop_screen()

    def on_screen_resume(self) -> None:
        # The first resume follows the first compose; later ones follow a dialog or
        # another screen, after which the interview may have changed.
        if self._shown:
            self.refresh(recompose=True)
        self._shown = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "app.help"):
            return True
        if action == "prep":
            interview = self.current() if self.is_mounted else None
            return interview is not None and is_upcoming(interview, app_of(self).clock.today())
        if action == "debrief":
            interview = self.current() if self.is_mounted else None
            return (
                interview is not None
                and interview.held_on <= app_of(self).clock.today()
                and not app_of(self).repo.read_only
            )
        return self.interview_check(action, self.current() if self.is_mounted else None)

    def action_draft(self) -> None:
        """The note the current action asks for; with none, a choice of those that fit."""
        from companion.tui.screens.draft import DraftScreen

        app = app_of(self)
        interview = self.current()
        if interview is None:
            return
        kind = drafts.current_kind(app.repo, interview)
        if kind is not None:
            self.app.push_screen(DraftScreen(self.interview_id, kind))
            return
        fitting = drafts.fitting_kinds(app.repo, interview)
        if not fitting:
            self.notify(
                "No note fits this interview as it stands.", title="Draft a note", markup=False
            )
            return

        def chosen(picked: DraftKind | None) -> None:
            if picked is not None:
                self.app.push_screen(DraftScreen(self.interview_id, picked))

        self.app.push_screen(
            ChoiceDialog(
                "Draft a note",
                [(k, k.heading) for k in fitting],
                text="Nothing needs a note today; these fit this interview as it stands.",
            ),
            chosen,
        )

    def action_debrief(self) -> None:
        from companion.tui.screens.debrief import open_debrief

        open_debrief(app_of(self), self.interview_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_prep(self) -> None:
        from companion.tui.screens.prep import PrepScreen

        self.app.push_screen(PrepScreen(self.interview_id))

    def compose(self) -> ComposeResult:
        yield NavBar("waiting")
        app = app_of(self)
        interview = self.current()
        with VerticalScroll(classes="page", id="interview-page"):
            if interview is None:
                yield Static("This interview is no longer here.", classes="quiet")
            else:
                references = app.repo.references.all()
                timeline = interviews.timeline(app.repo, interview)
                yield from self._body(interview, timeline, references)
        yield Footer(compact=True)

    def _body(
        self, interview: Interview, timeline: Timeline, references: list[Reference]
    ) -> ComposeResult:
        today = app_of(self).clock.today()

        def day(d: date) -> str:
            return friendly(d, today)

        yield Static(line(interview.title), classes="headline", id="title")
        facts = list(interview.round_words)
        upcoming = interview.held_on > today
        facts.append(f"{'on' if upcoming else 'held'} {day(interview.held_on)}")
        if interview.decision_by:
            facts.append(f"they expect to decide by {day(interview.decision_by)}")
        elif not upcoming:
            facts.append("no decision date given")
        yield Static(line(" · ".join(facts)).stylize("$foreground-muted"), id="facts")
        yield Static(
            Content.assemble(
                (f"{timeline.phase.word}  ", PHASE_STYLES[timeline.phase]),
                literal(timeline.status),
            ),
            classes="status",
            id="status",
        )
        yield MilestoneLine(milestones(interview, timeline, today), today, id="milestones")

        if timeline.suggestions:
            yield Static("Worth doing", classes="section-title first")
            yield Static(
                lines(
                    *(
                        Content.assemble(("· ", "$primary"), line(s.text))
                        for s in timeline.suggestions
                    )
                ),
                classes="section-body",
                id="suggestions",
            )

        yield Static("People", classes="section-title")
        people = ", ".join(interview.interviewers) or "No names noted."
        yield Static(
            lines(
                line(people),
                line(f"They prefer {interview.contact_pref}.").stylize("$foreground-muted"),
            ),
            classes="section-body",
            id="people",
        )

        yield Static("Contact log", classes="section-title")
        if interview.contacts:
            names = {r.id: r.name for r in references}
            entries = []
            for contact in interview.contacts:
                extra = ""
                if contact.decision_by:
                    extra = f", new decision date {day(contact.decision_by)}"
                if contact.references:
                    told = ", ".join(
                        names.get(r, "someone since removed") for r in contact.references
                    )
                    extra = f": {told}"
                if contact.to:
                    extra = f" to {', '.join(contact.to)}"
                note = f" ({contact.note})" if contact.note else ""
                entries.append(
                    Content.assemble(
                        (f"{day(contact.on):<12}", "$foreground-muted"),
                        contact.kind.label,
                        line(extra),
                        line(note),
                    )
                )
            log = lines(*entries)
        else:
            log = Content(
                "Nothing logged yet. l logs a thank-you, a check-in or their reply."
            ).stylize("$foreground-muted")
        yield Static(log, classes="section-body", id="contacts")

        yield Static("Notes", classes="section-title")
        yield Static(
            literal(interview.notes)
            if interview.notes
            else Content("No notes. e edits them.").stylize("$foreground-muted"),
            classes="section-body",
            id="notes",
        )

        yield Static("References", classes="section-title")
        yield Static(
            self._references(interview, references), classes="section-body", id="references"
        )

        if not interview.offer.is_empty or interview.open_offer:
            yield Static("The offer", classes="section-title")
            yield Static(self._offer(interview), classes="section-body", id="offer")

        yield Static("How it felt", classes="section-title")
        yield Static(self._fit(interview), classes="section-body", id="fit")

        yield Static("Debrief", classes="section-title")
        yield Static(self._debrief(interview), classes="section-body", id="debrief")

        if interview.reflection:
            yield Static("What it taught you", classes="section-title")
            yield Static(literal(interview.reflection), classes="section-body", id="reflection")

        rounds = []
        if interview.previous_round_id is not None:
            previous = app_of(self).repo.interviews.get(interview.previous_round_id)
            if previous is not None:
                rounds.append(f"Follows the round of {day(previous.held_on)}.")
        if interview.next_round_id is not None:
            following = app_of(self).repo.interviews.get(interview.next_round_id)
            if following is not None:
                rounds.append(f"The next round is logged: {day(following.held_on)}.")
        if rounds:
            yield Static("Rounds", classes="section-title")
            yield Static(Content(" ".join(rounds)), classes="section-body", id="rounds")

    def _references(self, interview: Interview, references: list[Reference]) -> Content:
        today = app_of(self).clock.today()
        found: list[Content] = []
        asked = interview.references_requested_on
        if asked:
            found.append(Content(f"They asked for references on {friendly(asked, today)}."))
        elif interview.final_round:
            found.append(Content("The final round: they may call your references."))
        told = references_told(interview)
        for reference in references:
            when = told.get(reference.id or 0)
            status = f"told {friendly(when, today)}" if when else "not told yet"
            found.append(
                Content.assemble(line(f"{reference.name}  "), (status, "$foreground-muted"))
            )
        if not references:
            found.append(
                Content("No references on file. r records who has been told.").stylize(
                    "$foreground-muted"
                )
            )
        return lines(*found)

    def _debrief(self, interview: Interview) -> Content:
        today = app_of(self).clock.today()
        if interview.debriefed_on is not None:
            return Content(
                f"Written down {friendly(interview.debriefed_on, today)}. d opens it where you "
                "left off; your journal (j) shows it whole."
            )
        if interview.held_on > today:
            return Content(
                "After the interview, d walks you through a short debrief while it is fresh."
            ).stylize("$foreground-muted")
        return Content(
            "Not yet. d walks you through it: the questions, the ones that tripped you up, "
            "what went well."
        ).stylize("$foreground-muted")

    def _offer(self, interview: Interview) -> Content:
        today = app_of(self).clock.today()
        offer = interview.offer
        found: list[Content] = []
        if offer.respond_by is not None:
            found.append(
                Content(f"They would like an answer by {friendly(offer.respond_by, today)}.")
            )
        for label, value in (("Pay", offer.pay), ("Leave", offer.leave), ("Remote", offer.remote)):
            if value:
                found.append(Content.assemble((f"{label}  ", "$foreground-muted"), line(value)))
        if offer.start_on is not None:
            found.append(
                Content.assemble(("Start  ", "$foreground-muted"), friendly(offer.start_on, today))
            )
        if not found:
            found.append(
                Content("Nothing noted yet. O notes the answer-by date, pay, leave.").stylize(
                    "$foreground-muted"
                )
            )
        return lines(*found)

    def _fit(self, interview: Interview) -> Content:
        fit = interview.fit
        if fit.is_empty:
            return Content(
                "Not noted yet. f notes the work, culture, people, manager, commute and pay."
            ).stylize("$foreground-muted")
        scores = fit.scores()
        row = Content.assemble(
            *(
                part
                for aspect in ASPECTS
                for part in (
                    (f"{ASPECT_LABELS[aspect]} ", "$foreground-muted"),
                    (f"{scores[aspect] if scores[aspect] is not None else '–'}", "bold"),
                    ("   ", ""),
                )
            )
        ).rstrip()
        return lines(row, literal(fit.note)) if fit.note else row
