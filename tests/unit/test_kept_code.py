"""The dataclasses' methods made from kept code (companion/kept_code.py) are the methods
Python would have compiled; a file that is not the user's own, or not ours, is
compiled past; the console script keeps what it compiled, once."""

from __future__ import annotations

import dataclasses
import marshal
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from types import FunctionType

import pytest

from companion import kept_code
from companion.kept_code import FORMAT, KeptCode


def _classes() -> list[type]:
    """Dataclasses of every kind the code generator writes differently."""

    @dataclass
    class Plain:
        name: str
        count: int = 0
        tags: list[str] = field(default_factory=list)

    @dataclass(frozen=True, order=True)
    class Frozen:
        day: str
        score: float = 1.5

    @dataclass(frozen=True, slots=True)
    class Slotted:
        first: int
        _: KW_ONLY
        second: int = 2

    @dataclass(eq=False, repr=False)
    class Bare:
        value: object = None

    @dataclass(unsafe_hash=True)
    class Hashed:
        key: str
        hidden: int = field(default=0, compare=False, repr=False)

    return [Plain, Frozen, Slotted, Bare, Hashed]


def _code_of(function: Callable[..., object]) -> tuple[object, ...]:
    code = function.__code__
    return (
        code.co_code,
        code.co_consts,
        code.co_names,
        code.co_varnames,
        code.co_freevars,
        code.co_filename,
        code.co_flags,
        code.co_argcount,
        code.co_kwonlyargcount,
        function.__defaults__,
        function.__kwdefaults__ is None,
    )


def _methods(classes: list[type]) -> dict[str, tuple[object, ...]]:
    return {
        f"{cls.__name__}.{name}": _code_of(value)
        for cls in classes
        for name, value in vars(cls).items()
        if isinstance(value, FunctionType)
    }


@pytest.fixture
def kept_path(tmp_path: Path) -> str:
    return str(tmp_path / "cache" / "dataclasses.marshal")


@pytest.fixture
def installed() -> Iterator[list[KeptCode]]:
    done: list[KeptCode] = []
    yield done
    for kept in reversed(done):
        kept.uninstall()
    assert "exec" not in vars(dataclasses)


def _load(path: str, installed: list[KeptCode]) -> KeptCode:
    kept = KeptCode.load(path)
    kept.install()
    installed.append(kept)
    return kept


def test_methods_from_kept_code_are_the_methods_python_compiles(
    kept_path: str, installed: list[KeptCode]
) -> None:
    compiled_by_python = _methods(_classes())

    first = _load(kept_path, installed)
    assert _methods(_classes()) == compiled_by_python
    assert first.compiled > 0
    assert first.save()
    assert Path(kept_path).stat().st_mode & 0o777 == 0o600
    first.uninstall()

    later = _load(kept_path, installed)
    classes = _classes()
    assert _methods(classes) == compiled_by_python
    assert (later.found, later.compiled) == (first.compiled, 0)
    assert not later.save()  # nothing new

    plain, frozen, slotted, bare, hashed = classes
    assert plain("a") == plain("a", 0, []) and plain("a").tags is not plain("a").tags
    assert repr(frozen("Tue", 2.0)).endswith("Frozen(day='Tue', score=2.0)")
    assert frozen("Mon") < frozen("Tue")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen("Mon").day = "Wed"  # type: ignore[misc]
    assert slotted(1, second=3).second == 3 and not hasattr(slotted(1), "__dict__")
    assert bare() != bare()
    assert hash(hashed("k", 1)) == hash(hashed("k", 2))


@pytest.mark.parametrize("mode", [0o644, 0o660, 0o606])
def test_a_file_others_may_read_or_write_is_not_read(
    kept_path: str, installed: list[KeptCode], mode: int
) -> None:
    first = _load(kept_path, installed)
    _classes()
    first.save()
    first.uninstall()
    Path(kept_path).chmod(mode)

    later = _load(kept_path, installed)
    _classes()
    assert later.found == 0
    assert later.compiled == first.compiled


@pytest.mark.parametrize(
    "content",
    [b"", b"not ours at all", FORMAT + b"\x00garbage", FORMAT + b"N"],
    ids=["empty", "another-format", "not-marshal", "not-a-table"],
)
def test_a_file_that_is_not_ours_is_compiled_past_and_written_again(
    kept_path: str, installed: list[KeptCode], content: bytes
) -> None:
    compiled_by_python = _methods(_classes())
    Path(kept_path).parent.mkdir()
    fd = os.open(kept_path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, content)
    os.close(fd)

    kept = _load(kept_path, installed)
    assert _methods(_classes()) == compiled_by_python
    assert kept.found == 0
    assert kept.save()
    assert KeptCode.load(kept_path).codes.keys() == kept.codes.keys()


def test_a_file_grown_too_large_keeps_only_what_the_run_used(
    kept_path: str, installed: list[KeptCode], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load(kept_path, installed)
    _classes()
    stale = {f"x{n} = {n}": compile(f"x{n} = {n}", "<string>", "exec") for n in range(400)}
    first.codes.update(stale)
    first.uninstall()
    monkeypatch.setattr(kept_code, "MAX_BYTES", len(marshal.dumps(first.codes)) - 1)
    assert first.save()
    kept = KeptCode.load(kept_path)
    assert kept.codes.keys() == first.used
    assert not stale.keys() & kept.codes.keys()


def test_the_console_script_keeps_what_it_compiled_once(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "LANG")},
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "COMPANION_FROZEN_NOW": "2026-03-03T09:30:00+00:00",
    }
    command = [
        sys.executable,
        "-c",
        "import sys; sys.argv[0] = 'companion'; from companion.script import run; run()",
        "--db",
        str(tmp_path / "companion.json"),
        "summary",
    ]

    def run() -> None:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr

    run()
    files = list((tmp_path / "cache" / "companion").glob("dataclasses-*.marshal"))
    assert len(files) == 1
    kept = KeptCode.load(str(files[0]))
    assert len(kept.codes) > 50  # companion's own dataclasses, and the libraries'
    written = files[0].stat().st_mtime_ns
    run()
    assert files[0].stat().st_mtime_ns == written  # nothing new: not written again
