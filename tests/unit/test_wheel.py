"""Installed as people install it: the sdist and the wheel, built and installed in a fresh venv.

`python -m build` makes the sdist and then the wheel from the sdist (so the
sdist is known to hold everything a build needs), as `pipx install .` and
`uv tool install .` build the project. The wheel goes into a new virtual
environment with its dependencies resolved by pip from the package index,
not taken from the project's own venv: a dependency missing from
pyproject.toml fails here. There the installed `companion` runs its commands,
and `companion serve` serves its page (its template is in the wheel).

Marked slow (it builds, downloads and installs: most of a minute); it runs in
`make test`, and `pytest -m "not slow"` leaves it out while working.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

import pytest

from companion import __version__
from tests.conftest import FROZEN_AT

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

PROBE = """
from companion.store.deck_files import shipped_decks, shipped_decks_dir
import companion
print(companion.__file__)
print(shipped_decks_dir())
print(sum(len(s.deck.questions) for s in shipped_decks()))
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel, built the way a packager builds them."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (sdist,) = out.glob("companion-*.tar.gz")
    (wheel,) = out.glob("companion-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def installed(dist: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed, dependencies from the index; its bin folder."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    made = subprocess.run(
        [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stderr
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(dist["wheel"])],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert pip.returncode == 0, pip.stdout[-3000:] + pip.stderr[-3000:]
    return venv / "bin"


def _env(tmp_path: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "LANG", "LC_ALL"}}
    return {
        **keep,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "COMPANION_FROZEN_NOW": FROZEN_AT.isoformat(),
    }


def _run(bin_dir: Path, tmp_path: Path, *argv: str) -> str:
    result = subprocess.run(
        [str(bin_dir / "companion"), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, (argv, result.stderr)
    return result.stdout


def test_the_sdist_holds_what_a_build_needs(dist: dict[str, Path]) -> None:
    with tarfile.open(dist["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    shipped = {f"questions/{p.name}" for p in (ROOT / "questions").glob("*.toml")}
    assert shipped <= names
    assert {
        "pyproject.toml",
        "README.md",
        "Makefile",
        "companion/serve/templates/app_index.html",
        "tests/conftest.py",
    } <= names


def test_the_wheel_holds_the_decks_and_the_page_template(dist: dict[str, Path]) -> None:
    with zipfile.ZipFile(dist["wheel"]) as archive:
        names = set(archive.namelist())
    decks = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("companion/questions/"))
    shipped = sorted(p.name for p in (ROOT / "questions").glob("*.toml"))
    assert [d for d in decks if d.endswith(".toml")] == shipped
    assert len(shipped) >= 8
    assert "companion/questions/README.md" in names
    assert "companion/serve/templates/app_index.html" in names
    notes = {n.rsplit("/", 1)[1] for n in names if n.startswith("companion/draft_templates/")}
    assert notes == {p.name for p in (ROOT / "companion" / "draft_templates").glob("*.txt")}
    assert len(notes) == 9
    assert not any(n.startswith("tests/") for n in names)


def test_the_installed_command_runs_from_the_fresh_venv(installed: Path, tmp_path: Path) -> None:
    assert _run(installed, tmp_path, "--version").strip() == f"companion {__version__}"
    listed = _run(installed, tmp_path, "import", "--list")
    assert "about-you" in listed
    assert len(re.findall(r"\d+ questions", listed)) >= 8
    summary = _run(installed, tmp_path, "summary")
    assert summary.startswith("Nothing needs you today.")
    assert (tmp_path / "data" / "companion").is_dir() is False  # a summary writes nothing

    found = subprocess.run(
        [str(installed / "python"), "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    package, folder, count = found.stdout.split("\n")[:3]
    site = str(installed.parent / "lib")
    assert package.startswith(site)  # the wheel's copy, not the project's source
    assert folder.startswith(site)
    assert int(count) >= 80
    template = _run(installed, tmp_path, "draft", "--template", "thank-you")
    assert template.startswith("# A thank-you note")


def test_the_commands_on_new_dependencies_run_from_the_fresh_venv(
    installed: Path, tmp_path: Path
) -> None:
    _run(installed, tmp_path, "question", "add", "Why this role?", "--answer", "Because.")
    _run(installed, tmp_path, "export", "--format", "anki", "--output", "q.apkg")
    with zipfile.ZipFile(tmp_path / "q.apkg") as package:
        assert "collection.anki2" in package.namelist()
    assert _run(installed, tmp_path, "completion", "bash").startswith("#")
    assert "complete -c companion" in _run(installed, tmp_path, "completion", "fish")
    _run(installed, tmp_path, "settings", "--calendar", "kind.ics")
    assert (tmp_path / "kind.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")

    server = subprocess.Popen(
        [str(installed / "companion"), "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    try:
        assert server.stdout is not None
        url = re.search(r"http://\S+/", server.stdout.readline())
        assert url, server.stderr.read() if server.stderr else ""
        with urllib.request.urlopen(url.group(0), timeout=30) as page:
            assert b"textual-terminal" in page.read()
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(30) == 0
