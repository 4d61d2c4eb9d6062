"""Export: pick a format and a file, and see where it was written.

The file field starts with a new name in the current folder. An export is
written whole or not at all; a file that is already there is replaced only
after the user presses Export a second time for that same file.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from companion.domain.errors import FieldError
from companion.exports import FORMATS, render, written_sentence
from companion.exports.target import free_path, write_if_new, write_named
from companion.paths import user_path
from companion.store.errors import StoreError
from companion.tui.context import app_of
from companion.tui.literal import literal
from companion.tui.widgets import TextField

HINT = "Arrows pick a format, tab moves on; enter or ctrl+s exports."


def shown(path: Path) -> str:
    """A path as the user reads and types it: `~/...` inside the home folder."""
    home = Path.home()
    if path == home or home in path.parents:
        return f"~/{path.relative_to(home)}"
    return str(path)


class FormatChoice(RadioSet):
    """A radio set where the arrows choose, so enter is free to export."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", "Next format", show=False),
        Binding("up,left", "choose(-1)", "Previous format", show=False),
        Binding("enter", "screen.export", "Export", show=False),
    ]

    def action_choose(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class ExportScreen(ModalScreen[None]):
    """The export dialog; `folder` is where a new file goes (the current folder by default)."""

    TITLE = "Export"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "export", "Export"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()
        self.format_name = "json"
        self._default = ""
        self._replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="export"):
            yield Static("Export your data", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("Format", classes="form-label")
                with FormatChoice(id="formats", compact=True):
                    for name, export_format in FORMATS.items():
                        yield RadioButton(
                            export_format.label, value=name == "json", id=f"format-{name}"
                        )
            yield Static(id="format-about", classes="quiet form-note")
            with Horizontal(classes="form-row"):
                yield Label("File", classes="form-label")
                yield TextField(id="path", compact=True)
            yield Static(id="path-error", classes="field-error")
            yield Static(id="written", classes="form-note")
            yield Static(HINT, classes="quiet hint")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Export", id="export-button", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path-error").display = False
        self.query_one("#written").display = False
        self._choose("json")
        self.query_one("#formats", FormatChoice).focus()

    def _choose(self, name: str) -> None:
        self.format_name = name
        export_format = FORMATS[name]
        self.query_one("#format-about", Static).update(Content(export_format.about))
        field = self.query_one("#path", TextField)
        if field.value in ("", self._default):
            default = free_path(self.folder, export_format, app_of(self).clock.today())
            self._default = shown(default)
            field.value = self._default
            field.cursor_position = len(field.value)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        name = (event.pressed.id or "").removeprefix("format-")
        if name in FORMATS:
            self._choose(name)
            self._say(None)

    def on_input_changed(self) -> None:
        self._replace = None

    def on_input_submitted(self) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-button":
            self.action_export()
        else:
            self.action_close()

    def _say(self, problem: str | None, written: str | None = None) -> None:
        error = self.query_one("#path-error", Static)
        error.display = problem is not None
        if problem is not None:
            error.update(literal(problem))
        note = self.query_one("#written", Static)
        note.display = written is not None
        if written is not None:
            note.update(literal(written))

    def _path(self) -> Path:
        typed = self.query_one("#path", TextField).value.strip()
        if not typed:
            raise FieldError("output", "name a file to write the export to.")
        path = user_path(typed)
        return path if path.is_absolute() else self.folder / path

    def action_export(self) -> None:
        app = app_of(self)
        try:
            path = self._path()
            replacing = path.is_file()
            if replacing and self._replace != path:
                self._replace = path
                self._say(f"{shown(path)} is already there. Press Export again to replace it.")
                return
            data = render(app.repo, self.format_name)
            if replacing:
                write_named(path, data, shown, database=app.repo.path)
            else:
                write_if_new(path, data, shown, database=app.repo.path)
        except FieldError as problem:
            self._say(problem.message[:1].upper() + problem.message[1:])
            self.query_one("#path", TextField).focus()
            return
        except StoreError as problem:
            self._say(str(problem))
            return
        self._replace = None
        self._say(None, written_sentence(self.format_name, Path(shown(path))))
        self.query_one("#cancel", Button).label = "Close"
        self.query_one("#cancel", Button).focus()

    def action_close(self) -> None:
        self.dismiss(None)
