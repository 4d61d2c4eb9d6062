"""Drive `companion serve` in headless Chromium, and read the terminal the page draws.

The page draws the app with xterm.js on a canvas, so its text is not in the
page's DOM. What the page draws is what the websocket brings it: Chromium's
performance log holds every websocket frame the page received, and feeding
those bytes to a terminal emulator (pyte) of the page's size gives the screen.
Keys are typed into the page as a person would (selenium, at the terminal).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyte
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from tests.e2e.tmux import COMPANION

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1100,700",
)


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        f"{names[0]} is missing: `make test` installs it (apt-get install chromium chromium-driver)"
    )


class Served:
    """A running `companion serve`, and the address it printed."""

    def __init__(self, db_path: Path, env: Mapping[str, str], *extra: str) -> None:
        self.process = subprocess.Popen(
            [str(COMPANION), "--db", str(db_path), "serve", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(env),
        )
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/([\w-]+)/", first)
        assert found, (first, self.process.stderr.read() if self.process.stderr else "")
        self.url = found.group(0)
        self.port = int(found.group(1))
        self.key = found.group(2)

    def stop(self, timeout: float = 20.0) -> int:
        """Ctrl+C, as a person stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


class Page:
    """One headless Chromium tab."""

    def __init__(self, profile: Path) -> None:
        options = webdriver.ChromeOptions()
        options.binary_location = _program("chromium", "chromium-browser")
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        service = Service(executable_path=_program("chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.screen: pyte.Screen | None = None
        self._stream: pyte.ByteStream | None = None
        self.websockets: list[str] = []

    def open(self, url: str) -> None:
        self.driver.get(url)

    def text(self) -> str:
        """The body's text (what a page of text, such as a refusal, says)."""
        return str(self.driver.find_element(By.TAG_NAME, "body").text)

    def _read_frames(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.webSocketCreated":
                self.websockets.append(params["url"])
                size = parse_qs(urlsplit(params["url"]).query)
                columns, lines = int(size["width"][0]), int(size["height"][0])
                self.screen = pyte.Screen(columns, lines)
                self._stream = pyte.ByteStream(self.screen)
            elif message["method"] == "Network.webSocketFrameReceived":
                frame = params["response"]
                if frame["opcode"] == 2 and self._stream is not None:  # terminal output
                    self._stream.feed(base64.b64decode(frame["payloadData"]))

    def terminal(self) -> str:
        """The terminal as the page draws it now."""
        self._read_frames()
        return "\n".join(self.screen.display) if self.screen is not None else ""

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.terminal()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the page shows:\n{self.terminal()}")

    def press(self, keys: str) -> None:
        """Type into the terminal, as a person at the page."""
        self.driver.find_element(By.ID, "terminal").click()
        ActionChains(self.driver).send_keys(keys).perform()

    def close(self) -> None:
        self.driver.quit()


def serve_env(base: Mapping[str, str], tmp_path: Path) -> dict[str, str]:
    """The environment for `companion serve` in a test: no user config, a frozen clock."""
    return {
        **base,
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
    }
