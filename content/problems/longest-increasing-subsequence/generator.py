"""Hidden tests for longest-increasing-subsequence."""

from __future__ import annotations

import random

LIMIT = 10**9
N = 100_000


def _args(nums: list[int]) -> dict:
    return {"args": {"nums": nums}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([7]),
        _args([-LIMIT, LIMIT]),
        _args([LIMIT, -LIMIT]),
        _args([3, 3]),
        _args([1, 2, 2, 3]),
        _args([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15]),
        _args([2, 1, 2, 1, 2, 1, 3, 3, 3]),
    ]
    # Small random cases with many repeated values (catches non-strict comparisons).
    for _ in range(5):
        n = rng.randint(2, 20)
        tests.append(_args([rng.randint(-3, 3) for _ in range(n)]))
    for _ in range(3):
        n = rng.randint(100, 3000)
        tests.append(_args([rng.randint(-LIMIT, LIMIT) for _ in range(n)]))
    # Maximum size: any quadratic algorithm is far too slow here.
    tests.append(_args([rng.randint(-LIMIT, LIMIT) for _ in range(N)]))
    tests.append(_args([rng.randint(1, 50) for _ in range(N)]))
    tests.append(_args(list(range(-N // 2, N // 2))))
    tests.append(_args(list(range(N, 0, -1))))
    tests.append(_args([5] * N))
    # Mostly increasing with noise and duplicates.
    tests.append(_args([i // 2 + rng.randint(-20, 20) for i in range(N)]))
    return tests
