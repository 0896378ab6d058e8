"""Prove a problem: every shipped solution gets the verdict it declares."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from barraiser.content.problems import LoadedProblem
from barraiser.judge.sandbox import Sandbox


def check_problem(
    problem: LoadedProblem,
    sandbox: Sandbox,
    *,
    progress: bool = False,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Judge each solution in submit mode; ``ok`` when every verdict is the expected one."""
    from barraiser.judge.hidden import TestGenerationError, hidden_tests

    report: dict[str, Any] = {"problem_id": problem.id, "ok": False, "error": "", "solutions": []}
    try:
        report["hidden_tests"] = len(hidden_tests(problem, cache_dir))
    except TestGenerationError as error:
        report["error"] = str(error)
        return report
    solutions = problem.problem.solutions
    entries: list[dict[str, Any]] = report["solutions"]
    if progress:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"{problem.id}", total=len(solutions))
            for solution in solutions:
                bar.update(task, description=f"{problem.id}: {solution.file}")
                entries.append(_one(problem, solution, sandbox, cache_dir))
                bar.advance(task)
    else:
        entries.extend(_one(problem, s, sandbox, cache_dir) for s in solutions)
    report["ok"] = all(e["ok"] for e in entries)
    return report


def _one(
    problem: LoadedProblem, solution: Any, sandbox: Sandbox, cache_dir: Path | None
) -> dict[str, Any]:
    from barraiser.judge.runner import judge

    source = problem.solution_path(solution).read_text(encoding="utf-8")
    start = time.monotonic()
    result = judge(
        problem, source, solution.language, "submit", sandbox=sandbox, cache_dir=cache_dir
    )
    detail = ""
    failure = result.first_failure
    if result.verdict != solution.expect:
        if result.compile_output:
            detail = result.compile_output[-1500:]
        elif failure is not None:
            detail = (
                f"test {failure.index + 1} ({failure.kind}): {failure.verdict} {failure.message}"[
                    :1500
                ]
            )
    return {
        "file": solution.file,
        "language": solution.language,
        "expect": solution.expect,
        "verdict": result.verdict,
        "ok": result.verdict == solution.expect,
        "seconds": round(time.monotonic() - start, 2),
        "detail": detail,
    }
