"""Hidden tests for jump-game-ii: edge cases, random and maximum-size cases (always reachable)."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_R = 100_000


def _reachable(rng: random.Random, n: int, high: int, zero_rate: float = 0.3) -> dict:
    """Random ranges; where the drone would get stuck, give the station a positive range."""
    rand = rng.random
    ranges = [0 if rand() < zero_rate else 1 + int(rand() * high) for _ in range(n)]
    farthest = 0
    for i in range(n - 1):
        farthest = max(farthest, i + ranges[i])
        if farthest <= i:
            ranges[i] = 1 + int(rand() * high)
            farthest = i + ranges[i]
    return {"args": {"ranges": ranges}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"ranges": [0]}},
        {"args": {"ranges": [MAX_R]}},
        {"args": {"ranges": [1, 0]}},
        {"args": {"ranges": [1, 1]}},
        {"args": {"ranges": [5, 0]}},
        {"args": {"ranges": [1, 1, 1, 1]}},
        {"args": {"ranges": [3, 1, 1, 0]}},
        {"args": {"ranges": [1, 3, 0, 0, 1, 0]}},
        {"args": {"ranges": [2, 1, 2, 1, 2, 1, 0]}},
        {"args": {"ranges": [4, 1, 1, 3, 1, 1, 1]}},
    ]
    tests += [_reachable(rng, rng.randint(2, 12), 4) for _ in range(6)]
    tests += [_reachable(rng, rng.randint(100, 3000), rng.randint(2, 50)) for _ in range(3)]
    # Maximum size. Large ranges make the O(n * range) dynamic programme quadratic.
    tests.append({"args": {"ranges": [MAX_R] * MAX_N}})
    tests.append({"args": {"ranges": [MAX_N - i for i in range(MAX_N)]}})
    tests.append(_reachable(rng, MAX_N, MAX_R, 0.5))
    tests.append({"args": {"ranges": [1] * MAX_N}})
    tests.append(_reachable(rng, MAX_N, 3))
    return tests
