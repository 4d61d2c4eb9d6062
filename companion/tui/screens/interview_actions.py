"""What can be done to one interview, from the waiting room or from its own view.

Each action opens its dialog; when the dialog saves, the screen is told to show
the change, and a calm note says what comes next.
"""

from __future__ import annotations

from textual.screen import Screen

from companion.domain.interviews import CLOSED, OFFERS, Interview, Outcome
from companion.domain.journal import Entry
from companion.services import interviews
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs import (
    Confirm,
    ContactForm,
    FitForm,
    InterviewForm,
    InterviewReferences,
    KindWords,
    MoveOnScreen,
    OfferForm,
    OutcomeDialog,
)

OUTCOME_NOTES = {
    Outcome.WAITING: "Waiting to hear. The dates are kept for you.",
    Outcome.NEXT_ROUND: (
        "A next round. When you know its date, log it as an interview of its own "
        "(n on this interview), and this one's timeline closes."
    ),
    Outcome.OFFER_VERBAL: (
        "A verbal offer. Ask kindly to have it in writing, and keep applying until it is."
    ),
    Outcome.OFFER_WRITTEN: "A written offer. Take your time, and look at how it felt first.",
    Outcome.ACCEPTED: "Congratulations. Well waited. The others get a kind note on home.",
    Outcome.REJECTED: (
        "Not this time. It is closed and kept; asking once for feedback can help the next one."
    ),
    Outcome.WITHDRAWN: "Withdrawn. It is closed and kept.",
}
# What changing to each outcome does, said before it is done.
OUTCOME_EFFECTS = {
    Outcome.WAITING: "Its dates come back, counted as before.",
    Outcome.NEXT_ROUND: "Its check-in waits a week; log the next round when you know its date.",
    Outcome.OFFER_VERBAL: "Next you can note what it says and when they would like an answer.",
    Outcome.OFFER_WRITTEN: "Next you can note what it says and when they would like an answer.",
    Outcome.ACCEPTED: (
        "It closes. Each other open interview gets one kind suggestion: let them know."
    ),
    Outcome.REJECTED: "It closes and is kept; asking once for feedback is suggested.",
    Outcome.WITHDRAWN: "It closes and is kept.",
}


class InterviewActions(Screen[None]):
    """A screen that acts on one interview at a time: `current()` says which."""

    def current(self) -> Interview | None:
        raise NotImplementedError

    def after_change(self, interview_id: int | None) -> None:
        """Show the data as it now is."""
        raise NotImplementedError

    def after_moving_on(self) -> None:
        self.after_change(None)

    def _writable_current(self) -> Interview | None:
        interview = self.current()
        if interview is None or refuse_when_read_only(self):
            return None
        return interview

    def _next_note(self, interview_id: int) -> None:
        repo = app_of(self).repo
        if repo.interviews.get(interview_id) is None:
            return
        row = interviews.waiting_row(repo, interview_id)
        if row.interview.is_open:
            self.notify(
                f"Next: {row.timeline.next_step}.", title=row.interview.company, markup=False
            )

    def action_log(self) -> None:
        interview = self._writable_current()
        if interview is None:
            return

        def logged(saved: bool | None) -> None:
            self.after_change(interview.id)
            if saved and interview.id is not None:
                self._next_note(interview.id)

        suggested = [s.kind for s in interviews.timeline(app_of(self).repo, interview).suggestions]
        self.app.push_screen(ContactForm(interview, suggested), logged)

    def action_edit(self) -> None:
        interview = self._writable_current()
        if interview is not None:
            self.app.push_screen(InterviewForm(interview), self.after_change)

    def action_fit(self) -> None:
        interview = self._writable_current()
        if interview is not None:
            self.app.push_screen(FitForm(interview), lambda _: self.after_change(interview.id))

    def action_references(self) -> None:
        interview = self._writable_current()
        if interview is not None:
            self.app.push_screen(
                InterviewReferences(interview), lambda _: self.after_change(interview.id)
            )

    def action_outcome(self) -> None:
        interview = self._writable_current()
        if interview is None:
            return

        def chosen(outcome: Outcome | None) -> None:
            if outcome is None or outcome == interview.outcome:
                return
            if outcome == Outcome.MOVED_ON:
                self.action_move_on()
                return
            self.app.push_screen(
                Confirm(
                    f"Mark it {outcome.label}?",
                    interview.title,
                    OUTCOME_EFFECTS[outcome],
                    yes="Yes, mark it",
                    no="Leave it as it is",
                ),
                lambda yes: self._set_outcome(interview, outcome) if yes else None,
            )

        self.app.push_screen(OutcomeDialog(interview), chosen)

    def _set_outcome(self, interview: Interview, outcome: Outcome) -> None:
        changed = interviews.set_outcome(app_of(self).repo, interview, outcome)
        self.after_change(interview.id)
        note = OUTCOME_NOTES[outcome]
        if outcome == Outcome.REJECTED:
            # the note goes in the prompt's dialog: a toast would cover its buttons
            self.offer_kind_words(interview, f"Not this time · {interview.title}", note)
            return
        if outcome == Outcome.OFFER_WRITTEN and changed.outcome == Outcome.ACCEPTED:
            note = "The written offer is logged; it stays accepted. Well waited."
        self.notify(note, title=interview.company, markup=False)
        if changed.open_offer:
            self.app.push_screen(OfferForm(changed), lambda _: self.after_change(interview.id))

    def action_offer(self) -> None:
        interview = self._writable_current()
        if interview is not None:
            self.app.push_screen(OfferForm(interview), lambda _: self.after_change(interview.id))

    def action_offers(self) -> None:
        from companion.tui.screens.offers import OffersScreen

        self.app.push_screen(OffersScreen())

    def action_move_on(self) -> None:
        interview = self._writable_current()
        if interview is None or not interview.is_open:
            return

        def done(moved: bool | None) -> None:
            if not moved:
                return
            self.after_moving_on()
            self.offer_kind_words(
                interview,
                f"Moved on · {interview.title}",
                "Set down. It is kept with the closed ones (c in the waiting room) "
                "if you ever need it.",
            )

        self.app.push_screen(MoveOnScreen(interview), done)

    def offer_kind_words(self, interview: Interview, title: str, note: str) -> None:
        """After a rejection or a move-on: what happens next (`note`), and the one
        self-compassion prompt, to take or leave."""

        def kept(entry: Entry | None) -> None:
            if entry is not None:
                self.notify("Kept in your journal.", title="Saved", timeout=4)

        self.app.push_screen(KindWords(interview, title, note), kept)

    def action_reopen(self) -> None:
        interview = self._writable_current()
        if interview is None or interview.outcome not in CLOSED:
            return
        interviews.reopen(app_of(self).repo, interview)
        self.notify(
            "Back, whole. If they got in touch, log their reply and the dates will follow.",
            title=interview.company,
            markup=False,
        )
        self.after_change(interview.id)

    def action_next_round(self) -> None:
        interview = self._writable_current()
        if interview is None or interview.outcome != Outcome.NEXT_ROUND or interview.superseded:
            return
        self.app.push_screen(InterviewForm(next_round_of=interview), self.after_change)

    def offers_open(self) -> int:
        return sum(1 for i in app_of(self).repo.interviews.open_ones() if i.open_offer)

    def interview_check(self, action: str, interview: Interview | None) -> bool | None:
        """Which of these actions make sense for `interview` (False hides the key)."""
        if action in ("log", "edit", "fit", "references", "outcome"):
            return interview is not None
        if action == "offer":
            return interview is not None and (
                interview.outcome in OFFERS or interview.offered_in_writing
            )
        if action == "offers":
            return self.offers_open() >= 2
        if action == "move_on":
            return interview is not None and interview.is_open
        if action == "reopen":
            return interview is not None and not interview.is_open and not interview.superseded
        if action == "next_round":
            return (
                interview is not None
                and interview.outcome == Outcome.NEXT_ROUND
                and not interview.superseded
            )
        return True
