"""`companion completion SHELL`: scripts the shells accept, that know every command and flag."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.cli import main
from companion.cli.main import COMMANDS, build_parser

SHELLS = ("bash", "zsh", "fish")


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: `make test` installs it; apt-get install {name}")
    return found


def _script(capsys: pytest.CaptureFixture[str], shell: str) -> str:
    code = main(["completion", shell])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _long_flags(parser: argparse.ArgumentParser) -> set[str]:
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--")
    }


@pytest.mark.parametrize("shell", SHELLS)
def test_the_script_names_every_command_and_every_flag(
    capsys: pytest.CaptureFixture[str], shell: str
) -> None:
    """Commands are built lazily when companion runs; the script must still see them all."""
    script = _script(capsys, shell)
    assert set(COMMANDS) <= {path[0] for path, _ in _parsers(build_parser()) if path}
    for path, parser in _parsers(build_parser()):
        for word in path:
            assert word in script, (shell, path)
        for flag in _long_flags(parser):
            name = flag if shell != "fish" else f"-l {flag[2:]}"
            assert name in script, (shell, path, flag)


def test_bash_accepts_the_script_and_completes_commands_and_choices(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = tmp_path / "companion.bash"
    script.write_text(_script(capsys, "bash"))
    bash = _shell("bash")
    checked = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    probe = f"""
source {script}
complete_words() {{
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}
    COMPREPLY=(); _shtab_companion; printf '%s\\n' "${{COMPREPLY[@]}}"; echo --
}}
complete_words companion ''
complete_words companion interview ''
complete_words companion export --format ''
complete_words companion settings --c
"""
    result = subprocess.run([bash, "-c", probe], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    commands, interview, formats, settings, _ = result.stdout.split("--\n")
    assert set(commands.split()) >= set(COMMANDS)
    assert set(interview.split()) == {"add", "edit", "list", "show", "log", "outcome"}
    assert set(formats.split()) == {"json", "markdown", "ics", "anki"}
    assert set(settings.split()) == {"--checkin", "--calendar", "--country"}


def test_zsh_accepts_the_script(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = tmp_path / "_companion"
    script.write_text(_script(capsys, "zsh"))
    checked = subprocess.run([_shell("zsh"), "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert script.read_text().startswith("#compdef companion")


def test_fish_accepts_the_script_and_completes_commands_flags_and_choices(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = tmp_path / "companion.fish"
    script.write_text(_script(capsys, "fish"))
    fish = _shell("fish")
    checked = subprocess.run([fish, "--no-execute", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr

    def complete(line: str) -> set[str]:
        result = subprocess.run(
            [fish, "--no-config", "-c", f"source {script}; complete -C {line!r}"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr
        return {row.split("\t")[0] for row in result.stdout.splitlines()}

    assert complete("companion ") >= set(COMMANDS)
    assert complete("companion --") == {"--db", "--demo", "--help", "--version"}
    assert complete("companion interview ") == {"add", "edit", "list", "show", "log", "outcome"}
    assert "--decision-by" in complete("companion interview add --")
    assert complete("companion export --format ") == {"json", "markdown", "ics", "anki"}
    assert complete("companion completion ") == {"bash", "zsh", "fish"}
    assert {"--to", "--json", "--template"} <= complete("companion draft --")
    assert complete("companion settings --") == {
        "--weekly-goal",
        "--checkin",
        "--daily-limit",
        "--rest-days",
        "--day-starts",
        "--calendar",
        "--country",
        "--your-name",
        "--breathing",
        "--reduced-motion",
        "--help",
    }


def test_an_unknown_shell_is_refused_with_the_ones_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["completion", "powershell"])
    assert leaving.value.code == 2
    assert "(choose from 'bash', 'zsh', 'fish')" in capsys.readouterr().err
