"""Hidden tests: the problem's generator makes the inputs, its Python reference the answers.

Both are trusted, shipped content and run on the host, outside the sandbox (the reference in
process for function style, as a subprocess for stdio).  The tests are cached as JSON under
``<data_dir>/cache/tests/<id>-<hash of the problem's files>.json`` (0600, written whole or not at
all).  Only their inputs ever enter
the sandbox; the comparison happens outside.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from barraiser.content.problems import LoadedProblem
from barraiser.storage import DIR_MODE, private_dirs, write_private

logger = logging.getLogger(__name__)

REFERENCE_TIMEOUT_S = 120.0
#: A temporary cache file older than this was left by a killed process (writing takes < 1 s).
STALE_TMP_S = 3600.0
_LOCK = threading.Lock()


class TestGenerationError(RuntimeError):
    """The generator or the reference solution failed; the message says which and why."""


def seed_for(problem_id: str) -> int:
    """The fixed seed of a problem's generator, derived from its id."""
    return int.from_bytes(hashlib.sha256(problem_id.encode()).digest()[:8], "big")


def default_cache_dir() -> Path:
    from barraiser.config import get_settings

    return get_settings().data_dir / "cache" / "tests"


def _load_module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise TestGenerationError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_inputs(problem: LoadedProblem) -> list[dict[str, Any]]:
    """The generator's tests, round-tripped through JSON (as the sandbox will see them)."""
    generator = _load_module(problem.folder / "generator.py", f"_gen_{problem.id}")
    tests = generator.generate(random.Random(seed_for(problem.id)))
    return [json.loads(json.dumps(test)) for test in tests]


def solve_function(problem: LoadedProblem, args: list[dict[str, Any]]) -> list[Any]:
    """Expected values of function-style tests from the Python reference, in process."""
    signature = problem.problem.signature
    assert signature is not None
    reference = problem.solution_path(problem.problem.python_reference)
    module = _load_module(reference, f"_ref_{problem.id}")
    # A debugging print() in the reference goes nowhere.  Not contextlib.redirect_stdout: it swaps
    # the process's sys.stdout, and tests are made in worker threads (`content check --judge`,
    # the web app), so lines other threads printed meanwhile were lost (three of nine "ok" lines
    # of one `content check --judge` with an empty cache).
    module.print = _discard
    names = [p.name for p in signature.params]
    out = []
    for test in args:
        values = [json.loads(json.dumps(test[name])) for name in names]
        result = getattr(module.Solution(), signature.name)(*values)
        out.append(json.loads(json.dumps(result)))
    return out


def _discard(*_args: Any, **_kwargs: Any) -> None:
    """``print`` for a reference solved in process."""


def solve_stdio(problem: LoadedProblem, inputs: list[str]) -> list[str]:
    """Expected outputs of stdio tests: the Python reference as a subprocess."""
    reference = problem.solution_path(problem.problem.python_reference)
    out = []
    for text in inputs:
        done = subprocess.run(
            [sys.executable, str(reference)],
            input=text,
            capture_output=True,
            text=True,
            timeout=REFERENCE_TIMEOUT_S,
        )
        if done.returncode != 0:
            raise TestGenerationError(
                f"the reference {reference.name} failed on a hidden test: {done.stderr[-500:]}"
            )
        out.append(done.stdout)
    return out


def build_tests(problem: LoadedProblem) -> list[dict[str, Any]]:
    """Generate the hidden tests with their expected outputs (no cache)."""
    p = problem.problem
    try:
        inputs = generate_inputs(problem)
        if p.style == "function":
            expected = solve_function(problem, [t["args"] for t in inputs])
            tests = [
                {"args": t["args"], "expected": e} for t, e in zip(inputs, expected, strict=True)
            ]
        else:
            answers = solve_stdio(problem, [t["input"] for t in inputs])
            tests = [
                {"input": t["input"], "expected": e} for t, e in zip(inputs, answers, strict=True)
            ]
    except TestGenerationError:
        raise
    except Exception as error:  # the problem's own code: report it, with the problem named
        raise TestGenerationError(
            f"cannot build the hidden tests of {problem.id}: {type(error).__name__}: {error}"
        ) from error
    if len(tests) < p.min_hidden_tests:
        raise TestGenerationError(
            f"{problem.id}: the generator made {len(tests)} tests; at least "
            f"{p.min_hidden_tests} are needed"
        )
    return tests


def hidden_tests(problem: LoadedProblem, cache_dir: Path | None = None) -> list[dict[str, Any]]:
    """The hidden tests of a problem, from the cache when its files have not changed.

    The cache is only a cache: when it cannot be written (a full disk), or would leave less
    free space than its own size, the tests just built are used, and no partial file is left
    behind.
    """
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    path = folder / f"{problem.id}-{problem.files_digest()}.json"
    with _LOCK:
        if path.is_file():
            with contextlib.suppress(ValueError, OSError):
                data = json.loads(path.read_text(encoding="utf-8"))
                return list(data["tests"])
        tests = build_tests(problem)
        data = json.dumps({"problem": problem.id, "tests": tests}).encode()
        try:
            private_dirs(folder)
            os.chmod(folder, DIR_MODE)
            _remove_stale(folder)
            if _room_for(folder, len(data)):
                write_private(path, data)
                return tests
            why = "caching them would take more than half of the free space"
        except OSError as error:
            why = error.strerror or str(error)
        logger.warning(
            "The hidden tests of %s were built but not cached in %s (%s); they will be built "
            "again for the next submission.",
            problem.id,
            folder,
            why,
        )
        return tests


def _room_for(folder: Path, size: int) -> bool:
    """Whether a cache file of ``size`` bytes leaves at least as much free: a cache must not
    take the last space, which the store needs for answers and verdicts."""
    found = os.statvfs(folder)
    return found.f_bavail * found.f_frsize >= 2 * size


def _remove_stale(folder: Path) -> None:
    """Remove temporary files that a killed process left while writing the cache."""
    cutoff = time.time() - STALE_TMP_S
    for leftover in folder.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < cutoff:
                leftover.unlink()
