"""Database URLs: what make_engine accepts, rewrites and refuses, with errors saying what to do."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from barraiser.config import Settings
from barraiser.store import StoreError, init_store, make_engine


@pytest.mark.parametrize(
    "url",
    ["postgres://u:p@db.example:5432/x_test", "postgresql://u:p@db.example/x_test"],
)
def test_postgres_urls_are_rewritten_to_psycopg(url: str) -> None:
    engine = make_engine(url)  # no connection is made
    assert engine.url.drivername == "postgresql+psycopg"
    assert engine.url.database == "x_test"


@pytest.mark.parametrize(
    ("url", "advice"),
    [
        ("not a url", "is not valid"),
        ("postgresql://user:s3cret@host:port/x_test", "is not valid"),
        ("mysql://user:s3cret@host/x_test", "use SQLite"),
        ("postgresql+nosuchdriver://user:s3cret@host/x_test", "barraiser[postgres]"),
    ],
)
def test_bad_urls_get_a_sentence_that_says_what_to_do(url: str, advice: str) -> None:
    with pytest.raises(StoreError, match=advice.replace("[", r"\[")) as raised:
        make_engine(url)
    assert "s3cret" not in str(raised.value)


def test_a_missing_psycopg_says_to_install_the_postgres_extra() -> None:
    # A child process where importing psycopg fails, as on an install without the extra.
    child = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from barraiser.store import StoreError, make_engine\n"
        "try: make_engine('postgresql://localhost/x_test')\n"
        "except StoreError as error: print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    assert "pip install 'barraiser[postgres]'" in done.stdout


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:9/barraiser_test?connect_timeout=2"
    with pytest.raises(StoreError, match="Check that the server is running"):
        init_store(Settings(database_url=url, data_dir=tmp_path))


def test_in_memory_sqlite_needs_no_folder() -> None:
    engine = make_engine("sqlite://")
    assert engine.url.database is None
    engine.dispose()


def test_the_guard_refuses_databases_not_named_test(
    test_database_guard: Callable[[str], None],
) -> None:
    test_database_guard("sqlite:////tmp/x/barraiser_test.db")
    test_database_guard("postgresql://h/barraiser_test")
    for real in ("sqlite:////home/me/.local/share/barraiser/barraiser.db", "postgresql://h/prod"):
        with pytest.raises(RuntimeError, match="Refusing to touch"):
            test_database_guard(real)
