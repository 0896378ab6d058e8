"""Every shipped problem is proved in the real sandbox: references AC in every language that
requires them (and in the others where shipped), known-wrong solutions WA, too-slow ones TLE
(`barraiser content check --judge`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from barraiser.content.problems import CheckerType, load_problems
from barraiser.judge.languages import LANGUAGES

pytestmark = pytest.mark.slow


def test_every_problem_has_references_in_all_languages_and_bad_solutions() -> None:
    problems = load_problems()
    assert len(problems) >= 30
    for loaded in problems.values():
        solutions = loaded.problem.solutions
        accepted = {s.language for s in solutions if s.expect == "AC"}
        required = {name for name, lang in LANGUAGES.items() if lang.reference_required}
        if loaded.problem.kind == "ml-coding":
            # Solved in Python only (numpy in the sandbox): every solution is Python.
            assert {s.language for s in solutions} == accepted == {"python"}, loaded.id
        else:
            assert required <= accepted <= set(LANGUAGES), loaded.id
        for solution in solutions:
            if solution.expect == "AC":
                assert solution.file == LANGUAGES[solution.language].reference_file, loaded.id
        assert any(s.expect == "WA" for s in solutions), loaded.id


def test_javascript_references_cover_both_styles_and_every_checker() -> None:
    """JavaScript ships references for a subset of the problems: at least ten, together using
    every checker kind and both problem styles."""
    with_js = [
        loaded.problem
        for loaded in load_problems().values()
        if any(s.expect == "AC" and s.language == "javascript" for s in loaded.problem.solutions)
    ]
    assert len(with_js) >= 10
    assert {p.checker.type for p in with_js} == set(get_args(CheckerType))
    assert {p.style for p in with_js} == {"function", "stdio"}


def test_content_check_judge_proves_changed_problems(tmp_path: Path) -> None:
    """CI proves the problems changed since the last full proof (`make content-proof` proves
    all of them), and always one problem of each style, so a toolchain that broke under
    unchanged problems is caught here too."""
    env = {**os.environ, "BARRAISER_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "barraiser",
            "content",
            "check",
            "--judge",
            "--changed",
            "--problem",
            "two-sum",
            "--problem",
            "friend-circles-union-find",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "changed since the record of the last full proof" in result.stdout
    assert "Judged OK" in result.stdout
    assert "two-sum" in result.stdout and "friend-circles-union-find" in result.stdout
