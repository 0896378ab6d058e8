"""ML-coding problems on the real sandbox: numpy imports inside the box (Debian's python3-numpy,
one BLAS thread), a numpy solution is judged like any other, and the box reaches no more of the
host than before.

Needs root and bubblewrap like ``test_sandbox.py``; ``make test`` installs python3-numpy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from barraiser.content.problems import load_problem
from barraiser.judge.languages import LANGUAGES, execute
from barraiser.judge.result import Limits, Status
from barraiser.judge.runner import SubmissionRejected, judge
from barraiser.judge.sandbox import Sandbox

PROJECT = Path(__file__).resolve().parents[2]
LIMITS = Limits(time_limit_s=2.0, memory_limit_mib=256)

NUMPY_SOLUTION = """
import numpy as np


class Solution:
    def threshold_for_precision(self, labels, scores, min_precision):
        y = np.asarray(labels, dtype=np.int64)
        s = np.asarray(scores, dtype=np.float64)
        order = np.argsort(-s, kind="stable")
        s, y = s[order], y[order]
        tp = np.cumsum(y)
        flagged = np.arange(1, len(y) + 1)
        # The last item of each group of equal scores: only there does a threshold stop.
        ends = np.flatnonzero(np.append(s[1:] != s[:-1], True))
        ok = ends[tp[ends] / flagged[ends] >= min_precision]
        if len(ok) == 0:
            return []
        k = ok[-1]
        positives = int(y.sum())
        return [float(s[k]), float(tp[k] / positives) if positives else 0.0]
"""


def test_numpy_runs_in_the_box_on_one_thread(sandbox: Sandbox) -> None:
    code = (
        "import os, numpy as np\n"
        "a = np.arange(40000, dtype=np.float64).reshape(200, 200) / 40000\n"
        "b = a @ a.T\n"
        "print(np.__version__, round(float(b.trace()), 6), len(os.listdir('/proc/self/task')))\n"
    )
    result = execute(LANGUAGES["python"], sandbox, code.encode(), limits=LIMITS)
    assert result.status is Status.OK, result.stderr.decode()
    version, trace, threads = result.stdout.decode().split()
    assert version.split(".")[0] in {"1", "2"}
    expected = sum((i / 40000) ** 2 for i in range(40000))  # trace of a @ a.T: sum of squares
    assert abs(float(trace) - expected) < 1e-3
    assert threads == "1"


def test_numpy_reaches_nothing_more_of_the_host(sandbox: Sandbox) -> None:
    """With numpy imported, the project's files, /root and the network stay out of reach."""
    code = f"""
import os, socket, sys
import numpy as np

leaks = []
for path in ({str(PROJECT)!r}, "/root", "/home", "/work"):
    if os.path.exists(path):
        leaks.append(path)
try:
    np.fromfile({str(PROJECT / "pyproject.toml")!r}, dtype=np.uint8)
    leaks.append("np.fromfile of the project")
except OSError:
    pass
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1)
    leaks.append("loopback")
except OSError:
    pass
if leaks:
    print(leaks)
    sys.exit(1)
print("contained")
"""
    result = execute(LANGUAGES["python"], sandbox, code.encode(), limits=LIMITS)
    assert result.status is Status.OK, result.stdout.decode() + result.stderr.decode()
    assert result.stdout == b"contained\n"


def test_a_numpy_solution_is_accepted_and_a_wrong_one_is_not(sandbox: Sandbox) -> None:
    problem = load_problem("precision-recall-from-scores")
    accepted = judge(problem, NUMPY_SOLUTION, "python", "submit", sandbox=sandbox)
    assert accepted.verdict == "AC", accepted.to_dict()["tests"]
    assert accepted.passed == len(accepted.tests) >= 15 + len(problem.problem.samples)
    # The same code with ties split (every item ends a group) is a classic bug: WA.
    wrong = NUMPY_SOLUTION.replace(
        "np.append(s[1:] != s[:-1], True)", "np.ones(len(s), dtype=bool)"
    )
    assert wrong != NUMPY_SOLUTION
    assert judge(problem, wrong, "python", "submit", sandbox=sandbox).verdict == "WA"


@pytest.mark.parametrize("language", ["cpp", "java", "javascript"])
def test_an_ml_coding_problem_refuses_other_languages(sandbox: Sandbox, language: str) -> None:
    problem = load_problem("precision-recall-from-scores")
    with pytest.raises(SubmissionRejected, match="Python 3 only"):
        judge(problem, "int main() {}", language, "run", sandbox=sandbox)
