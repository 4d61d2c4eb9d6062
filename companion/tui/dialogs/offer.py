"""An offer's details: the day they would like an answer by, and what it says."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from companion.domain.interviews import Interview, parse_offer
from companion.services import interviews
from companion.tui.context import app_of
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line
from companion.tui.widgets import TextField

LABELS = {
    "respond-by": "Answer by",
    "pay": "Pay",
    "leave": "Leave",
    "remote": "Remote",
    "start": "Start",
}
PLACEHOLDERS = {
    "respond-by": "the day they asked for an answer by",
    "pay": "in your words: 52k a year",
    "leave": "25 days",
    "remote": "2 days a week at home",
    "start": "a date, if they gave one",
}
WHY = (
    "All optional. With an answer-by date, companion can suggest telling your other "
    "interviews kindly, and asking about their timeline."
)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class OfferForm(FormScreen[bool]):
    """Dismisses with True once the details are saved."""

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview

    def labels(self) -> Mapping[str, str]:
        return LABELS

    def compose(self) -> ComposeResult:
        offer = self.interview.offer
        values = {
            "respond-by": _iso(offer.respond_by),
            "pay": offer.pay,
            "leave": offer.leave,
            "remote": offer.remote,
            "start": _iso(offer.start_on),
        }
        with VerticalScroll(classes="dialog", id="offer-form"):
            yield Static(line(f"The offer · {self.interview.title}"), classes="dialog-title")
            yield Static(WHY, classes="dialog-text quiet")
            for key, label in LABELS.items():
                yield from self.row(
                    label,
                    TextField(values[key], id=key, placeholder=PLACEHOLDERS[key], compact=True),
                )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#respond-by", TextField).focus()

    def save(self) -> None:
        app = app_of(self)
        errors: Errors = {}
        offer = attempt(
            errors,
            "respond-by",
            lambda: parse_offer(
                app.clock.today(),
                respond_by=self.value("respond-by"),
                pay=self.value("pay"),
                leave=self.value("leave"),
                remote=self.value("remote"),
                start=self.value("start"),
            ),
        )
        if offer is None:
            # parse_offer names the field it refused: show it under that one
            (error,) = errors.values()
            self.show_errors({self.error_key(error): error}, LABELS)
            return
        interviews.save_offer(app.repo, self.interview, offer)
        self.dismiss(True)
