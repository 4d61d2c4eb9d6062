"""The base of every dialog: a modal screen whose footer shows its own keys.

A dialog opens over a screen whose footer names that screen's keys; while the
dialog is open those keys do not reach it, so the dialog brings a footer of its
own, naming the keys that work now (escape, ctrl+s, ...). It is mounted after
the dialog's own content, docked at the bottom over the screen's.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from companion.tui.widgets.footer import Footer

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    def on_mount(self) -> None:
        if not self.query(Footer):
            self.mount(Footer(compact=True))
