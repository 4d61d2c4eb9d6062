"""The methods of dataclasses compiled once, not at every start.

Python (3.11 and 3.12) writes each method of every dataclass (`__init__`, `__repr__`,
`__eq__`, ...) as source text and compiles it as the class is made: a few hundred
compilations before the app's first frame (companion's dataclasses, Textual's and
Rich's), about 50 ms of every start on a slow machine, and of every printing
command. The text depends only on the class's fields and options, so the code
compiled from each text is kept in the cache folder, and a later run executes it
instead of compiling the same text again.

- `dataclasses` compiles through the built-in `exec`; a module global of that name
  (`dataclasses.exec`) comes first, and takes the kept code for a text it has seen.
  Nothing of `dataclasses` is replaced, and a Python whose `dataclasses` does not
  call `exec` with source text is untouched.
- The code is compiled as `exec` compiles it (the file name `<string>`, no compiler
  flags of the caller: `dataclasses` has none), so a class made from kept code has
  the methods it would have had; tests/unit/test_kept_code.py compares them.
- Kept per bytecode (the file is named for the interpreter's cache tag, as in
  `__pycache__`, and its optimisation level). Loading code runs none, but what is
  loaded is executed, so the file is read as the answers beside the database are
  (`companion/private_files.py`): a file anyone else could have written is never read.
- Written again, whole, only when a run compiled something new (`save`, by the
  console script once the command or the app is over); should it outgrow
  `MAX_BYTES` (texts of versions long gone), only the run's own are kept. Anything
  wrong with the file means compiling as Python does.

This module imports nothing beyond `builtins`, `marshal`, `os`, `sys` and `types`:
the console script loads it first.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from types import CodeType  # loaded with the interpreter

from companion.private_files import cache_folder, load_kept, save_kept

TYPE_CHECKING = False  # `typing` costs a printing command 8 ms
if TYPE_CHECKING:
    from typing import Any

FORMAT = b"companion-code 1\n"
MAX_BYTES = 8 << 20


def default_path() -> str:
    """The kept code's file for this interpreter's bytecode (as `__pycache__` names it)."""
    tag = sys.implementation.cache_tag or "python"
    return os.path.join(cache_folder(), f"dataclasses-{tag}-o{sys.flags.optimize}.marshal")


class KeptCode:
    def __init__(self, path: str) -> None:
        self.path = path
        self.codes: dict[str, CodeType] = {}
        self.found = 0
        self.compiled = 0
        self.used: set[str] = set()  # the texts this run made classes from
        self._module: Any = None

    @classmethod
    def load(cls, path: str) -> KeptCode:
        """The code kept at `path`; none when the file is missing or unusable."""
        kept = cls(path)
        codes = load_kept(path, MAX_BYTES, _decode)
        if isinstance(codes, dict):
            kept.codes = {
                text: code
                for text, code in codes.items()
                if isinstance(text, str) and isinstance(code, CodeType)
            }
        return kept

    def code(self, text: str) -> CodeType:
        """The code of `text`, as `exec` would compile it."""
        found = self.codes.get(text)
        if found is not None:
            self.found += 1
            self.used.add(text)
            return found
        compiled = compile(text, "<string>", "exec", dont_inherit=True)
        self.codes[text] = compiled
        self.compiled += 1
        self.used.add(text)
        return compiled

    def install(self) -> None:
        """Make `dataclasses` execute kept code (it is imported here, if not already)."""
        import dataclasses

        def exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
            if isinstance(source, str):
                source = self.code(source)
            builtins.exec(source, globals, locals)

        dataclasses.exec = exec  # type: ignore[attr-defined]
        self._module = dataclasses

    def uninstall(self) -> None:
        if self._module is not None:
            del self._module.exec
            self._module = None

    def save(self) -> bool:
        """Write the file again if anything was compiled; True when written."""
        if not self.compiled:
            return False
        try:
            data = FORMAT + marshal.dumps(self.codes)
            if len(data) > MAX_BYTES:  # texts of older versions: only this run's are kept
                data = FORMAT + marshal.dumps({text: self.codes[text] for text in self.used})
        except ValueError:
            return False
        return save_kept(self.path, data, MAX_BYTES)


def _decode(raw: bytes) -> object:
    if not raw.startswith(FORMAT):
        raise ValueError("not kept code")
    return marshal.loads(raw[len(FORMAT) :])
