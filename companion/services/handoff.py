"""Handing a note to the programs around companion: the mail client, the person's own
editor, and a private file copy when the terminal's clipboard may not reach.

companion never sends anything: the mail client opens with the note filled in,
and the person sends it (or not) themselves.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from companion.store.files import write_atomic

COPY_NAME = "last-draft.txt"
NO_OPENER = (
    "No mail program can be opened from here (no desktop session, or no xdg-open); "
    "c copies the note instead."
)
NO_EDITOR = "Set $EDITOR (or $VISUAL) to your editor to write the note there."

Run = Callable[[list[str]], object]


def opener_command(environ: Mapping[str, str], platform: str = sys.platform) -> list[str] | None:
    """The program that hands a `mailto:` link to the mail client, or None.

    On Linux and the BSDs, xdg-open, and only inside a desktop session: without
    one, it (or Python's `webbrowser`) may start a text-mode browser in this very
    terminal, over the app.
    """
    if platform == "darwin":
        found = shutil.which("open")
        return [found] if found else None
    if platform.startswith("win"):
        return ["explorer"]
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return None
    found = shutil.which("xdg-open")
    return [found] if found else None


def _start(argv: list[str]) -> object:
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def open_link(
    link: str,
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    start: Run = _start,
) -> str | None:
    """Open `link` in the mail client; None when it was handed over, else what stopped it."""
    command = opener_command(os.environ if environ is None else environ, platform)
    if command is None:
        return NO_OPENER
    try:
        start([*command, link])
    except OSError as error:
        return f"The mail program could not be started ({error.strerror or error}); c copies it."
    return None


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """$VISUAL, else $EDITOR, split as a shell would (`code --wait`); None when neither
    names a program that is there."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        try:
            words = shlex.split(env.get(name, ""))
        except ValueError:
            continue
        if words and shutil.which(words[0]):
            return words
    return None


def edit_text(text: str, command: list[str], run: Run | None = None) -> str:
    """`text` as it is after the person's editor has had it: written to a private
    temporary file (0600), the editor run on it (waiting for it to close), read back,
    and the file removed. OSError when the editor cannot be started."""
    runner = run or (lambda argv: subprocess.run(argv, check=False))
    folder = Path(tempfile.mkdtemp(prefix="companion-draft-"))
    path = folder / "note.txt"
    try:
        ended = text if text.endswith("\n") else text + "\n"
        write_atomic(path, ended.encode("utf-8"))
        runner([*command, str(path)])
        return path.read_text(encoding="utf-8", errors="replace").rstrip("\n")
    finally:
        for leftover in folder.iterdir():
            leftover.unlink(missing_ok=True)
        folder.rmdir()


def keep_copy(data_folder: Path, text: str) -> Path:
    """The note in a private file beside the data (0600), for when the clipboard does not
    reach (some terminals ignore OSC 52); returns where. OSError when it cannot be written."""
    path = data_folder / COPY_NAME
    write_atomic(path, text.encode("utf-8"))
    return path
