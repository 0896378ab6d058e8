"""Hidden tests for picking-rail-hops: one or two stations, hops of 1 and hops longer than the
rail, all-negative rails, greedy traps, the largest scores and maximum-size rails with short and
long windows."""

from __future__ import annotations

import random

MAX_N = 200_000
MAX_K = 200_000
MAX_G = 10**9


def _args(gains: list[int], k: int) -> dict:
    return {"args": {"gains": gains, "k": k}}


def _random(rng: random.Random, n: int, k: int, low: int, high: int) -> dict:
    return _args([rng.randint(low, high) for _ in range(n)], k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([7], 1),
        _args([-MAX_G], MAX_K),
        _args([-5, -6], 1),
        _args([MAX_G, -MAX_G], MAX_K),
        # k = 1: every station is visited.
        _args([4, -1, -2, 3, -9], 1),
        # Hops long enough to reach the end at once.
        _args([1, -3, -3, -3, 2], 4),
        _args([1, 5, 5, 5, 2], 100),
        # Hops one short of reaching the end: one stop is forced.
        _args([-1, -4, -2, -8, -1], 3),
        # Greedy traps: hopping to the best station in reach skips smaller gains on the way.
        _args([0, 3, 3, 3, 4, 0], 4),
        _args([0, 2, 9, -20, 1, -20, 0], 3),
        # The window maximum expires while smaller values stay, and equal values.
        _args([10, -100, -1, -1, -100, -1, 5], 2),
        _args([3, 3, 3, -7, 3, 3, -7, -7, 3], 2),
    ]
    for _ in range(6):
        n = rng.randint(2, 14)
        tests.append(_random(rng, n, rng.randint(1, n + 2), -10, 10))
    for _ in range(3):
        n = rng.randint(50, 400)
        tests.append(_random(rng, n, rng.randint(1, 12), -100, 60))
    tests.append(_random(rng, 3000, 40, -1000, 200))
    # Maximum sizes. Long windows (the O(n * k) scan does 2 * 10^10 steps), short ones, all
    # negative, all positive, and monotone runs that stress the deque from both ends.
    tests.append(_random(rng, MAX_N, MAX_N // 2, -MAX_G, MAX_G))
    tests.append(_random(rng, MAX_N, MAX_N - 1, -MAX_G, MAX_G // 10))
    tests.append(_random(rng, MAX_N, 1, -MAX_G, MAX_G))
    tests.append(_random(rng, MAX_N, 2, -MAX_G, MAX_G // 2))
    tests.append(_random(rng, MAX_N, 1000, -MAX_G, 0))
    tests.append(_args([-MAX_G] * MAX_N, 3))
    tests.append(_args([MAX_G] * MAX_N, MAX_K))
    tests.append(_args([-MAX_G + i for i in range(MAX_N)], 50_000))
    tests.append(_args([MAX_G - 7 * i for i in range(MAX_N)], 70_000))
    tests.append(
        _args([MAX_G if i % 5000 == 0 else -rng.randint(0, MAX_G) for i in range(MAX_N)], 4999)
    )
    return tests
