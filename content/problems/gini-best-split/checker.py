"""Accepts [threshold, impurity] when the threshold's split is as good as the best one (within
1e-9) and the impurity reported is that split's own (within 1e-6); [] only when every value is
the same, so that no threshold splits the data."""

from __future__ import annotations

import json
from typing import Any

GAIN_TOL = 1e-9
VALUE_TOL = 1e-6


def _args(data: Any) -> dict:
    if isinstance(data, str):
        data = json.loads(data)
    if isinstance(data, dict) and "args" in data:
        data = data["args"]
    return data


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def weighted_gini(values: list[float], labels: list[int], threshold: float) -> float | None:
    """The weighted Gini impurity of the split x <= threshold; None if a side is empty."""
    left: dict[int, int] = {}
    right: dict[int, int] = {}
    for v, y in zip(values, labels, strict=True):
        side = left if v <= threshold else right
        side[y] = side.get(y, 0) + 1
    n_left, n_right = sum(left.values()), sum(right.values())
    if n_left == 0 or n_right == 0:
        return None
    squares_left = sum(c * c for c in left.values())
    squares_right = sum(c * c for c in right.values())
    return (n_left - squares_left / n_left + n_right - squares_right / n_right) / len(values)


def check(input: Any, output: Any, expected: Any) -> tuple[bool, str]:
    args = _args(input)
    values, labels = args["values"], args["labels"]
    if not isinstance(output, list):
        return False, "the output must be a list: [threshold, impurity], or [] when no split exists"
    if expected == []:
        if output == []:
            return True, ""
        return False, "every value is the same, so no threshold splits the data: expected []"
    if output == []:
        return False, "the values are not all equal, so a split exists; [] is wrong"
    if len(output) != 2 or not all(_number(v) for v in output):
        return False, f"expected [threshold, impurity], got a list of {len(output)} items"
    threshold, reported = float(output[0]), float(output[1])
    actual = weighted_gini(values, labels, threshold)
    if actual is None:
        return False, f"the threshold {threshold} leaves one side of the split empty"
    best = float(expected[1])
    if actual > best + GAIN_TOL:
        return False, (
            f"the split at {threshold} has a weighted Gini impurity of {actual:.9f}; "
            f"a better split reaches {best:.9f}"
        )
    if abs(reported - actual) > VALUE_TOL:
        return False, (
            f"the split at {threshold} has a weighted Gini impurity of {actual:.9f}, "
            f"but {reported:.9f} was returned"
        )
    return True, ""
