"""Per-run overhead of the sandbox against the same program unsandboxed (median of N runs),
started through the C launcher (vfork) and through a Python preexec_fn (fork), side by side.

The judge runs inside the web server, which holds the grading models (several hundred MiB):
``--ballast-mib`` (default 500) fills this process to a like size, since a fork's cost grows
with it and vfork's does not.

Run as root: PYTHONPATH=src python benchmarks/sandbox_overhead.py [--ballast-mib 500]
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballast-mib", type=int, default=500)
    args = parser.parse_args()
    ballast = bytearray(args.ballast_mib * 1024 * 1024)
    for i in range(0, len(ballast), 4096):  # touch every page: a fork copies their tables
        ballast[i] = 1
    sandbox = Sandbox(1)
    limits = Limits(time_limit_s=2, memory_limit_mib=256)
    build = Path(tempfile.mkdtemp(dir=runs_root()))
    try:
        (build / "main.cpp").write_text("int main() {}\n")
        subprocess.run(
            ["g++", "-O2", "-o", str(build / "main"), str(build / "main.cpp")], check=True
        )
        build.chmod(0o755)
        bare_py = median_ms(lambda: subprocess.run(["/usr/bin/python3", "-c", "pass"], check=True))
        bare_cpp = median_ms(lambda: subprocess.run([str(build / "main")], check=True))
        print(f"process size: {args.ballast_mib} MiB of ballast; bare python3 -c pass "
              f"{bare_py:.1f} ms, bare C++ empty main {bare_cpp:.1f} ms")  # fmt: skip
        rows = {}
        for mode, use_launcher in (("launcher (vfork)", True), ("preexec_fn (fork)", False)):
            sandbox.use_launcher = use_launcher
            py = median_ms(lambda: sandbox.run(["/usr/bin/python3", "-c", "pass"], limits=limits))
            cpp = median_ms(lambda: sandbox.run(["{build}/main"], limits=limits, build_dir=build))
            rows[mode] = (py, cpp)
            print(f"{mode:18}: python3 -c pass {py:.1f} ms (+{py - bare_py:.1f}), "
                  f"C++ empty main {cpp:.1f} ms (+{cpp - bare_cpp:.1f})")  # fmt: skip
        (lp, lc), (fp, fc) = rows.values()
        print(f"launcher / preexec_fn: python {lp / fp:.2f}, C++ {lc / fc:.2f}; "
              f"extra over a bare C++ run {(lc - bare_cpp) / (fc - bare_cpp):.2f}")  # fmt: skip
    finally:
        shutil.rmtree(build)


if __name__ == "__main__":
    main()
