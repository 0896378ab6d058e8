"""The judge's use of the host's disk: a compile writes only into a size-capped tmpfs, the run
folders of a killed judge are removed at the next start, and no submit waits for the C++
precompiled header to be built."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from barraiser.judge import scratch
from barraiser.judge.languages import LANGUAGES, CompiledLanguage, execute, self_test
from barraiser.judge.languages import cpp as cpp_module
from barraiser.judge.prepare import prepare
from barraiser.judge.result import Limits, Status
from barraiser.judge.sandbox import Sandbox

CASES_DIR = Path(__file__).parents[1] / "judge_cases"
FLOOD_NAME = "class_file_flood.java"
FLOOD = (CASES_DIR / FLOOD_NAME).read_bytes()
LIMITS = Limits(time_limit_s=2.0, memory_limit_mib=256)
HELLO_CPP = b'#include <cstdio>\nint main() { std::puts("hi"); }\n'


def _disk_bytes(root: Path) -> int:
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_blocks * 512
            except OSError:
                continue
    return total


@pytest.fixture
def runs_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runs root of its own (traversable by the slot users, like the real one)."""
    root = Path(tempfile.mkdtemp(prefix="barraiser-judge-test-", dir="/tmp"))
    root.chmod(0o711)
    monkeypatch.setattr(scratch, "RUNS_ROOT", str(root))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_a_class_file_flood_is_ce_and_never_reaches_the_host_disk(
    sandbox: Sandbox, runs_dir: Path
) -> None:
    """18 KB of Java make javac write 122 MB of class files, each under the per-file limit;
    the compile's output tmpfs stops it, and the host's folder never holds more than the cap."""
    java = LANGUAGES["java"]
    assert isinstance(java, CompiledLanguage)
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _disk_bytes(runs_dir))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = execute(java, sandbox, FLOOD, limits=LIMITS)
    finally:
        done.set()
        watcher.join()
    assert result.status is Status.CE, result
    assert b"No space left on device" in result.stderr
    assert f"at most {java.compile_output_mib} MiB of output".encode() in result.stderr
    assert peak < 1024 * 1024, peak  # the host folder held the run's files only
    # Nothing of the run is left but this process's (empty) folder and its lock.
    leftovers = [p for p in runs_dir.rglob("*") if not p.name.startswith(("p", "slot"))]
    assert leftovers == []
    ok = execute(LANGUAGES["cpp"], sandbox, HELLO_CPP, limits=LIMITS)
    assert ok.status is Status.OK and ok.stdout == b"hi\n", ok


def test_compiled_output_under_the_cap_still_runs(sandbox: Sandbox, runs_dir: Path) -> None:
    """A 16 MB binary (an initialised array) is below the cap: copied out, and it runs."""
    source = (
        b"#include <cstdio>\nchar big[16 << 20] = {1};\n"
        b'int main() { std::printf("%d\\n", big[0] + big[(16 << 20) - 1]); }\n'
    )
    result = execute(LANGUAGES["cpp"], sandbox, source, limits=LIMITS)
    assert result.status is Status.OK and result.stdout == b"1\n", result


def test_unsafe_mode_compiles_too(runs_dir: Path) -> None:
    box = Sandbox(1, unsafe=True)
    result = execute(LANGUAGES["cpp"], box, HELLO_CPP, limits=LIMITS)
    assert result.status is Status.OK and result.stdout == b"hi\n", result


_KILLED_JUDGE = """
import sys
from barraiser.judge import scratch
scratch.RUNS_ROOT = sys.argv[1]
from barraiser.judge.languages import LANGUAGES, execute
from barraiser.judge.result import Limits
from barraiser.judge.sandbox import Sandbox
box = Sandbox(1)
print(scratch.scratch_root(), flush=True)
execute(LANGUAGES["java"], box, open(sys.argv[2], "rb").read(), limits=Limits(time_limit_s=2))
"""

_LIVE_JUDGE = """
import sys, time
from barraiser.judge import scratch
scratch.RUNS_ROOT = sys.argv[1]
folder = scratch.scratch_root()
(folder / "build-live").mkdir()
print(folder, flush=True)
time.sleep(60)
"""


def _start(script: str, *args: str) -> tuple[subprocess.Popen[str], Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def test_a_judge_killed_mid_compile_leaves_nothing_after_the_next_start(
    sandbox: Sandbox, runs_dir: Path
) -> None:
    """kill -9 during a compile: its folder is removed at the next start, a live judge's
    folder stays, and nothing that is not a judge folder of this user is touched."""
    live, live_folder = _start(_LIVE_JUDGE, str(runs_dir))
    killed, killed_folder = _start(_KILLED_JUDGE, str(runs_dir), str(CASES_DIR / FLOOD_NAME))
    try:
        deadline = time.monotonic() + 10
        while not any(killed_folder.glob("build-*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)  # javac is writing
        assert any(killed_folder.glob("build-*")), "the compile never started"
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        (runs_dir / "keep-me").mkdir()  # not a judge folder
        (runs_dir / "p-link").symlink_to(live_folder)  # a link is never followed
        old = runs_dir / "run-legacy"
        old.mkdir()
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        # `barraiser serve` starts: the stale folders go, in the background for the header.
        done = prepare(background=True)
        assert killed_folder in done.removed and old in done.removed
        assert not killed_folder.exists() and not killed_folder.with_suffix(".lock").exists()
        assert not old.exists()
        assert live_folder.is_dir() and (live_folder / "build-live").is_dir()
        assert (runs_dir / "keep-me").is_dir() and (runs_dir / "p-link").is_symlink()
    finally:
        for process in (live, killed):
            process.kill()
            process.wait()
    # Once the live judge is gone too, its folder goes at the next start.
    assert live_folder in scratch.remove_stale_runs()
    # The box of the killed compile died with it; the sandbox judges the next program.
    ok, result = self_test(LANGUAGES["java"], Sandbox(1))
    assert ok, result


@pytest.fixture
def slow_pch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[threading.Event]:
    """No header yet, and building one takes until the test releases it."""
    release = threading.Event()
    started = threading.Event()

    def build(folder: Path) -> bool:
        started.set()
        release.wait(timeout=60)
        return False

    monkeypatch.setattr(cpp_module, "PCH_ROOT", tmp_path / "pch")
    monkeypatch.setattr(cpp_module, "_pch_dirs", {})
    monkeypatch.setattr(cpp_module, "_builder", None)
    monkeypatch.setattr(cpp_module, "_build_pch", build)
    yield started
    release.set()
    builder = cpp_module._builder
    if builder is not None:
        builder.join(timeout=10)


def test_a_submit_does_not_wait_for_the_header(sandbox: Sandbox, slow_pch: threading.Event) -> None:
    outcome: list[object] = []
    thread = threading.Thread(
        target=lambda: outcome.append(execute(LANGUAGES["cpp"], sandbox, HELLO_CPP, limits=LIMITS))
    )
    thread.start()
    thread.join(timeout=20)
    assert not thread.is_alive(), "the C++ submit waited for the precompiled header"
    result = outcome[0]
    assert getattr(result, "status", None) is Status.OK, result
    # The build started in the background, once, and is still going.
    assert slow_pch.wait(timeout=5)
    builder = cpp_module._builder
    assert builder is not None and builder.is_alive()
    assert cpp_module.start_precompiled_header_build() is builder


def test_serve_start_builds_the_header_in_the_background(slow_pch: threading.Event) -> None:
    start = time.monotonic()
    done = prepare(background=True)
    assert time.monotonic() - start < 2
    assert done.pch_building and done.pch_dir is None
    assert slow_pch.wait(timeout=5)
