"""Shared fixtures: every test runs with its own data folder and no user config file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from barraiser.config import get_settings
from barraiser.content.bank import get_bank

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point settings at a temporary data folder and away from the user's config file."""
    for name in (
        "BARRAISER_DATABASE_URL",
        "BARRAISER_HOST",
        "BARRAISER_PORT",
        "BARRAISER_EXTRA_CONTENT_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BARRAISER_CONFIG", str(tmp_path / "no-config.toml"))
    get_settings.cache_clear()
    get_bank.cache_clear()
    yield
    get_settings.cache_clear()
    get_bank.cache_clear()
