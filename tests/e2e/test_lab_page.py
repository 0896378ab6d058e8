"""A lab end to end: `barraiser serve` as a real process, Debian's Chromium, a real fast run.

The candidate opens the labs from the navigation, opens the quickest lab, starts a quick run,
watches its progress and then reads the claims and the figure, all without a page reload.
Screenshots go to ``test-output/e2e/lab-*.png`` in the project root.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

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
RUN_TIMEOUT_MS = 180_000
#: Guide questions whose labs are quick at the fast size, quickest first (deep-learning last).
QUICK_FIRST = (12, 11, 4, 1, 5, 6, 15, 3, 10, 2, 8, 7, 14, 13, 9)
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]

    def api(self, path: str) -> Any:
        with _OPENER.open(self.base + path, timeout=5) as response:
            return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("e2e-labs")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRAISER_")}
    env.update(
        BARRAISER_DATA_DIR=str(folder / "data"),
        BARRAISER_CONFIG=str(folder / "no-config.toml"),
        PYTHONUNBUFFERED="1",
    )
    port = _free_port()
    log = folder / "server.log"
    command = [sys.executable, "-m", "barraiser", "serve", "--host", "127.0.0.1"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
    running = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"`barraiser serve` exited early:\n{running.output()}")
            try:
                if running.api("/api/health").get("status") == "ok":
                    break
            except (urllib.error.URLError, OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"`barraiser serve` did not start:\n{running.output()}")
            time.sleep(0.2)
        yield running
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install chromium`.")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Problems:
    """Console errors, uncaught exceptions and failed requests seen by a page."""

    items: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        page.on(
            "console",
            lambda m: self.items.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.items.append(f"page error: {e}"))
        page.on(
            "requestfailed", lambda r: self.items.append(f"request failed: {r.url} ({r.failure})")
        )
        page.on(
            "response",
            lambda r: self.items.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )


def test_candidate_runs_a_lab_and_reads_the_evidence(server: Server, browser: Any) -> None:
    labs = server.api("/api/labs")
    if not labs:
        pytest.skip("no lab module is installed yet (src/barraiser/labs/qNN_*.py)")
    rank = {number: i for i, number in enumerate(QUICK_FIRST)}
    lab = min(labs, key=lambda item: (rank.get(item["guide_question"], 99), item["id"]))

    problems = Problems()
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems.watch(page)

    # From the home page to the list of labs, through the main navigation.
    page.goto(server.base + "/")
    page.locator(".site-nav").get_by_role("link", name="Labs").click()
    page.wait_for_url(server.base + "/labs")
    rows = page.locator("li.lab-row")
    assert rows.count() == len(labs)
    assert page.locator(f'li.lab-row[data-id="{lab["id"]}"] .lab-pill').inner_text() == (
        "Not run yet"
    )
    page.screenshot(path=SCREENSHOTS / "lab-list.png", full_page=True)

    # The lab page: what it shows, its data, and the run buttons; no result yet.
    page.locator(f'li.lab-row[data-id="{lab["id"]}"] a.q-title').click()
    page.wait_for_url(server.base + f"/labs/{lab['id']}")
    assert page.locator("h1").inner_text() == lab["title"]
    assert page.locator(".lab-no-result").is_visible()
    page.evaluate("window.__sameDocument = true")

    # A quick run: the panel shows progress, then the claims and the figure replace it.
    page.get_by_role("button", name="Quick run").click()
    page.locator("#lab-run.lab-run--active").wait_for(state="visible")
    assert page.locator("#lab-run progress.lab-progress").count() == 1
    # The status panel polls: once the lab reports progress, its message and share show.
    seen = page.wait_for_function(
        """() => {
            if (document.querySelector('#lab-result .lab-claim')) return 'done';
            const bar = document.querySelector('#lab-run[data-status="running"] progress[value]');
            const text = document.querySelector('#lab-run .lab-run-message');
            const message = text ? text.textContent.trim() : '';
            return bar && message !== 'Starting' ? message : false;
        }""",
        timeout=RUN_TIMEOUT_MS,
    ).json_value()
    if seen != "done":
        assert "%" in seen, seen
        page.screenshot(path=SCREENSHOTS / "lab-running.png", full_page=True)
    page.locator("#lab-result .lab-claim").first.wait_for(state="visible", timeout=RUN_TIMEOUT_MS)
    assert page.locator("#lab-run .lab-run-done").is_visible()
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"

    result = server.api(f"/api/labs/{lab['id']}")
    assert result is not None and result["size"] == "fast"
    claims = page.locator("#lab-result .lab-claim")
    assert claims.count() == len(result["claims"])
    verdicts = page.locator("#lab-result .claim-verdict").all_inner_texts()
    assert verdicts == ["Holds" if c["holds"] else "Fails" for c in result["claims"]]
    figure = page.locator("#lab-result .lab-figure img").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
    )
    assert page.locator("#lab-result .lab-figure img").count() == len(result["figures"])
    page.screenshot(path=SCREENSHOTS / "lab-result.png", full_page=True)

    # Back on the list, the lab shows what its claims found.
    page.goto(server.base + "/labs")
    pill = page.locator(f'li.lab-row[data-id="{lab["id"]}"] .lab-pill--cached')
    held = sum(c["holds"] for c in result["claims"])
    assert pill.get_attribute("data-held") == str(held)
    context.close()
    assert problems.items == [], "\n".join(problems.items)
