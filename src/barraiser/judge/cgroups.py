"""One reusable cgroup per sandbox slot: memory and pids limits, CPU and peak-memory accounting.

Works on cgroup v1 (separate ``memory``, ``pids`` and ``cpuacct`` hierarchies) and on cgroup v2
(one unified hierarchy) behind the same small interface.  Slots live under a ``barraiser`` parent
inside the calling process's own cgroup and are reset, not recreated, between runs (creating a
cgroup per run costs tens of milliseconds).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import time
from abc import ABC, abstractmethod
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
PARENT_NAME = "barraiser"
_V1_CONTROLLERS = ("memory", "pids", "cpuacct")
#: cgroup v1: page cache is reclaimed before a run only when the slot holds more than this.
_RECLAIM_ABOVE_BYTES = 4 * 1024 * 1024


class CgroupError(RuntimeError):
    """The cgroup cannot be created or configured; the message says what to fix."""


def _write(path: Path, value: str) -> None:
    with open(path, "w") as handle:
        handle.write(value)


def _read(path: Path) -> str:
    with open(path) as handle:
        return handle.read()


def _own_cgroup(controller: str | None) -> str:
    """This process's cgroup path in the hierarchy of ``controller`` (``None``: the v2 one)."""
    for line in _read(Path("/proc/self/cgroup")).splitlines():
        _, controllers, path = line.split(":", 2)
        names = controllers.split(",") if controllers else []
        if (controller is None and not controllers) or (controller in names):
            return path.lstrip("/")
    raise CgroupError(f"this process is in no {controller or 'unified'} cgroup")


def detect_version() -> int | None:
    """1 or 2 when the memory and pids controllers are usable, else ``None``."""
    controllers = CGROUP_ROOT / "cgroup.controllers"
    if controllers.exists():
        names = _read(controllers).split()
        return 2 if {"memory", "pids"} <= set(names) else None
    if all((CGROUP_ROOT / name / "cgroup.procs").exists() for name in _V1_CONTROLLERS):
        return 1
    return None


class SlotCgroup(ABC):
    """The cgroup of one sandbox slot."""

    version: int

    @abstractmethod
    def procs_files(self) -> list[Path]:
        """Files a new process writes its pid into to join the slot (before dropping root)."""

    @abstractmethod
    def reset(self, memory_limit_bytes: int, pids_max: int) -> None:
        """Set the limits and zero the counters for a new run; the slot must be empty."""

    @abstractmethod
    def pids(self) -> list[int]:
        """Every process currently in the slot."""

    @abstractmethod
    def cpu_s(self) -> float:
        """CPU time of every thread of every process since :meth:`reset`, in seconds."""

    @abstractmethod
    def memory_peak_bytes(self) -> int:
        """Peak memory use since :meth:`reset`."""

    @abstractmethod
    def oom_killed(self) -> bool:
        """Whether the kernel killed a process of the slot for memory since :meth:`reset`."""

    def join(self, pid: int) -> None:
        """Move ``pid`` into the slot (called in the child before it execs)."""
        for path in self.procs_files():
            _write(path, str(pid))

    def kill_all(self, timeout_s: float = 2.0) -> bool:
        """SIGKILL every member until the slot is empty; ``False`` if some survived."""
        deadline = time.monotonic() + timeout_s
        while True:
            members = self.pids()
            if not members:
                return True
            if time.monotonic() > deadline:
                return False
            for pid in members:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.002)


def _read_int(path: Path) -> int:
    return int(_read(path).strip())


class _CgroupV1(SlotCgroup):
    version = 1

    def __init__(self, slot: int) -> None:
        self.dirs: dict[str, Path] = {}
        for controller in _V1_CONTROLLERS:
            base = CGROUP_ROOT / controller / _own_cgroup(controller)
            path = base / PARENT_NAME / f"slot{slot}"
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise CgroupError(
                    f"cannot create {path} ({error.strerror}); run the judge as root or "
                    "delegate that cgroup to the judge's user"
                ) from error
            self.dirs[controller] = path
        self._oom_baseline = 0

    def procs_files(self) -> list[Path]:
        return [path / "cgroup.procs" for path in self.dirs.values()]

    def _oom_count(self) -> int:
        for line in _read(self.dirs["memory"] / "memory.oom_control").splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def reset(self, memory_limit_bytes: int, pids_max: int) -> None:
        memory = self.dirs["memory"]
        limit = str(memory_limit_bytes)
        # Drop the page cache left charged by the previous run (e.g. a compiler's output), so
        # the peak of this run is this run's own.  Below a few MiB what is left is the kernel's
        # own (namespaces, a build's tmpfs pages) and reclaim frees nothing but costs ~0.5 ms.
        if _read_int(memory / "memory.usage_in_bytes") > _RECLAIM_ABOVE_BYTES:
            with contextlib.suppress(OSError):
                _write(memory / "memory.force_empty", "0")
        memsw = memory / "memory.memsw.limit_in_bytes"
        # memory.memsw.limit must stay >= memory.limit: set them in the order that keeps that true.
        if memsw.exists():
            current = _read_int(memory / "memory.limit_in_bytes")
            order = [memsw, memory / "memory.limit_in_bytes"]
            if memory_limit_bytes < current:
                order.reverse()
            for path in order:
                _write(path, limit)
            _write(memory / "memory.memsw.max_usage_in_bytes", "0")
        else:
            _write(memory / "memory.limit_in_bytes", limit)
        _write(memory / "memory.max_usage_in_bytes", "0")
        _write(memory / "memory.failcnt", "0")
        self._oom_baseline = self._oom_count()
        _write(self.dirs["pids"] / "pids.max", str(pids_max))
        _write(self.dirs["cpuacct"] / "cpuacct.usage", "0")

    def pids(self) -> list[int]:
        found: set[int] = set()
        for path in self.procs_files():
            found.update(int(token) for token in _read(path).split())
        return sorted(found)

    def cpu_s(self) -> float:
        return _read_int(self.dirs["cpuacct"] / "cpuacct.usage") / 1e9

    def memory_peak_bytes(self) -> int:
        return _read_int(self.dirs["memory"] / "memory.max_usage_in_bytes")

    def oom_killed(self) -> bool:
        return self._oom_count() > self._oom_baseline


#: cgroup v2: the leaf the judge's own processes move into (see :func:`_enable_v2_controllers`).
V2_LEAF_NAME = "barraiser-procs"
_V2_CONTROLLERS = "+memory +pids +cpu"


def _enable_v2_controllers(base: Path) -> None:
    """Let ``base`` (the judge's own cgroup, e.g. a systemd unit's with ``Delegate=yes``) hand
    the memory, pids and cpu controllers to its children.

    cgroup v2 allows that only to a cgroup without processes of its own (the root excepted): the
    kernel answers EBUSY. Then every process of ``base`` moves into a leaf child first, as a
    container's init does; the judge's later slots find ``base`` again from that leaf.
    """
    control = base / "cgroup.subtree_control"
    try:
        _write(control, _V2_CONTROLLERS)
        return
    except OSError as error:
        if error.errno != errno.EBUSY:
            raise
    leaf = base / V2_LEAF_NAME
    leaf.mkdir(exist_ok=True)
    for pid in _read(base / "cgroup.procs").split():
        with contextlib.suppress(ProcessLookupError):  # ended meanwhile
            _write(leaf / "cgroup.procs", pid)
    _write(control, _V2_CONTROLLERS)


class _CgroupV2(SlotCgroup):
    version = 2

    def __init__(self, slot: int) -> None:
        own = CGROUP_ROOT / _own_cgroup(None)
        base = own.parent if own.name == V2_LEAF_NAME else own
        parent = base / PARENT_NAME
        self.dir = parent / f"slot{slot}"
        try:
            parent.mkdir(exist_ok=True)
            # Controllers must be enabled in every ancestor's subtree_control.
            _enable_v2_controllers(base)
            _write(parent / "cgroup.subtree_control", _V2_CONTROLLERS)
            self.dir.mkdir(exist_ok=True)
        except OSError as error:
            raise CgroupError(
                f"cannot set up {self.dir} ({error.strerror}); run the judge as root in a "
                "delegated cgroup (e.g. systemd-run --scope -p Delegate=yes) or as root"
            ) from error
        self._cpu_baseline_us = 0
        self._oom_baseline = 0
        self._has_peak = (self.dir / "memory.peak").exists()

    def procs_files(self) -> list[Path]:
        return [self.dir / "cgroup.procs"]

    def _events(self, name: str, key: str) -> int:
        for line in _read(self.dir / name).splitlines():
            field, _, value = line.partition(" ")
            if field == key:
                return int(value)
        return 0

    def reset(self, memory_limit_bytes: int, pids_max: int) -> None:
        _write(self.dir / "memory.max", str(memory_limit_bytes))
        swap = self.dir / "memory.swap.max"
        if swap.exists():
            _write(swap, "0")
        if self._has_peak:
            with contextlib.suppress(OSError):  # resettable since Linux 6.12
                _write(self.dir / "memory.peak", "0")
        _write(self.dir / "pids.max", str(pids_max))
        self._cpu_baseline_us = self._events("cpu.stat", "usage_usec")
        self._oom_baseline = self._events("memory.events", "oom_kill")

    def pids(self) -> list[int]:
        return sorted(int(token) for token in _read(self.dir / "cgroup.procs").split())

    def kill_all(self, timeout_s: float = 2.0) -> bool:
        kill = self.dir / "cgroup.kill"
        if kill.exists() and self.pids():
            _write(kill, "1")
        return super().kill_all(timeout_s)

    def cpu_s(self) -> float:
        return (self._events("cpu.stat", "usage_usec") - self._cpu_baseline_us) / 1e6

    def memory_peak_bytes(self) -> int:
        name = "memory.peak" if self._has_peak else "memory.current"
        return _read_int(self.dir / name)

    def oom_killed(self) -> bool:
        return self._events("memory.events", "oom_kill") > self._oom_baseline


def slot_cgroup(slot: int) -> SlotCgroup:
    """The (created on first use) cgroup of sandbox slot ``slot``."""
    version = detect_version()
    if version == 1:
        return _CgroupV1(slot)
    if version == 2:
        return _CgroupV2(slot)
    raise CgroupError(
        "no usable cgroup memory and pids controllers under /sys/fs/cgroup; the judge needs "
        "cgroup v1 or v2 with both enabled"
    )
