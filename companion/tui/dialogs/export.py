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
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from companion.domain.errors import FieldError
from companion.exports import FORMATS, render, written_sentence
from companion.exports.target import free_path, write_if_new, write_named
from companion.paths import user_path
from companion.services.access import StoreError
from companion.tui.context import app_of
from companion.tui.dialogs.form import FormScreen
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
        Binding("enter", "screen.save", "Export", show=False),
    ]

    def action_choose(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class ExportScreen(FormScreen[None]):
    """The export dialog; `folder` is where a new file goes (the current folder by default).

    It only reads, so it works on a read-only companion too.
    """

    TITLE = "Export"
    writes = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close"),
        Binding("ctrl+s", "save", "Export"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()
        self.format_name = "json"
        self._default = ""
        self._replace: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="export"):
            yield Static("Export your data", classes="dialog-title")
            # The radio set is a row of its own: form_row would put a hint's line under it.
            with Horizontal(classes="form-row", id="formats-row"):
                yield Label("Format", classes="form-label")
                with FormatChoice(id="formats", compact=True):
                    for name, export_format in FORMATS.items():
                        yield RadioButton(
                            export_format.label, value=name == "json", id=f"format-{name}"
                        )
            yield Static(id="format-about", classes="form-hint")
            yield from self.text_row("File", "path")
            yield Static(id="written", classes="hint")
            yield Static(HINT, classes="quiet hint")
            yield from self.buttons("Export")

    def on_mount(self) -> None:
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

    def save(self) -> None:
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
            self._say(problem.sentence)
            self.query_one("#path", TextField).focus()
            return
        except StoreError as problem:
            self._say(str(problem))
            return
        self._replace = None
        self._say(None, written_sentence(self.format_name, Path(shown(path))))
        self.query_one("#cancel", Button).label = "Close"
        self.query_one("#cancel", Button).focus()
