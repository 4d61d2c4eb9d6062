"""The note templates: the defaults that ship with companion, and a person's own.

A person's own version of a kind lives in the config folder, `drafts/KIND.txt`
(`~/.config/companion/drafts/thank-you.txt` on Linux). When it is there and
sound, it is used; when it cannot be read or is broken, the default is used
and `problem` says which file, which line and what is wrong. The files are only
read, never written: they are the person's.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from companion.domain.draft_template import MAX_TEMPLATE_CHARS, Template, TemplateError
from companion.domain.draft_template import parse_template as parse
from companion.domain.drafts import FIELDS, DraftKind
from companion.paths import default_config_dir

DRAFTS = "drafts"
SUFFIX = ".txt"


def drafts_folder(config_dir: Path | None = None) -> Path:
    """Where a person keeps their own templates (it need not exist)."""
    return (config_dir or default_config_dir()) / DRAFTS


def shown(path: Path) -> str:
    """A path as the user reads and types it: `~/...` inside the home folder."""
    home = Path.home()
    if path == home or home in path.parents:
        return f"~/{path.relative_to(home)}"
    return str(path)


def default_text(kind: DraftKind) -> str:
    """The template that ships with companion for `kind`."""
    source = resources.files("companion").joinpath("draft_templates", f"{kind.value}{SUFFIX}")
    return source.read_text(encoding="utf-8")


@dataclass(frozen=True)
class LoadedTemplate:
    """The template in use. `path` is the person's own file when it is the one used;
    `problem` says why their file was not used (the default is, then)."""

    kind: DraftKind
    template: Template
    text: str
    path: Path | None = None
    problem: str | None = None


def _read(path: Path) -> str:
    """The file's text; TemplateError (line 0) when it cannot be read as a template."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_TEMPLATE_CHARS * 4 + 1)
    except OSError as error:
        raise TemplateError(0, f"it could not be read ({error.strerror or error}).") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TemplateError(line, "it is not UTF-8 text; save it as UTF-8.") from None


def load_template(kind: DraftKind, folder: Path | None = None) -> LoadedTemplate:
    """The person's own template for `kind` (in `folder`, by default `drafts_folder()`)
    when it is there and sound, else the default."""
    text = default_text(kind)
    default = LoadedTemplate(kind, parse(text, FIELDS), text)
    path = (folder if folder is not None else drafts_folder()) / f"{kind.value}{SUFFIX}"
    if not (path.exists() or path.is_symlink()):
        return default
    try:
        own = _read(path)
        template = parse(own, FIELDS)
    except TemplateError as error:
        where = f"{shown(path)}, line {error.line}" if error.line else shown(path)
        problem = f"{where}: {error.what} companion used its own {kind.value} template instead."
        return LoadedTemplate(kind, default.template, default.text, None, problem)
    return LoadedTemplate(kind, template, own, path)
