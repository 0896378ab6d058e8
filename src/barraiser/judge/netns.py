"""One empty network namespace per sandbox slot, made once and entered by every run of the slot.

bubblewrap's ``--unshare-net`` makes a new network namespace for every run and brings its
loopback up: work every run pays for, and that can be saved. A slot runs one
program at a time and the judge kills every process of the slot before the next run, so the
runs of a slot can share one namespace without meeting each other.  The namespace has only a
loopback interface, left down: no address, no route, nothing to connect to, not even itself.
The launcher (``launcher.c``) enters it as root before it drops to the slot user, and bwrap is
then started without ``--unshare-net``; inside the box the program holds no capability in the
namespace's owner (the host's user namespace), so it cannot bring an interface up.

The namespace is kept by a bind mount of ``/proc/<pid>/ns/net`` on a file under
:data:`NETNS_ROOT` (as ``ip netns add`` does), made with util-linux's ``unshare --net=FILE``.
Only root can do that; otherwise, or when anything fails, :func:`slot_netns` answers None and
runs keep bwrap's ``--unshare-net``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
from pathlib import Path

NETNS_ROOT = Path("/run/barraiser/netns")
_UNSHARE = "/usr/bin/unshare"
_known: dict[int, Path | None] = {}


def _is_netns(path: Path) -> bool:
    """Whether ``path`` is a bind mount of a network namespace (not a plain file)."""
    try:
        with open("/proc/self/mountinfo") as mounts:
            for line in mounts:
                fields = line.split(" - ", 1)
                if (
                    len(fields) == 2
                    and fields[1].startswith("nsfs ")
                    and (fields[0].split()[4] == str(path))
                ):
                    return True
    except OSError:
        return False
    return False


def slot_netns(slot: int) -> Path | None:
    """The file of slot ``slot``'s empty network namespace, made on first use; None when it
    cannot be made (not root, no ``unshare``)."""
    if slot in _known:
        return _known[slot]
    path = NETNS_ROOT / f"slot{slot}"
    found = _make(path) if os.geteuid() == 0 and os.access(_UNSHARE, os.X_OK) else None
    _known[slot] = found
    return found


def _make(path: Path) -> Path | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in (path.parent.parent, path.parent):
            os.chmod(folder, 0o755)
        with open(path.parent / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if _is_netns(path):
                return path
            # A plain file left by a failed attempt (or a namespace unmounted meanwhile).
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            os.close(fd)
            done = subprocess.run(
                [_UNSHARE, f"--net={path}", "/bin/true"], capture_output=True, timeout=10
            )
            if done.returncode != 0 or not _is_netns(path):
                with contextlib.suppress(OSError):
                    os.unlink(path)
                return None
            return path
    except (OSError, subprocess.SubprocessError):
        return None
