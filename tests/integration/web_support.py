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


#: A secret key long enough for hosted mode (tests only).
HOSTED_SECRET = "hosted-test-secret-" + "x" * 29


def hosted_settings(folder: Path, database_url: str, **extra: Any) -> Settings:
    """Hosted-mode settings on ``database_url`` (PostgreSQL), without the user's extra content."""
    return Settings(
        data_dir=folder,
        database_url=database_url,
        extra_content_dir=None,
        mode="hosted",
        secret_key=HOSTED_SECRET,
        **extra,
    )


def app_store(app: FastAPI) -> Store:
    """The store a started app opened."""
    store: Store = app.state.store
    return store
