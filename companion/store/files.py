"""Reading and writing one JSON file safely, and every change the store makes on disk.

A write goes to a temporary file in the same folder, is flushed to disk, then
replaces the old file in one step, and the folder entry is flushed too: a crash
at any instant leaves either the old file or the new one, never a torn one.

Every change to the file system the store makes (a temporary file written, a
replace, a link, an unlink, a folder made or removed) goes through the small
functions at the end of this module, which tell `operation_observer` after
each one: the crash-point test (tests/torture/test_commit_points.py) stops a
process after its k-th operation, for every k, and checks what is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from operator import methodcaller
from pathlib import Path
from typing import Any

import orjson

FILE_MODE = 0o600
DIR_MODE = 0o700

Tables = dict[str, dict[str, dict[str, Any]]]


class FileProblem(Exception):
    """Why a file is not a database we can load, in words for the user."""


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "an object"


def read_tables(path: Path) -> Tables:
    """Load a TinyDB-shaped JSON file: an object of tables of numbered documents.

    Raises FileNotFoundError when there is no file, FileProblem when there is one
    that is not a database.
    """
    try:
        raw = read_file_bytes(path)
    except FileNotFoundError:
        raise
    except PermissionError:
        raise FileProblem("companion is not allowed to read it (permission denied)") from None
    except IsADirectoryError:
        raise FileProblem("it is a folder, not a file") from None
    except OSError as error:
        raise FileProblem(f"it could not be read ({error.strerror})") from None
    return parse_tables(raw)


def read_file_bytes(path: Path) -> bytes:
    """The bytes of `path`, which must be a plain file: a FIFO (which would wait for a
    writer forever) or a device is refused without reading it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as file:  # noqa: PTH123 - an open descriptor
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise FileProblem("it is not a plain file (a named pipe or a device, say)")
        return file.read()


def _plain_id(doc_id: str) -> bool:
    """Digits 0-9 with no leading zero: what TinyDB reads back as the same id it wrote.

    "²" and "٣" are digits to `str.isdigit` but not to `int`, and "01" and "1"
    would be one id.
    """
    return doc_id.isascii() and doc_id.isdigit() and (doc_id == "0" or doc_id[0] != "0")


def _plainly_fits(table: object) -> bool:
    """The quick form of the checks below, for a whole table: an object whose ids are
    all digits with no leading zero and whose documents are all objects. False may
    also mean "look closer" (an id "0"), which the checks below do."""
    if not isinstance(table, dict):
        return False
    if not table:
        return True
    ids = "".join(table)
    return (
        ids.isascii()
        and ids.isdigit()
        and "" not in table
        and not any(map(_starts_with_zero, table))
        and set(map(type, table.values())) <= {dict}
    )


_starts_with_zero = methodcaller("startswith", "0")


def parse_tables(raw: bytes) -> Tables:
    if not raw.strip():
        raise FileProblem("the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise FileProblem(f"it is not valid JSON or it was cut off ({error})") from None
    return check_tables(data)


def check_tables(data: object, where: str = "") -> Tables:
    """`data` if it has the shape of a database file (tables of numbered documents).

    `where` names the place in a larger document ("the export's history part
    'answers'"); without it the messages speak of "it", the file.
    """
    if not isinstance(data, dict):
        holder = where or "it"
        raise FileProblem(
            f"{holder} holds {_json_kind(data)} where a companion database holds an object "
            "of tables"
        )
    if all(_plainly_fits(table) for table in data.values()):
        return data
    owner = f"{where}: " if where else ""
    for name, table in data.items():
        if not isinstance(table, dict):
            raise FileProblem(
                f"{owner}{'its ' if not where else ''}table {name!r} is {_json_kind(table)}, "
                "not an object"
            )
        for doc_id, doc in table.items():
            if not _plain_id(doc_id):
                raise FileProblem(
                    f"{owner}table {name!r} has a document id {doc_id!r} that is not a number "
                    "as companion writes them (1, 2, 3 ...)"
                )
            if not isinstance(doc, dict):
                raise FileProblem(
                    f"{owner}document {doc_id} of table {name!r} is {_json_kind(doc)}, "
                    "not an object"
                )
    return data


def dump_tables(tables: Tables) -> bytes:
    try:
        return orjson.dumps(tables)
    except TypeError:
        # Text that is not valid Unicode (lone surrogates: Python turns bytes that
        # are not UTF-8 in command-line arguments into them) cannot be written as
        # UTF-8. It is saved with U+FFFD in place of each, rather than not at all.
        return orjson.dumps(_without_surrogates(tables))


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) if missing; folders we create are 0700.

    An existing folder is left as it is: `--db /tmp/x.json` must not chmod /tmp.
    """
    if path.is_dir():
        return
    make_private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=DIR_MODE)
        path.chmod(DIR_MODE)
        _did("mkdir", path)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries so a rename inside it survives a power cut."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, tag: str = "") -> str:
    """`data` in a private temporary file beside `path`, flushed to disk; its name.

    The name is `.NAME.TAG*.tmp`: what the cleaning of leftovers looks for.
    """
    import tempfile  # only writers need it (with shutil and random behind it)

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{tag}", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise
    os.close(fd)
    _did("create", Path(tmp_name))
    return tmp_name


def write_atomic(path: Path, data: bytes, *, tag: str = "", sync_folder: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file.

    `sync_folder=False` leaves flushing the folder to the caller, who writes
    several files into it and flushes it once.
    """
    make_private_dir(path.parent)
    tmp_name = _write_temp(path, data, tag)
    try:
        replace_file(Path(tmp_name), path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise
    if sync_folder:
        fsync_dir(path.parent)


def write_new(path: Path, data: bytes, *, tag: str = "") -> None:
    """Create `path` holding `data`, whole or not at all; FileExistsError if it exists.

    The bytes are written to a temporary file first and then linked under the
    new name, which fails rather than replace a file that appeared meanwhile.
    On a file system without hard links, the name is checked just before the
    temporary file is renamed onto it.
    """
    tmp_name = _write_temp(path, data, tag)
    try:
        try:
            link_file(Path(tmp_name), path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
            replace_file(Path(tmp_name), path)
    finally:
        with contextlib.suppress(OSError):
            remove_file(Path(tmp_name))
    fsync_dir(path.parent)


def remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a crash mid-write; only ever ours (`.NAME.*.tmp`)."""
    remove_temp_files_matching(path.parent, f".{path.name}.*.tmp")


def remove_temp_files_matching(folder: Path, pattern: str) -> None:
    """Remove the temp files under `folder` (recursively) whose names match `pattern`."""
    if not folder.is_dir():
        return
    for leftover in folder.rglob(pattern):
        with contextlib.suppress(OSError):
            remove_file(leftover)


def copy_private(source: Path, target: Path) -> None:
    """Copy a file's bytes to `target` atomically, mode 0600."""
    write_atomic(target, source.read_bytes())


# The operations themselves

OperationObserver = Callable[[str, Path], None]
# Told after each operation (its kind and the path it changed); tests set it.
operation_observer: OperationObserver | None = None


def _did(kind: str, path: Path) -> None:
    observer = operation_observer
    if observer is not None:
        observer(kind, path)


def replace_file(source: Path, target: Path) -> None:
    """Put `source` in place of `target` in one step (a rename)."""
    os.replace(source, target)  # noqa: PTH105 - tests inject failures into os.replace
    _did("replace", target)


def link_file(source: Path, target: Path) -> None:
    """A second name for `source`'s bytes (FileExistsError if `target` exists)."""
    os.link(source, target)
    _did("link", target)


def remove_file(path: Path) -> None:
    """Remove one file; one that is already gone is fine."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    _did("unlink", path)


def remove_tree(path: Path) -> None:
    """Remove a folder and what it holds, as far as it can."""
    import shutil

    if not path.exists():
        return
    shutil.rmtree(path, ignore_errors=True)
    _did("rmtree", path)
