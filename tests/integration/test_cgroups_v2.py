"""cgroup v2 bookkeeping on a fake cgroupfs in a temporary folder (this CI host is cgroup v1;
the real v1 path is covered by tests/integration/test_sandbox.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from barraiser.judge import cgroups


@pytest.fixture
def fake_v2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cgroup"
    own = root / "system.slice" / "judge.service"
    own.mkdir(parents=True)
    (root / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    (own / "cgroup.subtree_control").write_text("")
    monkeypatch.setattr(cgroups, "CGROUP_ROOT", root)
    monkeypatch.setattr(cgroups, "_own_cgroup", lambda controller: "system.slice/judge.service")
    original_mkdir = Path.mkdir

    def mkdir_with_files(self: Path, *args: object, **kwargs: object) -> None:
        original_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]
        for name, content in {
            "cgroup.subtree_control": "",
            "cgroup.procs": "",
            "memory.max": "max\n",
            "memory.peak": "0\n",
            "memory.events": "low 0\nhigh 0\nmax 0\noom 0\noom_kill 2\n",
            "pids.max": "max\n",
            "cpu.stat": "usage_usec 5000000\nuser_usec 4000000\nsystem_usec 1000000\n",
        }.items():
            if not (self / name).exists():
                (self / name).write_text(content)

    monkeypatch.setattr(Path, "mkdir", mkdir_with_files)
    return own


def test_detects_v2(fake_v2: Path) -> None:
    assert cgroups.detect_version() == 2


def test_v2_slot_limits_and_counters(fake_v2: Path) -> None:
    slot = cgroups.slot_cgroup(3)
    assert slot.version == 2
    folder = fake_v2 / "barraiser" / "slot3"
    assert slot.procs_files() == [folder / "cgroup.procs"]
    assert "+memory" in (fake_v2 / "cgroup.subtree_control").read_text()
    slot.reset(64 * 1024 * 1024, 16)
    assert (folder / "memory.max").read_text() == str(64 * 1024 * 1024)
    assert (folder / "pids.max").read_text() == "16"
    # Counters are relative to the reset.
    (folder / "cpu.stat").write_text("usage_usec 6500000\n")
    assert slot.cpu_s() == pytest.approx(1.5)
    assert not slot.oom_killed()
    (folder / "memory.events").write_text("oom 1\noom_kill 3\n")
    assert slot.oom_killed()
    (folder / "memory.peak").write_text(f"{50 * 1024 * 1024}\n")
    assert slot.memory_peak_bytes() == 50 * 1024 * 1024
    assert slot.pids() == []
