"""Hidden tests for shortest-stretch-k-products: edge cases, traps and maximum-size logs."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_ID = 10**9


def _args(products: list[int], k: int) -> dict:
    return {"args": {"products": products, "k": k}}


def _random(rng: random.Random, n: int, kinds: int, k: int) -> dict:
    ids = rng.sample(range(1, MAX_ID + 1), kinds)
    return _args([rng.choice(ids) for _ in range(n)], k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([5], 1),
        _args([MAX_ID, 1], 2),
        _args([3, 3, 3, 3], 1),
        _args([3, 3, 3, 3], 2),
        _args([1, 2, 3], 3),
        _args([1, 2, 2, 2, 3, 4, 5], 3),
        _args([9, 1, 1, 1, 1, 2, 9, 3], 3),
        _args([2, 1, 2, 1, 2, 1, 3], 3),
    ]
    # Small random logs with few product kinds, k near the number of kinds.
    for _ in range(6):
        n = rng.randint(2, 15)
        kinds = rng.randint(1, 5)
        tests.append(_random(rng, n, kinds, rng.randint(1, min(n, kinds + 1))))
    for _ in range(2):
        n = rng.randint(1000, 5000)
        tests.append(_random(rng, n, 40, rng.randint(10, 41)))
    # Maximum size. All distinct with k = n (every start of a slow scan walks to the end), one
    # product short of k (answer -1), a long first window followed by a short one (traps a window
    # that never drops a product), and random logs.
    tests.append(_args(rng.sample(range(1, MAX_ID + 1), MAX_N), MAX_N))
    ids = rng.sample(range(1, MAX_ID + 1), MAX_N - 1)
    tests.append(_args([*ids, ids[0]], MAX_N))
    head = [1] + [2] * (MAX_N // 2)
    tail = list(range(3, 3 + (MAX_N - len(head))))
    tests.append(_args(head + tail, 3))
    tests.append(_random(rng, MAX_N, 1000, 1000))
    tests.append(_random(rng, MAX_N, 50_000, 20_000))
    tests.append(_random(rng, MAX_N, 3, 3))
    return tests
