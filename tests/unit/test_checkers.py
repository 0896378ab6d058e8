"""Each checker on ordinary and edge cases (no I/O)."""

from __future__ import annotations

import math
from pathlib import Path

from barraiser.judge.checkers import custom, exact, token, unordered
from barraiser.judge.checkers import float as float_checker


def test_exact_json_and_text() -> None:
    assert exact.check([1, 2], [1, 2]).ok
    assert not exact.check([2, 1], [1, 2]).ok
    assert not exact.check(True, 1).ok  # a bool is not a number
    assert not exact.check(1.0, 1).ok or exact.check(1, 1).ok
    assert exact.check("a b  \nc\n\n", "a b\nc").ok
    assert not exact.check("a  b", "a b").ok
    message = exact.check([0, 0], [0, 2]).message
    assert "[0,2]" in message and "[0,0]" in message


def test_token_ignores_whitespace_only() -> None:
    assert token.check("1   2\n3\n", "1 2 3").ok
    assert not token.check("1 2", "1 2 3").ok
    assert not token.check("1 3", "1 2").ok


def test_float_tolerances_and_nan() -> None:
    assert float_checker.check(1.0000001, 1.0).ok
    assert not float_checker.check(1.1, 1.0).ok
    assert float_checker.check(1e12 + 1, 1e12, rel_tol=1e-9).ok
    assert not float_checker.check(math.nan, math.nan).ok
    assert float_checker.check(math.inf, math.inf).ok
    assert float_checker.check([1.0, [2.0000001]], [1, [2.0]]).ok
    assert not float_checker.check([1.0], [1.0, 2.0]).ok
    assert float_checker.check("0.3333333 x\n", "0.33333333 x").ok
    assert not float_checker.check("nan", "nan").ok
    assert not float_checker.check(True, 1.0).ok


def test_unordered_depths() -> None:
    assert unordered.check([3, 1, 2], [1, 2, 3]).ok
    assert not unordered.check([1, 1, 2], [1, 2, 2]).ok
    assert not unordered.check([[2, 1], [3]], [[3], [1, 2]]).ok
    assert unordered.check([[2, 1], [3]], [[3], [1, 2]], unordered_depth=2).ok
    assert unordered.check("b\na\n", "a\nb").ok
    assert not unordered.check(5, [5]).ok


def test_custom_checker(tmp_path: Path) -> None:
    path = tmp_path / "checker.py"
    path.write_text(
        "def check(input, output, expected):\n"
        "    return sum(output) == input['total'], 'sum differs'\n"
    )
    assert custom.check([1, 2], None, checker_path=path, input={"total": 3}).ok
    result = custom.check([1, 1], None, checker_path=path, input={"total": 3})
    assert not result.ok and result.message == "sum differs"
