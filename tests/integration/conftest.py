"""Integration fixtures: real SQLite files and a real PostgreSQL server started by the tests.

The PostgreSQL server is started once per test run (``tests/postgres_support.py``: initdb into a
temporary folder, listening on 127.0.0.1 only) unless ``BARRAISER_TEST_POSTGRES_URL`` names one.
Without the PostgreSQL binaries the tests are skipped, or fail when
``BARRAISER_REQUIRE_POSTGRES=1`` (``make test``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chat_server import ChatServer, serve_chat
from fastapi import FastAPI

from barraiser.config import Settings
from barraiser.judge.sandbox import Sandbox, SandboxUnavailable
from barraiser.store import Store, init_store
from postgres_support import drop_everything, postgres_server, require_test_database
from web_client import TestClient


@pytest.fixture
def test_database_guard() -> Callable[[str], None]:
    """The guard itself, so that a test can check it."""
    return require_test_database


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a fresh SQLite file in the test's own folder."""
    url = f"sqlite:///{tmp_path / 'store' / 'barraiser_test.db'}"
    require_test_database(url)
    return url


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """The URL of a PostgreSQL test database: BARRAISER_TEST_POSTGRES_URL or our own server."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """The PostgreSQL test database, empty at the start and at the end of the test."""
    drop_everything(postgres_server_url)
    yield postgres_server_url
    drop_everything(postgres_server_url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty test database of each kind: the same test runs on SQLite and PostgreSQL."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def store(db_url: str, tmp_path: Path) -> Iterator[Store]:
    """A migrated store with its local user, as `barraiser serve` opens it."""
    opened = init_store(Settings(database_url=db_url, data_dir=tmp_path / "data"))
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def sandbox() -> Sandbox:
    """Slot 0 of the real sandbox; skipped (with the reason) where there is none, unless
    ``BARRAISER_REQUIRE_SANDBOX=1`` (set by ``make test``), which turns that into a failure."""
    try:
        return Sandbox(0)
    except SandboxUnavailable as error:
        if os.environ.get("BARRAISER_REQUIRE_SANDBOX") == "1":
            pytest.fail(f"the sandbox is required (BARRAISER_REQUIRE_SANDBOX=1): {error}")
        pytest.skip(f"no sandbox here ({error}); `make test` installs and requires it")


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    """A stdlib HTTP server on 127.0.0.1 that speaks the chat-completions shape."""
    with serve_chat() as state:
        yield state


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    """A test client on the module's ``app`` (each web test module builds its own app), with
    the app's lifespan run: its services start and stop with the module."""
    with TestClient(app) as test_client:
        yield test_client
