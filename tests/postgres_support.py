"""A real PostgreSQL server for the tests, shared by the integration and end-to-end tests.

The server is started on demand (initdb into a temporary folder, listening on 127.0.0.1 only)
unless ``BARRAISER_TEST_POSTGRES_URL`` names one.  Without the PostgreSQL binaries the tests are
skipped, or fail when ``BARRAISER_REQUIRE_POSTGRES=1`` (``make test``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import MetaData
from sqlalchemy.engine import make_url

from barraiser.store import make_engine

POSTGRES_TEST_DATABASE = "barraiser_test"
POSTGRES_SYSTEM_USER = "postgres"
_INSTALL_HINT = "install it with `apt-get install postgresql` (Debian/Ubuntu)"


def require_test_database(url: str) -> None:
    """Refuse to touch a database whose name does not contain ``test`` (a habit from cms)."""
    parsed = make_url(url)
    database = parsed.database or ""
    name = Path(database).name if parsed.get_backend_name() == "sqlite" else database
    if "test" not in name.lower():
        raise RuntimeError(
            f"Refusing to touch database {name!r}: test databases must have 'test' in their "
            "name, so that a test can never wipe real data."
        )


def _postgres_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, newest PostgreSQL first."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found:
            candidates.append(Path(found))
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(
        versions, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, reverse=True
    )
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    return None


def _missing_postgres(reason: str) -> NoReturn:
    """Skip, or fail when the test command demands PostgreSQL."""
    if os.environ.get("BARRAISER_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{reason}; BARRAISER_REQUIRE_POSTGRES=1 needs it: {_INSTALL_HINT}.")
    pytest.skip(f"{reason}; {_INSTALL_HINT} to run the PostgreSQL tests.")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _PostgresTools:
    """The PostgreSQL command-line tools, run as a user PostgreSQL accepts."""

    def __init__(self, bindir: Path, folder: Path) -> None:
        self.bindir, self.folder = bindir, folder
        self.data, self.log = folder / "data", folder / "server.log"
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: run it as the postgres system user.
            try:
                account = pwd.getpwnam(POSTGRES_SYSTEM_USER)
            except KeyError:
                _missing_postgres(f"running as root and there is no {POSTGRES_SYSTEM_USER!r} user")
            os.chown(folder, account.pw_uid, account.pw_gid)
            self.prefix = ["runuser", "-u", POSTGRES_SYSTEM_USER, "--"]

    def run(self, tool: str, *args: str, check: bool = True) -> None:
        """Run one tool; on failure, raise with its output and the end of the server log."""
        command = [*self.prefix, str(self.bindir / tool), *args]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            log = self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}\n{log}")

    def start(self) -> int:
        """Start the server on a free port of 127.0.0.1; return the port."""
        for attempt in range(3):
            # The port is free when probed but may be taken before the server binds it.
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} "
                f"-c unix_socket_directories={self.folder} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                         "-o", options, "start")  # fmt: skip
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            return port
        raise AssertionError("unreachable")


@contextmanager
def _temporary_postgres(bindir: Path) -> Iterator[str]:
    """Run a throw-away PostgreSQL server; yield the URL of its test database."""
    folder = Path(tempfile.mkdtemp(prefix="barraiser-pg-"))
    port: int | None = None
    try:
        tools = _PostgresTools(bindir, folder)
        tools.run("initdb", "-D", str(tools.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        port = tools.start()
        tools.run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                  POSTGRES_TEST_DATABASE)  # fmt: skip
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{POSTGRES_TEST_DATABASE}"
    finally:
        if port is not None:
            tools.run("pg_ctl", "-D", str(tools.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(folder, ignore_errors=True)


def drop_everything(url: str) -> None:
    """Drop every table of a test database, whatever created it."""
    require_test_database(url)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            tables = MetaData()
            tables.reflect(connection)
            tables.drop_all(connection)
    finally:
        engine.dispose()


@contextmanager
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL test database: BARRAISER_TEST_POSTGRES_URL or our own server."""
    given = os.environ.get("BARRAISER_TEST_POSTGRES_URL")
    if given:
        require_test_database(given)
        yield given
        return
    bindir = _postgres_bindir()
    if bindir is None:
        _missing_postgres("PostgreSQL is not installed (no initdb and pg_ctl found)")
    with _temporary_postgres(bindir) as url:
        yield url
