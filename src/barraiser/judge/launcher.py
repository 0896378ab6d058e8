"""The sandbox launcher: a small C program the judge starts instead of using a ``preexec_fn``.

A ``preexec_fn`` makes :mod:`subprocess` fork the whole judge process (hundreds of MiB with the
grading models loaded: 10-70 ms a run, measured in ``benchmarks/sandbox_overhead.py``) where
without one it uses vfork (about 1 ms). The launcher (``launcher.c`` beside this file) does in
the child what ``preexec_fn`` did: join the slot's cgroup, set the rlimits, drop to the slot
user, then exec bubblewrap.

It is compiled on the host, once per machine and compiler, into a root-owned folder the slot
users cannot write (``/var/cache/barraiser/launcher``), or into the user's cache folder when the
judge does not run as root. Without a C compiler the judge falls back to ``preexec_fn``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

SOURCE = Path(__file__).with_name("launcher.c")
ROOT_CACHE = Path("/var/cache/barraiser/launcher")
BUILD_TIMEOUT_S = 60.0
COMPILERS = ("/usr/bin/gcc", "/usr/bin/cc", "/usr/bin/g++")


def _cache_root() -> Path:
    if os.geteuid() == 0:
        return ROOT_CACHE
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "barraiser" / "launcher"


def _compiler() -> str | None:
    return next((c for c in COMPILERS if os.access(c, os.X_OK)), None)


@functools.cache
def launcher_path() -> Path | None:
    """The built launcher, building it on first use; None when it cannot be built."""
    compiler = _compiler()
    if compiler is None:
        return None
    try:
        source = SOURCE.read_bytes()
        real = os.path.realpath(compiler)
        info = os.stat(real)
    except OSError:
        return None
    # The compiler is named by its file (an upgrade replaces it): cheaper than asking its version.
    identity = f"|{real}|{info.st_size}|{info.st_mtime_ns}"
    key = hashlib.sha256(source + identity.encode()).hexdigest()[:16]
    folder = _cache_root() / key
    binary = folder / "launch"
    if binary.is_file() and os.access(binary, os.X_OK):
        return binary
    return binary if _build(compiler, folder, binary) else None


def _build(compiler: str, folder: Path, binary: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            for path in (ROOT_CACHE.parent, ROOT_CACHE, folder):
                os.chmod(path, 0o755)
        fd, tmp_name = tempfile.mkstemp(prefix=".launch-", dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            language = ["-x", "c"] if compiler.endswith("g++") else []
            done = subprocess.run(
                [compiler, *language, "-O2", "-Wall", "-o", str(tmp), str(SOURCE)],
                capture_output=True,
                timeout=BUILD_TIMEOUT_S,
            )
            if done.returncode != 0:
                return False
            os.chmod(tmp, 0o755)
            os.replace(tmp, binary)  # atomic: a concurrent builder's copy is just as good
        finally:
            tmp.unlink(missing_ok=True)
        return True
    except (OSError, subprocess.SubprocessError):
        return False


def command(
    binary: Path,
    procs_files: Sequence[Path],
    *,
    cpu_s: int,
    file_size_bytes: int,
    open_files: int,
    stack_bytes: int,
    uid: int,
    gid: int,
    netns: Path | None = None,
) -> list[str]:
    """The launcher's arguments up to and including ``--``; the program's argv follows.

    ``netns``: a network namespace file the launcher enters before it drops root."""
    procs = ":".join(str(p) for p in procs_files) or "-"
    if any(":" in str(p) for p in procs_files):
        raise ValueError(f"a cgroup path contains ':': {procs}")
    return [
        str(binary),
        procs,
        str(cpu_s),
        str(cpu_s + 1),
        str(file_size_bytes),
        str(open_files),
        str(stack_bytes),
        str(uid),
        str(gid),
        str(netns) if netns is not None else "-",
        "--",
    ]
