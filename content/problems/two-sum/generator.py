"""Hidden tests for two-sum: edge cases, random cases and maximum-size cases."""

from __future__ import annotations

import random

LIMIT = 10**9


def _case(rng: random.Random, n: int, low: int = 1, high: int = LIMIT) -> dict:
    """n values with exactly one pair summing to the target, placed at random positions."""
    while True:
        values = [rng.randint(low, high) for _ in range(n)]
        i, j = rng.sample(range(n), 2)
        target = values[i] + values[j]
        seen: dict[int, int] = {}
        pairs = 0
        for v in values:
            pairs += seen.get(target - v, 0)
            seen[v] = seen.get(v, 0) + 1
        if pairs == 1:
            return {"args": {"prices": values, "target": target}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"prices": [1, 1], "target": 2}},
        {"args": {"prices": [LIMIT, LIMIT], "target": 2 * LIMIT}},
        {"args": {"prices": [LIMIT, LIMIT - 1, 5], "target": 2 * LIMIT - 1}},
        {"args": {"prices": [7, 1, 2, 7], "target": 14}},
        {"args": {"prices": [2, 4, 3, 9], "target": 5}},
        {"args": {"prices": [3, 3, 4], "target": 6}},
    ]
    tests += [_case(rng, rng.randint(3, 12), 1, 40) for _ in range(6)]
    tests += [_case(rng, rng.randint(100, 2000)) for _ in range(4)]
    # Maximum size, with the pair at the very end so that quadratic scans are slow.
    n = 100_000
    values = rng.sample(range(1, 4 * n), n - 2)
    tests.append({"args": {"prices": [*values, 10**8 + 1, 10**8 + 3], "target": 2 * 10**8 + 4}})
    tests.append(_case(rng, n))
    return tests
