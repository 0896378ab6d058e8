"""Hidden tests for leakage-free-time-split: one row, no validation row, only validation rows,
rows exactly at the cutoff and at cutoff - gap, a zero gap, a gap reaching past the start, one
customer everywhere, unsorted rows, and maximum sizes (200000 rows, up to 10^5 customers)."""

from __future__ import annotations

import random

LIMIT = 10**9


def _case(timestamps: list[int], groups: list[int], cutoff: int, gap: int) -> dict:
    return {"args": {"timestamps": timestamps, "groups": groups, "cutoff": cutoff, "gap": gap}}


def _random(rng: random.Random, n: int, customers: int, span: int, gap: int) -> dict:
    """Customers with a first and a last day; rows fall between them, in random order."""
    ids = rng.sample(range(LIMIT + 1), customers)
    life = {}
    for c in ids:
        a, b = sorted(rng.randint(0, span) for _ in range(2))
        life[c] = (a, b)
    timestamps, groups = [], []
    for _ in range(n):
        c = rng.choice(ids)
        a, b = life[c]
        timestamps.append(rng.randint(a, b))
        groups.append(c)
    cutoff = rng.randint(span // 2, span)
    return _case(timestamps, groups, cutoff, gap)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([5], [1], 5, 0),
        _case([5], [1], 6, 0),
        _case([5], [1], 6, 1),
        # Exactly at cutoff - gap: in the gap, not in training.
        _case([10, 7, 6, 13], [1, 2, 3, 4], 10, 3),
        _case([0, 1, 2, 3, 4, 5], [9, 9, 9, 9, 9, 9], 5, 0),
        _case([0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6], 3, 0),
        # A gap longer than all of history, and a cutoff beyond every row.
        _case([100, 200, 300], [1, 2, 1], 250, 10**9),
        _case([LIMIT, 0, LIMIT // 2], [LIMIT, 0, 7], LIMIT, 0),
        _case([3, 1, 2], [4, 4, 4], LIMIT, LIMIT),
    ]
    tests.append(_random(rng, 30, 5, 100, 5))
    tests.append(_random(rng, 500, 50, 1000, 0))
    tests.append(_random(rng, 5000, 4000, 10**6, 30000))
    tests.append(_random(rng, 20000, 10, LIMIT, 10**7))
    # Maximum sizes.
    tests.append(_random(rng, 200000, 100000, LIMIT, 10**6))
    tests.append(_random(rng, 200000, 100000, 1000, 50))
    tests.append(_random(rng, 200000, 1000, 10**6, 0))
    tests.append(_random(rng, 200000, 150000, 10**8, 10**7))
    return tests
