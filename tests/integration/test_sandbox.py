"""The judge's sandbox, on the real thing: bubblewrap, the slot cgroup, rlimits and seccomp.

Needs root (to drop to the slot user and manage the slot cgroup) and bubblewrap; ``make test``
provides both and sets ``BARRAISER_REQUIRE_SANDBOX=1`` so that a missing sandbox fails instead
of skipping.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pwd
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from barraiser.config import Settings
from barraiser.content.problems import LoadedProblem, load_problem
from barraiser.judge.hidden import hidden_tests
from barraiser.judge.languages import LANGUAGES, CompiledLanguage, execute, self_test
from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.runner import judge
from barraiser.judge.sandbox import Sandbox, SandboxUnavailable
from barraiser.store import init_store

CASES_DIR = Path(__file__).resolve().parent.parent / "judge_cases"
_EXTENSIONS = {lang.extension: name for name, lang in LANGUAGES.items()}
_PROBLEM = re.compile(r"^(?:#|//) problem:\s*([a-z0-9-]+)", re.MULTILINE)
_MESSAGE = re.compile(r"^(?:#|//) message:\s*(.+)$", re.MULTILINE)
FAST = Limits(time_limit_s=1.0, memory_limit_mib=64)


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
DB_SECRET = "barraiser-db-secret-7d41"


@dataclasses.dataclass(frozen=True)
class HostData:
    """A data folder on the host as a real install has it: the SQLite database and the
    hidden-test cache.  World readable on purpose, so that only the box's mount namespace keeps
    a program from reading it."""

    data_dir: Path
    database: Path
    hidden_file: Path

    @property
    def placeholders(self) -> dict[str, str]:
        return {
            "@DATA_DIR@": str(self.data_dir),
            "@DATABASE@": str(self.database),
            "@HIDDEN_DIR@": str(self.hidden_file.parent),
            "@HIDDEN_FILE@": str(self.hidden_file),
        }

    def secrets(self) -> list[bytes]:
        """Bytes that appear in the host files and must never appear in a program's output."""
        tests = json.loads(self.hidden_file.read_text())["tests"]
        return [
            DB_SECRET.encode(),
            b"SQLite format 3",
            b'"problem": "two-sum"',
            json.dumps(tests[-1]["args"]).encode()[:40],
        ]

    def digest(self) -> dict[str, str]:
        """A fingerprint of every file of the data folder (the host must stay untouched)."""
        return {
            str(path): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.data_dir.rglob("*"))
            if path.is_file()
        }


@pytest.fixture(scope="module")
def host_data() -> Iterator[HostData]:
    root = Path(tempfile.mkdtemp(prefix="barraiser-attack-", dir="/tmp"))
    try:
        data_dir = root / "data"
        database = data_dir / "barraiser.db"
        store = init_store(Settings(data_dir=data_dir, database_url=f"sqlite:///{database}"))
        store.close()
        with sqlite3.connect(database) as connection:
            connection.execute("CREATE TABLE attack_marker (value TEXT)")
            connection.execute("INSERT INTO attack_marker VALUES (?)", (DB_SECRET,))
        hidden_tests(load_problem("two-sum"), data_dir / "cache" / "tests")
        hidden_file = next((data_dir / "cache" / "tests").glob("two-sum-*.json"))
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield HostData(data_dir, database, hidden_file)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _case_source(path: Path, host_data: HostData) -> bytes:
    source = path.read_text()
    for placeholder, value in host_data.placeholders.items():
        source = source.replace(placeholder, value)
    return source.encode()


def _with_time_limit(problem: LoadedProblem, limits: Limits) -> LoadedProblem:
    """``problem`` with the case's per-test limits, the same for every language."""
    problem_limits = problem.problem.limits.model_copy(
        update={
            "time_limit_s": limits.time_limit_s,
            "memory_limit_mib": limits.memory_limit_mib,
            "multipliers": dict.fromkeys(LANGUAGES, 1.0),
        }
    )
    changed = problem.problem.model_copy(update={"limits": problem_limits})
    return dataclasses.replace(problem, problem=changed)


def _judge_problem_case(sandbox: Sandbox, path: Path, problem_id: str) -> None:
    """A solution of a function-style problem, judged through the harness on its samples; a
    TLE must show the host's measured time, at least the limit."""
    expected, limits = _case_header(path)
    problem = _with_time_limit(load_problem(problem_id), limits)
    judgement = judge(problem, path.read_text(), _EXTENSIONS[path.suffix], "run", sandbox=sandbox)
    data = judgement.to_dict()
    assert judgement.verdict == expected, data
    failure = judgement.first_failure
    if expected == "TLE":
        assert failure is not None and failure.time_s >= limits.time_limit_s, data
    message = _MESSAGE.search(path.read_text())
    if message:
        assert failure is not None and message.group(1) in failure.message, data
    _assert_all_dead(sandbox)
    assert py(sandbox, "print(input()[::-1])", stdin=b"abc\n").stdout == b"cba\n"


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_judge_case(sandbox: Sandbox, host_data: HostData, path: Path) -> None:
    problem_id = _PROBLEM.search(path.read_text())
    if problem_id:
        _judge_problem_case(sandbox, path, problem_id.group(1))
        return
    expected, limits = _case_header(path)
    language = LANGUAGES[_EXTENSIONS[path.suffix]]
    before = host_data.digest()
    result = execute(language, sandbox, _case_source(path, host_data), limits=limits)
    assert result.status == expected, result
    for secret in host_data.secrets():
        assert secret not in result.stdout + result.stderr, (secret, result)
    _assert_all_dead(sandbox)
    # The host is untouched: the project's data folder is as it was.
    assert host_data.digest() == before
    # The next submission is judged correctly.
    assert py(sandbox, "print(input()[::-1])", stdin=b"abc\n").stdout == b"cba\n"
    if expected == "CE" and isinstance(language, CompiledLanguage):
        # A compile-time bomb stops within the compile limits, output capped ...
        compile_limits = language.compile_limits
        assert result.wall_s <= compile_limits.wall_s + 1, result
        assert result.cpu_s <= compile_limits.time_limit_s + 1, result
        assert len(result.stderr) <= limits.stderr_limit_bytes
        # ... and the next compile is judged correctly.
        ok, after = self_test(language, sandbox)
        assert ok, after


def test_case_placeholders_reach_the_host_data(host_data: HostData) -> None:
    """The data-folder cases look where the data really is (else they would prove nothing)."""
    assert host_data.database.read_bytes().startswith(b"SQLite format 3")
    assert DB_SECRET.encode() in host_data.database.read_bytes() + b"".join(
        p.read_bytes() for p in host_data.data_dir.glob("barraiser.db-wal")
    )
    assert host_data.hidden_file.stat().st_mode & 0o004
    for name in ("project_database.py", "hidden_tests_cache.py", "host_files.js"):
        source = _case_source(CASES_DIR / name, host_data).decode()
        assert not re.search(r"@[A-Z_]+@", source)
        assert str(host_data.data_dir) in source


def test_refuses_without_bubblewrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("barraiser.judge.sandbox.BWRAP", "/nonexistent/bwrap")
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        Sandbox(0)


def test_unsafe_mode_warns_loudly(capsys: pytest.CaptureFixture[str]) -> None:
    box = Sandbox(1, unsafe=True)
    assert "WITHOUT a sandbox" in capsys.readouterr().err
    result = execute(LANGUAGES["python"], box, b"print(input())", stdin=b"hi\n", limits=FAST)
    assert result.status is Status.OK and result.stdout == b"hi\n"


def test_unsafe_mode_times_function_tests_on_the_process_clock() -> None:
    """Without a cgroup the host reads the run's processes' CPU times from /proc: the forged
    clocks change nothing there either, and an honest solution is accepted."""
    box = Sandbox(1, unsafe=True)
    path = CASES_DIR / "forged_clock.py"
    _, limits = _case_header(path)
    problem = _with_time_limit(load_problem("two-sum"), limits)
    forged = judge(problem, path.read_text(), "python", "run", sandbox=box)
    assert forged.verdict == "TLE", forged.to_dict()
    assert forged.tests[0].time_s >= limits.time_limit_s
    reference = (problem.folder / "solutions" / "reference.py").read_text()
    honest = judge(problem, reference, "python", "run", sandbox=box)
    assert honest.verdict == "AC", honest.to_dict()
    assert all(0 <= t.time_s < limits.time_limit_s for t in honest.tests)


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
