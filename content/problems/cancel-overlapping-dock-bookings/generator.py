"""Hidden tests for cancel-overlapping-dock-bookings: edge cases, greedy traps, maximum size."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_T = 10**9


def _args(bookings: list[list[int]]) -> dict:
    return {"args": {"bookings": bookings}}


def _random(rng: random.Random, n: int, horizon: int, max_len: int) -> dict:
    bookings = []
    for _ in range(n):
        start = rng.randint(0, horizon - 1)
        end = min(horizon, start + rng.randint(1, max_len))
        bookings.append([start, end])
    return _args(bookings)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([[0, MAX_T]]),
        _args([[0, 1], [1, 2], [2, 3]]),
        _args([[5, 9], [5, 9], [5, 9]]),
        _args([[0, 10], [1, 2], [3, 4], [5, 6]]),
        _args([[1, 4], [4, 7], [3, 5]]),
        _args([[1, 100], [2, 3], [3, 4], [50, 60], [0, 1]]),
        _args([[0, 2], [1, 3], [2, 4], [3, 5], [4, 6]]),
    ]
    tests += [_random(rng, rng.randint(2, 10), 20, 6) for _ in range(6)]
    tests += [_random(rng, rng.randint(500, 3000), 10_000, 50) for _ in range(2)]
    # Maximum size: a quadratic DP or a pairwise check runs out of time on all of them.
    tests.append(_random(rng, MAX_N, MAX_T, 50_000))
    tests.append(_random(rng, MAX_N, MAX_T, MAX_T // 10))
    tests.append(_random(rng, MAX_N, 1000, 30))
    chain = [[i, i + 1] for i in range(MAX_N)]  # touching everywhere: nothing to cancel
    rng.shuffle(chain)
    tests.append(_args(chain))
    nested = [[i, MAX_T - i] for i in range(MAX_N)]  # all nested: keep one
    rng.shuffle(nested)
    tests.append(_args(nested))
    # One long booking starting first over many short ones: traps a keep-earliest-start greedy.
    short = [[10 * i + 1, 10 * i + 2] for i in range(MAX_N - 1)]
    tests.append(_args([[0, MAX_T], *short]))
    return tests
