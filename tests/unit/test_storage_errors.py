"""Which failures are storage problems, and the sentence each one gets (issue 13, item 9).

The errors are the real ones: SQLite's from a database that may not grow or is read-only
(through SQLAlchemy, as the store sees them), PostgreSQL's disk-full class from psycopg, and
the operating system's errno values.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from barraiser.storage import StorageError, storage_error

DATA = Path("/srv/barraiser-data")


def _sqlalchemy_error(*statements: str, url: str = "sqlite://") -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    except DBAPIError as error:
        return error
    finally:
        engine.dispose()
    raise AssertionError("no error")


def test_a_full_disk_is_507_material_with_a_sentence_naming_the_folder() -> None:
    for number in (errno.ENOSPC, errno.EDQUOT):
        found = storage_error(OSError(number, "No space left on device"), DATA)
        assert found is not None and found.problem == "full"
        assert str(found) == (
            f"The server's disk is full; your answer was not saved. Free space in {DATA} and "
            "try again."
        )
        assert "content check" not in str(found)


def test_a_file_elsewhere_names_its_own_folder() -> None:
    error = OSError(errno.ENOSPC, "No space left on device", "/tmp/barraiser-judge/run-1/stdin")
    found = storage_error(error, DATA)
    assert found is not None and found.where == Path("/tmp/barraiser-judge/run-1")
    inside = OSError(errno.ENOSPC, "No space left on device", str(DATA / "cache" / "x.json"))
    assert storage_error(inside, DATA).where == DATA  # type: ignore[union-attr]


def test_a_read_only_disk_and_other_file_errors() -> None:
    found = storage_error(OSError(errno.EROFS, "Read-only file system"), DATA)
    assert found is not None and found.problem == "read-only"
    assert "read-only" in str(found) and str(DATA) in str(found)
    for other in (FileNotFoundError(errno.ENOENT, "x"), PermissionError(errno.EACCES, "x")):
        assert storage_error(other, DATA) is None
    assert storage_error(ValueError("database or disk is full"), DATA) is None


def test_sqlite_full_and_read_only_through_sqlalchemy() -> None:
    full = _sqlalchemy_error(
        "PRAGMA max_page_count = 2", "CREATE TABLE t (x)", "INSERT INTO t VALUES (zeroblob(99999))"
    )
    assert isinstance(full, OperationalError)
    found = storage_error(full, DATA)
    assert found is not None and found.problem == "full" and found.where == DATA
    read_only = _sqlalchemy_error(
        "CREATE TABLE t (x)", url="sqlite:///file::memory:?mode=ro&uri=true"
    )
    found = storage_error(read_only, DATA)
    assert found is not None and found.problem == "read-only"
    other = _sqlalchemy_error("SELECT * FROM no_such_table")
    assert storage_error(other, DATA) is None


def test_postgresql_disk_full_names_the_database_server() -> None:
    errors = pytest.importorskip("psycopg.errors", reason="needs barraiser[postgres]")
    driver = errors.DiskFull("could not extend file: No space left on device")
    wrapped = OperationalError("INSERT INTO answers ...", {}, driver)
    found = storage_error(wrapped, DATA)
    assert found is not None and found.problem == "full" and found.remote
    assert str(found) == (
        "The database server's disk is full; your answer was not saved. Free space on the "
        "database server and try again."
    )


def test_causes_are_followed_unless_suppressed() -> None:
    def raised(suppress: bool) -> RuntimeError:
        try:
            try:
                raise OSError(errno.ENOSPC, "No space left on device")
            except OSError as error:
                if suppress:
                    raise RuntimeError("lost") from None
                raise RuntimeError("wrapped") from error
        except RuntimeError as outer:
            return outer
        raise AssertionError("unreachable")

    assert storage_error(raised(False), DATA) is not None
    assert storage_error(raised(True), DATA) is None
    already = StorageError("full", DATA)
    assert storage_error(already, Path("/other")) is already


@pytest.mark.parametrize(
    ("problem", "words"),
    [("full", "disk is full"), ("read-only", "read-only"), ("failed", "input/output error")],
)
def test_each_sentence_says_what_was_lost_and_what_to_do(problem: str, words: str) -> None:
    error = StorageError(problem, DATA)  # type: ignore[arg-type]
    sentence = error.sentence("nothing was saved")
    assert words in sentence and "nothing was saved" in sentence and str(DATA) in sentence
    assert sentence.endswith("try again.")
