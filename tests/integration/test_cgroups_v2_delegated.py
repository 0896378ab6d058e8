"""cgroup v2 in a delegated cgroup that holds the judge's own process (a systemd unit with
``Delegate=yes``, a container): the kernel refuses to enable controllers there (EBUSY) until the
cgroup's processes move into a leaf. This CI host is cgroup v1, so the cgroupfs is a folder here
and its two rules are played by a small stand-in for the kernel's writes: ``cgroup.procs`` moves
a process (out of every other cgroup), and ``cgroup.subtree_control`` of a cgroup other than the
root that still holds a process answers EBUSY.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from barraiser.judge import cgroups

OWN = "system.slice/barraiser-worker@1.service"
FILES = {
    "cgroup.subtree_control": "",
    "cgroup.procs": "",
    "memory.max": "max\n",
    "memory.events": "oom_kill 0\n",
    "pids.max": "max\n",
    "cpu.stat": "usage_usec 0\n",
}


class FakeCgroupfs:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.where: dict[str, Path] = {}  # pid -> its cgroup
        self.enabled: list[Path] = []

    def populate(self, path: Path) -> None:
        """The files the kernel puts in a new cgroup's folder."""
        for name, content in FILES.items():
            if not (path / name).exists():
                (path / name).write_text(content)

    def procs(self, cgroup: Path) -> list[str]:
        return [pid for pid, home in self.where.items() if home == cgroup]

    def write(self, path: Path, value: str) -> None:
        cgroup = path.parent
        if path.name == "cgroup.procs":
            self.where[value.strip()] = cgroup
        elif path.name == "cgroup.subtree_control":
            if cgroup != self.root and self.procs(cgroup):
                raise OSError(errno.EBUSY, "Device or resource busy")
            self.enabled.append(cgroup)
        else:
            path.write_text(value)
            return
        for home in {*self.where.values(), cgroup}:
            (home / "cgroup.procs").write_text("".join(f"{p}\n" for p in self.procs(home)))

    def own_cgroup(self, pid: str) -> str:
        return str(self.where[pid].relative_to(self.root))


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeCgroupfs:
    fs = FakeCgroupfs(tmp_path / "cgroup")
    (fs.root / OWN).mkdir(parents=True)
    fs.populate(fs.root)
    fs.populate(fs.root / OWN)
    (fs.root / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    for pid in ("100", "101"):  # the worker and a helper process of the same unit
        fs.write(fs.root / OWN / "cgroup.procs", pid)
    original_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        original_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]
        fs.populate(self)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(cgroups, "CGROUP_ROOT", fs.root)
    monkeypatch.setattr(cgroups, "_write", fs.write)
    monkeypatch.setattr(cgroups, "_own_cgroup", lambda controller: fs.own_cgroup("100"))
    return fs


def test_the_units_processes_move_to_a_leaf_and_the_slots_get_controllers(
    fake: FakeCgroupfs,
) -> None:
    base = fake.root / OWN
    first = cgroups.slot_cgroup(0)
    leaf = base / cgroups.V2_LEAF_NAME
    assert fake.procs(base) == [] and sorted(fake.procs(leaf)) == ["100", "101"]
    assert fake.enabled == [base, base / cgroups.PARENT_NAME]
    assert first.procs_files() == [base / cgroups.PARENT_NAME / "slot0" / "cgroup.procs"]

    # The next slot is found from the leaf the process now lives in: same parent, no new leaf.
    second = cgroups.slot_cgroup(1)
    assert second.procs_files() == [base / cgroups.PARENT_NAME / "slot1" / "cgroup.procs"]
    assert not (leaf / cgroups.V2_LEAF_NAME).exists()
    first.reset(64 * 1024 * 1024, 32)
    assert (base / cgroups.PARENT_NAME / "slot0" / "memory.max").read_text() == "67108864"


def test_another_error_is_still_reported_as_one_sentence(
    fake: FakeCgroupfs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, value: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(cgroups, "_write", refuse)
    with pytest.raises(cgroups.CgroupError, match=r"Permission denied.*delegated cgroup"):
        cgroups.slot_cgroup(0)
    assert not (fake.root / OWN / cgroups.V2_LEAF_NAME).exists()
