"""The web server behind `companion serve`: textual-serve's, with every route behind a key.

textual-serve's own server answers `/` (the page), `/ws` (the websocket that
drives the app), `/static/...` (its scripts, fonts and styles, with a folder
listing) and `/download/KEY` (files the app hands the browser). Here:

- every route sits under `/KEY/`, where KEY is a fresh random key
  (`secrets.token_urlsafe`): the page is `/KEY/`, and the page finds the
  websocket (`/KEY/ws`) and the static files (`/KEY/static/`) from the URLs
  the server writes into it, so they carry the key too;
- a middleware checks the key (in constant time) on every request before
  any handler runs, and refuses a request from another host name (DNS
  rebinding) or a websocket opened by another site's page (its Origin);
- there is no folder listing and no download route (companion writes its
  exports to files; it never sends one to the browser);
- it listens on 127.0.0.1 only, on a socket bound before the address is
  printed (`listen`), so the printed port is the one in use;
- the page is companion's own template: no font or script from elsewhere.

When the server stops (Ctrl+C), each open app is asked to quit, so that it
saves and lets go of the database, before the server exits.
"""

from __future__ import annotations

import asyncio
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

HOST = "127.0.0.1"
TEMPLATES = Path(__file__).parent / "templates"
REFUSED = "This address needs the key that companion serve printed with it.\n"
# How long the apps get to save and quit when the server stops.
STOP_WAIT = 10.0
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_key() -> str:
    """A key no other process can guess: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def app_command(db_path: Path) -> str:
    """The shell command textual-serve runs for each page: this companion, on this database."""
    return shlex.join([sys.executable, "-m", "companion", "--db", str(db_path)])


def listen(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:`port` (0: a free port). Raises OSError."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(16)
    except BaseException:
        sock.close()
        raise
    return sock


class PrivateServer(Server):
    def __init__(self, command: str, sock: socket.socket, key: str) -> None:
        port = int(sock.getsockname()[1])
        super().__init__(command, host=HOST, port=port, title="companion", templates_path=TEMPLATES)
        self.sock = sock
        self.key = key
        self._hosts = {f"{name}:{port}" for name in (HOST, "localhost")}
        self._origins = {f"http://{host}" for host in self._hosts}
        self._sessions: set[asyncio.Task[object]] = set()

    @property
    def url(self) -> str:
        """The address to open, key included."""
        return f"{self.public_url}/{self.key}/"

    def build_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        root = f"/{self.key}"
        app.add_routes(
            [
                web.get(root, self._to_page),
                web.get(f"{root}/", self.handle_index, name="index"),
                web.get(f"{root}/ws", self.handle_websocket, name="websocket"),
                web.static(f"{root}/static", self.statics_path, name="static"),
            ]
        )
        app.on_shutdown.append(self._stop_sessions)
        return app

    def _allowed(self, request: web.Request) -> bool:
        given = request.rel_url.raw_path.split("/", 2)[1]
        key = secrets.compare_digest(given.encode(), self.key.encode())
        origin = request.headers.get("Origin")
        return key and request.host in self._hosts and (origin is None or origin in self._origins)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self._allowed(request):
            raise web.HTTPForbidden(text=REFUSED)
        task = asyncio.current_task()
        if task is not None:
            self._sessions.add(task)
        try:
            response = await handler(request)
        finally:
            if task is not None:
                self._sessions.discard(task)
        if not response.prepared:  # a websocket has sent its headers already
            response.headers.update(SECURITY_HEADERS)
        return response

    async def _to_page(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/{self.key}/")

    async def _stop_sessions(self, app: web.Application) -> None:
        """Ask every open app to quit (it saves as it goes) and wait for it, briefly."""
        sessions = [task for task in self._sessions if not task.done()]
        for task in sessions:
            task.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=STOP_WAIT)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM)."""
        web.run_app(
            self.build_app(),
            sock=self.sock,
            print=None,
            access_log=None,
            handle_signals=True,
            shutdown_timeout=STOP_WAIT,
        )
