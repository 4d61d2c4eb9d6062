"""Files and folders companion may not read or write, made real where the system allows.

Tests may run as root, where permission bits stop nothing. Then an unreadable
file is simulated at the read call, and an unwritable folder is made with the
immutable attribute (chattr +i), which stops root too; where neither works
the test is skipped with the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PRIVILEGED = hasattr(os, "geteuid") and os.geteuid() == 0


def _can_create_in(folder: Path) -> bool:
    probe = folder / ".companion-probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@contextlib.contextmanager
def unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """`path` cannot be read; yields how ("chmod 000" or "simulated for root")."""
    if not PRIVILEGED:
        path.chmod(0)
        try:
            yield "chmod 000"
        finally:
            path.chmod(0o600)
        return
    from companion.store import files

    real = Path.read_bytes
    real_file = files.read_file_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    def denied_file(wanted: Path) -> bytes:
        if wanted == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(wanted))
        return real_file(wanted)

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(files, "read_file_bytes", denied_file)
    try:
        yield "simulated for root"
    finally:
        monkeypatch.setattr(Path, "read_bytes", real)
        monkeypatch.setattr(files, "read_file_bytes", real_file)


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[str]:
    """Nothing can be created in `folder`; yields how it was done."""
    if not PRIVILEGED:
        folder.chmod(0o500)
        try:
            yield "chmod 500"
        finally:
            folder.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    made = (
        chattr is not None
        and subprocess.run([chattr, "+i", str(folder)], capture_output=True, check=False).returncode
        == 0
    )
    if not made or _can_create_in(folder):
        if made:
            subprocess.run([chattr or "chattr", "-i", str(folder)], check=False)
        pytest.skip(
            "running as root where chattr +i is not available: a folder root "
            "cannot write cannot be made here"
        )
    try:
        yield "chattr +i (root)"
    finally:
        subprocess.run([chattr or "chattr", "-i", str(folder)], check=True)
