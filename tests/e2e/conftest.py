"""Fixtures of the end-to-end tests: a real `barraiser serve` process and Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from _support import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Server, free_port, stop, wait_until_up


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("e2e")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRAISER_")}
    env.update(
        BARRAISER_DATA_DIR=str(folder / "data"),
        BARRAISER_CONFIG=str(folder / "no-config.toml"),
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    log = folder / "server.log"
    command = [
        sys.executable,
        "-m",
        "barraiser",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
    running = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        wait_until_up(running)
        yield running
    finally:
        stop(process)


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
