"""Run one untrusted command in a bubblewrap box, as an unprivileged slot user, inside the slot's
cgroup, with rlimits, a wall-clock watchdog and capped output.

Inside the box ``/src`` holds the files of the run (read-only), ``/build`` an optional host folder
(read-only, or writable for a compile step), ``/box`` is a size-capped tmpfs and the working
directory, and a compile step gets a second size-capped tmpfs ``/out`` for its output.  The
host never opens a path inside the box after the run; its own folders of the run sit under
:func:`barraiser.judge.scratch.scratch_root`.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import functools
import json
import math
import os
import pwd
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from barraiser.content.languages import LANGUAGE_FACTS
from barraiser.judge import cgroups, launcher, netns
from barraiser.judge.errors import SandboxUnavailable as SandboxUnavailable
from barraiser.judge.pacing import InputFeeder, Interaction, process_tree_cpu_s
from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.scratch import RUNS_ROOT as RUNS_ROOT
from barraiser.judge.scratch import runs_root as runs_root
from barraiser.judge.scratch import scratch_root

BWRAP = "/usr/bin/bwrap"
SLOT_USER_PREFIX = "barraiser-sb"
SRC_DIR = "/src"
BUILD_DIR = "/build"
WORK_DIR = "/box"
OUT_DIR = "/out"
_PR_SET_CHILD_SUBREAPER = 36
_CORES = os.cpu_count() or 1
# Host paths every toolchain needs, bound read-only when present (symlinks are recreated); a
# language adds its own (``Language.host_paths``).
TOOLCHAIN_PATHS = (
    "/usr",
    "/bin",
    "/sbin",
    "/lib",
    "/lib64",
    "/lib32",
    "/libx32",
    "/etc/alternatives",
    "/etc/ld.so.cache",
)
#: Debian's own Python packages (python3-numpy for the ML-coding problems).  The interpreter
#: runs with -S, so this folder is on its path only through PYTHONPATH; its .pth files are not run.
PYTHON_PACKAGES = "/usr/lib/python3/dist-packages"
_SANDBOX_ENV = {
    "PATH": "/usr/bin:/bin",
    "HOME": WORK_DIR,
    "LANG": "C.UTF-8",
    "TMPDIR": WORK_DIR,
    "PYTHONPATH": PYTHON_PACKAGES,
    # numpy's BLAS and OpenMP would start a thread per core: one run gets one core's work, and
    # its threads count against the box's process limit.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def slot_user(slot: int) -> str:
    """The dedicated unprivileged user of a slot."""
    return f"{SLOT_USER_PREFIX}{slot}"


def ensure_slot_users(count: int) -> list[str]:
    """Create the slot users that are missing (root only); return their names."""
    names = [slot_user(slot) for slot in range(count)]
    for name in names:
        try:
            pwd.getpwnam(name)
        except KeyError:
            if os.geteuid() != 0:
                raise SandboxUnavailable(
                    f"the sandbox user {name} does not exist; create it as root with: "
                    f"useradd --system --no-create-home --shell /usr/sbin/nologin {name}"
                ) from None
            subprocess.run(
                ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                check=True,
                capture_output=True,
            )
    return names


@functools.cache
def toolchain_paths() -> tuple[str, ...]:
    """The system's paths and every language's own (from the one table of languages)."""
    own = [path for facts in LANGUAGE_FACTS.values() for path in facts.host_paths]
    return TOOLCHAIN_PATHS + tuple(dict.fromkeys(p for p in own if p not in TOOLCHAIN_PATHS))


def _toolchain_args() -> list[str]:
    args: list[str] = []
    for path in toolchain_paths():
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.exists(path):
            args += ["--ro-bind", path, path]
    return args


@dataclass
class _Capture:
    limit: int
    data: bytearray = field(default_factory=bytearray)
    total: int = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.limit - len(self.data)
        if room > 0:
            self.data += chunk[:room]


class Sandbox:
    """One judge slot: a slot user, a slot cgroup and the bubblewrap command line."""

    def __init__(self, slot: int = 0, *, unsafe: bool = False, seccomp: bool = True) -> None:
        self.slot = slot
        self.unsafe = unsafe
        self.cgroup: cgroups.SlotCgroup | None = None
        self.uid = os.geteuid()
        self.gid = os.getegid()
        self.seccomp_filter: bytes | None = None
        #: Start runs through the C launcher (vfork) rather than a preexec_fn (fork).
        self.use_launcher = True
        #: With the launcher, run in the slot's persistent empty network namespace instead of
        #: a new one per run (:mod:`barraiser.judge.netns`).
        self.share_netns = True
        if unsafe:
            print(
                "WARNING: barraiser is running untrusted code WITHOUT a sandbox (unsafe local "
                "mode): the program can read and change your files and use the network.",
                file=sys.stderr,
            )
            return
        if not os.access(BWRAP, os.X_OK):
            raise SandboxUnavailable(
                f"bubblewrap is not installed ({BWRAP} is missing): install the Debian/Ubuntu "
                "package `bubblewrap` (apt-get install bubblewrap), or pass --unsafe to run "
                "without a sandbox"
            )
        if os.geteuid() == 0:
            name = ensure_slot_users(slot + 1)[slot]
            entry = pwd.getpwnam(name)
            self.uid, self.gid = entry.pw_uid, entry.pw_gid
        _become_subreaper()
        try:
            self.cgroup = cgroups.slot_cgroup(slot)
        except cgroups.CgroupError as error:
            raise SandboxUnavailable(
                f"{error}, or pass --unsafe to run without a sandbox"
            ) from None
        if seccomp:
            from barraiser.judge import seccomp as seccomp_module

            try:
                self.seccomp_filter = seccomp_module.build_filter()
            except seccomp_module.SeccompUnsupported as error:
                print(f"warning: {error}; running without a seccomp filter", file=sys.stderr)

    @property
    def isolation(self) -> dict[str, object]:
        """What isolation is in force (for ``barraiser judge doctor``)."""
        return {
            "sandbox": "none (unsafe local mode)" if self.unsafe else "bubblewrap",
            "namespaces": []
            if self.unsafe
            else ["user", "pid", "net", "ipc", "uts", "mount", "cgroup"],
            "cgroup_version": self.cgroup.version if self.cgroup else None,
            "seccomp": self.seccomp_filter is not None,
            "uid": self.uid,
            "launcher": str(launcher.launcher_path() or "none (no C compiler): preexec_fn"),
        }

    def run(
        self,
        argv: Sequence[str],
        *,
        limits: Limits,
        files: Mapping[str, bytes] | None = None,
        stdin: bytes = b"",
        build_dir: Path | None = None,
        build_writable: bool = False,
        binds: Mapping[str, Path] | None = None,
        interaction: Interaction | None = None,
        out_mib: int | None = None,
    ) -> RunResult:
        """Run ``argv`` (which may use ``{src}``, ``{build}`` and ``{work}``) and judge the run.

        ``binds`` maps a name to a trusted host folder, bound read-only at ``/<name>`` in the box
        (``{name}`` in ``argv``); ``out_mib`` adds a tmpfs of that size at ``{out}``.  With
        ``interaction``, stdin is a pipe the interaction writes to as it reads stdout, on the
        box's CPU clock (``stdin`` is then unused)."""
        for name in binds or {}:
            if not name.isalnum() or name in ("src", "build", "work", "out"):
                raise ValueError(f"bad bind name {name!r}")
        # One run per slot at a time, across processes too (the slot's user and cgroup are shared).
        lock_path = runs_root() / f"slot{self.slot}.lock"
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return self._run_locked(
                argv,
                limits,
                files,
                stdin,
                build_dir,
                build_writable,
                dict(binds or {}),
                interaction,
                out_mib,
            )

    def _run_locked(
        self,
        argv: Sequence[str],
        limits: Limits,
        files: Mapping[str, bytes] | None,
        stdin: bytes,
        build_dir: Path | None,
        build_writable: bool,
        binds: dict[str, Path],
        interaction: Interaction | None,
        out_mib: int | None,
    ) -> RunResult:
        with tempfile.TemporaryDirectory(prefix="run-", dir=scratch_root()) as host_tmp:
            src = Path(host_tmp) / "src"
            work = Path(host_tmp) / "work"
            src.mkdir()
            work.mkdir()
            # Only the slot's group may read the run's files; root owns them so the box can't
            # change them.
            root = os.geteuid() == 0
            for name, content in (files or {}).items():
                (src / name).write_bytes(content)
                os.chmod(src / name, 0o640)
                if root:
                    os.chown(src / name, 0, self.gid)
            for path in (Path(host_tmp), src, work):
                os.chmod(path, 0o750)
                if root:
                    os.chown(path, 0, self.gid)
            stdin_path = Path(host_tmp) / "stdin"
            stdin_path.write_bytes(stdin)
            if build_dir is not None and build_writable:
                if root:
                    os.chown(build_dir, self.uid, self.gid)
                os.chmod(build_dir, 0o700)
            if self.unsafe:
                paths = {"src": str(src), "build": str(build_dir or work), "work": str(work)}
                if out_mib is not None:
                    # Unsafe mode caps nothing: the output is an ordinary folder of the run.
                    (work / "out").mkdir()
                    paths["out"] = str(work / "out")
                paths.update({name: str(path) for name, path in binds.items()})
                command = [_place(part, paths) for part in argv]
                return self._execute(
                    command, limits, stdin_path, interaction, cwd=str(work), status_fd=False
                )
            paths = {"src": SRC_DIR, "build": BUILD_DIR, "work": WORK_DIR, "out": OUT_DIR}
            paths.update({name: f"/{name}" for name in binds})
            # The launcher enters the slot's namespace; without it bwrap makes one per run.
            shared_netns = (
                self.use_launcher
                and launcher.launcher_path() is not None
                and self._netns() is not None
            )
            command = [
                BWRAP,
                *self._bwrap_args(
                    limits, src, build_dir, build_writable, binds, out_mib, not shared_netns
                ),
            ]
            command += [_place(part, paths) for part in argv]
            return self._execute(command, limits, stdin_path, interaction, cwd="/", status_fd=True)

    def _bwrap_args(
        self,
        limits: Limits,
        src: Path,
        build_dir: Path | None,
        build_writable: bool,
        binds: Mapping[str, Path],
        out_mib: int | None = None,
        new_netns: bool = True,
    ) -> list[str]:
        """bwrap's arguments; without ``new_netns`` the box stays in the network namespace the
        launcher entered (the slot's empty one, :mod:`barraiser.judge.netns`)."""
        args = [
            "--unshare-all",
            *([] if new_netns else ["--share-net"]),
            "--unshare-user",
            "--disable-userns",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--cap-drop",
            "ALL",
            "--hostname",
            "box",
            *_toolchain_args(),
            "--ro-bind",
            str(src),
            SRC_DIR,
        ]
        if build_dir is not None:
            args += ["--bind" if build_writable else "--ro-bind", str(build_dir), BUILD_DIR]
        for name, path in binds.items():
            args += ["--ro-bind", str(path), f"/{name}"]
        args += ["--size", str(limits.tmpfs_size_mib * 1024 * 1024), "--tmpfs", WORK_DIR]
        if out_mib is not None:
            args += ["--size", str(out_mib * 1024 * 1024), "--tmpfs", OUT_DIR]
        args += ["--proc", "/proc", "--dev", "/dev", "--remount-ro", "/", "--chdir", WORK_DIR]
        for key, value in _SANDBOX_ENV.items():
            args += ["--setenv", key, value]
        return args

    def _netns(self) -> Path | None:
        """The slot's own empty network namespace, entered by the launcher (None: bwrap makes
        a new one per run)."""
        return netns.slot_netns(self.slot) if self.share_netns else None

    def _launcher_prefix(self, limits: Limits) -> list[str]:
        """The launcher's command line for this run ([] when no launcher could be built)."""
        if not self.use_launcher:
            return []
        binary = launcher.launcher_path()
        if binary is None:
            return []
        memory = limits.memory_limit_mib * 1024 * 1024
        return launcher.command(
            binary,
            self.cgroup.procs_files() if self.cgroup is not None else [],
            cpu_s=math.ceil(limits.time_limit_s) + 1,
            file_size_bytes=limits.file_size_limit_bytes,
            open_files=limits.open_files_max,
            stack_bytes=memory,
            uid=self.uid,
            gid=self.gid,
            netns=self._netns(),
        )

    def _child_setup(self, limits: Limits) -> None:
        """Runs in the forked child, as root, before exec: cgroup, rlimits, then drop to uid."""
        if self.cgroup is not None:
            self.cgroup.join(os.getpid())
        cpu = math.ceil(limits.time_limit_s) + 1
        memory = limits.memory_limit_mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size_limit_bytes,) * 2)
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files_max,) * 2)
        resource.setrlimit(resource.RLIMIT_STACK, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if os.geteuid() == 0:
            os.setgroups([])
            os.setresgid(self.gid, self.gid, self.gid)
            os.setresuid(self.uid, self.uid, self.uid)

    def _execute(
        self,
        command: list[str],
        limits: Limits,
        stdin_path: Path,
        interaction: Interaction | None,
        *,
        cwd: str,
        status_fd: bool,
    ) -> RunResult:
        memory_bytes = limits.memory_limit_mib * 1024 * 1024
        if self.cgroup is not None:
            if not self.cgroup.kill_all():
                return _internal_error("processes of an earlier run are still alive")
            self.cgroup.reset(memory_bytes, limits.pids_max)
        pass_fds: list[int] = []
        status_read = status_write = seccomp_read = -1
        if status_fd:
            status_read, status_write = os.pipe()
            pass_fds.append(status_write)
            command[1:1] = ["--json-status-fd", str(status_write)]
        if self.seccomp_filter is not None and status_fd:
            seccomp_read, seccomp_write = os.pipe()
            # The filter is small (well under the pipe buffer), so this write does not block.
            os.write(seccomp_write, self.seccomp_filter)
            os.close(seccomp_write)
            pass_fds.append(seccomp_read)
            command[1:1] = ["--seccomp", str(seccomp_read)]
        # The launcher does in the child what _child_setup would, so Popen can vfork instead
        # of forking this whole process for a preexec_fn (judge.launcher says why).
        prefix = self._launcher_prefix(limits)
        setup = None if prefix else functools.partial(self._child_setup, limits)
        cpu_before = _children_cpu()
        start = time.monotonic()
        try:
            with open(stdin_path, "rb") as stdin_file:
                process = subprocess.Popen(
                    [*prefix, *command],
                    stdin=stdin_file if interaction is None else subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    cwd=cwd,
                    pass_fds=pass_fds,
                    env=_SANDBOX_ENV if not status_fd else {},
                    preexec_fn=setup,
                    start_new_session=True,
                )
        except OSError as error:
            return _internal_error(f"cannot start the sandbox: {error}")
        finally:
            for fd in (status_write, seccomp_read):
                if fd >= 0:
                    os.close(fd)
        stdout, stderr, reason = self._watch(process, limits, start, interaction)
        wall_s = time.monotonic() - start
        if self.cgroup is not None:
            self.cgroup.kill_all()
        started = True
        if status_fd:
            box_init = _read_status(status_read)
            started = box_init is not None
            _reap(box_init)
        returncode = process.returncode
        cpu_s = self.cgroup.cpu_s() if self.cgroup else _children_cpu() - cpu_before
        memory_kb = (self.cgroup.memory_peak_bytes() // 1024) if self.cgroup else 0
        oom = self.cgroup.oom_killed() if self.cgroup else False
        exit_code, sig = _decode(returncode, through_bwrap=status_fd)
        if not started:
            return _internal_error(
                "the sandbox failed to start: " + stderr.data.decode("utf-8", "replace").strip()
            )
        if reason == "OLE" or stdout.total > limits.output_limit_bytes:
            status = Status.OLE
        elif oom or (exit_code != 0 and memory_kb * 1024 >= memory_bytes * 0.97):
            # Checked before time: a program at its memory ceiling spends its CPU in the
            # kernel's page reclaim, so on a busy machine the time limit can trip first.
            status = Status.MLE
        elif reason == "TLE" or cpu_s > limits.time_limit_s or sig == signal.SIGXCPU:
            status = Status.TLE
        elif exit_code != 0:
            status = Status.RE
        else:
            status = Status.OK
        return RunResult(
            status=status,
            exit_code=exit_code,
            signal=sig,
            cpu_s=cpu_s,
            wall_s=wall_s,
            memory_kb=memory_kb,
            stdout=bytes(stdout.data),
            stderr=bytes(stderr.data),
        )

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        """Kill the run.  The box's processes die first, so that bwrap (our child) reaps the
        box's init itself; killing bwrap first would leave that init a zombie for the host's
        init to reap, whenever it gets to it."""
        if self.cgroup is not None:
            for _ in range(50):
                _kill_inside(self.cgroup, keep=process.pid)
                try:
                    process.wait(timeout=0.01)
                    return
                except subprocess.TimeoutExpired:
                    continue
        process.kill()
        process.wait()

    def _watch(
        self,
        process: subprocess.Popen[bytes],
        limits: Limits,
        start: float,
        interaction: Interaction | None,
    ) -> tuple[_Capture, _Capture, str | None]:
        """Drain both pipes under the caps while checking the wall and CPU limits; with an
        interaction, also feed stdin and stop the run at the interaction's CPU deadline."""
        assert process.stdout is not None and process.stderr is not None
        stdout = _Capture(limits.output_limit_bytes)
        stderr = _Capture(limits.stderr_limit_bytes)
        captures = {process.stdout.fileno(): stdout, process.stderr.fileno(): stderr}
        reason: str | None = None
        selector = selectors.DefaultSelector()
        for pipe in (process.stdout, process.stderr):
            os.set_blocking(pipe.fileno(), False)
            selector.register(pipe, selectors.EVENT_READ)
        clock = self._cpu_clock(process, interaction)
        feeder = None
        if interaction is not None:
            assert process.stdin is not None
            feeder = InputFeeder(process.stdin, interaction, selector)
        deadline = start + limits.wall_s
        try:
            while selector.get_map():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    reason = "TLE"
                    break
                timeout = min(remaining, 0.05)
                cpu_deadline = interaction.cpu_deadline_s() if interaction else None
                if cpu_deadline is not None and clock is not None:
                    # Wake before the deadline can pass, at worst with every core busy.
                    timeout = min(timeout, max(0.002, (cpu_deadline - clock()) / _CORES))
                for key, _ in selector.select(timeout=timeout):
                    if feeder is not None and key.fileobj is feeder.pipe:
                        feeder.write()
                        continue
                    fd = key.fd
                    try:
                        chunk = os.read(fd, 65536)
                    except BlockingIOError:
                        continue
                    if not chunk:
                        selector.unregister(key.fileobj)
                        continue
                    captures[fd].add(chunk)
                    if feeder is not None and captures[fd] is stdout and clock is not None:
                        feeder.interaction.on_output(chunk, clock())
                        feeder.refill()
                if stdout.total > limits.output_limit_bytes or (
                    stderr.total > limits.output_limit_bytes
                ):
                    reason = "OLE"
                    break
                if interaction is not None and interaction.stop_reason is not None:
                    reason = "TLE" if interaction.stop_reason == "TLE" else "stopped"
                    break
                if clock is None:
                    continue
                cpu_s = clock()
                cpu_deadline = interaction.cpu_deadline_s() if interaction else None
                if cpu_deadline is not None and cpu_s > cpu_deadline:
                    assert interaction is not None
                    interaction.on_deadline(cpu_s)
                    reason = "TLE"
                    break
                if cpu_s > limits.time_limit_s + 0.05:
                    reason = "TLE"
                    break
        finally:
            if feeder is not None:
                feeder.close()
            selector.close()
        if reason is not None:
            self._stop(process)
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            reason = reason or "TLE"
            self._stop(process)
        process.stdout.close()
        process.stderr.close()
        return stdout, stderr, reason

    def _cpu_clock(
        self, process: subprocess.Popen[bytes], interaction: Interaction | None
    ) -> Callable[[], float] | None:
        """The box's CPU clock: the slot cgroup's, else (unsafe mode) the run's session's,
        which is read from /proc only for an interaction (the run's rlimits bound the rest)."""
        if self.cgroup is not None:
            return self.cgroup.cpu_s
        if interaction is not None:
            return functools.partial(process_tree_cpu_s, process.pid)
        return None


def _place(part: str, paths: Mapping[str, str]) -> str:
    """Replace the ``{src}``, ``{build}`` and ``{work}`` placeholders (and nothing else)."""
    for name, path in paths.items():
        part = part.replace("{" + name + "}", path)
    return part


def _kill_inside(cgroup: cgroups.SlotCgroup, keep: int) -> None:
    for pid in cgroup.pids():
        if pid != keep:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _become_subreaper() -> None:
    """Adopt the box's init when bwrap exits before reaping it, so that we can reap it.

    bwrap's outer process exits as soon as it knows the exit status, leaving the box's init to
    the host's init; a host init that does not reap (common in containers) collects zombies.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap(pid: int | None) -> None:
    if pid is None:
        return
    # ChildProcessError: not adopted by us, so the host's init reaps it.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _read_status(fd: int) -> int | None:
    """The host pid of the box's init, if bwrap reported that the program started."""
    chunks = []
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    for line in b"".join(chunks).decode("utf-8", "replace").splitlines():
        try:
            pid = json.loads(line).get("child-pid")
        except (ValueError, AttributeError):
            continue
        if isinstance(pid, int):
            return pid
    return None


def _decode(returncode: int | None, *, through_bwrap: bool) -> tuple[int | None, int | None]:
    """(exit code, signal); bwrap reports a child killed by signal N as exit code 128 + N."""
    if returncode is None:
        return None, None
    if returncode < 0:
        return None, -returncode
    if through_bwrap and 128 < returncode < 128 + 65:
        return None, returncode - 128
    return returncode, None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _internal_error(message: str) -> RunResult:
    return RunResult(Status.IE, None, None, 0.0, 0.0, 0, b"", b"", message=message)


def remove_tree(path: Path) -> None:
    """Delete a build folder without following links planted in it."""
    shutil.rmtree(path, ignore_errors=True)
