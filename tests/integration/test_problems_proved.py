"""Every shipped problem is proved in the real sandbox: references AC in all three languages,
known-wrong solutions WA, too-slow ones TLE (`barraiser content check --judge`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from barraiser.content.problems import LANGUAGES, load_problems

pytestmark = pytest.mark.slow


def test_every_problem_has_references_in_all_languages_and_bad_solutions() -> None:
    problems = load_problems()
    assert len(problems) >= 30
    for loaded in problems.values():
        solutions = loaded.problem.solutions
        accepted = {s.language for s in solutions if s.expect == "AC"}
        assert accepted == set(LANGUAGES), loaded.id
        assert any(s.expect == "WA" for s in solutions), loaded.id


def test_content_check_judge_proves_every_problem(tmp_path: Path) -> None:
    env = {**os.environ, "BARRAISER_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "barraiser", "content", "check", "--judge"],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "Judged OK" in result.stdout
