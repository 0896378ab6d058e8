"""Shared pieces of the end-to-end tests: the server process, the browser, page watchers.

Screenshots land (full page) under ``test-output/e2e/`` in the project root.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

SCREENSHOTS = PROJECT_ROOT / "test-output" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-proxy-server",
]
START_TIMEOUT_S = 30.0
# No proxy: the server is on 127.0.0.1, whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get_json(url: str) -> Any:
    with _OPENER.open(url, timeout=5) as response:
        return json.load(response)


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]

    def api(self, path: str) -> Any:
        return get_json(self.base + path)


def wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    last_error = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"`barraiser serve` exited with code {server.process.returncode} before answering."
                f"\n--- server output ---\n{server.output()}"
            )
        try:
            if server.api("/api/health").get("status") == "ok":
                return
        except (urllib.error.URLError, OSError, ValueError) as exc:
            last_error = str(exc)
        time.sleep(0.2)
    pytest.fail(
        f"`barraiser serve` did not answer /api/health within {START_TIMEOUT_S:.0f} s "
        f"(last error: {last_error}).\n--- server output ---\n{server.output()}"
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Problems:
    """Console errors, uncaught exceptions and failed requests seen by a page."""

    items: list[str] = field(default_factory=list)

    def _request_failed(self, request: Any) -> None:
        # The browser fetches the favicon on its own and cancels it when the test navigates
        # away first: that is the test's speed, not a failure of the app.
        if "/favicon" in request.url and "ERR_ABORTED" in str(request.failure):
            return
        self.items.append(f"request failed: {request.url} ({request.failure})")

    def watch(self, page: Any) -> None:
        page.on(
            "console",
            lambda m: self.items.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.items.append(f"page error: {e}"))
        page.on("requestfailed", self._request_failed)
        page.on(
            "response",
            lambda r: self.items.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )


def new_page(browser: Any, problems: Problems, **options: Any) -> Any:
    context = browser.new_context(reduced_motion="reduce", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems.watch(page)
    return page


def type_code(page: Any, code: str) -> None:
    """Replace the editor's text as a user would: focus, select all, type (pasted as text)."""
    page.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)
