"""Offers side by side: what each says and how each felt, to decide in your own time."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from companion.domain.dates import friendly
from companion.domain.fit import ASPECT_LABELS, ASPECTS
from companion.domain.interviews import Interview, Outcome
from companion.tui.context import app_of
from companion.tui.literal import literal
from companion.tui.widgets.footer import Footer
from companion.tui.widgets.nav_bar import NavBar

INTRO = (
    "Each offer beside the other: what it says, and how it felt (1 poor to 5 great). "
    "Take your time; the answer-by dates are the only ones that matter."
)
UNKNOWN = "–"


def open_offers(interviews: list[Interview]) -> list[Interview]:
    """The offers still to answer, the one to answer soonest first."""
    found = [i for i in interviews if i.open_offer]
    return sorted(found, key=lambda i: (i.offer.respond_by or date.max, i.id or 0))


def offer_rows(offers: list[Interview], today: date) -> list[tuple[str, list[str]]]:
    """The rows of the comparison: a label, then each offer's value."""

    def day(value: date | None) -> str:
        return friendly(value, today) if value else UNKNOWN

    rows: list[tuple[str, list[str]]] = [
        ("Role", [o.role for o in offers]),
        (
            "Offer",
            ["in writing" if o.outcome == Outcome.OFFER_WRITTEN else "verbal" for o in offers],
        ),
        ("Answer by", [day(o.offer.respond_by) for o in offers]),
        ("Pay", [o.offer.pay or UNKNOWN for o in offers]),
        ("Leave", [o.offer.leave or UNKNOWN for o in offers]),
        ("Remote", [o.offer.remote or UNKNOWN for o in offers]),
        ("Start", [day(o.offer.start_on) for o in offers]),
    ]
    for aspect in ASPECTS:
        scores = [o.fit.scores()[aspect] for o in offers]
        rows.append((ASPECT_LABELS[aspect], [UNKNOWN if s is None else str(s) for s in scores]))
    return rows


class OffersScreen(Screen[None]):
    TITLE = "Offers"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        yield NavBar("waiting")
        app = app_of(self)
        today = app.clock.today()
        offers = open_offers(app.repo.interviews.open_ones())
        with VerticalScroll(classes="page", id="offers-page"):
            yield Static("Offers side by side", classes="headline")
            yield Static(INTRO, classes="quiet")
            if len(offers) < 2:
                yield Static(
                    "Fewer than two offers are open, so there is nothing to set side by side.",
                    id="offers-none",
                )
            else:
                table: DataTable[Content] = DataTable(
                    id="offers", cursor_type="none", zebra_stripes=True, show_header=True
                )
                table.add_column(Content(""), key="label")
                for offer in offers:
                    table.add_column(literal(offer.company), key=str(offer.id))
                for label, values in offer_rows(offers, today):
                    table.add_row(
                        Content(label).stylize("$foreground-muted"), *(literal(v) for v in values)
                    )
                yield table
                yield Static(
                    "o on an interview in the waiting room notes an offer's details; "
                    "f notes how it felt.",
                    classes="quiet hint",
                )
        yield Footer(compact=True)

    def action_back(self) -> None:
        self.app.pop_screen()
