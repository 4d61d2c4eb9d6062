"""The wheel carries the starter decks, and an installed companion finds them there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from companion.store.deck_files import shipped_decks, shipped_decks_dir
import companion
print(companion.__file__)
print(shipped_decks_dir())
print(sum(len(s.deck.questions) for s in shipped_decks()))
"""


def test_the_wheel_holds_the_decks_and_an_install_finds_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("companion-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        decks = sorted(n for n in names if n.startswith("companion/questions/"))
        assert "companion/questions/README.md" in decks
        shipped = sorted(p.name for p in (ROOT / "questions").glob("*.toml"))
        assert [n.rsplit("/", 1)[1] for n in decks if n.endswith(".toml")] == shipped
        assert len(shipped) >= 8
        site = tmp_path / "site"
        archive.extractall(site)

    found = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    package, folder, count = found.stdout.split("\n")[:3]
    assert package.startswith(str(site))
    assert folder == str(site / "companion" / "questions")
    assert int(count) >= 80
