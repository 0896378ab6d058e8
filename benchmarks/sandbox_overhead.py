"""Per-run overhead of the sandbox against the same program unsandboxed (median of N runs).

Run as root: PYTHONPATH=src python benchmarks/sandbox_overhead.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from barraiser.judge.result import Limits
from barraiser.judge.sandbox import Sandbox, runs_root

RUNS = 40


def median_ms(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    sandbox = Sandbox(1)
    limits = Limits(time_limit_s=2, memory_limit_mib=256)
    bare = median_ms(lambda: subprocess.run(["/usr/bin/python3", "-c", "pass"], check=True))
    boxed = median_ms(lambda: sandbox.run(["/usr/bin/python3", "-c", "pass"], limits=limits))
    print(f"python3 -c pass: bare {bare:.1f} ms, sandboxed {boxed:.1f} ms "
          f"(+{boxed - bare:.1f} ms, x{boxed / bare:.2f})")  # fmt: skip
    build = Path(tempfile.mkdtemp(dir=runs_root()))
    try:
        (build / "main.cpp").write_text("int main() {}\n")
        subprocess.run(
            ["g++", "-O2", "-o", str(build / "main"), str(build / "main.cpp")], check=True
        )
        build.chmod(0o755)
        bare = median_ms(lambda: subprocess.run([str(build / "main")], check=True))
        boxed = median_ms(lambda: sandbox.run(["{build}/main"], limits=limits, build_dir=build))
        print(
            f"C++ empty main: bare {bare:.1f} ms, sandboxed {boxed:.1f} ms (+{boxed - bare:.1f} ms)"
        )
    finally:
        shutil.rmtree(build)


if __name__ == "__main__":
    main()
