"""Hidden tests for container-with-most-water: edge cases, shapes that fool greedy ideas, maximum size."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_H = 10_000


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        [1, 1],
        [0, 0],
        [0, 7],
        [4, 4],
        [1, 8, 6, 2, 5, 4, 8, 3, 7],
        [2, 0, 0, 9, 0, 3],
        [1, 2, 3, 4, 5, 6],
        [6, 5, 4, 3, 2, 1],
        [5, 5, 5, 5, 5, 5, 5],
        [1, 100, 100, 1],
        [1, 3, 2, 5, 25, 24, 5],
        [10, 9, 8, 1, 1, 1, 1, 2, 3],
    ]
    tests = [{"args": {"heights": h}} for h in fixed]
    for _ in range(4):
        n = rng.randint(3, 20)
        tests.append({"args": {"heights": [rng.randint(0, 20) for _ in range(n)]}})
    tests.append({"args": {"heights": [rng.randint(0, MAX_H) for _ in range(3000)]}})
    # Maximum size: random, a mountain (best pair in the middle), tall ends, all equal, zeros.
    tests.append({"args": {"heights": [rng.randint(0, MAX_H) for _ in range(MAX_N)]}})
    half = MAX_N // 2
    mountain = [min(MAX_H, i // 5) for i in range(half)]
    tests.append({"args": {"heights": mountain + mountain[::-1]}})
    ends = [rng.randint(0, 50) for _ in range(MAX_N)]
    ends[0], ends[-1] = MAX_H, MAX_H - 1
    tests.append({"args": {"heights": ends}})
    tests.append({"args": {"heights": [MAX_H] * MAX_N}})
    sparse = [0] * MAX_N
    for i in rng.sample(range(MAX_N), 50):
        sparse[i] = rng.randint(1, MAX_H)
    tests.append({"args": {"heights": sparse}})
    return tests
