"""`companion serve`: its flag, its refusals, and the command it runs for each tab."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

import pytest

from companion.cli import main
from companion.serve.server import HOST, PrivateServer, app_command, listen, new_key


def test_a_port_that_is_not_one_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    for typed in ("http", "0", "65536", "-1", ""):
        code = main(["--db", str(db_path), "serve", "--port", typed])
        err = capsys.readouterr().err
        assert code == 2, typed
        assert err.startswith("companion: port: ")
        assert "use a number from 1 to 65535" in err


def test_a_port_in_use_is_said_and_nothing_is_served(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code = main(["--db", str(db_path), "serve", "--port", str(port)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert f"port: {HOST}:{port} cannot be used" in err
    assert "leave --port out for a free one" in err


def test_the_server_listens_on_this_computer_only_behind_a_new_key_each_time() -> None:
    keys = {new_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(len(key) >= 43 for key in keys)  # 32 random bytes
    sock = listen(0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
        server = PrivateServer("true", sock, "k3y")
        port = sock.getsockname()[1]
        assert server.url == f"http://127.0.0.1:{port}/k3y/"
        routes = {r.canonical for r in server.build_app().router.resources()}
        assert routes == {"/k3y", "/k3y/", "/k3y/ws", "/k3y/static"}
    finally:
        sock.close()


def test_each_tab_runs_this_companion_on_the_same_database(tmp_path: Path) -> None:
    db = tmp_path / "my data" / "c.json"
    assert shlex.split(app_command(db)) == [sys.executable, "-m", "companion", "--db", str(db)]
