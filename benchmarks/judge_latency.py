"""Judge latency of an accepted Python function-signature submission with 20 tests, and the
throughput of a pool of 2 slots (submissions per second).

The problem is two-sum with its samples plus the first hidden tests, 20 tests in all (the hidden
cache of a temporary folder holds just those).  Baselines run in the same process: the same
judgement in unsafe local mode (no sandbox) for the latency, one slot for the throughput.

Run as root: PYTHONPATH=src python benchmarks/judge_latency.py [--runs N] [--submissions M]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

from barraiser.content.problems import LoadedProblem, load_problem
from barraiser.judge.hidden import hidden_tests
from barraiser.judge.runner import judge
from barraiser.judge.sandbox import Sandbox

TESTS = 20
TARGET_MEDIAN_S = 0.3


def prepare_cache(problem: LoadedProblem, folder: Path) -> int:
    """A hidden-test cache holding only the first tests, so that samples + hidden = TESTS."""
    full = folder / "full"
    tests = hidden_tests(problem, full)
    hidden = TESTS - len(problem.problem.samples)
    path = folder / f"{problem.id}-{problem.files_digest()}.json"
    path.write_text(json.dumps({"problem": problem.id, "tests": tests[:hidden]}))
    return len(problem.problem.samples) + hidden


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def latency(
    problem: LoadedProblem, source: str, box: Sandbox, cache: Path, runs: int
) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = judge(problem, source, "python", "submit", sandbox=box, cache_dir=cache)
        samples.append(time.perf_counter() - start)
        assert result.verdict == "AC" and len(result.tests) == TESTS, result.to_dict()
    return samples


def throughput(
    problem: LoadedProblem, source: str, boxes: list[Sandbox], cache: Path, total: int
) -> float:
    """Submissions per second with one thread per slot, ``total`` submissions in all."""
    lock = threading.Lock()
    left = [total]

    def worker(box: Sandbox) -> None:
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            result = judge(problem, source, "python", "submit", sandbox=box, cache_dir=cache)
            assert result.verdict == "AC", result.to_dict()

    threads = [threading.Thread(target=worker, args=(box,)) for box in boxes]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--submissions", type=int, default=40)
    args = parser.parse_args()
    problem = load_problem("two-sum")
    source = (problem.folder / "solutions" / "reference.py").read_text()
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        count = prepare_cache(problem, cache)
        boxes = [Sandbox(0), Sandbox(1)]
        latency(problem, source, boxes[0], cache, 2)  # warm up
        unsafe = latency(problem, source, Sandbox(0, unsafe=True), cache, args.runs)
        boxed = latency(problem, source, boxes[0], cache, args.runs)
        base_med, med = statistics.median(unsafe), statistics.median(boxed)
        print(f"judge latency, two-sum, Python reference, {count} tests, {args.runs} runs:")
        print(f"  sandboxed: median {med * 1000:.0f} ms, p95 {p95(boxed) * 1000:.0f} ms "
              f"(target median <= {TARGET_MEDIAN_S * 1000:.0f} ms: "
              f"{'met' if med <= TARGET_MEDIAN_S else 'MISSED'})")  # fmt: skip
        print(f"  unsafe (no sandbox) baseline: median {base_med * 1000:.0f} ms, "
              f"p95 {p95(unsafe) * 1000:.0f} ms; sandboxed/baseline x{med / base_med:.2f} "
              f"(+{(med - base_med) * 1000:.0f} ms)")  # fmt: skip
        one = throughput(problem, source, boxes[:1], cache, args.submissions)
        two = throughput(problem, source, boxes, cache, args.submissions)
        print(f"pool throughput, {args.submissions} submissions: 1 slot {one:.2f}/s, "
              f"2 slots {two:.2f}/s (x{two / one:.2f} of 1 slot)")  # fmt: skip


if __name__ == "__main__":
    main()
