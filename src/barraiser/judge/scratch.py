"""Where the host side of runs lives, and how folders left by a killed judge are removed.

Every run and build folder sits under ONE judge-owned root (:data:`RUNS_ROOT`), inside a folder
of the process that made it (``p<pid>-<token>``).  The root is in memory (``/dev/shm``) when that
is a tmpfs of at least 1 GiB, else under ``/tmp``: each run makes and removes a folder and
writes its input, and on a disk mounted with online discard (common on virtual machines)
freeing those blocks cost more than starting the box.

The process holds an exclusive ``flock`` on
``p<pid>-<token>.lock`` for its whole life; the kernel drops that lock when the process dies,
even by ``kill -9``.  :func:`remove_stale_runs` (run at a process's first use of the judge and
at ``barraiser serve`` / ``barraiser judge prepare``) removes every process folder whose lock it
can take, and nothing else: a live judge's folders stay, entries of other users stay.

What is written there is small and bounded: the run's files and stdin (written by the host) and
a compile's output, copied out of the compile box's size-capped tmpfs (see
:mod:`barraiser.judge.languages.base`).  Compilers and programs write nothing else to the host.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import secrets
import shutil
import stat
import threading
import time
from pathlib import Path

from barraiser.judge.errors import SandboxUnavailable

DISK_RUNS_ROOT = "/tmp/barraiser-judge"
MEMORY_RUNS_ROOT = "/dev/shm/barraiser-judge"
#: A memory-backed root is used only on a tmpfs at least this large (a container's /dev/shm is
#: often 64 MiB, less than one compile's output may take).  Its size, not its free room, decides,
#: so that every judge process on the machine picks the same root (the slot locks live there).
MEMORY_ROOT_MIN_SIZE = 1 << 30
_PROCESS_PREFIX = "p"
_LOCK_SUFFIX = ".lock"
#: Folders of older versions, made straight under the root: removed when older than this process
#: and than the longest run (a judge of an older version may still be using a younger one).
_LEGACY_PREFIXES = ("run-", "build-")
_LEGACY_AGE_S = 3600.0
_STARTED = time.time()
_lock = threading.Lock()
_mine: dict[str, tuple[int, Path, int]] = {}  # root -> (pid, folder, lock fd)


def _default_root() -> str:
    """``/dev/shm/barraiser-judge`` when /dev/shm is a tmpfs of 1 GiB or more, else /tmp's."""
    shm = Path(MEMORY_RUNS_ROOT).parent
    try:
        info = os.statvfs(shm)
        with open("/proc/self/mountinfo") as mounts:
            tmpfs = any(line.split()[4] == str(shm) and " - tmpfs " in line for line in mounts)
    except OSError:
        return DISK_RUNS_ROOT
    if tmpfs and info.f_blocks * info.f_frsize >= MEMORY_ROOT_MIN_SIZE:
        return MEMORY_RUNS_ROOT
    return DISK_RUNS_ROOT


RUNS_ROOT = _default_root()


def runs_root(root: str | Path | None = None) -> Path:
    """The judge-owned folder for the host side of runs, traversable by the slot users."""
    path = Path(root or RUNS_ROOT)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o711)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise SandboxUnavailable(f"{path} is not a folder owned by this user; remove it")
    if stat.S_IMODE(info.st_mode) != 0o711:
        os.chmod(path, 0o711)
    return path


def scratch_root(root: str | Path | None = None) -> Path:
    """This process's folder under the runs root, for its run and build folders.

    Made (and the stale folders of dead processes removed) on first use; a forked child gets
    its own."""
    key = str(root or RUNS_ROOT)
    pid = os.getpid()
    with _lock:
        known = _mine.get(key)
        if known is not None and known[0] == pid:
            return known[1]
        base = runs_root(key)
        remove_stale_runs(base)
        if key != DISK_RUNS_ROOT and os.path.isdir(DISK_RUNS_ROOT):
            remove_stale_runs(DISK_RUNS_ROOT)  # left by a version that ran on the disk
        name = f"{_PROCESS_PREFIX}{pid}-{secrets.token_hex(4)}"
        # The lock is taken under a temporary name and then renamed, so that no cleaner ever
        # sees the final name unlocked.
        temporary = base / f".{name}{_LOCK_SUFFIX}"
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(temporary, base / f"{name}{_LOCK_SUFFIX}")
        folder = base / name
        folder.mkdir(mode=0o711)
        os.chmod(folder, 0o711)
        _mine[key] = (pid, folder, fd)
        atexit.register(_remove_own, pid, folder, base / f"{name}{_LOCK_SUFFIX}")
        return folder


def _remove_own(pid: int, folder: Path, lock_path: Path) -> None:
    """At a clean exit, remove this process's folder (a killed one's goes at the next start)."""
    if os.getpid() == pid:
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            lock_path.unlink()


def remove_stale_runs(root: str | Path | None = None) -> list[Path]:
    """Remove the folders of judge processes that are gone; return what was removed.

    A process folder goes when its lock file can be locked (its owner is dead) or is missing;
    an old-style ``run-*``/``build-*`` folder goes when it is older than this process and an
    hour.  Only folders and lock files owned by this user are touched, and links are never
    followed."""
    base = Path(root or RUNS_ROOT)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    uid = os.geteuid()
    live = {str(folder) for _, folder, _ in _mine.values()}
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if info.st_uid != uid or str(base / entry.name) in live:
            continue
        path = base / entry.name
        if stat.S_ISDIR(info.st_mode) and entry.name.startswith(_PROCESS_PREFIX):
            if _owner_is_gone(base / f"{entry.name}{_LOCK_SUFFIX}"):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
        elif stat.S_ISDIR(info.st_mode) and entry.name.startswith(_LEGACY_PREFIXES):
            if info.st_mtime < min(_STARTED, time.time() - _LEGACY_AGE_S):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
        elif stat.S_ISREG(info.st_mode) and entry.name.endswith(_LOCK_SUFFIX):
            folder = path.with_name(entry.name.removesuffix(_LOCK_SUFFIX))
            if entry.name.startswith(_PROCESS_PREFIX) and not folder.exists():
                _owner_is_gone(path)  # removes the lock file of a dead owner
        elif (
            # A lock still under its temporary name: its owner died between open and rename.
            stat.S_ISREG(info.st_mode)
            and entry.name.startswith(f".{_PROCESS_PREFIX}")
            and info.st_mtime < time.time() - 60
            and _owner_is_gone(path)
        ):
            removed.append(path)
    return removed


def _owner_is_gone(lock_path: Path) -> bool:
    """True (and the lock file removed) when nobody holds the lock; also when it is missing."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        return True
    finally:
        os.close(fd)
