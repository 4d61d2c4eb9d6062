"""The domain and the printing CLI must not import textual (nor the domain tinydb)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOMAIN_PROBE = """
import importlib, pkgutil, sys
import companion.domain as domain
for module in pkgutil.walk_packages(domain.__path__, "companion.domain."):
    importlib.import_module(module.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "tinydb"})
print(",".join(bad))
"""

CLI_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
print("LOADED:" + ",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
print("ICALENDAR:" + str("icalendar" in sys.modules), file=sys.stderr)
raise SystemExit(code)
"""


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_the_domain_imports_neither_textual_nor_tinydb() -> None:
    result = _python(DOMAIN_PROBE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_companion_summary_does_not_import_textual(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    apply = ["apply", "--company", "Acme", "--role", "Designer"]
    commands = (["summary"], ["summary", "--json"], ["summary", "--short"], ["backups"], ["check"])
    for argv in (*commands, apply):
        result = _python(CLI_PROBE, "--db", db, *argv)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("LOADED:"), result.stdout


def test_export_and_import_do_not_import_textual(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    saved = str(tmp_path / "all.json")
    runs = [
        ["apply", "--company", "Acme", "--role", "Designer"],
        ["export", "--output", saved],
        ["export", "--format", "markdown", "--output", "-"],
        ["export", "--format", "ics", "--output", "-"],
        ["import", saved, "--replace"],
        ["backups"],
    ]
    for argv in runs:
        result = _python(CLI_PROBE, "--db", db, *argv)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("LOADED:"), result.stdout


def test_only_the_calendar_loads_icalendar(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    for argv, loaded in (
        (["summary"], False),
        (["export", "--output", "-"], False),
        (["export", "--format", "ics", "--output", "-"], True),
    ):
        result = _python(CLI_PROBE, "--db", db, *argv)
        assert result.returncode == 0, result.stderr
        assert f"ICALENDAR:{loaded}" in result.stderr


HEAVY_PROBE = """
import sys
from companion.cli import main
code = main(sys.argv[1:])
heavy = ("genanki", "shtab", "textual_serve", "aiohttp", "textual", "icalendar")
print("HEAVY:" + ",".join(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
raise SystemExit(code)
"""


def test_each_new_dependency_is_loaded_only_by_its_command(tmp_path: Path) -> None:
    db = str(tmp_path / "c.json")
    for argv, loaded in (
        (["summary", "--short"], ""),
        (["settings"], ""),
        (["settings", "--weekly-goal", "4"], ""),
        (["completion", "fish"], ""),
        (["completion", "bash"], "shtab"),
        (["export", "--format", "anki", "--output", str(tmp_path / "q.apkg")], "genanki"),
    ):
        result = _python(HEAVY_PROBE, "--db", db, *argv)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith(f"HEAVY:{loaded}"), (argv, result.stdout[-200:])
