"""Hidden tests for product-of-array-except-self: zeros, signs, 64-bit products, maximum size."""

from __future__ import annotations

import math
import random

MAX_N = 100_000
BUDGET = 62.9  # log2 of the largest allowed product of absolute values (< 2^63)


def _array(rng: random.Random, n: int, zeros: int, big: int) -> list[int]:
    """n values of +-1, then up to `big` larger magnitudes within the 64-bit budget, then zeros."""
    values = [rng.choice((-1, 1)) for _ in range(n)]
    used = 0.0
    for i in rng.sample(range(n), min(n, big)):
        v = rng.randint(2, 30)
        if used + math.log2(v) >= BUDGET:
            continue
        used += math.log2(v)
        values[i] = v * rng.choice((-1, 1))
    for i in rng.sample(range(n), min(n, zeros)):
        values[i] = 0
    return values


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        [1, 1],
        [0, 0],
        [0, 5],
        [-30, 30],
        [2, 3, 4, 5],
        [-2, 0, 3, 1],
        [0, -1, 0, 2],
        [-1, -1, -1, -1, -1],
        [1, 2, 0, 4, 5, 6],
        [30] * 12 + [7],  # 30^12 * 7 < 2^63: products near the 64-bit limit
        [-30] * 12 + [-7, 1],
        [2] * 62,  # 2^62 once the element itself is removed: 2^61
    ]
    tests = [{"args": {"nums": x}} for x in fixed]
    for _ in range(4):
        n = rng.randint(3, 12)
        tests.append({"args": {"nums": _array(rng, n, rng.randint(0, 1), rng.randint(0, n))}})
    tests.append({"args": {"nums": _array(rng, 500, 0, 40)}})
    tests.append({"args": {"nums": _array(rng, 2000, 1, 40)}})
    # Maximum size: no zero, exactly one zero, two zeros, all ones.
    tests.append({"args": {"nums": _array(rng, MAX_N, 0, 60)}})
    tests.append({"args": {"nums": _array(rng, MAX_N, 1, 60)}})
    tests.append({"args": {"nums": _array(rng, MAX_N, 2, 30)}})
    tests.append({"args": {"nums": [1] * MAX_N}})
    return tests
