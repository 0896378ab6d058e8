"""What a judging machine needs, checked one by one for ``barraiser judge doctor``: bubblewrap,
user namespaces the slot users may create, cgroup memory and pids controllers, and one slot user
per concurrent judgement. Each failed check says how to fix it (docs/deploy.md has the whole
list for a worker host).
"""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass
from pathlib import Path

from barraiser.judge import cgroups
from barraiser.judge.sandbox import BWRAP, slot_user

PROC_SYS = Path("/proc/sys")

#: What a worker host needs, in the order ``judge doctor`` prints it.
NEEDS = (
    "bubblewrap (apt-get install bubblewrap) at " + BWRAP,
    "unprivileged user namespaces (bubblewrap starts its box as a slot user)",
    "cgroup memory and pids controllers (v2 delegated to the worker, or run it as root)",
    "one slot user per concurrent judgement: barraiser-sb0, barraiser-sb1 ... "
    "(make sandbox-users SANDBOX_SLOTS=N)",
)


@dataclass(frozen=True)
class HostCheck:
    """One need of a judging machine: met or not, and what was found or what to do."""

    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def _sysctl(proc_sys: Path, name: str) -> int | None:
    """An integer sysctl (``kernel/...``), or None where this kernel has no such switch."""
    try:
        return int((proc_sys / name).read_text().strip())
    except (OSError, ValueError):
        return None


def user_namespaces(proc_sys: Path = PROC_SYS) -> HostCheck:
    """Whether an unprivileged user may create a user namespace, from the kernel's switches."""
    name = "user namespaces"
    most = _sysctl(proc_sys, "user/max_user_namespaces")
    if most == 0:
        return HostCheck(
            name,
            False,
            "user.max_user_namespaces is 0: set it to e.g. 15000 "
            "(sysctl -w user.max_user_namespaces=15000, and in /etc/sysctl.d/ to keep it)",
        )
    if _sysctl(proc_sys, "kernel/unprivileged_userns_clone") == 0:
        return HostCheck(
            name,
            False,
            "kernel.unprivileged_userns_clone is 0: set it to 1 "
            "(sysctl -w kernel.unprivileged_userns_clone=1, and in /etc/sysctl.d/ to keep it)",
        )
    found = f"allowed (user.max_user_namespaces = {most})" if most is not None else "allowed"
    if _sysctl(proc_sys, "kernel/apparmor_restrict_unprivileged_userns") == 1:
        # bubblewrap may still have an AppArmor profile that allows it: the self-tests tell.
        found += (
            "; AppArmor restricts them (kernel.apparmor_restrict_unprivileged_userns = 1): if "
            "the language self-tests fail, give bwrap a profile or set it to 0"
        )
    return HostCheck(name, True, found)


def bubblewrap() -> HostCheck:
    if os.access(BWRAP, os.X_OK):
        return HostCheck("bubblewrap", True, BWRAP)
    return HostCheck(
        "bubblewrap", False, f"{BWRAP} is missing: apt-get install bubblewrap (Debian/Ubuntu)"
    )


def cgroup_controllers() -> HostCheck:
    version = cgroups.detect_version()
    if version is None:
        return HostCheck(
            "cgroups",
            False,
            "no usable memory and pids controllers under /sys/fs/cgroup: boot with cgroup v2 "
            "(the default on Debian 11+ and Ubuntu 22.04+) and enable both controllers",
        )
    return HostCheck("cgroups", True, f"v{version} with memory and pids")


def slot_users(slots: int) -> HostCheck:
    """The slot users ``barraiser-sb0`` .. ``barraiser-sb{slots - 1}`` exist."""
    missing = []
    for slot in range(slots):
        try:
            pwd.getpwnam(slot_user(slot))
        except KeyError:
            missing.append(slot_user(slot))
    name = f"slot users ({slots})"
    if not missing:
        return HostCheck(name, True, f"{slot_user(0)} .. {slot_user(slots - 1)}")
    shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return HostCheck(
        name,
        False,
        f"missing {shown}: create them as root with `make sandbox-users SANDBOX_SLOTS={slots}` "
        "(or useradd --system --no-create-home --shell /usr/sbin/nologin NAME)",
    )


def host_checks(slots: int = 1) -> list[HostCheck]:
    """Every need of a judging machine that runs ``slots`` judgements at once."""
    return [bubblewrap(), user_namespaces(), cgroup_controllers(), slot_users(slots)]
