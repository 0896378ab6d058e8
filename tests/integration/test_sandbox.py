"""The judge's sandbox, on the real thing: bubblewrap, the slot cgroup, rlimits and seccomp.

Needs root (to drop to the slot user and manage the slot cgroup) and bubblewrap; ``make test``
provides both and sets ``BARRAISER_REQUIRE_SANDBOX=1`` so that a missing sandbox fails instead
of skipping.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pwd
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from barraiser.judge.languages import LANGUAGES, execute, self_test
from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.sandbox import Sandbox, SandboxUnavailable

CASES_DIR = Path(__file__).resolve().parent.parent / "judge_cases"
_EXTENSIONS = {".py": "python", ".cpp": "cpp", ".java": "java"}
FAST = Limits(time_limit_s=1.0, memory_limit_mib=64)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    try:
        box = Sandbox(0)
    except SandboxUnavailable as error:
        if os.environ.get("BARRAISER_REQUIRE_SANDBOX") == "1":
            pytest.fail(f"the sandbox is required: {error}")
        pytest.skip(f"no sandbox here: {error}")
    yield box


def _slot_processes(sandbox: Sandbox) -> list[int]:
    """Every process on the host that runs as the slot user."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        match = re.search(r"^Uid:\s+(\d+)", status, re.MULTILINE)
        if match and int(match.group(1)) == sandbox.uid:
            found.append(int(entry.name))
    return found


def _assert_all_dead(sandbox: Sandbox) -> None:
    assert sandbox.cgroup is not None
    assert sandbox.cgroup.pids() == []
    assert _slot_processes(sandbox) == []


def py(sandbox: Sandbox, code: str, limits: Limits = FAST, stdin: bytes = b"") -> RunResult:
    return execute(LANGUAGES["python"], sandbox, code.encode(), stdin=stdin, limits=limits)


def test_runs_as_unprivileged_slot_user(sandbox: Sandbox) -> None:
    assert sandbox.uid != 0
    assert pwd.getpwuid(sandbox.uid).pw_name == "barraiser-sb0"
    result = py(sandbox, "import os; print(os.getuid() != 0 or 'mapped')")
    assert result.status is Status.OK, result
    assert sandbox.isolation["seccomp"] is True


@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_hello_world_ok(sandbox: Sandbox, name: str) -> None:
    ok, result = self_test(LANGUAGES[name], sandbox)
    assert ok, result
    assert result.exit_code == 0 and result.signal is None
    assert result.memory_kb > 0 and result.wall_s > 0


def test_busy_loop_is_tle_on_cpu(sandbox: Sandbox) -> None:
    result = py(sandbox, "while True: pass", dataclasses.replace(FAST, time_limit_s=0.5))
    assert result.status is Status.TLE
    assert 0.5 <= result.cpu_s < 1.5
    _assert_all_dead(sandbox)


def test_sleep_is_tle_on_wall(sandbox: Sandbox) -> None:
    limits = dataclasses.replace(FAST, wall_limit_s=0.7)
    result = py(sandbox, "import time; time.sleep(30)", limits)
    assert result.status is Status.TLE
    assert result.cpu_s < 0.3 and 0.7 <= result.wall_s < 2
    _assert_all_dead(sandbox)


def test_heap_bomb_is_mle(sandbox: Sandbox) -> None:
    result = py(sandbox, "a = []\nwhile True: a.append(bytearray(1 << 20))")
    assert result.status is Status.MLE
    assert result.memory_kb >= 60 * 1024


def test_output_flood_is_ole(sandbox: Sandbox) -> None:
    limits = dataclasses.replace(FAST, output_limit_bytes=100_000)
    result = py(sandbox, "import sys\nwhile True: sys.stdout.write('x' * 4096)", limits)
    assert result.status is Status.OLE
    assert len(result.stdout) <= 100_000


def test_exit_code_is_re(sandbox: Sandbox) -> None:
    result = py(sandbox, "import sys; print('partial'); sys.exit(3)")
    assert (result.status, result.exit_code, result.signal) == (Status.RE, 3, None)
    assert result.stdout == b"partial\n"


def test_signal_is_re(sandbox: Sandbox) -> None:
    code = "#include <cstdio>\nint main() { volatile int *p = nullptr; return *p; }\n"
    result = execute(LANGUAGES["cpp"], sandbox, code.encode(), limits=FAST)
    assert (result.status, result.exit_code, result.signal) == (Status.RE, None, 11)


def test_uncaught_exception_is_re_with_stderr(sandbox: Sandbox) -> None:
    result = py(sandbox, "raise ValueError('boom')")
    assert result.status is Status.RE and result.exit_code == 1
    assert b"ValueError: boom" in result.stderr


def test_fork_bomb_contained_and_dead_afterwards(sandbox: Sandbox) -> None:
    code = "import os\nwhile True:\n    try: os.fork()\n    except OSError: pass\n"
    limits = dataclasses.replace(FAST, time_limit_s=0.5, pids_max=16)
    result = py(sandbox, code, limits)
    assert result.status is Status.TLE
    _assert_all_dead(sandbox)
    assert py(sandbox, "print(6 * 7)").stdout == b"42\n"


def test_daemonised_child_does_not_outlive_the_run(sandbox: Sandbox) -> None:
    code = (
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n"
        "        time.sleep(30)\n"
        "    os._exit(0)\n"
        "print('parent done')\n"
    )
    result = py(sandbox, code)
    assert result.status is Status.OK and result.stdout == b"parent done\n"
    assert result.wall_s < 1.5
    _assert_all_dead(sandbox)


def test_cannot_read_host_secrets(sandbox: Sandbox, tmp_path: Path) -> None:
    project_file = Path(__file__).resolve()  # a host file under /work
    assert project_file.read_text()
    code = (
        "import os\n"
        f"for path in ['/root', '/etc/shadow', '/etc/passwd', {str(project_file)!r}, "
        f"{str(project_file.parent)!r}, {str(tmp_path)!r}, '/home', '/tmp']:\n"
        "    try:\n"
        "        found = os.listdir(path) if os.path.isdir(path) else open(path).read(10)\n"
        "        print(path, 'READ', found)\n"
        "    except OSError as error:\n"
        "        print(path, 'denied', error.errno)\n"
    )
    result = py(sandbox, code)
    assert result.status is Status.OK, result
    assert b"READ" not in result.stdout, result.stdout.decode()


def test_no_network_to_host_loopback(sandbox: Sandbox) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.2)
        port = server.getsockname()[1]
        code = (
            "import socket\n"
            "try:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=1)\n"
            "    print('CONNECTED')\n"
            "except OSError as error:\n"
            "    print('refused', error.errno)\n"
        )
        result = py(sandbox, code)
        with pytest.raises(TimeoutError):
            server.accept()
    assert result.status is Status.OK, result
    assert result.stdout.startswith(b"refused")


def test_writing_outside_the_box_fails(sandbox: Sandbox) -> None:
    marker = "barraiser-escape-marker"
    code = (
        "import os\n"
        f"for path in ['/{marker}', '/usr/{marker}', '/src/{marker}', '/tmp/{marker}', "
        f"'/etc/{marker}', '/proc/{marker}']:\n"
        "    try:\n"
        "        open(path, 'w').write('x')\n"
        "        print(path, 'WROTE')\n"
        "    except OSError as error:\n"
        "        print(path, 'denied', error.errno)\n"
        "open('/box/ok', 'w').write('fine')\n"
    )
    result = py(sandbox, code)
    assert result.status is Status.OK, result
    assert b"WROTE" not in result.stdout, result.stdout.decode()
    for folder in ("/", "/usr", "/tmp", "/etc"):
        assert not (Path(folder) / marker).exists()


def test_compile_error_is_ce(sandbox: Sandbox) -> None:
    result = execute(LANGUAGES["cpp"], sandbox, b"int main( {\n", limits=FAST)
    assert result.status is Status.CE
    assert b"error" in result.stderr


def _case_header(path: Path) -> tuple[str, Limits]:
    text = path.read_text()
    expect = re.search(r"expect:\s*(\w+)", text)
    assert expect, f"{path.name} has no 'expect:' line"
    limits = FAST
    found = re.search(r"limits:\s*time=([\d.]+)\s+memory=(\d+)", text)
    if found:
        limits = dataclasses.replace(
            FAST, time_limit_s=float(found.group(1)), memory_limit_mib=int(found.group(2))
        )
    return expect.group(1), limits


CASES = sorted(p for p in CASES_DIR.iterdir() if p.suffix in _EXTENSIONS)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_judge_case(sandbox: Sandbox, path: Path) -> None:
    expected, limits = _case_header(path)
    language = LANGUAGES[_EXTENSIONS[path.suffix]]
    result = execute(language, sandbox, path.read_bytes(), limits=limits)
    assert result.status == expected, result
    _assert_all_dead(sandbox)
    # The next submission is judged correctly.
    assert py(sandbox, "print(input()[::-1])", stdin=b"abc\n").stdout == b"cba\n"


def test_refuses_without_bubblewrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("barraiser.judge.sandbox.BWRAP", "/nonexistent/bwrap")
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        Sandbox(0)


def test_unsafe_mode_warns_loudly(capsys: pytest.CaptureFixture[str]) -> None:
    box = Sandbox(1, unsafe=True)
    assert "WITHOUT a sandbox" in capsys.readouterr().err
    result = execute(LANGUAGES["python"], box, b"print(input())", stdin=b"hi\n", limits=FAST)
    assert result.status is Status.OK and result.stdout == b"hi\n"


def test_cli_judge_run_prints_one_json_object(sandbox: Sandbox, tmp_path: Path) -> None:
    program = tmp_path / "main.py"
    program.write_text("print(sum(map(int, input().split())))\n")
    data = tmp_path / "in.txt"
    data.write_text("2 40\n")
    out = subprocess.run(
        [sys.executable, "-m", "barraiser", "judge", "run", str(program), "--lang", "python",
         "--stdin", str(data), "--time-limit", "1", "--memory-limit", "64", "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    payload = json.loads(out.stdout)
    assert set(payload) == {
        "status", "exit_code", "signal", "cpu_s", "wall_s", "memory_kb", "stdout", "stderr",
    }  # fmt: skip
    assert payload["status"] == "OK" and payload["stdout"] == "42\n"


def test_cli_judge_doctor(sandbox: Sandbox) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "barraiser", "judge", "doctor", "--json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["cgroup_version"] in (1, 2) and report["seccomp"] is True
    assert all(entry["ok"] for entry in report["languages"].values())


def test_only_known_placeholders_are_replaced(sandbox: Sandbox) -> None:
    result = sandbox.run(["/usr/bin/python3", "-c", "print({'x': '{src}'})"], limits=FAST)
    assert result.status is Status.OK and result.stdout == b"{'x': '/src'}\n"
