"""Lists compared as multisets: the outer order (depth 1) or the inner order too (depth 2).

Text output is read as lines (depth 1) or as lines of tokens (depth 2).
"""

from __future__ import annotations

from typing import Any

from barraiser.judge.checkers import CheckResult, canonical, mismatch


def _normalise(value: Any, depth: int) -> Any:
    if not isinstance(value, list):
        return value
    items = value
    if depth >= 2:
        items = [sorted(item, key=canonical) if isinstance(item, list) else item for item in items]
    return sorted(items, key=canonical)


def check(output: Any, expected: Any, *, unordered_depth: int = 1, **opts: Any) -> CheckResult:
    if isinstance(output, str) and isinstance(expected, str):
        lines = [line.split() for line in output.strip().splitlines() if line.strip()]
        want = [line.split() for line in expected.strip().splitlines() if line.strip()]
        if _normalise(lines, unordered_depth) == _normalise(want, unordered_depth):
            return CheckResult(True)
        return CheckResult(False, "the lines differ (in any order)")
    if not isinstance(output, list):
        return mismatch(output, expected)
    a = canonical(_normalise(output, unordered_depth))
    b = canonical(_normalise(expected, unordered_depth))
    return CheckResult(True) if a == b else mismatch(output, expected)
