"""Hidden tests for merge-overlapping-intervals: containment, touching, chains, maximum size."""

from __future__ import annotations

import random

MAX_N = 10_000
MAX_T = 10**6


def _random(rng: random.Random, n: int, span: int, max_len: int) -> list[list[int]]:
    out = []
    for _ in range(n):
        start = rng.randint(0, span)
        out.append([start, min(span, start + rng.randint(0, max_len))])
    return out


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        [[5, 5]],
        [[0, MAX_T]],
        [[1, 4], [4, 6]],
        [[1, 4], [5, 6]],
        [[1, 10], [2, 3], [4, 6]],
        [[2, 3], [1, 10]],
        [[3, 3], [3, 3], [3, 3]],
        [[7, 9], [1, 2], [4, 5], [0, 0], [10, 10]],
        [[1, 3], [3, 5], [5, 7], [7, 9]],
        [[0, 0], [1, 1], [2, 2]],
        [[6, 8], [1, 9], [2, 4], [4, 7]],
        [[0, 5], [1, 2], [3, 8], [9, 9], [10, 12], [11, 11]],
    ]
    tests = [{"args": {"intervals": x}} for x in fixed]
    for _ in range(5):
        tests.append({"args": {"intervals": _random(rng, rng.randint(2, 15), 30, 6)}})
    for _ in range(3):
        tests.append({"args": {"intervals": _random(rng, rng.randint(100, 2000), 50_000, 60)}})
    # Maximum size, pairwise disjoint (gaps of at least one minute), shuffled.
    starts = sorted(rng.sample(range(0, MAX_T // 2), MAX_N))
    disjoint = [[2 * s, 2 * s] for s in starts]
    rng.shuffle(disjoint)
    tests.append({"args": {"intervals": disjoint}})
    # Maximum size, short bookings: many small groups, touching common.
    tests.append({"args": {"intervals": _random(rng, MAX_N, MAX_T, 120)}})
    # Maximum size: one long booking containing everything else, listed first after shuffling.
    nested = [[0, MAX_T]] + _random(rng, MAX_N - 1, MAX_T, 1000)
    rng.shuffle(nested)
    tests.append({"args": {"intervals": nested}})
    # Maximum size: a touching chain [0,100],[100,200],... that merges into one interval.
    chain = [[100 * i, 100 * (i + 1)] for i in range(MAX_N)]
    rng.shuffle(chain)
    tests.append({"args": {"intervals": chain}})
    return tests
