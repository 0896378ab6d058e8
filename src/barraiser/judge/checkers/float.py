"""Numbers within an absolute or relative tolerance; NaN never equals anything."""

from __future__ import annotations

import math
from typing import Any

from barraiser.judge.checkers import CheckResult, canonical, mismatch


def close(a: float, b: float, abs_tol: float, rel_tol: float) -> bool:
    """``a`` is within tolerance of ``b`` (equal infinities match, NaN never does)."""
    if math.isnan(a) or math.isnan(b):
        return False
    if a == b:
        return True
    return abs(a - b) <= max(abs_tol, rel_tol * abs(b))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text_number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def _same(a: Any, b: Any, abs_tol: float, rel_tol: float) -> bool:
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return close(x, y, abs_tol, rel_tol)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(
            _same(p, q, abs_tol, rel_tol) for p, q in zip(a, b, strict=True)
        )
    return canonical(a) == canonical(b)


def check(
    output: Any, expected: Any, *, abs_tol: float = 1e-6, rel_tol: float = 1e-6, **opts: Any
) -> CheckResult:
    if isinstance(output, str) and isinstance(expected, str):
        got, want = output.split(), expected.split()
        if len(got) != len(want):
            return CheckResult(False, f"expected {len(want)} tokens, got {len(got)}")
        for i, (a, b) in enumerate(zip(got, want, strict=True)):
            x, y = _text_number(a), _text_number(b)
            same = close(x, y, abs_tol, rel_tol) if x is not None and y is not None else a == b
            if not same:
                return CheckResult(False, f"token {i + 1}: expected {b[:100]!r}, got {a[:100]!r}")
        return CheckResult(True)
    if _same(output, expected, abs_tol, rel_tol):
        return CheckResult(True)
    return mismatch(output, expected)
