"""References: the people who vouch for you, and who has had a heads-up for which role (rule 5)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.dates import friendly
from companion.domain.interviews import Interview, references_told
from companion.domain.references import Reference, new_reference
from companion.services import interviews
from companion.tui.context import app_of, refuse_when_read_only
from companion.tui.dialogs.confirm import Confirm
from companion.tui.dialogs.dialog import Dialog
from companion.tui.dialogs.form import Errors, FormScreen, attempt
from companion.tui.literal import line
from companion.tui.widgets import TextField
from companion.tui.widgets.lists import StillList

HEADS_UP = (
    "A short heads-up lets them prepare: the role, the company, and why you want it. "
    "They will be glad of the warning."
)


class ReferenceForm(FormScreen[int]):
    """Add or edit one reference; dismisses with its id."""

    def __init__(self, reference: Reference | None = None) -> None:
        super().__init__()
        self.reference = reference

    def compose(self) -> ComposeResult:
        ref = self.reference
        with VerticalScroll(classes="dialog", id="reference-form"):
            yield Static("Edit reference" if ref else "New reference", classes="dialog-title")
            yield from self.text_row("Name", "name", ref.name if ref else "")
            yield from self.text_row(
                "Relation",
                "relation",
                ref.relation if ref else "",
                placeholder="former manager, colleague...",
            )
            yield from self.text_row(
                "How to reach", "reach", ref.reach if ref else "", placeholder="email or phone"
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#name", TextField).focus()

    def save(self) -> None:
        errors: Errors = {}
        made = attempt(
            errors,
            "name",
            lambda: new_reference(self.value("name"), self.value("relation"), self.value("reach")),
        )
        if made is None:
            self.show_errors(errors, {"name": "Name"})
            return
        repo = app_of(self).repo
        if self.reference is not None:
            saved = interviews.save_reference(repo, replace(made, id=self.reference.id))
        else:
            saved = interviews.add_reference(repo, made)
        self.dismiss(saved.id)


class InterviewReferences(FormScreen[bool]):
    """Whether they asked for references, and who has been told about this role."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+n", "new_reference", "New reference"),
    ]

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview
        self._ticked: set[int] = set()
        self._asked = False

    def compose(self) -> ComposeResult:
        app = app_of(self)
        today = app.clock.today()
        interview = self.interview
        told = references_told(interview)
        references = app.repo.references.all()
        with VerticalScroll(classes="dialog", id="interview-references"):
            yield Static(line(f"References · {interview.title}"), classes="dialog-title")
            requested = interview.references_requested_on
            if requested is not None:
                yield Static(f"They asked for references on {friendly(requested, today)}.")
            else:
                yield Checkbox(
                    "They asked for references", self._asked, id="requested", compact=True
                )
            yield Static("Who has had a heads-up about this role", classes="section-title")
            if not references:
                yield Static(
                    "No references yet. New reference (ctrl+n) adds someone who can vouch for you.",
                    classes="quiet",
                )
            with Vertical(id="people", classes="form-list"):
                for reference in references:
                    assert reference.id is not None
                    when = told.get(reference.id)
                    label = Content.assemble(
                        line(f"{reference.line}  " if when else reference.line),
                        (f"told {friendly(when, today)}", "$foreground-muted") if when else "",
                    )
                    yield Checkbox(
                        label,
                        when is not None or reference.id in self._ticked,
                        id=f"ref-{reference.id}",
                        disabled=when is not None,
                        compact=True,
                    )
            yield Static(HEADS_UP, classes="quiet hint")
            yield from self.buttons(
                "Save", "Cancel", Button("New reference", id="new", compact=True)
            )

    def on_mount(self) -> None:
        open_boxes = [box for box in self.query(Checkbox) if not box.disabled]
        if open_boxes:
            open_boxes[0].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            event.stop()
            self.action_new_reference()
            return
        super().on_button_pressed(event)

    def _remember(self) -> None:
        self._ticked = {
            int((box.id or "ref-0").removeprefix("ref-"))
            for box in self.query_one("#people").query(Checkbox)
            if box.value and not box.disabled
        }
        asked = self.query("#requested")
        self._asked = bool(asked) and self.query_one("#requested", Checkbox).value

    def action_new_reference(self) -> None:
        if refuse_when_read_only(self):
            return
        self._remember()

        def added(reference_id: int | None) -> None:
            if reference_id is not None:
                self._ticked.add(reference_id)
            self.refresh(recompose=True)

        self.app.push_screen(ReferenceForm(), added)

    def save(self) -> None:
        self._remember()
        changed = interviews.note_references(
            app_of(self).repo, self.interview, asked=self._asked, told=sorted(self._ticked)
        )
        self.dismiss(changed != self.interview)


class ReferencesScreen(Dialog[None]):
    """Your references: add, edit, remove."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("n", "new", "New reference"),
        Binding("e", "edit", "Edit"),
        Binding("d", "remove", "Remove"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="references"):
            yield Static("Your references", classes="dialog-title")
            yield Static(
                "The people who can vouch for you. After a final round, or when a company "
                "asks, companion reminds you to give them a heads-up.",
                classes="dialog-text",
            )
            yield StillList(id="reference-list", compact=True)
            yield Static(id="no-references", classes="quiet")
            yield Static("n new · e edit · d remove · escape close", classes="quiet hint")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#reference-list", OptionList).focus()

    def reload(self, highlight: int | None = None) -> None:
        references = app_of(self).repo.references.all()
        options = self.query_one("#reference-list", OptionList)
        options.clear_options()
        options.add_options(Option(line(r.line), id=str(r.id)) for r in references)
        options.display = bool(references)
        empty = self.query_one("#no-references", Static)
        empty.display = not references
        empty.update("No references yet. Press n to add one.")
        ids = [r.id for r in references]
        if ids:
            options.highlighted = ids.index(highlight) if highlight in ids else 0

    def _selected(self) -> Reference | None:
        options = self.query_one("#reference-list", OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return app_of(self).repo.references.require(int(option_id or 0))

    def _writable(self) -> bool:
        return not refuse_when_read_only(self)

    def action_new(self) -> None:
        if self._writable():
            self.app.push_screen(ReferenceForm(), lambda ref_id: self.reload(ref_id))

    def action_edit(self) -> None:
        reference = self._selected()
        if reference is not None and self._writable():
            self.app.push_screen(ReferenceForm(reference), lambda ref_id: self.reload(ref_id))

    def action_remove(self) -> None:
        reference = self._selected()
        if reference is None or not self._writable():
            return

        def confirmed(yes: bool | None) -> None:
            if yes and reference.id is not None:
                interviews.remove_reference(app_of(self).repo, reference.id)
                self.reload()

        self.app.push_screen(
            Confirm(
                "Remove this reference?",
                reference.name,
                "Interviews keep the record of who was told.",
                yes="Remove",
                no="Keep",
            ),
            confirmed,
        )
