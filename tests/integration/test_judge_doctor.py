"""`barraiser judge doctor` checks what a worker machine needs (bubblewrap, user namespaces,
cgroups, the slot users) and fails, saying what to do, when something is missing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from barraiser.judge import host
from barraiser.judge.sandbox import Sandbox


def _proc_sys(folder: Path, **values: int) -> Path:
    for name, value in values.items():
        path = folder / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{value}\n")
    return folder


@pytest.mark.parametrize(
    ("values", "ok", "said"),
    [
        ({"user__max_user_namespaces": 15000}, True, "allowed (user.max_user_namespaces = 15000)"),
        ({"user__max_user_namespaces": 0}, False, "sysctl -w user.max_user_namespaces=15000"),
        (
            {"user__max_user_namespaces": 63000, "kernel__unprivileged_userns_clone": 0},
            False,
            "sysctl -w kernel.unprivileged_userns_clone=1",
        ),
        (
            {"user__max_user_namespaces": 63000, "kernel__unprivileged_userns_clone": 1},
            True,
            "allowed",
        ),
        (
            {"kernel__apparmor_restrict_unprivileged_userns": 1},
            True,
            "AppArmor restricts them",
        ),
        ({}, True, "allowed"),
    ],
)
def test_user_namespaces_from_the_kernels_switches(
    tmp_path: Path, values: dict[str, int], ok: bool, said: str
) -> None:
    check = host.user_namespaces(_proc_sys(tmp_path, **values))
    assert check.ok is ok and said in check.detail, check


def test_missing_slot_users_are_named_with_the_command_that_makes_them() -> None:
    check = host.slot_users(250)
    assert not check.ok
    assert check.detail.startswith("missing barraiser-sb") and " more: " in check.detail
    assert "make sandbox-users SANDBOX_SLOTS=250" in check.detail


def _doctor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "barraiser", "judge", "doctor", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_doctor_lists_the_needs_and_passes_on_this_machine(sandbox: Sandbox) -> None:
    out = _doctor("--slots", "1")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("A judging machine (a worker host) needs:")
    for line in ("ok      bubblewrap: /usr/bin/bwrap", "ok      slot users (1): barraiser-sb0"):
        assert line in out.stdout
    report = json.loads(_doctor("--json").stdout)
    assert [check["name"] for check in report["host"]] == [
        "bubblewrap",
        "user namespaces",
        "cgroups",
        "slot users (1)",
    ]
    assert all(check["ok"] for check in report["host"]), report["host"]


def test_doctor_fails_clearly_when_slot_users_are_missing(sandbox: Sandbox) -> None:
    out = _doctor("--slots", "250")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "MISSING slot users (250): missing " in out.stdout
    assert "make sandbox-users SANDBOX_SLOTS=250" in out.stdout
    assert out.stdout.rstrip().endswith(
        "Not ready to judge: fix what is MISSING or FAILED above (docs/deploy.md)."
    )
    report = json.loads(_doctor("--json", "--slots", "250").stdout)
    failed = [check for check in report["host"] if not check["ok"]]
    assert [check["name"] for check in failed] == ["slot users (250)"]
