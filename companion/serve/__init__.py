"""`companion serve`: the app in a browser tab, on this computer only, behind a key.

textual-serve runs the app as a separate `companion` process for each page
that connects, talking to the page over a websocket. Each of those opens the
database the way the terminal app does: the first one writes, any other
(another tab, or companion in a terminal) opens it read-only and says so.

A private journal must not be one local port away from every other process
on the machine (another user's, a browser tab on a hostile site): the server
listens on 127.0.0.1 only, and every path starts with a random key printed
with the address, `http://127.0.0.1:PORT/KEY/`. A request without the key
(the page, the websocket, the scripts and fonts) is refused before anything
else looks at it. See `server.py`.
"""
