"""`companion journal [TEXT]`: write in the journal from a shell; `journal list` reads it back.

With no TEXT the entry comes from a pipe when there is one (`... | companion
journal`), else from $VISUAL or $EDITOR on a small template, else from the
terminal itself, with a line saying how to finish. The flags are checked
before anything is written or an editor opens, so a bad mood or an unknown
interview costs the user nothing they typed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from companion.cells import shorten
from companion.cli.context import Context
from companion.cli.errors import UsageError
from companion.domain.dates import friendly
from companion.domain.errors import FieldError
from companion.domain.journal import Entry, JournalItem, journal_items, new_entry
from companion.domain.mood import MOOD_SCALE, mood_word, parse_mood
from companion.domain.practice import parse_interview_id, parse_tags
from companion.inert import one_line
from companion.services import journal
from companion.services.access import StoreError
from companion.store.files import make_private_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: drafts are not locked there
    fcntl = None  # type: ignore[assignment]

LIST_WORD = "list"
# As the app's journal labels what belongs to an interview.
KIND_LABELS = {"debrief": "Debrief", "reflection": "Moving on"}
TEXT_WIDTH = 50
SCISSORS = "# ------------------------ >8 ------------------------"
TEMPLATE_HELP = """\
# Write your entry above this line; this line and everything under it are left out.
# Save and close the editor to keep it. An empty entry keeps nothing.
"""
TERMINAL_HINT = (
    "Write your entry, then press Ctrl-D on a new line to save it (Ctrl-C leaves without "
    "saving). Next time you can also pass it as TEXT, pipe it in, or set $EDITOR."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "journal",
        help="write in your journal (or: journal list)",
        description=(
            "Write a journal entry: companion journal TEXT [--mood 1-5] [--interview ID] "
            "[--tag TAG]. With no TEXT, a pipe is read, else $VISUAL or $EDITOR opens, else "
            "you type it here. `companion journal list [--json]` lists your entries, "
            "newest first."
        ),
    )
    parser.add_argument(
        "text", nargs="*", metavar="TEXT", help="the entry (several words are joined by spaces)"
    )
    parser.add_argument("--mood", metavar="1-5", help=f"how you feel: {MOOD_SCALE}")
    parser.add_argument("--interview", metavar="ID", help="the interview it is about")
    parser.add_argument(
        "--tag", metavar="TAG", action="append", default=[], help="a tag; repeat for more"
    )
    parser.add_argument("--json", action="store_true", help="with list: print JSON for scripts")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.text == [LIST_WORD]:
        return run_list(args, ctx)
    if args.json:
        raise UsageError("--json goes with `companion journal list`.")
    return run_add(args, ctx)


def _interview_id(args: argparse.Namespace, ctx: Context) -> int | None:
    """The --interview id, checked against the data; a read that takes no lock."""
    interview_id = parse_interview_id(args.interview)
    if interview_id is not None:
        with ctx.open("read") as repo:
            repo.interviews.require(interview_id, "interview")
    return interview_id


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    mood = parse_mood(args.mood)
    tags = parse_tags(args.tag)
    interview_id = _interview_id(args, ctx)
    kept: Draft | None = None
    if args.text:
        text = " ".join(args.text)
    else:
        text, kept = read_entry(ctx, mood)
    try:
        entry = new_entry(text, ctx.clock.now(), mood=mood, tags=tags, interview_id=interview_id)
        with ctx.open("write") as repo:
            saved = journal.write_entry(repo, entry)
    except (FieldError, StoreError, OSError):
        if kept is not None and kept.written():
            print(
                f"What you wrote is kept in {kept.path}; companion journal offers it back "
                "next time.",
                file=ctx.err,
            )
            kept.keep()
            kept = None
        raise
    finally:
        if kept is not None:
            kept.discard()
    ctx.print(f"Saved journal entry {saved.id}. It is in your journal (j in the app).")
    return 0


def read_entry(ctx: Context, mood: int | None) -> tuple[str, Draft | None]:
    """The entry from a pipe, the editor or the terminal; the editor's draft, to keep on failure."""
    stdin = sys.stdin
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if stdin is not None and not stdin.isatty():
        return _read_stream(stdin), None
    if editor:
        draft = Draft.open(ctx.db_path, mood)
        if draft.resumed is not None:
            tz = ctx.clock.now().tzinfo
            when = datetime.fromtimestamp(draft.resumed, tz)
            day = friendly(when.date(), ctx.clock.today())
            ctx.err.write(
                f"An entry you had not saved (last changed {day} {when:%H:%M}) is open in your "
                "editor again: save it to keep it, or empty it to let it go.\n"
            )
            ctx.err.flush()
        return from_editor(editor, draft)
    if stdin is None:
        raise UsageError('no entry given; pass it as TEXT: companion journal "..."')
    print(TERMINAL_HINT, file=ctx.err, flush=True)
    return _read_stream(stdin), None


def _read_stream(stream: Any) -> str:
    raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    if isinstance(raw, str):
        return raw
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise FieldError("text", "the input is not UTF-8 text, so nothing was saved.") from None


def template(mood: int | None) -> str:
    extra = f"# Mood: {mood} ({mood_word(mood)}), from --mood.\n" if mood is not None else ""
    return f"\n\n{SCISSORS}\n{TEMPLATE_HELP}{extra}"


def entry_from_template(text: str) -> str:
    """What the user wrote above the scissors line (all of it, if they removed that line)."""
    lines = text.splitlines()
    if SCISSORS in lines:
        lines = lines[: lines.index(SCISSORS)]
    return "\n".join(lines)


def editor_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The editor's environment: companion's own, NO_COLOR with it, so that an editor
    that honours it (https://no-color.org) shows no colour when companion shows none."""
    return dict(environ)


class Draft:
    """The editor's file: beside the database (so it outlives a crash, and a later
    `companion journal` finds it), private, and locked while an editor has it open.

    `Draft.open` takes a draft left by a companion that never finished (killed, or
    a power cut, while the editor was open) if one holds words, else starts one.
    """

    def __init__(self, path: Path, fd: int, resumed: float | None) -> None:
        self.path = path
        self._fd = fd
        self.resumed = resumed  # when a draft taken back was last changed

    @classmethod
    def open(cls, db_path: Path, mood: int | None) -> Draft:
        folder = db_path.parent
        make_private_dir(folder)
        prefix = f"{db_path.stem}{DRAFT_INFIX}"
        leftovers = sorted(folder.glob(f"{prefix}*.md"), key=_changed_at)
        for leftover in leftovers:
            draft = cls._take(leftover)
            if draft is None:
                continue
            if draft.written():
                return draft
            draft.discard()
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".md", dir=folder)
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.write(handle, template(mood).encode("utf-8"))
        return cls(Path(name), handle, None)

    @classmethod
    def _take(cls, path: Path) -> Draft | None:
        """A leftover draft, locked, unless another companion's editor has it open."""
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW)
        except OSError:
            return None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return cls(path, fd, os.fstat(fd).st_mtime)
        except OSError:
            os.close(fd)
            return None

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def written(self) -> bool:
        """Whether the draft holds words of the user's (above the scissors line)."""
        try:
            return bool(entry_from_template(self.text()).strip())
        except (OSError, UnicodeDecodeError):
            return self.path.exists()

    def keep(self) -> None:
        """Leave the file for next time; let go of it."""
        os.close(self._fd)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        os.close(self._fd)


DRAFT_INFIX = ".journal-draft-"


def _changed_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def from_editor(editor: str, draft: Draft) -> tuple[str, Draft]:
    """Open the editor on the draft; returns the text and the draft (kept on failure)."""
    try:
        command = [*shlex.split(editor), str(draft.path)]
        result = subprocess.run(command, check=False, env=editor_env(os.environ))
    except (OSError, ValueError) as error:
        if draft.resumed is None:
            draft.discard()
        else:
            draft.keep()
        reason = getattr(error, "strerror", None) or str(error)
        raise FieldError(
            "EDITOR",
            f"could not start {editor!r} ({reason}); set $EDITOR to an editor you have, "
            'or pass the entry as TEXT: companion journal "..."',
        ) from None
    if result.returncode != 0:
        problem = f"the editor exited with status {result.returncode}, so nothing was saved"
        if draft.written():
            draft.keep()
            raise FieldError("text", f"{problem}; what you wrote is kept in {draft.path}.")
        draft.discard()
        raise FieldError("text", f"{problem}.")
    try:
        return entry_from_template(draft.text()), draft
    except UnicodeDecodeError:
        draft.keep()
        raise FieldError(
            "text", f"the file is not UTF-8 text, so nothing was saved; it is kept in {draft.path}."
        ) from None


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "written_at": entry.written_at.isoformat(),
        "mood": entry.mood,
        "tags": list(entry.tags),
        "interview_id": entry.interview_id,
        "text": entry.text,
        "edited_at": entry.edited_at.isoformat() if entry.edited_at else None,
        "kind": "entry",
    }


def item_json(item: JournalItem) -> dict[str, Any]:
    """An entry as before; a debrief or a move-on reflection with the same keys, its
    `kind` saying which (they belong to their interview and have no id of their own)."""
    if item.entry is not None:
        return entry_json(item.entry)
    return {
        "id": None,
        "written_at": item.at.isoformat(),
        "mood": item.mood,
        "tags": list(item.tags),
        "interview_id": item.interview_id,
        "text": item.text,
        "edited_at": None,
        "kind": item.kind,
    }


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    if args.mood is not None:
        raise UsageError("--mood goes with a new entry, not with `journal list`.")
    wanted_interview = _interview_id(args, ctx)
    wanted_tags = parse_tags(args.tag)
    today = ctx.clock.today()
    tz = ctx.clock.now().tzinfo
    with ctx.open("read") as repo:
        interviews = repo.interviews.all()
        items = journal_items(repo.journal.all(), repo.debriefs.all(), interviews, today, tz)
    shown = [
        item
        for item in items
        if (wanted_interview is None or item.interview_id == wanted_interview)
        and all(tag in item.tags for tag in wanted_tags)
    ]
    if args.json:
        ctx.print_json([item_json(i) for i in shown])
        return 0
    if not items:
        ctx.print(
            'Your journal is empty. Write in it with companion journal "..." or press j in the app.'
        )
        return 0
    if not shown:
        ctx.print("No entry matches.")
        return 0
    titles = {i.id: i.company for i in interviews if i.id is not None}
    for item in shown:
        day = friendly(item.day, today)
        mood = mood_word(item.mood)
        if item.entry is not None:
            tags = f"  ({', '.join(item.tags)})" if item.tags else ""
            words = shorten(one_line(item.preview), TEXT_WIDTH)
            ctx.print_line(f"{item.entry.id:>4}  {day:<11} {mood:<7} {words}{tags}")
            continue
        label = KIND_LABELS[item.kind]
        about = titles.get(item.interview_id or 0, "")
        words = shorten(one_line(item.preview or "every step skipped"), TEXT_WIDTH - len(label) - 2)
        ctx.print_line(f"{'':>4}  {day:<11} {mood:<7} {label}: {words}  ({about})")
    return 0
