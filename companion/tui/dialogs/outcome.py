"""How it ended, or where it stands: one choice from the outcomes."""

from __future__ import annotations

from textual.content import Content

from companion.domain.interviews import Interview, Outcome
from companion.tui.dialogs.choice import ChoiceDialog
from companion.tui.literal import line

CHOICES = {
    Outcome.WAITING: "Still waiting to hear",
    Outcome.NEXT_ROUND: "Invited to a next round",
    Outcome.OFFER_VERBAL: "A verbal offer",
    Outcome.OFFER_WRITTEN: "A written offer",
    Outcome.ACCEPTED: "I accepted an offer",
    Outcome.REJECTED: "Not this time: they said no",
    Outcome.WITHDRAWN: "I withdrew",
    Outcome.MOVED_ON: "Move on, with a short reflection",
}


class OutcomeDialog(ChoiceDialog[Outcome]):
    def __init__(self, interview: Interview) -> None:
        current = interview.outcome
        super().__init__(
            line(f"Where it stands · {interview.title}"),
            [
                (
                    outcome,
                    Content.assemble(
                        text, (" (now)", "$foreground-muted") if outcome == current else ""
                    ),
                )
                for outcome, text in CHOICES.items()
            ],
            current=current,
            dialog_id="outcome-dialog",
        )
