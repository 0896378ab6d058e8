"""barraiser against the DMOJ judge 4.1.0 on the same stdin/stdout problem and solutions.

One problem is made in a temporary folder (sum of N integers, 20 tests generated with a fixed
seed: 2 samples and 18 hidden tests), in barraiser's format and in DMOJ's (``init.yml`` with
the same 20 input/output files), with the same C++ and Python solutions.  DMOJ is installed
from PyPI into its own virtualenv when it is missing (``apt-get install libseccomp-dev`` first).
Each repetition runs barraiser, then DMOJ (interleaved); the table shows medians and the ratio
barraiser / DMOJ (below 1: barraiser is faster).  Rows:

- whole submission (C++ after a warm-up, Python): wall time of one CLI process that judges the
  20 tests, ``barraiser judge submit`` against ``dmoj-cli --skip-self-test -e CPP17,PY3 submit``
  (DMOJ without its start-up self-test, only the two executors loaded);
- per-test wall time: (whole submission on 20 tests - the same on the 2 samples) / 18, so the
  start-up and the compile cancel out and what is left is each judge's loop for one test;
- empty C++ main, extra over a bare run: median of one sandboxed run (barraiser ``Sandbox.run``,
  DMOJ ``Executor.launch``) minus the median of the same binary run with ``subprocess.run``,
  timed inside each judge's own Python process.

- C++ whole submission, cold: the same after ``sync`` and dropping the kernel's page cache
  (``/proc/sys/vm/drop_caches``: the compiler, the headers, Python's modules and both judges'
  files are read from the disk again), barraiser with a new data folder (so its hidden tests
  are generated again); both judges the same way, one run each per repetition.  Skipped (and
  said) when the page cache cannot be dropped (not root, a container without the right).
  barraiser's precompiled ``<bits/stdc++.h>`` is built at install (``make run``), so it is not
  part of a cold submission.

Loopback only: nothing listens.

Run as root: .venv/bin/python benchmarks/vs_dmoj.py [--repeat N] [--dmoj-venv DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DMOJ_VERSION = "4.1.0"
PROBLEM = "vs-dmoj-sum"
SEED = 20240613
SAMPLES = 2
TESTS = 20
EMPTY_RUNS = 20  # sandboxed runs of the empty main per repetition and side
BARRAISER = Path(sys.executable).with_name("barraiser")

CPP = """#include <cstdio>
int main() {
    int n;
    long long total = 0, x;
    if (scanf("%d", &n) != 1) return 0;
    for (int i = 0; i < n; i++) { scanf("%lld", &x); total += x; }
    printf("%lld\\n", total);
}
"""
PYTHON = """import sys
data = sys.stdin.buffer.read().split()
print(sum(map(int, data[1 : 1 + int(data[0])])))
"""
WRONG_PYTHON = """import sys
data = sys.stdin.buffer.read().split()
print(sum(map(int, data[1 : int(data[0])])))
"""
JAVA = """import java.io.*;
import java.util.*;
public class Reference {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken();
        int n = (int) in.nval;
        long total = 0;
        for (int i = 0; i < n; i++) { in.nextToken(); total += (long) in.nval; }
        System.out.println(total);
    }
}
"""
EMPTY_CPP = "int main() {}\n"
GENERATOR = """\"\"\"Hidden tests written by benchmarks/vs_dmoj.py (DMOJ reads the same).\"\"\"

import json
from pathlib import Path


def generate(rng):
    return json.loads((Path(__file__).parent / "tests.json").read_text())
"""

# The DMOJ side of the empty-main row, run by DMOJ's own interpreter: prints JSON lists of
# seconds (sandboxed launches, bare runs of the same binary).
DMOJ_EMPTY_RUNS = """import json, subprocess, sys, time
import yaml
from dmoj import judgeenv
judgeenv.env.update(yaml.safe_load(open(sys.argv[1])))
judgeenv.skip_self_test = True
from dmoj.executors import load_executor

executor = load_executor("CPP17").Executor("empty", b"int main() {}\\n")
boxed, bare = [], []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    process = executor.launch(time=2, memory=262144, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, wall_time=4)
    process.communicate(b"")
    boxed.append(time.perf_counter() - start)
    assert process.returncode == 0, process.returncode
    start = time.perf_counter()
    subprocess.run([executor.get_compiled_file()], check=True)
    bare.append(time.perf_counter() - start)
print(json.dumps([boxed, bare]))
"""


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def make_tests() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    tests = []
    for k in range(TESTS):
        n = rng.randint(1, 10) if k < 4 else rng.randint(1_000, 20_000)
        numbers = [rng.randint(-(10**9), 10**9) for _ in range(n)]
        text = f"{n}\n" + " ".join(map(str, numbers)) + "\n"
        tests.append((text, f"{sum(numbers)}\n"))
    return tests


def write_barraiser_problem(root: Path, tests: list[tuple[str, str]]) -> None:
    folder = root / "problems" / PROBLEM
    (folder / "solutions").mkdir(parents=True)
    samples = "".join(
        f"  - input: {json.dumps(text)}\n    expected: {json.dumps(answer)}\n"
        for text, answer in tests[:SAMPLES]
    )
    (folder / "problem.yaml").write_text(
        f"id: {PROBLEM}\ntitle: Sum of N integers\ndifficulty: easy\ntopics: [math]\n"
        "style: stdio\nchecker:\n  type: token\n"
        "limits:\n  time_limit_s: 2.0\n  memory_limit_mib: 256\n"
        'constraints:\n  - "1 <= n <= 20000"\nhints:\n  - Add them up.\n'
        f"samples:\n{samples}"
        "solutions:\n  - {file: reference.py, expect: AC}\n  - {file: reference.cpp, expect: AC}\n"
        "  - {file: Reference.java, expect: AC}\n  - {file: wrong.py, expect: WA}\n"
        'complexity:\n  time: "O(n)"\n  space: "O(1)"\n  approach_terms: [sum]\n'
    )
    (folder / "statement.md").write_text("Print the sum of the N integers.\n")
    (folder / "editorial.md").write_text("Add them up in a 64-bit integer.\n")
    (folder / "generator.py").write_text(GENERATOR)
    hidden = [{"input": text} for text, _ in tests[SAMPLES:]]
    (folder / "tests.json").write_text(json.dumps(hidden))
    (folder / "solutions" / "reference.py").write_text(PYTHON)
    (folder / "solutions" / "reference.cpp").write_text(CPP)
    (folder / "solutions" / "Reference.java").write_text(JAVA)
    (folder / "solutions" / "wrong.py").write_text(WRONG_PYTHON)


def write_dmoj_problem(folder: Path, tests: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    cases = []
    for k, (text, answer) in enumerate(tests, 1):
        (folder / f"{k:02}.in").write_text(text)
        (folder / f"{k:02}.out").write_text(answer)
        cases.append(f"  - {{in: {k:02}.in, out: {k:02}.out, points: 1}}\n")
    (folder / "init.yml").write_text("test_cases:\n" + "".join(cases))


def ensure_dmoj(venv: Path) -> None:
    """Install DMOJ into its own virtualenv (never the project's) when it is missing."""
    if (venv / "bin" / "dmoj-cli").is_file():
        print(f"DMOJ: using {venv}")
        return
    if not Path("/usr/include/seccomp.h").is_file():
        print("DMOJ: installing libseccomp-dev (apt-get), which DMOJ needs to build")
        apt = ["apt-get", "install", "-y", "-q", "libseccomp-dev"]
        if subprocess.run(apt, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], capture_output=True)
            if subprocess.run(apt, capture_output=True).returncode != 0:
                fail("cannot install libseccomp-dev; run `apt-get install libseccomp-dev` as root.")
    print(f"DMOJ: creating {venv} and installing dmoj=={DMOJ_VERSION} from PyPI")
    steps = [
        ["/usr/bin/python3", "-m", "venv", str(venv)],
        [str(venv / "bin" / "pip"), "install", "-q", f"dmoj=={DMOJ_VERSION}"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            fail(
                f"cannot install DMOJ ({' '.join(step)} failed: {done.stderr.strip()[-400:]}); "
                "check the network and /usr/bin/python3, or pass --dmoj-venv with a working one."
            )


def dmoj_config(venv: Path, work: Path) -> Path:
    """A judge config: the runtimes dmoj-autoconf finds (only with a plain PATH) + our problems."""
    done = subprocess.run(
        [str(venv / "bin" / "dmoj-autoconf")],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": "/usr/bin:/bin"},
    )
    text = done.stdout[done.stdout.find("runtime:") :]
    if done.returncode != 0 or "g++17:" not in text or "python3:" not in text:
        fail("dmoj-autoconf did not find g++ and python3 in /usr/bin; install them and retry.")
    config = work / "dmoj.yml"
    config.write_text(f"{text}\nproblem_storage_globs:\n  - {work / 'dmoj'}/*\n")
    return config


def timed(command: list[str], env: dict[str, str], ok: Callable[[str], bool]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    seconds = time.perf_counter() - start
    if not ok(done.stdout):
        fail(f"{' '.join(command[:4])} ... did not accept the solution:\n{done.stdout[-2000:]}")
    return seconds


class Judges:
    """The two judges' commands on the same problem, sources and tests."""

    def __init__(self, work: Path, venv: Path) -> None:
        self.work, self.venv = work, venv
        self.config = dmoj_config(venv, work)
        self.env = {
            **os.environ,
            "BARRAISER_EXTRA_CONTENT_DIR": str(work / "content"),
            "BARRAISER_DATA_DIR": str(work / "data"),
        }

    def barraiser(self, source: Path, lang: str, samples_only: bool) -> float:
        mode = "run" if samples_only else "submit"
        command = [str(BARRAISER), "judge", "submit", PROBLEM, str(source), "--lang", lang]
        expected = SAMPLES if samples_only else TESTS

        def ok(out: str) -> bool:
            data = json.loads(out)
            return data["verdict"] == "AC" and len(data["tests"]) == expected

        return timed([*command, "--mode", mode, "--json"], self.env, ok)

    def barraiser_cold(self, source: Path, lang: str, rep: int) -> float:
        """A whole submission with a new data folder (no hidden-test cache)."""
        saved = self.env
        self.env = {**saved, "BARRAISER_DATA_DIR": str(self.work / f"data-cold-{rep}")}
        try:
            return self.barraiser(source, lang, False)
        finally:
            self.env = saved

    def dmoj(self, source: Path, executor: str, samples_only: bool) -> float:
        problem = f"{PROBLEM}-samples" if samples_only else PROBLEM
        command = [str(self.venv / "bin" / "dmoj-cli"), "-c", str(self.config), "--no-ansi"]
        command += ["--skip-self-test", "-e", "CPP17,PY3", "submit", problem, executor]
        expected = SAMPLES if samples_only else TESTS
        return timed([*command, str(source)], self.env, lambda out: out.count(" AC [") == expected)

    def dmoj_empty(self, runs: int) -> tuple[list[float], list[float]]:
        script = self.work / "dmoj_empty.py"
        script.write_text(DMOJ_EMPTY_RUNS)
        command = [str(self.venv / "bin" / "python"), str(script), str(self.config), str(runs)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            fail(f"DMOJ could not run the empty main:\n{done.stderr[-2000:]}")
        boxed, bare = json.loads(done.stdout.strip().splitlines()[-1])
        return boxed, bare


def barraiser_empty(runs: int) -> tuple[list[float], list[float]]:
    from barraiser.judge.result import Limits
    from barraiser.judge.sandbox import Sandbox, runs_root

    sandbox = Sandbox(0)
    limits = Limits(time_limit_s=2, memory_limit_mib=256)
    build = Path(tempfile.mkdtemp(dir=runs_root()))
    try:
        (build / "main.cpp").write_text(EMPTY_CPP)
        subprocess.run(
            ["g++", "-O2", "-o", str(build / "main"), str(build / "main.cpp")], check=True
        )
        build.chmod(0o755)
        boxed, bare = [], []
        for _ in range(runs):
            start = time.perf_counter()
            result = sandbox.run(["{build}/main"], limits=limits, build_dir=build)
            boxed.append(time.perf_counter() - start)
            assert result.exit_code == 0, result
            start = time.perf_counter()
            subprocess.run([str(build / "main")], check=True)
            bare.append(time.perf_counter() - start)
        return boxed, bare
    finally:
        shutil.rmtree(build)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="interleaved repetitions (5)")
    parser.add_argument("--dmoj-venv", type=Path, default=Path("/tmp/dmoj-venv"))
    args = parser.parse_args()
    if not BARRAISER.is_file():
        fail(f"no barraiser command next to {sys.executable}; run with the project's .venv.")
    ensure_dmoj(args.dmoj_venv)
    tests = make_tests()
    with tempfile.TemporaryDirectory(prefix="vs-dmoj-") as folder:
        work = Path(folder)
        write_barraiser_problem(work / "content", tests)
        write_dmoj_problem(work / "dmoj" / PROBLEM, tests)
        write_dmoj_problem(work / "dmoj" / f"{PROBLEM}-samples", tests[:SAMPLES])
        sources = {"cpp": work / "main.cpp", "python": work / "main.py"}
        sources["cpp"].write_text(CPP)
        sources["python"].write_text(PYTHON)
        judges = Judges(work, args.dmoj_venv)
        executors = {"cpp": "CPP17", "python": "PY3"}
        print("warm-up (builds barraiser's hidden-test cache and compiler caches)")
        for lang, source in sources.items():
            judges.barraiser(source, lang, False)
            judges.dmoj(source, executors[lang], False)
        # samples[(judge, lang, samples_only)] = seconds per repetition
        samples: dict[tuple[str, str, bool], list[float]] = {}
        empty: dict[str, tuple[list[float], list[float]]] = {
            "barraiser": ([], []),
            "DMOJ": ([], []),
        }
        can_drop = drop_page_cache()
        if not can_drop:
            print("the page cache cannot be dropped here: no cold row")
        cold: dict[str, list[float]] = {}
        for rep in range(args.repeat):
            print(f"repetition {rep + 1}/{args.repeat}", flush=True)
            for lang, source in sources.items():
                for samples_only in (False, True):
                    key = (lang, samples_only)
                    samples.setdefault(("barraiser", *key), []).append(
                        judges.barraiser(source, lang, samples_only)
                    )
                    samples.setdefault(("DMOJ", *key), []).append(
                        judges.dmoj(source, executors[lang], samples_only)
                    )
            if can_drop:
                drop_page_cache()
                cold.setdefault("barraiser", []).append(
                    judges.barraiser_cold(sources["cpp"], "cpp", rep)
                )
                drop_page_cache()
                cold.setdefault("DMOJ", []).append(judges.dmoj(sources["cpp"], "CPP17", False))
            for name, runs in (("barraiser", barraiser_empty), ("DMOJ", judges.dmoj_empty)):
                boxed, bare = runs(EMPTY_RUNS)
                empty[name][0].extend(boxed)
                empty[name][1].extend(bare)
    print_table(samples, empty, cold, args.repeat)


def drop_page_cache() -> bool:
    """Write the dirty pages out and drop the clean ones; False when not allowed."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("1")
    except OSError:
        return False
    return True


def print_table(
    samples: dict[tuple[str, str, bool], list[float]],
    empty: dict[str, tuple[list[float], list[float]]],
    cold: dict[str, list[float]],
    repeat: int,
) -> None:
    def whole(judge: str, lang: str) -> float:
        return statistics.median(samples[(judge, lang, False)])

    def per_test(judge: str, lang: str) -> float:
        pairs = zip(samples[(judge, lang, False)], samples[(judge, lang, True)], strict=True)
        return statistics.median((full - few) / (TESTS - SAMPLES) for full, few in pairs)

    def extra(judge: str) -> float:
        boxed, bare = empty[judge]
        return statistics.median(boxed) - statistics.median(bare)

    rows: list[tuple[str, str, Callable[[str], float]]] = [
        ("C++ whole submission, warm", "s", lambda j: whole(j, "cpp")),
        *(
            [("C++ whole submission, cold", "s", lambda j: statistics.median(cold[j]))]
            if cold
            else []
        ),
        ("C++ per-test wall time", "ms", lambda j: per_test(j, "cpp") * 1000),
        ("empty C++ main, extra over a bare run", "+ms", lambda j: extra(j) * 1000),
        ("Python whole submission", "s", lambda j: whole(j, "python")),
        ("Python per-test wall time", "ms", lambda j: per_test(j, "python") * 1000),
    ]
    print(f"\nbarraiser vs DMOJ {DMOJ_VERSION}, {TESTS} tests, medians of {repeat} interleaved")
    print(f"repetitions ({EMPTY_RUNS * repeat} empty-main runs); ratio < 1: barraiser faster")
    print("\n| measure | barraiser | DMOJ | ratio |\n|---|---|---|---|")
    for name, unit, value in rows:
        ours, theirs = value("barraiser"), value("DMOJ")
        shown = [_shown(v, unit) for v in (ours, theirs)]
        print(f"| {name} | {shown[0]} | {shown[1]} | {ours / theirs:.2f} |")


def _shown(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    return f"{'+' if unit == '+ms' else ''}{value:.1f} ms"


if __name__ == "__main__":
    main()
