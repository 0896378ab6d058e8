"""A function-style reference is solved in process: its prints go nowhere, and other threads'
output is untouched (tests are made in worker threads while the CLI or web app prints)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from barraiser.content.problems import load_problem_folder
from barraiser.judge.hidden import solve_function

ROOT = Path(__file__).resolve().parents[2]

CHATTY_REFERENCE = """
import time


class Solution:
    def two_sum(self, prices, target):
        print("debugging line of the reference")
        time.sleep(0.5)  # long enough for the main thread to print meanwhile
        seen = {}
        for j, value in enumerate(prices):
            if target - value in seen:
                return [seen[target - value], j]
            seen[value] = j
        return []
"""


def test_a_reference_solved_in_a_thread_neither_prints_nor_swallows_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "problems" / "two-sum"
    shutil.copytree(ROOT / "content" / "problems" / "two-sum", folder)
    (folder / "solutions" / "reference.py").write_text(CHATTY_REFERENCE, encoding="utf-8")
    problem = load_problem_folder(folder, tmp_path, [])
    assert problem is not None
    results: list[list[object]] = []
    worker = threading.Thread(
        target=lambda: results.append(
            solve_function(problem, [{"prices": [3, 5, 9], "target": 14}])
        )
    )
    worker.start()
    time.sleep(0.2)
    print("printed by the main thread while the reference ran")
    worker.join()
    assert results == [[[1, 2]]]
    out = capsys.readouterr().out
    assert "printed by the main thread while the reference ran" in out
    assert "debugging line of the reference" not in out
