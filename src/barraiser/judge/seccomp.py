"""A seccomp-BPF filter for the box, built as raw classic BPF (handed to bwrap via ``--seccomp``).

It kills any non-native ABI call (i386), refuses x32 calls, ptrace and cross-process memory
access, keyrings, bpf, perf, userfaultfd, io_uring, every mount and namespace call, module and
kexec loading, sockets other than AF_UNIX, and makes clone3 fail with ENOSYS so that libc falls
back to clone (whose namespace flags the unprivileged box cannot use anyway).
"""

from __future__ import annotations

import errno
import platform
import struct

_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06
_RET_ALLOW = 0x7FFF0000
_RET_KILL_PROCESS = 0x80000000
_RET_ERRNO = 0x00050000
_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_SYSCALL_BIT = 0x40000000
_AF_UNIX = 1
_OFFSET_NR = 0
_OFFSET_ARCH = 4
_OFFSET_ARG0_LOW = 16

# x86_64 syscall numbers refused with EPERM.
DENIED_X86_64 = {
    "ptrace": 101,
    "syslog": 103,
    "personality": 135,
    "vhangup": 153,
    "pivot_root": 155,
    "chroot": 161,
    "acct": 163,
    "mount": 165,
    "umount2": 166,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "init_module": 175,
    "delete_module": 176,
    "quotactl": 179,
    "kexec_load": 246,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "unshare": 272,
    "perf_event_open": 298,
    "name_to_handle_at": 303,
    "open_by_handle_at": 304,
    "setns": 308,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "kcmp": 312,
    "finit_module": 313,
    "kexec_file_load": 320,
    "bpf": 321,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "pidfd_getfd": 438,
    "mount_setattr": 442,
}
_CLONE3 = 435
_SOCKET = 41
_SOCKETPAIR = 53


class SeccompUnsupported(RuntimeError):
    """No filter for this machine's architecture."""


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("<HBBI", code, jt, jf, k)


def build_filter() -> bytes:
    """The filter as an array of ``struct sock_filter`` (x86_64 only)."""
    if platform.machine() != "x86_64":
        raise SeccompUnsupported(f"no seccomp filter for {platform.machine()} yet")
    program = [
        _insn(_LD_W_ABS, 0, 0, _OFFSET_ARCH),
        _insn(_JEQ_K, 1, 0, _AUDIT_ARCH_X86_64),
        _insn(_RET_K, 0, 0, _RET_KILL_PROCESS),
        _insn(_LD_W_ABS, 0, 0, _OFFSET_NR),
        _insn(_JGE_K, 0, 1, _X32_SYSCALL_BIT),
        _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EPERM),
    ]
    for number in sorted(DENIED_X86_64.values()):
        program += [
            _insn(_JEQ_K, 0, 1, number),
            _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EPERM),
        ]
    program += [
        _insn(_JEQ_K, 0, 1, _CLONE3),
        _insn(_RET_K, 0, 0, _RET_ERRNO | errno.ENOSYS),
        # socket/socketpair: only AF_UNIX (the box has no network anyway; this is depth).
        _insn(_JEQ_K, 1, 0, _SOCKET),
        _insn(_JEQ_K, 0, 3, _SOCKETPAIR),
        _insn(_LD_W_ABS, 0, 0, _OFFSET_ARG0_LOW),
        _insn(_JEQ_K, 1, 0, _AF_UNIX),
        _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EAFNOSUPPORT),
        _insn(_RET_K, 0, 0, _RET_ALLOW),
    ]
    return b"".join(program)
