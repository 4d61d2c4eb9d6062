"""`companion serve [--port P]`: the app in a browser tab, on 127.0.0.1, behind a key."""

from __future__ import annotations

import argparse
import gc

from companion.cli.context import Context
from companion.domain.errors import FieldError
from companion.domain.numbers import whole_number

MAX_PORT = 65_535


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve",
        help="open the app in a browser tab: this computer only, behind a key",
        description=(
            "Serve the app to a browser on this computer. It listens on 127.0.0.1 only, "
            "and only the printed link opens it: the link holds a new random key each time. "
            "Each tab runs its own companion on your database, as in a terminal: the first "
            "one writes, others open it read-only. Ctrl+C stops serving; the apps save and "
            "close first."
        ),
    )
    parser.add_argument(
        "--port", metavar="P", help=f"the port to listen on, 1 to {MAX_PORT} (default: a free one)"
    )
    parser.set_defaults(handler=run)


def parse_port(text: str | None) -> int:
    if text is None:
        return 0
    port = whole_number(text.strip())
    if port is None or not 1 <= port <= MAX_PORT:
        raise FieldError(
            "port",
            f"{text.strip() or '(empty)'!r} is not a port; use a number from 1 to {MAX_PORT}.",
        )
    return port


def run(args: argparse.Namespace, ctx: Context) -> int:
    port = parse_port(args.port)
    with ctx.open("read"):
        pass  # a database that does not load is said here, not in a blank tab
    gc.enable()  # a long run: the console script turned the collector off for short ones
    from companion.serve.server import HOST, PrivateServer, app_command, listen, new_key

    try:
        sock = listen(port)
    except OSError as error:
        raise FieldError(
            "port",
            f"{HOST}:{port} cannot be used ({error.strerror or error}); choose another port, "
            "or leave --port out for a free one.",
        ) from None
    server = PrivateServer(app_command(ctx.db_path), sock, new_key())
    ctx.print(f"companion is open at {server.url}")
    ctx.print(
        "Only this link opens it, and only on this computer: keep it to yourself. "
        "Ctrl+C stops serving."
    )
    ctx.out.flush()
    server.serve()
    return 0
