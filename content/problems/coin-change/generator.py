"""Hidden tests for coin-change: edge cases, greedy traps, random and maximum-size cases."""

from __future__ import annotations

import random

MAX_AMOUNT = 10**4
MAX_VALUE = 10**5


def _args(coins: list[int], amount: int) -> dict:
    return {"args": {"coins": coins, "amount": amount}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([1], 0),
        _args([2], 1),
        _args([1], 1),
        _args([2], MAX_AMOUNT),
        _args([3], MAX_AMOUNT),
        _args([MAX_VALUE], MAX_AMOUNT),
        _args([1, 3, 4], 6),
        _args([5, 7], 14),
        _args([1, 15, 25], 30),
        _args([2, 5, 10], 13),
    ]
    # Small random cases (many of them greedy traps) and some impossible ones.
    for _ in range(6):
        k = rng.randint(1, 5)
        tests.append(_args(rng.sample(range(1, 30), k), rng.randint(0, 100)))
    for _ in range(3):
        k = rng.randint(1, 6)
        tests.append(_args(sorted(rng.sample(range(6, 60, 3), k)), rng.randint(1, 500) * 3 + 1))
    # Medium and maximum size: the brute force explodes long before these.
    for _ in range(3):
        k = rng.randint(5, 20)
        tests.append(_args(rng.sample(range(1, 2000), k), rng.randint(1000, 5000)))
    tests.append(_args(rng.sample(range(1, MAX_VALUE + 1), 50), MAX_AMOUNT))
    tests.append(_args(rng.sample(range(200, 700), 50), MAX_AMOUNT - 1))
    tests.append(_args([9973, 997, 97, 7], MAX_AMOUNT))
    tests.append(_args(sorted(rng.sample(range(2, 60, 2), 25), reverse=True), MAX_AMOUNT - 1))
    tests.append(_args([1, *rng.sample(range(2, 5000), 49)], MAX_AMOUNT))
    return tests
