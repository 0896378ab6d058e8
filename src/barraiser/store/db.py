"""Engines, migrations and the :class:`Store` handle: SQLite (WAL) by default, PostgreSQL by URL.

Migrations are safe to run on every start and from several processes at once: on SQLite the
migration holds the write lock (``BEGIN IMMEDIATE``) and the others wait for it through the busy
timeout, then find the schema at head; on PostgreSQL a transaction-level advisory lock does the
same.  Ordinary SQLite sessions keep the sqlite3 driver's default transaction handling (BEGIN
before the first write only), which waits on the busy timeout instead of failing when a web
request and a judge worker write at the same time.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from barraiser.config import Settings
from barraiser.storage import private_dirs, storage_error, tighten_data_dir
from barraiser.store._dialect import insert_for
from barraiser.store.models import User

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Long enough for another process to finish migrating a large database.
SQLITE_MIGRATION_BUSY_TIMEOUT_MS = 120_000
# Any fixed 64-bit key, shared by every barraiser process migrating the same database.
POSTGRES_MIGRATION_LOCK_KEY = 0x62617272_61697365
LOCAL_USER_NAME = "You"

_POSTGRES_INSTALL_HINT = (
    "PostgreSQL support is not installed: run `pip install 'barraiser[postgres]'` "
    "(it adds the psycopg driver), or use a postgresql:// URL."
)


class StoreError(RuntimeError):
    """A store problem the user can fix; the message says how."""


def _masked(url: str) -> str:
    """The URL with any password hidden, for error messages."""
    return re.sub(r"//([^/@:]*):[^/@]*@", r"//\1:***@", url)


def _parse_url(url: str) -> URL:
    """Parse a database URL, rewriting plain PostgreSQL URLs to the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise StoreError(
            f"The database URL {_masked(url)!r} is not valid ({error}). Use sqlite:///path/to/"
            "file.db or postgresql://user:password@host:5432/dbname in BARRAISER_DATABASE_URL."
        ) from None
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL, configured for barraiser."""
    parsed = _parse_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ImportError, NoSuchModuleError):
            raise StoreError(_POSTGRES_INSTALL_HINT) from None
    raise StoreError(
        f"barraiser cannot store data in {backend!r} databases ({_masked(url)!r}): use SQLite "
        "(sqlite:///path/to/file.db) or PostgreSQL (postgresql://user@host/dbname)."
    )


def _private_file(path: Path) -> None:
    """Create the database file readable by its owner only (SQLite gives its -wal and -shm
    files the same mode), and tighten an existing one we own: answers are private."""
    try:
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif path.stat().st_uid == os.getuid():
            path.chmod(0o600)
    except OSError:  # a read-only folder: SQLite reports it clearly when it opens the file
        pass


def _sqlite_engine(url: URL) -> Engine:
    """A SQLite engine whose connections use WAL, foreign keys and a busy timeout."""
    # In-memory databases have no folder; URI filenames (?uri=true) are the caller's business.
    if (url.database or "") not in ("", ":memory:") and not url.query.get("uri"):
        path = Path(url.database or "").expanduser()
        try:
            private_dirs(path.parent)
        except OSError as error:
            raise StoreError(
                f"Cannot create the folder {str(path.parent)!r} for the database ({error}). "
                "Choose a writable folder with BARRAISER_DATA_DIR or BARRAISER_DATABASE_URL."
            ) from None
        _private_file(path)
        url = url.set(database=str(path))
    try:
        engine = create_engine(url)
    except (ImportError, NoSuchModuleError):
        raise StoreError(
            f"The SQLite driver {url.drivername!r} is not available: use a sqlite:/// URL, "
            "which needs only Python's own sqlite3 module."
        ) from None
    event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def _switch_to_wal(cursor: Any) -> None:
    """Turn on WAL, retrying while another process holds the lock.

    SQLite does not call the busy handler for every lock a journal-mode change needs, so
    processes opening a brand-new database at the same moment can get "database is locked" at
    once; they wait here instead, up to the busy timeout.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


def _on_sqlite_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """Set the per-connection pragmas; the busy timeout first, as switching to WAL may wait."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _switch_to_wal(cursor)
        # Safe with WAL: a crash loses no data, only a power cut may lose the last commits.
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def alembic_config(connection: Connection) -> Config:
    """An alembic configuration for the shipped migrations, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside one transaction that holds the migration lock, committed on success."""
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"),
                        {"key": POSTGRES_MIGRATION_LOCK_KEY},
                    )
                yield connection
            return
        # Batch migrations rebuild tables: foreign keys must be off, which only works outside
        # a transaction, and are checked by hand before committing.
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_MIGRATION_BUSY_TIMEOUT_MS}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield connection
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StoreError(
                    f"A migration left rows pointing at missing rows ({problems[:5]}); nothing "
                    "was changed. Please report this with the output of `barraiser --version`."
                )
            connection.commit()
        finally:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            connection.commit()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision``; a no-op when it is already there."""
    with _migration_connection(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the schema to ``revision`` (``"base"`` drops every table)."""
    with _migration_connection(engine) as connection:
        command.downgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None before the first migration."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision shipped with this version of barraiser."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise StoreError("No migrations found: the barraiser installation is incomplete.")
    return head


def ensure_local_user(session: Session, name: str = LOCAL_USER_NAME) -> User:
    """The local user, created on first use; safe when two processes start at once."""
    local = select(User).where(User.is_local.is_(True))
    user = session.scalars(local).first()
    if user is not None:
        return user
    # A partial unique index allows one local user: a racing insert does nothing.
    insert = insert_for(session, User)
    session.execute(insert.values(name=name, is_local=True).on_conflict_do_nothing())
    return session.scalars(local).one()


def _database_folder(engine: Engine) -> Path | None:
    """The folder of a SQLite file (what to free when its disk is full); None for a server."""
    url = engine.url
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("uri"):
        return Path(tempfile.gettempdir())  # where SQLite spills an in-memory database
    return Path(database).expanduser().absolute().parent


@dataclass
class Store:
    """The database of a running barraiser: an engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def from_engine(cls, engine: Engine) -> Store:
        """A store over ``engine``; objects stay readable after their session commits."""
        return cls(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block succeeds and rolls back when it raises.

        A full disk (or a read-only one, or a full database server) raises
        :class:`~barraiser.storage.StorageError`, whose message says what to free.
        """
        try:
            with self.sessions.begin() as session:
                yield session
        except DBAPIError as error:
            problem = storage_error(error, _database_folder(self.engine))
            if problem is None:
                raise
            raise problem from error

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def init_store(settings: Settings) -> Store:
    """Open the configured database, migrate it to head and make sure the local user exists.

    The data folder is made private first (0700, its files 0600).
    """
    tighten_data_dir(settings.data_dir)
    url = settings.resolved_database_url
    engine = make_engine(url)
    store = Store.from_engine(engine)
    try:
        migrate(engine)
        with store.session() as session:
            ensure_local_user(session)
    except OperationalError as error:
        store.close()
        problem = storage_error(error, _database_folder(engine))
        if problem is not None:
            raise problem from error
        raise StoreError(
            f"Cannot open the database {_masked(url)!r}: {error.orig}. Check that the server "
            "is running and that BARRAISER_DATABASE_URL is right."
        ) from None
    except BaseException:
        store.close()
        raise
    return store
