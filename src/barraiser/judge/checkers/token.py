"""Whitespace-insensitive comparison: the same tokens in the same order."""

from __future__ import annotations

from typing import Any

from barraiser.judge.checkers import CheckResult, exact


def check(output: Any, expected: Any, **opts: Any) -> CheckResult:
    if not (isinstance(output, str) and isinstance(expected, str)):
        return exact.check(output, expected)
    got, want = output.split(), expected.split()
    if got == want:
        return CheckResult(True)
    for i, (a, b) in enumerate(zip(got, want, strict=False)):
        if a != b:
            return CheckResult(False, f"token {i + 1}: expected {b[:100]!r}, got {a[:100]!r}")
    return CheckResult(False, f"expected {len(want)} tokens, got {len(got)}")
