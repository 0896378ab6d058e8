"""SQLite specifics: the file and its folder, WAL and the per-connection pragmas."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from barraiser.config import Settings
from barraiser.store import StoreError, init_store, make_engine, migrate
from barraiser.store.db import SQLITE_BUSY_TIMEOUT_MS


def _pragma(engine: Engine, name: str) -> object:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_the_file_and_its_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "nested" / "barraiser_test.db"
    store = init_store(Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path / "data"))
    store.close()
    assert path.is_file()


def test_the_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "private" / "barraiser_test.db"
    store = init_store(Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path / "data"))
    store.close()
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)  # a database from before: tightened when it is opened again
    make_engine(f"sqlite:///{path}").dispose()
    assert path.stat().st_mode & 0o777 == 0o600


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    try:
        assert _pragma(engine, "journal_mode") == "wal"
        assert _pragma(engine, "foreign_keys") == 1
        assert _pragma(engine, "busy_timeout") == SQLITE_BUSY_TIMEOUT_MS
        assert _pragma(engine, "synchronous") == 1  # NORMAL
    finally:
        engine.dispose()


def test_migrating_leaves_the_connection_as_it_found_it(sqlite_url: str) -> None:
    """The migration turns foreign keys off on its pooled connection, and back on."""
    engine = make_engine(sqlite_url)
    try:
        migrate(engine)
        assert engine.pool.checkedin() == 1  # the next checkout reuses the migration's connection
        assert _pragma(engine, "foreign_keys") == 1
        assert _pragma(engine, "busy_timeout") == SQLITE_BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_a_data_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Choose a writable folder with BARRAISER_DATA_DIR"):
        make_engine(f"sqlite:///{blocker / 'barraiser_test.db'}")
