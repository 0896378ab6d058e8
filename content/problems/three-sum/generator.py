"""Hidden tests for three-sum: duplicates, zeros, no answer, maximum size."""

from __future__ import annotations

import random

MAX_N = 3000
MAX_V = 10**5


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        [0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 2, 3],
        [-1, 0, 1],
        [-1, 0, 1, 2, -1, -4],
        [1, 2, -2, -1],
        [-2, 0, 0, 2, 2],
        [-1, -1, 2, 2, -1, -1],
        [MAX_V, -MAX_V, 0, MAX_V, -MAX_V],
        [-MAX_V, MAX_V // 2, MAX_V // 2, -3, 1, 2],
        [5, 5, 5, 5],
        [-4, -1, -1, 0, 1, 2, 2, 3, 4, -4, 0],
    ]
    tests = [{"args": {"nums": x}} for x in fixed]
    for _ in range(4):
        n = rng.randint(3, 20)
        tests.append({"args": {"nums": [rng.randint(-6, 6) for _ in range(n)]}})
    tests.append({"args": {"nums": [rng.randint(-150, 150) for _ in range(300)]}})
    # Maximum size: wide random values (many distinct, moderate output), heavy duplicates,
    # only positives (no answer, the scan must still be fast), and a mid-range dense case.
    tests.append({"args": {"nums": [rng.randint(-MAX_V, MAX_V) for _ in range(MAX_N)]}})
    tests.append({"args": {"nums": [rng.randint(-10, 10) for _ in range(MAX_N)]}})
    tests.append({"args": {"nums": rng.sample(range(1, MAX_V + 1), MAX_N)}})
    negatives = rng.sample(range(-MAX_V, 0), MAX_N // 3)
    positives = rng.sample(range(1, MAX_V + 1), MAX_N - len(negatives))
    tests.append({"args": {"nums": negatives + positives}})
    tests.append({"args": {"nums": [rng.randint(-20_000, 20_000) for _ in range(MAX_N)]}})
    return tests
