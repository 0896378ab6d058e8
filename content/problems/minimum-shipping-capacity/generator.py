"""Hidden tests for minimum-shipping-capacity: edge cases, random and maximum-size cases."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_W = 10_000


def _case(rng: random.Random, n: int, high: int = MAX_W, days: int | None = None) -> dict:
    weights = [rng.randint(1, high) for _ in range(n)]
    return {"args": {"weights": weights, "days": days if days is not None else rng.randint(1, n)}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"weights": [1], "days": 1}},
        {"args": {"weights": [MAX_W], "days": 1}},
        {"args": {"weights": [1, 10], "days": 2}},
        {"args": {"weights": [10, 1], "days": 2}},
        {"args": {"weights": [1, 1, 9, 1, 1], "days": 3}},
        {"args": {"weights": [5, 5, 5, 5], "days": 2}},
        {"args": {"weights": [5, 5, 5, 5], "days": 3}},
        {"args": {"weights": [2, 3, 9, 1, 1, 1, 1, 1, 1], "days": 4}},
    ]
    tests += [_case(rng, rng.randint(2, 10), 12) for _ in range(6)]
    tests += [_case(rng, rng.randint(100, 3000)) for _ in range(3)]
    # Maximum size: the answers are far above max(weights), so trying capacities one by one
    # would take around 10^8 greedy passes.
    tests.append(_case(rng, MAX_N, days=1))
    tests.append(_case(rng, MAX_N, days=2))
    tests.append(_case(rng, MAX_N, days=rng.randint(10, 1000)))
    tests.append({"args": {"weights": [MAX_W] * MAX_N, "days": 3}})
    tests.append(_case(rng, MAX_N, days=MAX_N))
    tests.append(_case(rng, MAX_N, 30, days=MAX_N // 2))
    return tests
