"""Pick a starter deck; its new questions are added to the bank, a few a day."""

from __future__ import annotations

from textual.content import Content

from companion.domain.decks import ImportResult, import_sentence
from companion.services import practice
from companion.services.practice import ShippedDeck
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.choice import ChoiceDialog
from companion.tui.literal import one_line

ABOUT = (
    "Pick one to add its questions to your bank. They come up a few a day, "
    "and importing a deck again adds only what is new."
)


def deck_label(shipped: ShippedDeck, have: set[str]) -> Content:
    """The deck's name, how much of it is new, and what it is about."""
    deck = shipped.deck
    new = sum(1 for q in deck.questions if deck.key_of(q) not in have)
    count = len(deck.questions)
    if new == count:
        state = f"{count} questions"
    elif new == 0:
        state = "all in your bank"
    else:
        state = f"{new} of {count} new"
    return Content.assemble(
        (f"{one_line(deck.name):<24}", "bold"),
        (state, "$foreground 60%"),
        "\n",
        (one_line(deck.description), "$foreground 60%"),
    )


class DeckPicker(ChoiceDialog[ShippedDeck]):
    """Dismissed with the deck once its questions are added, or None."""

    def __init__(self) -> None:
        super().__init__(
            "Starter decks",
            [],
            text=ABOUT,
            hint="",
            dialog_id="deck-dialog",
            wide=True,
        )

    def choices(self) -> list[tuple[ShippedDeck, Content | str]]:
        have = app_of(self).repo.questions.import_keys()
        return [(shipped, deck_label(shipped, have)) for shipped in practice.starter_decks()]

    def choose(self, value: ShippedDeck) -> None:
        if refuse_when_read_only(self):
            return
        app = app_of(self)
        result: ImportResult = practice.import_deck(app.repo, value.deck)
        app.notify(import_sentence(result, app.clock.today()), title="Starter deck", timeout=8)
        self.dismiss(value)
