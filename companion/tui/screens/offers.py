"""Offers side by side: what each says and how each felt, to decide in your own time."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from companion.domain.dates import friendly
from companion.domain.fit import ASPECT_LABELS, ASPECTS
from companion.domain.interviews import Interview, Outcome
from companion.tui.context import app_of
from companion.tui.literal import line
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
    rows.append(("How it felt", ["" for _ in offers]))
    for aspect in ASPECTS:
        scores = [o.fit.scores()[aspect] for o in offers]
        rows.append(
            (f"  {ASPECT_LABELS[aspect]}", [UNKNOWN if s is None else str(s) for s in scores])
        )
    return rows


LABEL_WIDTH = 11
GAP = 2


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class OfferGrid(Widget):
    """A label column, then one column per offer, as wide as the screen allows."""

    DEFAULT_CSS = """
    OfferGrid {
        height: auto;
        margin-top: 1;
    }
    """

    def __init__(
        self, offers: list[Interview], rows: list[tuple[str, list[str]]], *, id: str
    ) -> None:
        super().__init__(id=id)
        self.offers = offers
        self.rows = rows

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.rows) + 1

    def render(self) -> Content:
        width = self.content_region.width or 76
        column = max(8, (width - LABEL_WIDTH) // len(self.offers) - GAP)
        head = Content.assemble(
            " " * LABEL_WIDTH,
            *(
                line(f"{_fit(o.company, column):<{column + GAP}}").stylize("bold $primary")
                for o in self.offers
            ),
        )
        lines = [head.rstrip()]
        for label, values in self.rows:
            lines.append(
                Content.assemble(
                    (f"{label:<{LABEL_WIDTH}}", "$foreground-muted"),
                    *(line(f"{_fit(v, column):<{column + GAP}}") for v in values),
                ).rstrip()
            )
        return Content("\n").join(lines)


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
                yield OfferGrid(offers, offer_rows(offers, today), id="offers")
                yield Static(
                    "o on an interview in the waiting room notes an offer's details; "
                    "f notes how it felt.",
                    classes="quiet hint",
                )
        yield Footer(compact=True)

    def action_back(self) -> None:
        self.app.pop_screen()
