"""Runs of a slot share the slot's own empty network namespace (entered by the launcher)
instead of a new one per run: no interface is up in it, each slot has its own, the host's is
never the box's, and a namespace file the launcher cannot enter runs nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from barraiser.judge import launcher, netns
from barraiser.judge.result import Limits, Status
from barraiser.judge.sandbox import Sandbox

LIMITS = Limits(time_limit_s=2, memory_limit_mib=128)
# What the box sees of its network: its namespace's id, every interface with its flags
# (/proc/net/dev lists them; SIOCGIFFLAGS on a unix socket gives IFF_UP: the seccomp filter
# refuses internet sockets) and its routes.
PROBE = (
    "import fcntl, os, socket, struct\n"
    "print(os.readlink('/proc/self/ns/net'))\n"
    "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n"
    "for line in open('/proc/net/dev').read().splitlines()[2:]:\n"
    "    name = line.split(':')[0].strip()\n"
    "    flags = struct.unpack('16sH', fcntl.ioctl(s, 0x8913, struct.pack('256s', name.encode())\n"
    "        )[:18])[1]\n"
    "    print(name, 'up' if flags & 1 else 'down')\n"
    "lines = open('/proc/net/route').read().splitlines()\n"
    "print('routes', sum(1 for line in lines if not line.startswith('Iface')))\n"
)

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="a persistent namespace needs root")


def _probe(sandbox: Sandbox) -> list[str]:
    result = sandbox.run(["/usr/bin/python3", "-c", PROBE], limits=LIMITS)
    assert result.status == Status.OK, result
    return result.stdout.decode().splitlines()


def test_a_slot_runs_in_its_own_empty_namespace(sandbox: Sandbox) -> None:
    assert launcher.launcher_path() is not None
    path = netns.slot_netns(sandbox.slot)
    assert path is not None, "root with util-linux's unshare must get a slot namespace"
    first, second = _probe(sandbox), _probe(sandbox)
    host = os.readlink("/proc/self/ns/net")
    ns_id = first[0]
    assert ns_id == second[0] != host  # the same namespace run after run, never the host's
    assert ns_id == f"net:[{os.stat(path).st_ino}]"
    assert first[1:] == ["lo down", "routes 0"]  # only a loopback, down: nowhere to connect


def test_slots_have_different_namespaces(sandbox: Sandbox) -> None:
    other = Sandbox(1)
    assert _probe(sandbox)[0] != _probe(other)[0]


def test_without_sharing_each_run_gets_a_new_namespace(sandbox: Sandbox) -> None:
    sandbox.share_netns = False
    try:
        first, second = _probe(sandbox), _probe(sandbox)
    finally:
        sandbox.share_netns = True
    assert first[0] != second[0]
    assert first[1:] == ["lo up", "routes 0"]  # bwrap brings a new namespace's loopback up


def test_a_namespace_the_launcher_cannot_enter_runs_nothing(tmp_path: Path) -> None:
    binary = launcher.launcher_path()
    assert binary is not None
    marker = tmp_path / "ran"
    not_a_namespace = tmp_path / "plain-file"
    not_a_namespace.write_text("")
    command = launcher.command(
        binary,
        [],
        cpu_s=1,
        file_size_bytes=1 << 20,
        open_files=64,
        stack_bytes=8 << 20,
        uid=os.geteuid(),
        gid=os.getegid(),
        netns=not_a_namespace,
    )
    done = subprocess.run(
        [*command, "/bin/sh", "-c", f"touch {marker}"], capture_output=True, text=True
    )
    assert done.returncode == 127
    assert "cannot enter" in done.stderr and str(not_a_namespace) in done.stderr
    assert not marker.exists()
