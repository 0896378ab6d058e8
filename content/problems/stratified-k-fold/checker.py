"""Accepts any split into k folds whose sizes differ by at most one and in which every class's
count differs by at most one between folds."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any


def _args(data: Any) -> dict:
    if isinstance(data, str):
        data = json.loads(data)
    if isinstance(data, dict) and "args" in data:
        data = data["args"]
    return data


def check(input: Any, output: Any, expected: Any) -> tuple[bool, str]:
    args = _args(input)
    labels, k = args["labels"], args["k"]
    if not isinstance(output, list) or not all(type(x) is int for x in output):
        return False, "the output must be a list of fold numbers (integers)"
    if len(output) != len(labels):
        return (
            False,
            f"the output has {len(output)} fold numbers, expected one per example ({len(labels)})",
        )
    for i, fold in enumerate(output):
        if not 0 <= fold < k:
            return False, f"example {i} is in fold {fold}; folds are numbered 0 to {k - 1}"
    sizes = Counter(output)
    counts = [sizes.get(f, 0) for f in range(k)]
    if max(counts) - min(counts) > 1:
        big, small = counts.index(max(counts)), counts.index(min(counts))
        return False, (
            f"fold {big} has {max(counts)} examples and fold {small} has {min(counts)}; "
            "fold sizes may differ by at most one"
        )
    per_class: dict[int, list[int]] = defaultdict(lambda: [0] * k)
    for label, fold in zip(labels, output, strict=True):
        per_class[label][fold] += 1
    for label, row in per_class.items():
        if max(row) - min(row) > 1:
            big, small = row.index(max(row)), row.index(min(row))
            return False, (
                f"class {label} has {max(row)} examples in fold {big} and {min(row)} in fold "
                f"{small}; each class's count may differ by at most one between folds"
            )
    return True, ""
