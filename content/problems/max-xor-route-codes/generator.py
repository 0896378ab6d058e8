"""Hidden tests for max-xor-route-codes: tiny lists, equal codes, shared prefixes, maximum size."""

from __future__ import annotations

import random
from typing import Any

TOP = 2**31 - 1
MAX_N = 100_000


def _test(codes: list[int]) -> dict[str, Any]:
    return {"args": {"codes": codes}}


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        _test([0, 0]),
        _test([5, 5]),
        _test([1, 2]),
        _test([8, 7, 15]),
        _test([TOP, 0]),
        _test([TOP, TOP, TOP]),
        _test([3, 10, 5, 25, 2, 8]),
        _test([2**30, 2**30 + 1, 2**29]),
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_test([rng.randint(0, 63) for _ in range(n)]))
    tests.append(_test([rng.randint(0, TOP) for _ in range(1000)]))
    # Maximum size: random codes; codes sharing their top bits; one code that completes the best
    # pair hidden at the end; all codes equal.
    tests.append(_test([rng.randint(0, TOP) for _ in range(MAX_N)]))
    tests.append(_test([2**30 + rng.randint(0, 2**17) for _ in range(MAX_N)]))
    low = [rng.randint(0, 2**20) * 2 for _ in range(MAX_N - 1)]
    tests.append(_test([*low, TOP - 2**21 + 1]))
    tests.append(_test([123_456_789] * MAX_N))
    tests.append(_test(list(range(MAX_N))))
    return tests
