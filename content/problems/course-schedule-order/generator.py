"""Hidden tests for course-schedule-order: cycles, duplicates, chains and large random DAGs."""

from __future__ import annotations

import random


def _dag(rng: random.Random, n: int, m: int) -> list[list[int]]:
    """m random pairs consistent with a hidden random order of the n modules."""
    rank = list(range(n))
    rng.shuffle(rank)
    pairs = []
    for _ in range(m):
        x = rng.randrange(n)
        y = (x + rng.randrange(1, n)) % n
        if rank[x] > rank[y]:
            x, y = y, x
        pairs.append([y, x])  # x comes before y
    return pairs


def _chain(n: int, labels: list[int]) -> list[list[int]]:
    """labels[0] before labels[1] before ... before labels[-1]."""
    return [[labels[i + 1], labels[i]] for i in range(n - 1)]


def generate(rng: random.Random) -> list[dict]:
    cases: list[tuple[int, list[list[int]]]] = [
        (1, []),
        (2, [[1, 0]]),
        (2, [[0, 1], [1, 0]]),
        (3, [[1, 0], [1, 0], [2, 1], [2, 1]]),
        (5, [[1, 0], [2, 1], [0, 2], [4, 3]]),
        (6, [[5, 4], [4, 3], [3, 2], [2, 1], [1, 0]]),
        (6, [[1, 0], [3, 2], [5, 4]]),
        (4, [[0, 3], [1, 3], [2, 3], [3, 1]]),
    ]
    for _ in range(3):
        n = rng.randint(2, 10)
        cases.append((n, _dag(rng, n, rng.randint(0, 2 * n))))
    for _ in range(2):
        n = rng.randint(2, 10)
        pairs = _dag(rng, n, rng.randint(1, 2 * n))
        a, b = pairs[0]
        cases.append((n, [*pairs, [b, a]]))  # the reversed pair closes a cycle
    for _ in range(2):
        n = rng.randint(500, 5000)
        cases.append((n, _dag(rng, n, rng.randint(n, 3 * n))))
    # Maximum size. A chain labelled in descending order needs n rounds of a naive scan.
    n = 100_000
    cases.append((n, _chain(n, list(range(n - 1, -1, -1)))))
    labels = list(range(n))
    rng.shuffle(labels)
    chain = _chain(n, labels)
    cases.append((n, [*chain, [labels[0], labels[-1]]]))  # one back edge: a cycle through all
    cases.append((n, _dag(rng, n, 200_000)))
    dense = _dag(rng, n, 199_999)
    a, b = dense[-1]
    cases.append((n, [*dense, [b, a]]))
    cases.append((n, chain + _dag(rng, n, 100_000)))
    return [{"args": {"n": n, "prerequisites": pairs}} for n, pairs in cases]
