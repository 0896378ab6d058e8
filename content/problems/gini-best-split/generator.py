"""Hidden tests for gini-best-split: one split only, no split at all, ties at the boundary, many
classes, pure data (every split is perfect), the best split at either end, and maximum-size
cases.  Values are multiples of 0.001, so every midpoint lies strictly between its neighbours."""

from __future__ import annotations

import random

MAX_N = 100_000


def _case(values: list[float], labels: list[int]) -> dict:
    return {"args": {"values": values, "labels": labels}}


def _value(x: float) -> float:
    return round(max(-1e6, min(1e6, x)), 3)


def _classes(rng: random.Random, n: int, classes: int, noise: float, digits: int = 3) -> dict:
    """Class k centred at 10 * k, with normal noise: more noise, more overlap."""
    labels = [rng.randrange(classes) for _ in range(n)]
    values = [round(_value(rng.gauss(10.0 * y, noise)), digits) for y in labels]
    return _case(values, labels)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([1.0, 2.0], [0, 1]),
        _case([1.0, 2.0], [1, 1]),
        _case([7.5, 7.5, 7.5, 7.5], [0, 1, 0, 1]),
        _case([-3.0, -3.0, 4.0], [0, 1, 1]),
        # Equal values on both sides of the class change: they must stay together.
        _case([1.0, 2.0, 2.0, 2.0, 3.0], [0, 0, 1, 1, 1]),
        _case([5.0, 5.0, 5.0, 6.0, 6.0, 9.0], [0, 0, 1, 1, 1, 1]),
        # The best split cuts off the last or the first example.
        _case([1.0, 2.0, 3.0, 4.0, 1000.0], [0, 0, 0, 0, 1]),
        _case([-1e6, 0.5, 0.5, 0.75, 1e6], [3, 1, 1, 1, 1]),
        # Size weighting matters: a pure but tiny side against a balanced split.
        _case([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], [1, 0, 0, 0, 1, 1, 1, 0]),
        # Ten classes, a few examples each.
        _case([float(v % 10) for v in range(30)], [v % 10 for v in range(30)]),
    ]
    tests.append(_classes(rng, 12, 2, 6.0, 0))
    tests.append(_classes(rng, 40, 3, 8.0, 1))
    tests.append(_classes(rng, 500, 5, 12.0, 0))
    tests.append(_classes(rng, 3000, 10, 20.0))
    # Maximum size: distinct values (a recount per threshold does 10^10 steps), heavy ties,
    # every label the same (every split has impurity 0), two classes that barely overlap.
    values = rng.sample(range(-(10**8), 10**8), MAX_N)
    tests.append(_case([v / 1000 for v in values], [1 if v > 0 else 0 for v in values]))
    tests.append(_classes(rng, MAX_N, 4, 15.0, 0))
    tests.append(_case([_value(rng.uniform(-1e6, 1e6)) for _ in range(MAX_N)], [2] * MAX_N))
    tests.append(_classes(rng, MAX_N, 2, 3.0))
    return tests
