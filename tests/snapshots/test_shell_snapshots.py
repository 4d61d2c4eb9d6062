"""Snapshots of the shell: frozen clock, fixed sizes, blink and animations off."""

from __future__ import annotations

from typing import Any

from tests.conftest import AppFactory


def test_home_empty(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=(80, 24))


def test_home_empty_light_theme(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(theme="companion-dawn"), terminal_size=(80, 24))


def test_help(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["question_mark"])


def test_welcome_on_first_run(snap_compare: Any, build_app: AppFactory) -> None:
    assert snap_compare(build_app(welcomed=False), terminal_size=(80, 24))
