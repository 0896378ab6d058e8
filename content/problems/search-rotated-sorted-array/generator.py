"""Hidden tests for search-rotated-sorted-array: edge cases, random and maximum-size cases."""

from __future__ import annotations

import random

LIMIT = 10**9
MAX_N = 100_000


def _case(
    rng: random.Random, n: int, q: int, low: int = -LIMIT, high: int = LIMIT, hit_rate: float = 0.5
) -> dict:
    """A random rotated list of n distinct values and q queries, about hit_rate of them present."""
    values = sorted(rng.sample(range(low, high + 1), n))
    k = rng.randrange(n)
    nums = values[k:] + values[:k]
    present = set(values)
    queries = []
    for _ in range(q):
        if rng.random() < hit_rate:
            queries.append(rng.choice(values))
        else:
            v = rng.randint(low, high)
            while v in present and len(present) < high - low + 1:
                v = rng.randint(low, high)
            queries.append(v)
    return {"args": {"nums": nums, "queries": queries}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"nums": [7], "queries": [7]}},
        {"args": {"nums": [7], "queries": [6, 8, 7]}},
        {"args": {"nums": [2, 1], "queries": [1, 2, 0, 3]}},
        {"args": {"nums": [1, 2], "queries": [1, 2, 0, 3]}},
        {"args": {"nums": [3, 1, 2], "queries": [1, 2, 3, 4]}},
        {"args": {"nums": [2, 3, 1], "queries": [1, 2, 3, 0]}},
        {"args": {"nums": [-LIMIT, LIMIT], "queries": [LIMIT, -LIMIT, 0]}},
        {"args": {"nums": [LIMIT, -LIMIT], "queries": [-LIMIT, LIMIT, 0]}},
        {"args": {"nums": [6, 7, 8, 9, 1, 2, 3, 4, 5], "queries": list(range(0, 11))}},
    ]
    # Small lists with every rotation and every value in or near range queried.
    for _ in range(6):
        n = rng.randint(2, 10)
        values = sorted(rng.sample(range(-20, 21), n))
        k = rng.randrange(n)
        tests.append({"args": {"nums": values[k:] + values[:k], "queries": list(range(-21, 22))}})
    tests += [_case(rng, rng.randint(100, 3000), rng.randint(100, 3000)) for _ in range(3)]
    # Maximum size: linear scans per query are far too slow.
    tests.append(_case(rng, MAX_N, MAX_N))
    tests.append(_case(rng, MAX_N, MAX_N, hit_rate=0.0))
    values = list(range(-MAX_N, MAX_N, 2))[:MAX_N]
    nums = values[1:] + values[:1]  # rotated by one: the minimum sits at the far end
    tests.append({"args": {"nums": nums, "queries": [v - 1 for v in values]}})
    tests.append({"args": {"nums": values, "queries": values[::-1]}})
    return tests
