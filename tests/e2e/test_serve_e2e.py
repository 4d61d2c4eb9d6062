"""`companion serve` in headless Chromium: the app in a tab, and nothing without the key."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.clock import FrozenClock
from companion.domain.interviews import Interview
from companion.store.repository import Repository
from tests.e2e.browser import Page, Served, serve_env
from tests.e2e.tmux import companion_env, running_with

pytestmark = pytest.mark.e2e

HOME_TEXT = "Waiting to hear from 1 interview"
WAITING_TEXT = "Each interview with the next date worth knowing"


@pytest.fixture
def served(db_path: Path, clock: FrozenClock, tmp_path: Path) -> Iterator[Served]:
    with Repository.open(db_path, clock) as repo:
        repo.settings.update(welcomed=True)
        repo.interviews.add(Interview(company="Acme", role="Analyst", held_on=clock.today()))
    server = Served(db_path, serve_env(companion_env(clock.now().isoformat()), tmp_path))
    yield server
    server.stop()


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    tab = Page(profile)
    yield tab
    tab.close()


def _status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def _upgrade(port: int, path: str, origin: str | None = None) -> str:
    """Open a websocket by hand: the status line the server answers the upgrade with."""
    lines = [
        f"GET {path}?width=80&height=24 HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
    ]
    if origin:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return connection.recv(4096).decode("latin-1").split("\r\n")[0]


def test_the_page_shows_home_and_w_opens_the_waiting_room(served: Served, page: Page) -> None:
    page.open(served.url)
    page.wait_for(HOME_TEXT)
    assert page.websockets == [page.websockets[0]]
    assert page.websockets[0].startswith(f"ws://127.0.0.1:{served.port}/{served.key}/ws?")
    page.press("w")
    shown = page.wait_for(WAITING_TEXT)
    assert "Acme · Analyst" in shown


def test_without_the_key_there_is_no_page_no_websocket_and_no_files(
    served: Served, page: Page
) -> None:
    base = f"http://127.0.0.1:{served.port}"
    wrong = served.key[:-1] + ("A" if served.key[-1] != "A" else "B")
    for path in ("/", "/ws", "/static/js/textual.js", "/static/", "/download/x", f"/{wrong}/"):
        assert _status(base + path) == 403, path
    assert _status(f"{base}/{served.key}/static/js/textual.js") == 200
    assert _status(f"{base}/{served.key}/static/") == 403  # no folder listing, even with it
    # a page that names another host (a site rebinding its name to 127.0.0.1) is refused
    assert _status(served.url, {"Host": f"example.com:{served.port}"}) == 403

    assert " 403 " in _upgrade(served.port, "/ws")
    assert " 403 " in _upgrade(served.port, f"/{wrong}/ws")
    # the key, but from another site's page
    assert " 403 " in _upgrade(served.port, f"/{served.key}/ws", origin="http://example.com")

    page.open(base + "/")
    assert "needs the key that companion serve printed" in page.text()
    page.open(f"{base}/{wrong}/")
    assert "needs the key" in page.text()
    assert page.terminal() == ""
    assert page.websockets == []


def test_a_second_tab_opens_the_database_read_only(
    served: Served, page: Page, db_path: Path, clock: FrozenClock
) -> None:
    with Repository.open(db_path, clock):  # another companion holds the database
        page.open(served.url)
        shown = page.wait_for("Read-only")
        assert "another companion" in shown


def test_stopping_the_server_closes_the_apps_and_lets_go_of_the_database(
    served: Served, page: Page, db_path: Path, clock: FrozenClock
) -> None:
    page.open(served.url)
    page.wait_for(HOME_TEXT)
    assert served.stop() == 0
    assert running_with(str(db_path)) == []
    with Repository.open(db_path, clock) as repo:  # the write lock is free again
        assert repo.interviews.all()[0].company == "Acme"
