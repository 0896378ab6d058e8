"""Hidden tests for k-closest-warehouses: edge cases, random and maximum-size cases.

Every test has distinct points and a unique answer set: the k-th smallest squared distance is
strictly below the (k+1)-th.
"""

from __future__ import annotations

import random

LIMIT = 10_000
MAX_N = 100_000


def _valid_k(points: list[list[int]], wanted: int) -> int:
    """The valid k nearest to wanted (k == n always is)."""
    dist = sorted(x * x + y * y for x, y in points)
    n = len(dist)
    valid = [k for k in range(1, n + 1) if k == n or dist[k - 1] < dist[k]]
    return min(valid, key=lambda k: (abs(k - wanted), k))


def _points(rng: random.Random, n: int, limit: int) -> list[list[int]]:
    side = 2 * limit + 1
    codes = rng.sample(range(side * side), n)
    return [[code // side - limit, code % side - limit] for code in codes]


def _case(rng: random.Random, n: int, limit: int, wanted: int) -> dict:
    points = _points(rng, n, limit)
    return {"args": {"points": points, "k": _valid_k(points, wanted)}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"points": [[0, 0]], "k": 1}},
        {"args": {"points": [[-LIMIT, -LIMIT]], "k": 1}},
        {"args": {"points": [[LIMIT, LIMIT], [-LIMIT, LIMIT - 1]], "k": 1}},
        {"args": {"points": [[3, 0], [2, 2]], "k": 1}},
        {"args": {"points": [[0, 5], [3, 4], [4, 3], [1, 1]], "k": 1}},
        {"args": {"points": [[0, 5], [3, 4], [4, 3], [1, 1], [6, 0]], "k": 4}},
        {"args": {"points": [[5, 0], [4, 1], [1, 4], [0, 4]], "k": 3}},
        {"args": {"points": [[1, 0], [0, 1], [-1, 0], [0, -1]], "k": 4}},
    ]
    for _ in range(6):
        n = rng.randint(2, 12)
        tests.append(_case(rng, n, 6, rng.randint(1, n)))
    tests += [_case(rng, rng.randint(100, 3000), LIMIT, rng.randint(1, 100)) for _ in range(3)]
    # Maximum size: repeated "find the minimum" takes about n*k steps.
    tests.append(_case(rng, MAX_N, LIMIT, MAX_N // 2))
    tests.append(_case(rng, MAX_N, LIMIT, MAX_N - 10))
    tests.append(_case(rng, MAX_N, LIMIT, 1))
    tests.append(_case(rng, MAX_N, 400, 7_000))
    return tests
