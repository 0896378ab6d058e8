"""Storage problems and the private data folder.

A full disk, a quota, a read-only folder or a full database server are not bugs: they are told
apart from other failures by :func:`storage_error`, which turns them into :class:`StorageError`
with a sentence that says what to free. The web app answers them with 507 or 503, the CLI prints
the sentence, and the judge's workers keep the submission and try again later.

The data folder holds every answer, so it is the owner's only: folders 0700, files 0600, made
so when created (:func:`private_dirs`, :func:`write_private`) and tightened at start
(:func:`tighten_data_dir`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

logger = logging.getLogger(__name__)

StorageProblem = Literal["full", "read-only", "failed"]

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_READ_ONLY_ERRNOS = frozenset({errno.EROFS})
# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 8, 10, 13
# PostgreSQL's SQLSTATE codes: disk_full, read_only_sql_transaction (e.g. a standby).
_POSTGRES_FULL, _POSTGRES_READ_ONLY = "53100", "25006"
#: What the user is told was lost, unless the caller knows better.
NOT_SAVED = "your answer was not saved"
#: Folders barraiser creates for its data: the owner's only.
DIR_MODE = 0o700


class StorageError(RuntimeError):
    """The disk or the database server could not store something; ``str()`` says what to free.

    ``where`` is the folder to free or fix when it is known; ``remote`` says the database
    server's disk is the one at fault.
    """

    def __init__(
        self, problem: StorageProblem, where: Path | None = None, *, remote: bool = False
    ) -> None:
        self.problem = problem
        self.where = where
        self.remote = remote
        super().__init__(self.sentence())

    def sentence(self, lost: str = NOT_SAVED) -> str:
        """One sentence for the user: what happened, what was lost, what to do."""
        if self.remote:
            if self.problem == "full":
                return (
                    f"The database server's disk is full; {lost}. Free space on the database "
                    "server and try again."
                )
            return (
                "The database server cannot store data now (it is read-only or failing); "
                f"{lost}. Check the database server and try again."
            )
        place = f"in {self.where}" if self.where is not None else "on the server"
        if self.problem == "full":
            return f"The server's disk is full; {lost}. Free space {place} and try again."
        if self.problem == "read-only":
            return (
                f"The server cannot write {place} (the disk is read-only); {lost}. Make it "
                "writable and try again."
            )
        return (
            f"The server could not write {place} (an input/output error); {lost}. Check "
            "that disk and try again."
        )


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, the driver error a SQLAlchemy error wraps, and their causes and contexts."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        context = None if current.__suppress_context__ else current.__context__
        for linked in (getattr(current, "orig", None), current.__cause__, context):
            if isinstance(linked, BaseException):
                todo.append(linked)


def _problem_of(error: BaseException) -> tuple[StorageProblem, bool, str | None] | None:
    """(problem, on the database server?, file named by the error) when ``error`` is one."""
    if isinstance(error, OSError) and error.errno is not None:
        filename = error.filename if isinstance(error.filename, str) else None
        if error.errno in _FULL_ERRNOS:
            return "full", False, filename
        if error.errno in _READ_ONLY_ERRNOS:
            return "read-only", False, filename
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary == _SQLITE_FULL or "database or disk is full" in str(error):
            return "full", False, None
        if primary == _SQLITE_READONLY:
            return "read-only", False, None
        if primary == _SQLITE_IOERR:
            return "failed", False, None
    sqlstate = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if sqlstate == _POSTGRES_FULL:
        return "full", True, None
    if sqlstate == _POSTGRES_READ_ONLY:
        return "read-only", True, None
    return None


def storage_error(error: BaseException, folder: Path | None) -> StorageError | None:
    """The :class:`StorageError` that ``error`` stands for, or None when it is another problem.

    ``folder`` is where the data lives (the data folder, or the SQLite file's folder); a file
    error that names a file elsewhere (e.g. the judge's temporary folder) names that one instead.
    """
    for cause in _causes(error):
        if isinstance(cause, StorageError):
            return cause
        found = _problem_of(cause)
        if found is None:
            continue
        problem, remote, filename = found
        if remote:
            return StorageError(problem, remote=True)
        where = folder
        if filename is not None:
            named = Path(filename).absolute()
            if folder is None or not named.is_relative_to(folder.absolute()):
                where = named.parent
        return StorageError(problem, where)
    return None


# -- the private data folder ------------------------------------------------------------------


def private_dirs(path: Path) -> Path:
    """Create ``path`` and its missing parents as owner-only (0700) folders; return ``path``.

    (``Path.mkdir(parents=True, mode=...)`` gives the parents the default mode.)
    """
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(path))
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` (0600) whole or not at all: a temporary file in the same folder, synced,
    then renamed over it; the temporary file is removed on any failure (a full disk)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _shared_folder(path: Path, info: os.stat_result) -> bool:
    """A folder others rightly use too (``/tmp``, a home, ``/``): never narrowed."""
    if info.st_mode & stat.S_ISVTX or path == Path(path.anchor):
        return True
    with contextlib.suppress(RuntimeError, KeyError):
        if path.resolve() == Path.home().resolve():
            return True
    return False


def _tighten(path: Path) -> None:
    """Take group and other bits off a file or folder we own (never through a link)."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid == os.geteuid() and not stat.S_ISLNK(info.st_mode) and mode & 0o077:
            os.chmod(path, mode & ~0o077)


def tighten_data_dir(data_dir: Path) -> None:
    """Create the data folder 0700, or narrow an existing one we own, and everything we own in
    it, to its owner (0700 folders, 0600 files: group and other bits off). Links are not
    followed. A folder shared with
    others (sticky like ``/tmp``, a home folder) is left as it is, with a warning."""
    try:
        if not data_dir.exists():
            private_dirs(data_dir)
            return
        info = os.stat(data_dir)
    except OSError as error:  # a read-only parent: the first write reports it
        logger.warning("Cannot create the data folder %s: %s", data_dir, error)
        return
    if _shared_folder(data_dir.absolute(), info):
        logger.warning(
            "The data folder %s is shared with others; its files are not made private. "
            "Choose a folder of its own with BARRAISER_DATA_DIR.",
            data_dir,
        )
        return
    _tighten(data_dir)
    for root, folders, files in os.walk(data_dir):
        for name in folders + files:
            _tighten(Path(root, name))
