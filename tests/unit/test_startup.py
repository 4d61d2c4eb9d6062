"""What companion defers stays deferred (companion/startup.py).

Each import inside a function defers its module: importing the module that holds
it must not load it, unless `NOT_FOR_SPEED` says why the import is there. The hot
paths (the shell prompt's `summary --short`, `interview list --json`, `--help`
and the app's first paint) each run in a fresh interpreter, and what they must
not load is listed below. Each lazy package's table of names agrees with what it
imports for type checkers.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.applications import Application
from companion.domain.practice import new_question
from companion.startup import NOT_FOR_SPEED
from companion.store.repository import Repository
from tests.seed_interviews import seed

PACKAGE = Path(__file__).resolve().parents[2] / "companion"

MODULES_AT_THE_END = 'print("\\nMODULES:" + json.dumps(sorted(sys.modules)))'

CLI_PROBE = f"""
import json, sys
from companion.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
{MODULES_AT_THE_END}
"""

FIRST_PAINT_PROBE = f"""
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from companion.clock import FrozenClock
from companion.tui.app import make_app
clock = FrozenClock(datetime(2026, 3, 3, 9, 30, tzinfo=UTC))
app = make_app(Path(sys.argv[1]), clock, cursor_blink=False, exit_after_paint=True)
app.run(headless=True, size=(80, 24))
app.close_repository()
{MODULES_AT_THE_END}
"""

IMPORT_PROBE = f"""
import importlib, json, sys
importlib.import_module(sys.argv[1])
{MODULES_AT_THE_END}
"""

EVERY_COMMAND = tuple(
    f"companion.cli.{name}_cmd"
    for name in (
        "summary",
        "interview",
        "question",
        "practice",
        "journal",
        "apply",
        "breathe",
        "export",
        "import",
        "backups",
    )
)
HEAVY_DATA = (
    "fsrs",
    "companion.domain.practice",
    "companion.domain.decks",
    "companion.domain.debrief",
    "companion.domain.journal",
    "companion.store.questions_store",
    "companion.store.journal_store",
    "companion.services.practice",
    "companion.services.debrief",
    "companion.exports",
    "icalendar",
    "holidays",  # only with a country chosen (test_the_holidays_load_only_for_a_country)
)
PRINTING = ("textual", "companion.tui", "shutil")

# Each hot path, and what it must not load (a package stands for its modules too).
HOT_PATHS: dict[str, tuple[str, ...]] = {
    "summary --short": (*HEAVY_DATA, *PRINTING, "companion.cli.interview_cmd"),
    "interview list --json": (
        *HEAVY_DATA,
        *PRINTING,
        "companion.domain.summary",
        "companion.services.summary",
        "companion.cli.summary_cmd",
    ),
    "--help": (
        *PRINTING,
        *EVERY_COMMAND,
        "companion.store.repository",
        "companion.store.database",
        "companion.services",
        "companion.domain.summary",
        "tinydb",
        "orjson",
    ),
    "first paint": (
        *HEAVY_DATA,
        "companion.cli.summary_cmd",
        "companion.services.interviews",
        "companion.services.journal",
        "companion.tui.screens.waiting",
        "companion.tui.screens.interview",
        "companion.tui.screens.practice",
        "companion.tui.screens.bank",
        "companion.tui.screens.journal",
        "companion.tui.screens.debrief",
        "companion.tui.screens.settings",
        "companion.tui.screens.pacer",
        "companion.tui.dialogs.form",
        "companion.tui.dialogs.confirm",
        "companion.tui.widgets.fields",
        "companion.tui.widgets.filtered_table",
        "textual.widgets._text_area",
        "textual.widgets._data_table",
    ),
}


def _loaded(result: subprocess.CompletedProcess[str]) -> set[str]:
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("MODULES:"), result.stdout
    return set(json.loads(line.removeprefix("MODULES:")))


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {"COMPANION_FROZEN_NOW": "2026-03-03T09:30:00+00:00", "COLUMNS": "80"}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**_base_env(), **env},
    )


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "XDG_DATA_HOME")}


def _finish(process: subprocess.Popen[str]) -> set[str]:
    stdout, stderr = process.communicate(timeout=120)
    return _loaded(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))


def _inner_imports() -> dict[str, set[str]]:
    """Each companion module that imports inside a function, and what it imports there
    (imports under `if TYPE_CHECKING` are for type checkers and left out)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found[name].update(_imported(node.module, alias.name) for alias in node.names)
                elif isinstance(node, ast.Import):
                    found[name].update(alias.name for alias in node.names)
    return dict(found)


def _imported(module: str, name: str) -> str:
    """The module `from module import name` loads: `module.name` when that is a module
    (or, in a lazy package, the module its table names, in its `SOURCE` if it has
    one), else `module`."""
    if module.startswith("companion."):
        package = importlib.import_module(module)
        lazy = getattr(package, "MODULES", None)
        if isinstance(lazy, dict) and name in lazy:
            return f"{getattr(package, 'SOURCE', module)}.{lazy[name]}"
    try:
        if importlib.util.find_spec(f"{module}.{name}") is not None:
            return f"{module}.{name}"
    except ModuleNotFoundError:
        pass
    return module


@pytest.fixture(scope="module")
def hot_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """What each hot path loaded, run on a database with something in every table it reads."""
    db_path = tmp_path_factory.mktemp("startup") / "companion.json"
    clock = FrozenClock(datetime(2026, 3, 3, 9, 30, tzinfo=UTC))
    seed(db_path, clock)
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True, weekly_goal=3)
        repo.applications.add(Application("Acme", "Designer", clock.today()))
        repo.questions.add(new_question("Why us?", clock.now()))
    db = str(db_path)
    running = {
        "summary --short": _python(CLI_PROBE, "--db", db, "summary", "--short"),
        "interview list --json": _python(CLI_PROBE, "--db", db, "interview", "list", "--json"),
        "--help": _python(CLI_PROBE, "--help"),
        "first paint": _python(FIRST_PAINT_PROBE, db),
    }
    return {name: _finish(process) for name, process in running.items()}


@pytest.mark.parametrize("path", list(HOT_PATHS))
def test_each_hot_path_leaves_the_deferred_modules_unloaded(
    hot_paths: dict[str, set[str]], path: str
) -> None:
    loaded = hot_paths[path]
    wrongly = sorted(
        module
        for module in loaded
        if any(module == name or module.startswith(f"{name}.") for name in HOT_PATHS[path])
    )
    assert wrongly == []


def test_the_holidays_load_only_for_a_country_chosen(tmp_path: Path) -> None:
    """With a country, the summary's dates skip its public holidays: `holidays` loads."""
    from companion.domain.interviews import new_interview

    db_path = tmp_path / "companion.json"
    clock = FrozenClock(datetime(2026, 3, 3, 9, 30, tzinfo=UTC))
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(country="GB")
        repo.interviews.add(new_interview(company="Acme", role="R", held_on=clock.today()))
    loaded = _finish(_python(CLI_PROBE, "--db", str(db_path), "summary", "--short"))
    assert "holidays" in loaded


def test_each_import_inside_a_function_still_defers_its_module() -> None:
    inner = _inner_imports()
    unexplained = {pair for pair in NOT_FOR_SPEED if pair[1] not in inner.get(pair[0], set())}
    assert unexplained == set(), "NOT_FOR_SPEED names an import that is not there any more"
    running = {module: _python(IMPORT_PROBE, module) for module in sorted(inner)}
    loaded_anyway = sorted(
        f"{module} -> {target}"
        for module, process in running.items()
        for target in inner[module] - {t for m, t in NOT_FOR_SPEED if m == module}
        if target in _finish(process)
    )
    assert loaded_anyway == []


def test_the_inner_import_scan_sees_what_it_looks_for() -> None:
    inner = _inner_imports()
    assert "companion.tui.screens.waiting" in inner["companion.tui.navigation"]
    assert "companion.services.practice" in inner["companion.cli.import_cmd"]
    assert "icalendar" in inner["companion.exports.calendar"]


@pytest.mark.parametrize(
    "package", ["companion.tui.dialogs", "companion.tui.screens", "companion.tui.widgets"]
)
def test_each_lazy_package_exports_what_it_imports_for_type_checkers(package: str) -> None:
    module = importlib.import_module(package)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    typed: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for imported in ast.walk(node):
                if isinstance(imported, ast.ImportFrom) and imported.module:
                    for alias in imported.names:
                        typed[alias.name] = imported.module.removeprefix(f"{package}.")
    assert typed == dict(module.MODULES)
    assert sorted(module.__all__) == sorted(typed)
    for name, where in typed.items():
        assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{where}"), name)
