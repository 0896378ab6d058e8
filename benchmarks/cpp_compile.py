"""C++ compile time of a function-style submission, with and without the precompiled
``<bits/stdc++.h>`` (median of N compiles in the sandbox, same process, same flags).

Run as root: PYTHONPATH=src python benchmarks/cpp_compile.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from barraiser.content.problems import load_problem
from barraiser.judge.languages import LANGUAGES
from barraiser.judge.languages import cpp as cpp_module
from barraiser.judge.result import Status
from barraiser.judge.sandbox import Sandbox, remove_tree, runs_root


def median_compile_s(
    language: cpp_module.Cpp, box: Sandbox, files: dict[str, bytes], runs: int
) -> float:
    samples = []
    for _ in range(runs):
        build = Path(tempfile.mkdtemp(prefix="build-", dir=runs_root()))
        try:
            start = time.perf_counter()
            result = language.compile_in(box, files, build)
            samples.append(time.perf_counter() - start)
            assert result.status is Status.OK, result
        finally:
            remove_tree(build)
    return statistics.median(samples)


class _NoPch(cpp_module.Cpp):
    def compile_binds(self) -> dict[str, Path]:
        return {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    problem = load_problem("two-sum")
    assert problem.problem.signature is not None
    source = (problem.folder / "solutions" / "reference.cpp").read_text()
    text = LANGUAGES["cpp"].harness(problem.problem.signature, source)
    files = {name: body.encode() for name, body in text.items()}
    box = Sandbox(0)
    start = time.perf_counter()
    folder = cpp_module.precompiled_header_dir()
    print(f"precompiled header: {folder} (ready in {time.perf_counter() - start:.2f} s)")
    without = median_compile_s(_NoPch(), box, files, args.runs)
    with_pch = median_compile_s(cpp_module.Cpp(), box, files, args.runs)
    print(
        f"two-sum C++ reference + harness, median of {args.runs} sandboxed compiles: "
        f"without PCH {without:.2f} s, with PCH {with_pch:.2f} s (x{without / with_pch:.1f})"
    )


if __name__ == "__main__":
    main()
