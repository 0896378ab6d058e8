"""Exact comparison: JSON values by their canonical form; text after stripping trailing spaces."""

from __future__ import annotations

from typing import Any

from barraiser.judge.checkers import CheckResult, canonical, mismatch


def normalise_text(text: str) -> str:
    """Strip whitespace at line ends and at the end (and carriage returns)."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).rstrip()


def check(output: Any, expected: Any, **opts: Any) -> CheckResult:
    if isinstance(output, str) and isinstance(expected, str) and opts.get("text", True):
        if normalise_text(output) == normalise_text(expected):
            return CheckResult(True)
        return mismatch(output, expected)
    if canonical(output) == canonical(expected):
        return CheckResult(True)
    return mismatch(output, expected)
