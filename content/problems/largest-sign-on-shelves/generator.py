"""Hidden tests for largest-sign-on-shelves: edge cases, equal runs, overflow and maximum size."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_H = 10**9


def _args(heights: list[int]) -> dict:
    return {"args": {"heights": heights}}


def _random(rng: random.Random, n: int, high: int) -> dict:
    return _args([rng.randint(0, high) for _ in range(n)])


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([0]),
        _args([MAX_H]),
        _args([0, 0, 0]),
        _args([5, 5, 5, 5]),
        _args([1, 2, 3, 4, 5]),
        _args([5, 4, 3, 2, 1]),
        _args([6, 2, 5, 4, 5, 1, 6]),
        _args([3, 1, 3, 1, 3]),
        _args([4, 4, 0, 4, 4, 4]),
    ]
    tests += [_random(rng, rng.randint(2, 12), 6) for _ in range(5)]
    tests += [_random(rng, rng.randint(500, 3000), 1000) for _ in range(2)]
    # Maximum size. All equal and tall (answer 10^14; expanding from each unit covers the whole
    # row), a rising staircase, a valley, a sawtooth, and random rows.
    tests.append(_args([MAX_H] * MAX_N))
    tests.append(_args([MAX_H - i for i in range(MAX_N)]))
    tests.append(_args([i + 1 for i in range(MAX_N)]))
    half = MAX_N // 2
    tests.append(_args([MAX_H - 10 * min(i, MAX_N - 1 - i) for i in range(MAX_N)]))
    tests.append(_args([MAX_H - (i % 7) * 1000 for i in range(MAX_N)]))
    tests.append(_args([*([7] * half), 0, *([MAX_H // 4] * (MAX_N - half - 1))]))
    tests.append(_random(rng, MAX_N, MAX_H))
    tests.append(_random(rng, MAX_N, 3))
    return tests
