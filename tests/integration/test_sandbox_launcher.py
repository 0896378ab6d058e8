"""The C launcher starts sandboxed runs exactly as the preexec_fn did: same user, groups,
rlimits and cgroup; it is built where the slot users cannot change it; a launcher that cannot
set a run up runs nothing and says why."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from barraiser.judge import launcher
from barraiser.judge.result import Limits, Status
from barraiser.judge.sandbox import Sandbox

PROBE = (
    "import json, os, resource\n"
    "r = resource\n"
    "print(json.dumps({'uid': os.getuid(), 'euid': os.geteuid(), 'gid': os.getgid(),\n"
    "  'groups': os.getgroups(),\n"
    "  'limits': [r.getrlimit(x) for x in (r.RLIMIT_CPU, r.RLIMIT_FSIZE, r.RLIMIT_NOFILE,\n"
    "             r.RLIMIT_STACK, r.RLIMIT_CORE)],\n"
    "  'cgroup': open('/proc/self/cgroup').read()}))\n"
)
LIMITS = Limits(time_limit_s=2.5, memory_limit_mib=128)


def _probe(sandbox: Sandbox, use_launcher: bool) -> dict[str, object]:
    sandbox.use_launcher = use_launcher
    try:
        result = sandbox.run(["/usr/bin/python3", "-c", PROBE], limits=LIMITS)
    finally:
        sandbox.use_launcher = True
    assert result.status == Status.OK, result
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_launcher_sets_a_run_up_as_the_preexec_fn_did(sandbox: Sandbox) -> None:
    assert launcher.launcher_path() is not None, "no C compiler? the judge needs g++ anyway"
    through_launcher = _probe(sandbox, use_launcher=True)
    through_preexec = _probe(sandbox, use_launcher=False)
    assert through_launcher == through_preexec
    if os.geteuid() == 0:
        # The box maps the slot user; outside it is an unprivileged uid with no groups.
        assert through_launcher["groups"] in ([], [through_launcher["gid"]])
    cpu, fsize, nofile, stack, core = through_launcher["limits"]  # type: ignore[misc]
    assert cpu == [4, 5]  # ceil(2.5) + 1 seconds, hard one more
    assert core == [0, 0]
    assert stack == [LIMITS.memory_limit_mib * 1024 * 1024] * 2
    assert fsize == [LIMITS.file_size_limit_bytes] * 2
    assert nofile == [LIMITS.open_files_max] * 2


@pytest.mark.skipif(os.geteuid() != 0, reason="the root-owned launcher folder needs root")
def test_the_launcher_is_root_owned_and_not_writable_by_others() -> None:
    binary = launcher.launcher_path()
    assert binary is not None
    for path in (binary, binary.parent, launcher.ROOT_CACHE):
        info = path.stat()
        assert info.st_uid == 0, path
        assert not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH), path


def test_a_launcher_that_cannot_join_the_cgroup_runs_nothing(tmp_path: Path) -> None:
    binary = launcher.launcher_path()
    assert binary is not None
    marker = tmp_path / "ran"
    command = launcher.command(
        binary,
        [tmp_path / "no-such-cgroup" / "cgroup.procs"],
        cpu_s=1,
        file_size_bytes=1 << 20,
        open_files=64,
        stack_bytes=8 << 20,
        uid=os.geteuid(),
        gid=os.getegid(),
    )
    done = subprocess.run(
        [*command, "/bin/sh", "-c", f"touch {marker}"], capture_output=True, text=True
    )
    assert done.returncode == 127
    assert "cannot open" in done.stderr and "no-such-cgroup" in done.stderr
    assert not marker.exists()


def test_a_program_without_arguments_runs(tmp_path: Path) -> None:
    """The launcher's shortest command line: the program alone (unsafe mode runs a compiled
    binary with no arguments, no bwrap in front)."""
    binary = launcher.launcher_path()
    assert binary is not None
    command = launcher.command(
        binary,
        [],
        cpu_s=1,
        file_size_bytes=1 << 20,
        open_files=64,
        stack_bytes=8 << 20,
        uid=os.geteuid(),
        gid=os.getegid(),
    )
    done = subprocess.run([*command, "/bin/true"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
