"""Helpers shared by the web integration tests: settings for a test store, the app's store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from barraiser.config import Settings
from barraiser.store import Store


def web_settings(folder: Path, **extra: Any) -> Settings:
    """Settings on a fresh SQLite file in ``folder``, without the user's extra content."""
    return Settings(
        data_dir=folder,
        database_url=f"sqlite:///{folder / 'barraiser_test.db'}",
        extra_content_dir=None,
        **extra,
    )


def app_store(app: FastAPI) -> Store:
    """The store a started app opened."""
    store: Store = app.state.store
    return store
