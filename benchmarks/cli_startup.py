"""Time `barraiser --help` against a bare interpreter start, in the same run.

Usage: python benchmarks/cli_startup.py [--runs N]
Prints the median wall time of each command and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def median_time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    baseline = median_time([sys.executable, "-c", "pass"], args.runs)
    cases = {
        "barraiser --help": [sys.executable, "-m", "barraiser", "--help"],
        "barraiser --version": [sys.executable, "-m", "barraiser", "--version"],
        "barraiser questions list --json": [
            sys.executable,
            "-m",
            "barraiser",
            "questions",
            "list",
            "--json",
        ],
    }
    print(f"{'command':36} {'median s':>9} {'x python -c pass':>17}")
    print(f"{'python -c pass (baseline)':36} {baseline:9.3f} {1.0:17.1f}")
    for name, cmd in cases.items():
        t = median_time(cmd, args.runs)
        print(f"{name:36} {t:9.3f} {t / baseline:17.1f}")


if __name__ == "__main__":
    main()
