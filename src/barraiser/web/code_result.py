"""A judged run or submission as the round page shows it without JavaScript.

static/problem.js draws the same result in the browser after a run; this is the server's copy,
so a candidate without JavaScript (or after a reload) sees each sample's input, expected output
and their output, not only a count. Hidden tests show their verdict and nothing of their data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from barraiser.interview.submissions import SubmissionState
from barraiser.web.routes.judge_api import public_result


@dataclass(frozen=True)
class CaseRow:
    """One test of a result: its name and verdict; for a sample, what went in and came out."""

    name: str
    verdict: str
    hidden: bool
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    message: str = ""


@dataclass(frozen=True)
class ResultView:
    """A finished run or submission: its verdict, compiler output, message and tests."""

    submission_id: int
    mode: str
    verdict: str
    compile_output: str = ""
    message: str = ""
    tests: list[CaseRow] = field(default_factory=list)
    summary: str = ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _row(test: dict[str, Any], number: int) -> CaseRow:
    hidden = bool(test.get("hidden", test.get("kind") == "hidden"))
    name = str(test.get("name") or f"{'Hidden test' if hidden else 'Sample'} {number}")
    verdict = str(test.get("verdict") or test.get("status") or "")
    if hidden:
        return CaseRow(name=name, verdict=verdict, hidden=True)
    # A custom input's expected output is the reference solution's, as LeetCode shows it.
    expected = "Expected (reference solution)" if test.get("kind") == "custom" else "Expected"
    shown = [
        ("Input", test.get("input", test.get("args"))),
        (expected, test.get("expected")),
        ("Your output", test.get("actual", test.get("output"))),
        ("Printed (stdout)", test.get("stdout") or None),
        ("stderr", test.get("stderr") or None),
    ]
    blocks = [(label, _text(value)) for label, value in shown if value is not None]
    return CaseRow(name, verdict, False, blocks, str(test.get("message") or ""))


def result_view(state: SubmissionState | None) -> ResultView | None:
    """The result of a finished submission, hidden tests cut down to their verdicts."""
    if state is None or state.status != "done":
        return None
    result = public_result(state.result) or {}
    counts = {True: 0, False: 0}
    rows = []
    for test in result.get("tests") or []:
        if not isinstance(test, dict):
            continue
        hidden = bool(test.get("hidden", test.get("kind") == "hidden"))
        counts[hidden] += 1  # samples and hidden tests are numbered apart, from 1
        rows.append(_row(test, counts[hidden]))
    compile_output = (
        result.get("compile_output") or result.get("compile_error") or result.get("compiler_output")
    )
    return ResultView(
        submission_id=state.id,
        mode=state.mode,
        verdict=state.verdict or str(result.get("verdict") or "IE"),
        compile_output=_text(compile_output) if compile_output else "",
        message=str(result.get("message") or ""),
        tests=rows,
        summary=str(result.get("summary") or ""),
    )
