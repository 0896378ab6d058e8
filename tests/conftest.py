"""Shared fixtures: every test runs with its own data folder and no user config file, and the
web app answers Starlette's test client (``Host: testserver``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from barraiser.config import get_settings
from barraiser.content.bank import get_bank
from barraiser.store import Store
from barraiser.store.models import SessionRound

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _test_client_host() -> Iterator[None]:
    """Let the web app answer Starlette's test client, which sends ``Host: testserver`` (the
    product allows loopback names only). Session-wide, so module-scoped apps get it too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BARRAISER_ALLOWED_HOSTS", "testserver")
        yield


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point settings at a temporary data folder and away from the user's config file."""
    for name in (
        "BARRAISER_DATABASE_URL",
        "BARRAISER_HOST",
        "BARRAISER_PORT",
        "BARRAISER_EXTRA_CONTENT_DIR",
        "BARRAISER_USER_CONTENT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BARRAISER_MAX_BODY_BYTES", raising=False)
    monkeypatch.setenv("BARRAISER_CONFIG", str(tmp_path / "no-config.toml"))
    get_settings.cache_clear()
    get_bank.cache_clear()
    yield
    get_settings.cache_clear()
    get_bank.cache_clear()


def _write_item_state(store: Store, session_id: str, item_id: str, **changes: Any) -> None:
    with store.session() as session:
        sr = session.scalars(
            select(SessionRound).where(
                SessionRound.session_id == session_id, SessionRound.status == "active"
            )
        ).one()
        items = dict(sr.state["items"])
        items[item_id] = {**items[item_id], **changes}
        sr.state = {**sr.state, "items": items}


@pytest.fixture
def set_item_state() -> Callable[..., None]:
    """``set_item_state(store, session_id, item_id, **changes)`` writes an item's state in the
    running round as the engine does: for states a test cannot hold still through the app,
    such as an answer the grader is still reading."""
    return _write_item_state
