"""Hidden tests for exact-budget-bundles: duplicates, no answer, many answers, maximum size."""

from __future__ import annotations

import random
from typing import Any

MAX_N = 100
MAX_PRICE = 50
MAX_BUDGET = 30


def _test(prices: list[int], budget: int) -> dict[str, Any]:
    return {"args": {"prices": prices, "budget": budget}}


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        _test([7], 7),
        _test([8], 7),
        _test([1], 1),
        _test([MAX_PRICE] * 3, MAX_BUDGET),
        _test([2, 2, 2, 3, 3], 7),
        _test([1, 1, 1, 1], 2),
        _test([4, 2, 6, 1, 3, 2], 7),
        _test([10, 20, 10, 5, 15, 5, 30], 30),
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_test([rng.randint(1, 10) for _ in range(n)], rng.randint(1, 20)))
    # Maximum size. Many equal prices: skipping repeated siblings is what keeps the search small.
    tests.append(_test([1] * MAX_N, MAX_BUDGET))
    tests.append(_test([1] * 50 + [2] * 50, MAX_BUDGET))
    tests.append(_test([rng.randint(1, 6) for _ in range(MAX_N)], MAX_BUDGET))
    # Every price from 1 to 30 available several times: thousands of bundles.
    many = [1 + i % MAX_BUDGET for i in range(MAX_N)]
    rng.shuffle(many)
    tests.append(_test(many, MAX_BUDGET))
    tests.append(_test([rng.randint(1, MAX_PRICE) for _ in range(MAX_N)], MAX_BUDGET))
    tests.append(_test([rng.randint(MAX_BUDGET + 1, MAX_PRICE) for _ in range(MAX_N)], MAX_BUDGET))
    odd = [rng.randrange(1, MAX_PRICE, 2) for _ in range(MAX_N - 1)] + [2]
    tests.append(_test(odd, 29))
    return tests
