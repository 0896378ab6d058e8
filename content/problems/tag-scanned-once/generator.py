"""Hidden tests for tag-scanned-once: negatives, extremes, the lonely tag first or last."""

from __future__ import annotations

import random
from typing import Any

LOW, HIGH = -(2**31), 2**31 - 1
MAX_M = 100_000


def _scans(
    rng: random.Random, triples: list[int], lonely: int, where: str = "random"
) -> dict[str, Any]:
    values = [v for v in triples for _ in range(3)]
    rng.shuffle(values)
    if where == "first":
        values.insert(0, lonely)
    elif where == "last":
        values.append(lonely)
    else:
        values.insert(rng.randint(0, len(values)), lonely)
    return {"args": {"scans": values}}


def _distinct(rng: random.Random, m: int, low: int, high: int) -> tuple[list[int], int]:
    """m values for the triples and one more for the lonely tag, all different."""
    values = rng.sample(range(low, high + 1), m + 1)
    return values[:m], values[m]


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        {"args": {"scans": [5]}},
        {"args": {"scans": [0]}},
        {"args": {"scans": [-1]}},
        {"args": {"scans": [HIGH]}},
        {"args": {"scans": [2, 2, 2, 7]}},
        {"args": {"scans": [0, -5, 0, 0]}},
        {"args": {"scans": [LOW, HIGH, LOW, LOW]}},
        {"args": {"scans": [HIGH, LOW, HIGH, HIGH]}},
        {"args": {"scans": [-1, -1, -1, 1, 3, 3, 3]}},
    ]
    for _ in range(3):
        triples, lonely = _distinct(rng, rng.randint(1, 6), -20, 20)
        tests.append(_scans(rng, triples, lonely))
    # Maximum size: the lonely tag last, so scanning value by value is quadratic.
    triples, lonely = _distinct(rng, MAX_M, LOW, HIGH)
    tests.append(_scans(rng, triples, lonely, "last"))
    triples, lonely = _distinct(rng, MAX_M, LOW, -1)
    tests.append(_scans(rng, triples, lonely, "last"))
    triples, lonely = _distinct(rng, MAX_M, 0, HIGH)
    tests.append(_scans(rng, triples, lonely, "first"))
    tests.append(_scans(rng, list(range(1, MAX_M + 1)), 0, "last"))
    tests.append(_scans(rng, list(range(-MAX_M, 0)), LOW))
    return tests
